import fc from 'fast-check';
import { completedAt, isDoneInTime, type CompletionEvidence } from '../../../../src/domain/follow-through';

const done = (fields: Partial<CompletionEvidence>): CompletionEvidence => ({
  statusCategory: 'done',
  resolved: null,
  statusCategoryChanged: null,
  ...fields,
});

describe('an action item is done in time when it last reached Done by its due day', () => {
  it('takes the resolution date where the workflow sets one', () => {
    expect(isDoneInTime(done({ resolved: '2025-03-14T16:00:00.000+0000' }), '2025-03-14', 'UTC')).toBe(true);
    expect(isDoneInTime(done({ resolved: '2025-03-15T00:00:00.000+0000' }), '2025-03-14', 'UTC')).toBe(false);
  });

  it('takes the status-category change where no resolution is ever set (team-managed workflows)', () => {
    const evidence = done({ statusCategoryChanged: '2025-03-14T09:00:00.000+0000' });
    expect(isDoneInTime(evidence, '2025-03-14', 'UTC')).toBe(true);
  });

  it('does not count an item reopened after its due date and still open', () => {
    const reopened: CompletionEvidence = {
      statusCategory: 'indeterminate',
      resolved: '2025-03-10T09:00:00.000+0000',
      statusCategoryChanged: '2025-03-18T09:00:00.000+0000',
    };
    expect(isDoneInTime(reopened, '2025-03-14', 'UTC')).toBe(false);
  });

  it('dates an item reopened and done again from the last time, even when the workflow kept the first resolution date', () => {
    const redone = done({
      resolved: '2025-03-10T09:00:00.000+0000',
      statusCategoryChanged: '2025-03-19T09:00:00.000+0000',
    });
    expect(isDoneInTime(redone, '2025-03-14', 'UTC')).toBe(false);
  });

  it('reads the done instant in the team’s zone', () => {
    // 23:30 UTC on the 14th is already the 15th in Berlin.
    const evidence = done({ resolved: '2025-03-14T23:30:00.000+0000' });
    expect(isDoneInTime(evidence, '2025-03-14', 'UTC')).toBe(true);
    expect(isDoneInTime(evidence, '2025-03-14', 'Europe/Berlin')).toBe(false);
  });

  it('does not count done without any date: it cannot be shown to be on time', () => {
    expect(isDoneInTime(done({}), '2025-03-14', 'UTC')).toBe(false);
  });

  it('is never in time when not done now, and never earlier than the latest evidence allows', () => {
    const instant = fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 11, 31) })
      .map((ms) => new Date(ms).toISOString());
    const evidence = fc.record({
      statusCategory: fc.constantFrom('new' as const, 'indeterminate' as const, 'done' as const),
      resolved: fc.option(instant, { nil: null }),
      statusCategoryChanged: fc.option(instant, { nil: null }),
    });
    fc.assert(
      fc.property(evidence, (facts) => {
        const at = completedAt(facts);
        if (facts.statusCategory !== 'done') expect(at).toBeNull();
        const all = [facts.resolved, facts.statusCategoryChanged].filter(
          (value): value is string => value !== null,
        );
        for (const value of all)
          if (at !== null) expect(Date.parse(at)).toBeGreaterThanOrEqual(Date.parse(value));
        if (facts.statusCategory === 'done') expect(at === null).toBe(all.length === 0);
      }),
    );
  });
});
