import { documentDueAt } from '../../../../src/domain/policy';
import { processMetrics } from '../../../../src/domain/trends';
import { actionItem, incident, postmortem } from './trend-fixtures';

const march = { month: '2025-03', timeZone: 'UTC' } as const;

describe('processMetrics (reference Metrics, DESIGN Metric definitions)', () => {
  describe('postmortem completion rate', () => {
    it('is qualifying incidents with a FINAL postmortem ÷ qualifying incidents', () => {
      const metrics = processMetrics({
        ...march,
        actionItems: [],
        incidents: [
          incident('A-1', '2025-03-03T10:00:00Z', 60, { qualifies: true, postmortem: postmortem() }),
          incident('A-2', '2025-03-04T10:00:00Z', 60, { qualifies: true, postmortem: postmortem() }),
          incident('A-3', '2025-03-05T10:00:00Z', 60, {
            qualifies: true,
            postmortem: postmortem({ status: 'IN_REVIEW' }),
          }),
          // Not qualifying: its FINAL postmortem neither helps nor hurts.
          incident('A-4', '2025-03-06T10:00:00Z', 5, { postmortem: postmortem() }),
          // February: another month.
          incident('A-5', '2025-02-27T10:00:00Z', 60, { qualifies: true }),
        ],
      });
      // 2/3 = 66.67 % → 67
      expect(metrics.postmortemCompletionRate).toEqual({
        value: 67,
        unit: '%',
        target: 100,
        comparator: '=',
        met: false,
        numerator: 2,
        denominator: 3,
      });
    });

    it('misses the 100 % target at 199/200 even though it rounds to 100 %', () => {
      const incidents = Array.from({ length: 200 }, (_, i) =>
        incident(`A-${i}`, '2025-03-10T10:00:00Z', 60, {
          qualifies: true,
          postmortem: i === 0 ? null : postmortem(),
        }),
      );
      const metric = processMetrics({ ...march, incidents, actionItems: [] }).postmortemCompletionRate;
      expect(metric.value).toBe(100);
      expect(metric.met).toBe(false);
    });

    it('has no value and no verdict in a month without qualifying incidents', () => {
      const metric = processMetrics({ ...march, incidents: [], actionItems: [] }).postmortemCompletionRate;
      expect(metric).toMatchObject({ value: null, met: null, numerator: 0, denominator: 0 });
    });
  });

  describe('time-to-postmortem', () => {
    const finalizedIncident = (
      key: string,
      resolvedMinutesAfterCreate: number,
      created: string,
      finalizedAt: string,
    ) => incident(key, created, resolvedMinutesAfterCreate, { postmortem: postmortem({ finalizedAt }) });

    it('counts business days from resolution to finalization, skipping weekends', () => {
      const metrics = processMetrics({
        ...march,
        actionItems: [],
        incidents: [
          // Resolved Fri 2025-03-07 11:00, finalized Mon 03-10: 1 business day.
          finalizedIncident('A-1', 60, '2025-03-07T10:00:00Z', '2025-03-10T09:00:00Z'),
          // Resolved Mon 03-10, finalized Tue 03-18: Tue–Fri (4) + Mon, Tue (2) = 6.
          finalizedIncident('A-2', 60, '2025-03-10T10:00:00Z', '2025-03-18T09:00:00Z'),
          // Resolved Sat 03-15, finalized Sun 03-16: 0.
          finalizedIncident('A-3', 60, '2025-03-15T10:00:00Z', '2025-03-16T09:00:00Z'),
          // Unresolved and DRAFT ones do not count.
          incident('A-4', '2025-03-11T10:00:00Z', null, {
            postmortem: postmortem({ finalizedAt: '2025-03-12T10:00:00Z' }),
          }),
          incident('A-5', '2025-03-11T10:00:00Z', 5, { postmortem: postmortem({ status: 'DRAFT' }) }),
        ],
      });
      // (1 + 6 + 0) / 3 = 2.33 → 2.3
      expect(metrics.timeToPostmortem).toEqual({
        value: 2.3,
        unit: 'business days',
        target: 5,
        comparator: '≤',
        met: true,
        numerator: 7,
        denominator: 3,
        withinTarget: 2,
      });
    });

    it("agrees with documentDueAt: finalized on the document's due day is exactly 5", () => {
      const resolved = '2025-03-14T16:00:00.000Z';
      const due = documentDueAt(new Date(resolved), { timeZone: 'UTC' }).toISOString();
      expect(due).toBe('2025-03-21T16:00:00.000Z');
      const metrics = processMetrics({
        ...march,
        actionItems: [],
        incidents: [finalizedIncident('A-1', 60, '2025-03-14T15:00:00Z', due)],
      });
      expect(metrics.timeToPostmortem.value).toBe(5);
      expect(metrics.timeToPostmortem.met).toBe(true);
    });

    it('skips holidays and counts days in the configured zone', () => {
      // Resolved Fri 2025-03-07 23:30 UTC = Sat 00:30 in Berlin; finalized Tue 03-11 (Berlin).
      // Berlin: Sat → Mon, Tue = 2 business days; Monday a holiday → 1.
      const incidents = [finalizedIncident('A-1', 30, '2025-03-07T23:00:00Z', '2025-03-11T08:00:00Z')];
      const berlin = processMetrics({ ...march, timeZone: 'Europe/Berlin', incidents, actionItems: [] });
      expect(berlin.timeToPostmortem.value).toBe(2);
      const withHoliday = processMetrics({
        ...march,
        timeZone: 'Europe/Berlin',
        holidays: ['2025-03-10'],
        incidents,
        actionItems: [],
      });
      expect(withHoliday.timeToPostmortem.value).toBe(1);
      // UTC: resolved Fri 23:30 → Mon, Tue = 2 as well, but a Saturday "holiday" changes nothing.
      const utc = processMetrics({ ...march, holidays: ['2025-03-08'], incidents, actionItems: [] });
      expect(utc.timeToPostmortem.value).toBe(2);
    });

    it('misses the target when the mean exceeds 5 business days', () => {
      const metrics = processMetrics({
        ...march,
        actionItems: [],
        // Mon 03-03 → Wed 03-12: Tue–Fri (4) + Mon–Wed (3) = 7.
        incidents: [finalizedIncident('A-1', 60, '2025-03-03T10:00:00Z', '2025-03-12T10:00:00Z')],
      });
      expect(metrics.timeToPostmortem).toMatchObject({ value: 7, met: false, withinTarget: 0 });
    });
  });

  describe('action item completion by due date', () => {
    it('is items done on or before their due date ÷ items due in the month', () => {
      const metrics = processMetrics({
        ...march,
        incidents: [],
        actionItems: [
          // On the due day itself: on time.
          actionItem('X-1', '2025-03-01T10:00:00Z', {
            dueDate: '2025-03-18',
            statusCategory: 'done',
            resolved: '2025-03-18T17:00:00Z',
          }),
          actionItem('X-2', '2025-03-01T10:00:00Z', {
            dueDate: '2025-03-20',
            statusCategory: 'done',
            resolved: '2025-03-10T09:00:00Z',
          }),
          // A day late.
          actionItem('X-3', '2025-03-01T10:00:00Z', {
            dueDate: '2025-03-22',
            statusCategory: 'done',
            resolved: '2025-03-23T09:00:00Z',
          }),
          // Open.
          actionItem('X-4', '2025-03-01T10:00:00Z', {
            dueDate: '2025-03-31',
            statusCategory: 'indeterminate',
          }),
          // Due in April, created in March: outside this month's denominator.
          actionItem('X-5', '2025-03-01T10:00:00Z', { dueDate: '2025-04-01' }),
          // Created in February, due in March: inside.
          actionItem('X-6', '2025-02-01T10:00:00Z', {
            dueDate: '2025-03-05',
            statusCategory: 'done',
            resolved: '2025-03-04T10:00:00Z',
          }),
          // No due date: never in a denominator, counted separately.
          actionItem('X-7', '2025-03-02T10:00:00Z', {
            statusCategory: 'done',
            resolved: '2025-03-03T10:00:00Z',
          }),
          actionItem('X-8', '2025-02-02T10:00:00Z'),
        ],
      });
      // 3 of 5 = 60 %
      expect(metrics.actionItemCompletionByDueDate).toEqual({
        value: 60,
        unit: '%',
        target: 80,
        comparator: '≥',
        met: false,
        numerator: 3,
        denominator: 5,
        withoutDueDate: 1,
      });
    });

    it('meets the target at exactly 80 %', () => {
      const items = [1, 2, 3, 4, 5].map((i) =>
        actionItem(`X-${i}`, '2025-03-01T10:00:00Z', {
          dueDate: '2025-03-15',
          ...(i <= 4 ? { statusCategory: 'done' as const, resolved: '2025-03-14T10:00:00Z' } : {}),
        }),
      );
      const metric = processMetrics({
        ...march,
        incidents: [],
        actionItems: items,
      }).actionItemCompletionByDueDate;
      expect(metric).toMatchObject({ value: 80, met: true, numerator: 4, denominator: 5 });
    });

    it("judges 'on time' by the resolution's day in the zone", () => {
      // 2025-03-14T23:30Z is already 03-15 in Berlin: late for a 03-14 due date there, on time in UTC.
      const items = [
        actionItem('X-1', '2025-03-01T10:00:00Z', {
          dueDate: '2025-03-14',
          statusCategory: 'done',
          resolved: '2025-03-14T23:30:00Z',
        }),
      ];
      expect(
        processMetrics({ ...march, incidents: [], actionItems: items }).actionItemCompletionByDueDate
          .numerator,
      ).toBe(1);
      expect(
        processMetrics({ ...march, timeZone: 'Europe/Berlin', incidents: [], actionItems: items })
          .actionItemCompletionByDueDate.numerator,
      ).toBe(0);
    });

    it('counts a done item whose workflow sets no resolution by the day its status reached Done', () => {
      const items = [
        actionItem('X-1', '2025-03-01T10:00:00Z', {
          dueDate: '2025-03-14',
          statusCategory: 'done',
          statusCategoryChanged: '2025-03-13T10:00:00Z',
        }),
        actionItem('X-2', '2025-03-01T10:00:00Z', {
          dueDate: '2025-03-14',
          statusCategory: 'done',
          statusCategoryChanged: '2025-03-15T10:00:00Z',
        }),
      ];
      expect(
        processMetrics({ ...march, incidents: [], actionItems: items }).actionItemCompletionByDueDate,
      ).toMatchObject({ numerator: 1, denominator: 2 });
    });

    it('does not count an item reopened after its due date, even with its old resolution date kept', () => {
      const items = [
        actionItem('X-1', '2025-03-01T10:00:00Z', {
          dueDate: '2025-03-14',
          statusCategory: 'indeterminate',
          resolved: '2025-03-13T10:00:00Z',
          statusCategoryChanged: '2025-03-16T10:00:00Z',
        }),
      ];
      expect(
        processMetrics({ ...march, incidents: [], actionItems: items }).actionItemCompletionByDueDate,
      ).toMatchObject({ numerator: 0, denominator: 1 });
    });

    it('does not count a done item without any completion date as on time', () => {
      const items = [
        actionItem('X-1', '2025-03-01T10:00:00Z', { dueDate: '2025-03-14', statusCategory: 'done' }),
      ];
      expect(
        processMetrics({ ...march, incidents: [], actionItems: items }).actionItemCompletionByDueDate,
      ).toMatchObject({
        numerator: 0,
        denominator: 1,
      });
    });
  });

  describe('repeat incident rate', () => {
    const db = { components: ['Database'] };

    it("counts the month's incidents whose category had another incident in the preceding 6 months", () => {
      const metrics = processMetrics({
        ...march,
        actionItems: [],
        incidents: [
          // Database: 2024-09-10 10:00 is exactly 6 months before 2025-03-10 10:00 → inside the window.
          incident('D-0', '2024-09-10T10:00:00Z', 5, db),
          incident('D-1', '2025-03-10T10:00:00Z', 5, db),
          // Network: the earlier one is 6 months and 1 minute before → outside; the second repeats the first.
          incident('N-0', '2024-09-20T09:59:00Z', 5, { components: ['Network'] }),
          incident('N-1', '2025-03-20T10:00:00Z', 5, { components: ['Network'] }),
          incident('N-2', '2025-03-25T10:00:00Z', 5, { components: ['Network'] }),
          // Deploy: previous one in January (a month strictly inside the window).
          incident('P-0', '2025-01-05T10:00:00Z', 5, { postmortem: postmortem({ category: 'Deploy' }) }),
          incident('P-1', '2025-03-01T00:00:00Z', 5, {
            components: ['Other'],
            postmortem: postmortem({ category: 'Deploy' }),
          }),
          // Only later incidents of the category do not make an earlier one a repeat.
          incident('C-1', '2025-03-05T10:00:00Z', 5, { components: ['Config'] }),
          incident('C-2', '2025-04-01T10:00:00Z', 5, { components: ['Config'] }),
          // Two uncategorised incidents are the same category, Uncategorized.
          incident('U-1', '2025-03-02T10:00:00Z', 5),
          incident('U-2', '2025-03-03T10:00:00Z', 5),
        ],
      });
      // March: D-1, N-1, N-2, P-1, C-1, U-1, U-2 = 7; repeats D-1, N-2, P-1, U-2 = 4/7 = 57.1 % → 57.
      expect(metrics.repeatIncidentRate).toEqual({
        value: 57,
        unit: '%',
        target: 20,
        comparator: '<',
        met: false,
        numerator: 4,
        denominator: 7,
      });
    });

    it('clamps the window to the month end (2025-08-31 looks back to 2025-02-28)', () => {
      const metrics = processMetrics({
        month: '2025-08',
        timeZone: 'UTC',
        actionItems: [],
        incidents: [
          incident('D-0', '2025-02-28T10:00:00Z', 5, db),
          incident('D-1', '2025-08-31T10:00:00Z', 5, db),
          incident('E-0', '2025-02-28T09:59:00Z', 5, { components: ['E'] }),
          incident('E-1', '2025-08-31T10:00:00Z', 5, { components: ['E'] }),
        ],
      });
      expect(metrics.repeatIncidentRate).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    });

    it('meets the target below 20 %', () => {
      const incidents = Array.from({ length: 6 }, (_, i) =>
        incident(`A-${i}`, `2025-03-0${i + 1}T10:00:00Z`, 5, { components: [i === 5 ? 'C0' : `C${i}`] }),
      );
      // Only A-5 repeats (C0 had A-0): 1/6 = 16.67 % → 17, below 20.
      expect(processMetrics({ ...march, incidents, actionItems: [] }).repeatIncidentRate).toMatchObject({
        value: 17,
        met: true,
        numerator: 1,
        denominator: 6,
      });
    });
  });
});
