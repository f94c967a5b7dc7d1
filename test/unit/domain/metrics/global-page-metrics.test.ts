import { globalPageMetrics, isoMs, monthKeyOf, zoneClock } from '../../../../src/domain/metrics';
import { actionItem, february2025, incident } from './metric-fixtures';

const PRACTICES = {
  trendAnalysisInUse: true,
  postmortemsShared: true,
  postmortemDatabaseSearchable: true,
  learningLoopInArchitectureReviews: true,
};

describe('globalPageMetrics', () => {
  it('gives the same February 2025 report as the standalone functions, plus series and maturity', () => {
    const result = globalPageMetrics({
      ...february2025(),
      month: '2025-02',
      now: '2025-03-03T08:00:00Z',
      timeZone: 'UTC',
      practices: PRACTICES,
    });
    expect(result.report.sev1.trend).toEqual({ arrow: '↓', percent: 50 });
    expect(result.report.mttrMinutes.current).toBe(38);
    expect(result.series).toHaveLength(12);
    expect(result.series[11]?.month).toBe('2025-02');
    // The fixture has no FINAL postmortem: level 1. Repeats: Network 9 of 10 (first is new), Database 2, Deployment 1, External API 1 → 13/17.
    expect(result.maturity.level).toBe(1);
    expect(result.processMetrics.repeatIncidentRate).toMatchObject({ numerator: 13, denominator: 17 });
  });

  it('derives maturity evidence from the records', () => {
    const final = {
      status: 'FINAL',
      severity: null,
      category: 'Database',
      finalizedAt: '2025-03-04T10:00:00Z',
    };
    const result = globalPageMetrics({
      incidents: [
        incident({
          key: 'A-1',
          created: '2025-03-03T09:00:00Z',
          resolved: '2025-03-03T10:00:00Z',
          qualifiesForPostmortem: true,
          postmortem: final,
        }),
      ],
      actionItems: [
        actionItem({
          key: 'X-1',
          created: '2025-03-04T10:00:00Z',
          dueDate: '2025-03-07',
          statusCategory: 'done',
          doneAt: '2025-03-06T10:00:00Z',
        }),
      ],
      month: '2025-03',
      now: '2025-04-01T08:00:00Z',
      timeZone: 'UTC',
      practices: PRACTICES,
    });
    // 1/1 qualifying finalized, 1 item in Jira, 1/1 on time, 0/1 repeats, all practices declared.
    expect(result.maturity.level).toBe(5);
    expect(result.processMetrics.timeToPostmortem).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
  });
});

describe('zone clock at DST transitions', () => {
  it('uses the exact offset on a transition day', () => {
    const berlin = zoneClock('Europe/Berlin');
    // 2025-03-30: CET (+1) until 01:00Z, CEST (+2) after.
    expect(berlin.offsetMs(Date.parse('2025-03-30T00:30:00Z'))).toBe(3_600_000);
    expect(berlin.offsetMs(Date.parse('2025-03-30T01:30:00Z'))).toBe(7_200_000);
    // 2025-10-26: back to CET at 01:00Z.
    expect(berlin.offsetMs(Date.parse('2025-10-26T00:30:00Z'))).toBe(7_200_000);
    expect(berlin.offsetMs(Date.parse('2025-10-26T01:30:00Z'))).toBe(3_600_000);
  });

  it('puts month boundaries at local midnight in summer and winter time', () => {
    expect(monthKeyOf('2025-03-31T21:59:00Z', 'Europe/Berlin')).toBe('2025-03');
    expect(monthKeyOf('2025-03-31T22:00:00Z', 'Europe/Berlin')).toBe('2025-04');
    expect(monthKeyOf('2025-10-31T22:59:00Z', 'Europe/Berlin')).toBe('2025-10');
    expect(monthKeyOf('2025-10-31T23:00:00Z', 'Europe/Berlin')).toBe('2025-11');
    // New York, EDT (−4) on 31 Oct: 03:59Z on 1 Nov is still 23:59 on 31 Oct.
    expect(monthKeyOf('2025-11-01T03:59:00Z', 'America/New_York')).toBe('2025-10');
    expect(monthKeyOf('2025-11-01T04:00:00Z', 'America/New_York')).toBe('2025-11');
  });
});

describe('isoMs', () => {
  it.each([
    ['2025-03-15T14:23:00.000+0000', Date.UTC(2025, 2, 15, 14, 23)],
    ['2025-03-15T15:23:00.000+0100', Date.UTC(2025, 2, 15, 14, 23)],
    ['2025-03-15T09:23:00-05:00', Date.UTC(2025, 2, 15, 14, 23)],
    ['2025-03-15T14:23:00.250Z', Date.UTC(2025, 2, 15, 14, 23, 0, 250)],
    ['2025-03-15', Date.UTC(2025, 2, 15)],
  ])('reads %s', (iso, expected) => {
    expect(isoMs(iso)).toBe(expected);
  });

  it('is NaN for text that is not a date', () => {
    expect(isoMs('2025-03-15Tnoon')).toBeNaN();
  });
});
