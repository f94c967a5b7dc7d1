import { businessDaysBetween, processMetrics } from '../../../../src/domain/metrics';
import { actionItem, incident } from './metric-fixtures';

const MARCH = { from: '2025-03', to: '2025-03' };
const NOW = '2025-04-10T12:00:00Z';

describe('businessDaysBetween', () => {
  it.each([
    ['same day', '2025-03-10T09:00:00Z', '2025-03-10T17:00:00Z', 0],
    ['Friday → Monday skips the weekend', '2025-03-07T10:00:00Z', '2025-03-10T09:00:00Z', 1],
    ['Friday → next Friday', '2025-03-07T10:00:00Z', '2025-03-14T10:00:00Z', 5],
    ['Saturday → Monday counts Monday', '2025-03-08T10:00:00Z', '2025-03-10T10:00:00Z', 1],
    ['Friday → next Monday', '2025-03-07T10:00:00Z', '2025-03-17T10:00:00Z', 6],
    ['end before start', '2025-03-10T10:00:00Z', '2025-03-07T10:00:00Z', 0],
  ])('%s', (_name, start, end, expected) => {
    expect(businessDaysBetween(start, end, 'UTC')).toBe(expected);
  });

  it('counts local dates in the zone, across the DST change', () => {
    // 22:30Z Friday is 23:30 Friday in Berlin; DST starts Sunday 2025-03-30.
    expect(businessDaysBetween('2025-03-28T22:30:00Z', '2025-03-31T06:00:00Z', 'Europe/Berlin')).toBe(1);
    // 23:30Z Friday is already Saturday 00:30 in Berlin (CET, +1): Saturday → Monday = 1.
    expect(businessDaysBetween('2025-03-07T23:30:00Z', '2025-03-10T06:00:00Z', 'Europe/Berlin')).toBe(1);
    // In New York 2025-03-10T02:00Z is still Sunday evening: Friday → Sunday = 0.
    expect(businessDaysBetween('2025-03-07T15:00:00Z', '2025-03-10T02:00:00Z', 'America/New_York')).toBe(0);
  });
});

describe('processMetrics', () => {
  it('postmortem completion rate counts only qualifying incidents of the period', () => {
    const final = { status: 'FINAL', severity: null, category: null, finalizedAt: '2025-03-12T10:00:00Z' };
    const m = processMetrics({
      incidents: [
        incident({
          key: 'A-1',
          created: '2025-03-03T10:00:00Z',
          qualifiesForPostmortem: true,
          postmortem: final,
        }),
        incident({
          key: 'A-2',
          created: '2025-03-04T10:00:00Z',
          qualifiesForPostmortem: true,
          postmortem: { ...final, status: 'DRAFT', finalizedAt: null },
        }),
        incident({ key: 'A-3', created: '2025-03-05T10:00:00Z', qualifiesForPostmortem: true }),
        incident({ key: 'A-4', created: '2025-03-06T10:00:00Z', qualifiesForPostmortem: false }),
        incident({ key: 'B-1', created: '2025-02-06T10:00:00Z', qualifiesForPostmortem: true }),
      ],
      actionItems: [],
      period: MARCH,
      now: NOW,
      timeZone: 'UTC',
    });
    // 1 FINAL of 3 qualifying March incidents: 33.3 % → 33.
    expect(m.postmortemCompletionRate).toMatchObject({
      value: 33,
      numerator: 1,
      denominator: 3,
      met: false,
      target: 100,
    });
  });

  it('has no completion rate (met null) when nothing qualifies', () => {
    const m = processMetrics({ incidents: [], actionItems: [], period: MARCH, now: NOW, timeZone: 'UTC' });
    expect(m.postmortemCompletionRate).toMatchObject({
      value: null,
      met: null,
      numerator: 0,
      denominator: 0,
    });
    expect(m.timeToPostmortem).toMatchObject({ value: null, met: null });
    expect(m.repeatIncidentRate).toMatchObject({ value: null, met: null });
  });

  it('time-to-postmortem averages business days from resolution to finalization', () => {
    const pm = (finalizedAt: string) => ({ status: 'FINAL', severity: null, category: null, finalizedAt });
    const m = processMetrics({
      incidents: [
        // Fri 7th → Fri 14th: 5 business days.
        incident({
          key: 'A-1',
          created: '2025-03-07T09:00:00Z',
          resolved: '2025-03-07T10:00:00Z',
          postmortem: pm('2025-03-14T10:00:00Z'),
        }),
        // Mon 10th → Tue 18th: 6 business days.
        incident({
          key: 'A-2',
          created: '2025-03-10T09:00:00Z',
          resolved: '2025-03-10T10:00:00Z',
          postmortem: pm('2025-03-18T10:00:00Z'),
        }),
        // Sat 15th → Mon 17th: 1 business day.
        incident({
          key: 'A-3',
          created: '2025-03-15T09:00:00Z',
          resolved: '2025-03-15T10:00:00Z',
          postmortem: pm('2025-03-17T10:00:00Z'),
        }),
        // Unresolved: not measurable.
        incident({ key: 'A-4', created: '2025-03-16T09:00:00Z', postmortem: pm('2025-03-17T10:00:00Z') }),
      ],
      actionItems: [],
      period: MARCH,
      now: NOW,
      timeZone: 'UTC',
    });
    // (5 + 6 + 1) / 3 = 4.0; two of three within 5.
    expect(m.timeToPostmortem).toMatchObject({
      value: 4,
      met: true,
      numerator: 2,
      denominator: 3,
      target: 5,
    });
  });

  it('action item completion by due date: on/before due counts, late and open do not, undated and future are excluded', () => {
    const m = processMetrics({
      incidents: [],
      actionItems: [
        actionItem({
          key: 'X-1',
          created: '2025-03-01T10:00:00Z',
          dueDate: '2025-03-10',
          statusCategory: 'done',
          doneAt: '2025-03-10T22:00:00Z',
        }),
        actionItem({
          key: 'X-2',
          created: '2025-03-01T10:00:00Z',
          dueDate: '2025-03-10',
          statusCategory: 'done',
          doneAt: '2025-03-11T08:00:00Z',
        }),
        actionItem({
          key: 'X-3',
          created: '2025-03-01T10:00:00Z',
          dueDate: '2025-03-20',
          statusCategory: 'indeterminate',
        }),
        actionItem({
          key: 'X-4',
          created: '2025-03-01T10:00:00Z',
          dueDate: '2025-03-05',
          statusCategory: 'done',
          doneAt: '2025-03-01T12:00:00Z',
        }),
        actionItem({
          key: 'X-5',
          created: '2025-03-01T10:00:00Z',
          dueDate: null,
          statusCategory: 'done',
          doneAt: '2025-03-02T12:00:00Z',
        }),
        actionItem({
          key: 'X-6',
          created: '2025-03-01T10:00:00Z',
          dueDate: '2025-04-02',
          statusCategory: 'new',
        }),
      ],
      period: MARCH,
      now: NOW,
      timeZone: 'UTC',
    });
    // Due in March: X-1 (on time), X-2 (late), X-3 (open), X-4 (early) → 2/4 = 50 %.
    expect(m.actionItemCompletionByDueDate).toMatchObject({
      value: 50,
      numerator: 2,
      denominator: 4,
      met: false,
      withoutDueDate: 1,
    });
  });

  it('judges "done on the due date" by the local date in the zone', () => {
    const items = [
      actionItem({
        key: 'X-1',
        created: '2025-03-01T10:00:00Z',
        dueDate: '2025-03-10',
        statusCategory: 'done',
        doneAt: '2025-03-10T23:30:00Z',
      }),
    ];
    const utc = processMetrics({
      incidents: [],
      actionItems: items,
      period: MARCH,
      now: NOW,
      timeZone: 'UTC',
    });
    const berlin = processMetrics({
      incidents: [],
      actionItems: items,
      period: MARCH,
      now: NOW,
      timeZone: 'Europe/Berlin',
    });
    expect(utc.actionItemCompletionByDueDate.numerator).toBe(1);
    expect(berlin.actionItemCompletionByDueDate.numerator).toBe(0);
  });

  it('leaves items not yet due out of the current month', () => {
    const m = processMetrics({
      incidents: [],
      actionItems: [
        actionItem({
          key: 'X-1',
          created: '2025-03-01T10:00:00Z',
          dueDate: '2025-03-05',
          statusCategory: 'done',
          doneAt: '2025-03-04T10:00:00Z',
        }),
        actionItem({
          key: 'X-2',
          created: '2025-03-01T10:00:00Z',
          dueDate: '2025-03-25',
          statusCategory: 'new',
        }),
      ],
      period: MARCH,
      now: '2025-03-15T12:00:00Z',
      timeZone: 'UTC',
    });
    expect(m.actionItemCompletionByDueDate).toMatchObject({
      value: 100,
      numerator: 1,
      denominator: 1,
      met: true,
    });
  });

  it('repeat incident rate looks back 6 months per category', () => {
    const db = ['Database'];
    const m = processMetrics({
      incidents: [
        // History: Database on 2024-09-20 (within 6 months of 2025-03-10, not of 2025-03-25).
        incident({ key: 'H-1', created: '2024-09-20T10:00:00Z', components: db }),
        incident({ key: 'A-1', created: '2025-03-10T10:00:00Z', components: db }), // repeat of H-1
        incident({ key: 'A-2', created: '2025-03-25T10:00:00Z', components: db }), // repeat of A-1
        incident({ key: 'A-3', created: '2025-03-05T10:00:00Z', components: ['Network'] }), // first Network
        incident({ key: 'A-4', created: '2025-03-06T10:00:00Z' }), // Uncategorized never repeats
        incident({ key: 'A-5', created: '2025-03-07T10:00:00Z' }),
        // Category from the postmortem beats the component.
        incident({
          key: 'A-6',
          created: '2025-03-08T10:00:00Z',
          components: ['Network'],
          postmortem: { status: 'FINAL', severity: null, category: 'Deployment', finalizedAt: null },
        }),
        incident({ key: 'A-7', created: '2025-03-09T10:00:00Z', components: ['Storage'] }),
        incident({ key: 'A-8', created: '2025-03-09T11:00:00Z', components: ['Queue'] }),
        incident({ key: 'A-9', created: '2025-03-09T12:00:00Z', components: ['Cache'] }),
        incident({ key: 'A-10', created: '2025-03-09T13:00:00Z', components: ['DNS'] }),
      ],
      actionItems: [],
      period: MARCH,
      now: NOW,
      timeZone: 'UTC',
    });
    // 2 repeats of 10 March incidents = 20 %: not below 20.
    expect(m.repeatIncidentRate).toMatchObject({
      value: 20,
      numerator: 2,
      denominator: 10,
      met: false,
      target: 20,
    });
  });

  it('does not count an incident older than 6 months as a repeat', () => {
    const m = processMetrics({
      incidents: [
        incident({ key: 'H-1', created: '2024-09-09T10:00:00Z', components: ['Database'] }),
        incident({ key: 'A-1', created: '2025-03-10T10:00:00Z', components: ['Database'] }),
      ],
      actionItems: [],
      period: MARCH,
      now: NOW,
      timeZone: 'UTC',
    });
    expect(m.repeatIncidentRate).toMatchObject({ value: 0, numerator: 0, denominator: 1, met: true });
  });
});
