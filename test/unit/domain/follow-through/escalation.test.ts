import fc from 'fast-check';
import {
  daysOverdue,
  escalationComment,
  escalationTag,
  isDueForEscalation,
  latestEscalatedDueDate,
} from '../../../../src/domain/follow-through';
import { mentionedAccounts as mentions } from '../../../helpers/adf-mentions';

const base = {
  incident: { key: 'INC-1', url: 'https://example.atlassian.net/browse/INC-1' },
  dueDate: '2025-03-14',
  daysOverdue: 3,
};
describe('escalation comment', () => {
  it('mentions the assignee and the author, and carries the tag that marks it for the due date', () => {
    const body = escalationComment({
      ...base,
      assignee: { accountId: 'a-1', label: 'Alex Rivera' },
      author: { accountId: 'm-1', label: 'Mia Krystof' },
    });
    expect(mentions(body)).toEqual(['a-1', 'm-1']);
    expect(JSON.stringify(body)).toContain(`${escalationTag('2025-03-14')} (3 days)`);
  });

  it('mentions one person once when the assignee wrote the postmortem', () => {
    const alex = { accountId: 'a-1', label: 'Alex Rivera' };
    expect(mentions(escalationComment({ ...base, assignee: alex, author: alex }))).toEqual(['a-1']);
  });

  it('links the incident, and names no incident for an item labelled by hand', () => {
    const alex = { accountId: 'a-1', label: 'Alex Rivera' };
    const linked = JSON.stringify(escalationComment({ ...base, assignee: alex, author: null }));
    expect(linked).toContain('"href":"https://example.atlassian.net/browse/INC-1"');
    const unlinked = JSON.stringify(
      escalationComment({ ...base, incident: null, assignee: alex, author: null }),
    );
    expect(unlinked).not.toContain('"link"');
    expect(unlinked).toContain('"text":"a postmortem"');
  });

  it('writes out an author Jira has no account for, and says when nobody is assigned', () => {
    const body = escalationComment({
      ...base,
      assignee: null,
      author: { accountId: null, label: 'The SRE team' },
    });
    expect(mentions(body)).toEqual([]);
    expect(JSON.stringify(body)).toContain('The SRE team');
    expect(JSON.stringify(body)).toContain('Nobody is assigned to it yet.');
  });
});

describe('when an item is due for escalation', () => {
  it('is never while escalation is off, nor for a done item', () => {
    const now = new Date('2025-04-01T09:00:00Z');
    expect(isDueForEscalation({ statusCategory: 'new', dueDate: '2025-03-01' }, now, 'UTC', null)).toBe(
      false,
    );
    expect(isDueForEscalation({ statusCategory: 'done', dueDate: '2025-03-01' }, now, 'UTC', 1)).toBe(false);
  });

  it('agrees with the search cut-off: due exactly when the due date is on or before the latest escalated one', () => {
    const zone = fc.constantFrom('UTC', 'Pacific/Auckland', 'America/Los_Angeles');
    const now = fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 11, 31) })
      .map((ms) => new Date(ms));
    const due = fc
      .integer({ min: Date.UTC(2024, 11, 1) / 86_400_000, max: Date.UTC(2025, 11, 31) / 86_400_000 })
      .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(now, due, zone, fc.integer({ min: 1, max: 30 }), (at, dueDate, timeZone, afterDays) => {
        const dueNow = isDueForEscalation(
          { statusCategory: 'indeterminate', dueDate },
          at,
          timeZone,
          afterDays,
        );
        expect(dueNow).toBe(dueDate <= latestEscalatedDueDate(at, timeZone, afterDays));
        expect(dueNow).toBe(daysOverdue(dueDate, at, timeZone) >= afterDays);
      }),
    );
  });
});
