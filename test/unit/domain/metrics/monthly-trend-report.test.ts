import { monthlyTrendReport, renderTrendReportMarkdown } from '../../../../src/domain/metrics';
import { actionItem, february2025, incident } from './metric-fixtures';

describe('monthlyTrendReport', () => {
  it("reproduces the reference's February 2025 overview numbers", () => {
    const report = monthlyTrendReport({ ...february2025(), month: '2025-02', timeZone: 'UTC' });
    expect(report.previousMonth).toBe('2025-01');
    expect(report.sev1).toEqual({ current: 2, previous: 4, trend: { arrow: '↓', percent: 50 } });
    expect(report.sev2).toEqual({ current: 5, previous: 6, trend: { arrow: '↓', percent: 17 } });
    expect(report.mttrMinutes).toEqual({ current: 38, previous: 55, trend: { arrow: '↓', percent: 31 } });
    // 11 vs 16: 5/16 = 31.25 % fewer.
    expect(report.actionItemsCreated).toEqual({
      current: 11,
      previous: 16,
      trend: { arrow: '↓', percent: 31 },
    });
    expect(report.actionItemsCompleted.current).toEqual({ done: 9, created: 11, pct: 82 });
    expect(report.actionItemsCompleted.previous).toEqual({ done: 8, created: 16, pct: 50 });
    expect(report.actionItemsCompleted.trend?.arrow).toBe('↑');
    expect(report.topCategories).toEqual([
      { category: 'Database issues', count: 3 },
      { category: 'Deployment errors', count: 2 },
      { category: 'External API outages', count: 2 },
    ]);
  });

  it('renders the February 2025 report in the reference format', () => {
    const report = monthlyTrendReport({ ...february2025(), month: '2025-02', timeZone: 'UTC' });
    expect(renderTrendReportMarkdown(report)).toBe(
      [
        '# Incident Trend Report – February 2025',
        '## Overview',
        '| Metric | Feb 2025 | Jan 2025 | Trend |',
        '|--------|----------|----------|-------|',
        '| SEV-1 Incidents | 2 | 4 | ↓ 50% |',
        '| SEV-2 Incidents | 5 | 6 | ↓ 17% |',
        '| MTTR Average | 38 min | 55 min | ↓ 31% |',
        '| Action items created | 11 | 16 | ↓ |',
        '| Action items completed | 9/11 (82%) | 8/16 (50%) | ↑ |',
        '## Top Incident Categories',
        '1. **Database issues** – 3 incidents',
        '2. **Deployment errors** – 2 incidents',
        '3. **External API outages** – 2 incidents',
        '## Recommendations',
        '- Integrate database performance testing into CI/CD (addresses top category)',
        '- Harden the deployment pipeline: smaller canary steps and automated rollback (addresses category 2)',
        '- Implement circuit breaker for external APIs (addresses category 3)',
        '',
      ].join('\n'),
    );
  });

  it('reports an empty month with zeros, no MTTR and no completion percentage', () => {
    const report = monthlyTrendReport({ incidents: [], actionItems: [], month: '2025-03', timeZone: 'UTC' });
    expect(report.sev1).toEqual({ current: 0, previous: 0, trend: { arrow: '→', percent: 0 } });
    expect(report.mttrMinutes).toEqual({ current: null, previous: null, trend: null });
    expect(report.actionItemsCompleted.current).toEqual({ done: 0, created: 0, pct: null });
    expect(report.topCategories).toEqual([]);
    expect(renderTrendReportMarkdown(report)).toContain('| MTTR Average | – | – | – |');
    expect(renderTrendReportMarkdown(report)).toContain('No incidents this month.');
  });

  it('shows a rise from a zero previous month as an arrow without a percentage', () => {
    const report = monthlyTrendReport({
      incidents: [incident({ key: 'A-1', created: '2025-03-03T09:00:00Z', labels: ['sev1'] })],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(report.sev1).toEqual({ current: 1, previous: 0, trend: { arrow: '↑', percent: null } });
    expect(renderTrendReportMarkdown(report)).toContain('| SEV-1 Incidents | 1 | 0 | ↑ |');
  });

  it('leaves unresolved incidents out of MTTR but counts them', () => {
    const report = monthlyTrendReport({
      incidents: [
        incident({
          key: 'A-1',
          created: '2025-03-03T09:00:00Z',
          resolved: '2025-03-03T09:10:00Z',
          labels: ['SEV-2'],
        }),
        incident({
          key: 'A-2',
          created: '2025-03-04T09:00:00Z',
          resolved: '2025-03-04T09:15:00Z',
          labels: ['SEV-2'],
        }),
        incident({ key: 'A-3', created: '2025-03-05T09:00:00Z', resolved: null, labels: ['SEV-2'] }),
      ],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(report.sev2.current).toBe(3);
    // (10 + 15) / 2 = 12.5 → 13, half up.
    expect(report.mttrMinutes.current).toBe(13);
  });

  it('uses the postmortem Duration override for the time to restore', () => {
    const report = monthlyTrendReport({
      incidents: [
        incident({
          key: 'A-1',
          created: '2025-03-03T09:00:00Z',
          resolved: '2025-03-03T12:00:00Z',
          durationOverrideMinutes: 47,
        }),
      ],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(report.mttrMinutes.current).toBe(47);
  });

  it('buckets by the configured time zone: 2025-02-28T23:30Z is March in Europe/Berlin', () => {
    const input = {
      incidents: [incident({ key: 'A-1', created: '2025-02-28T23:30:00Z', labels: ['SEV-1'] })],
      actionItems: [actionItem({ key: 'X-1', created: '2025-02-28T23:30:00Z' })],
    };
    const berlin = monthlyTrendReport({ ...input, month: '2025-03', timeZone: 'Europe/Berlin' });
    expect(berlin.sev1.current).toBe(1);
    expect(berlin.actionItemsCreated.current).toBe(1);
    const utc = monthlyTrendReport({ ...input, month: '2025-03', timeZone: 'UTC' });
    expect(utc.sev1.current).toBe(0);
    expect(utc.sev1.previous).toBe(1);
  });

  it('recommends action on off-target completion, rising MTTR and rising SEV-1', () => {
    const report = monthlyTrendReport({
      incidents: [
        incident({
          key: 'A-1',
          created: '2025-02-03T09:00:00Z',
          resolved: '2025-02-03T09:10:00Z',
          labels: ['SEV-3'],
        }),
        incident({
          key: 'A-2',
          created: '2025-03-03T09:00:00Z',
          resolved: '2025-03-03T10:00:00Z',
          labels: ['SEV-1'],
        }),
      ],
      actionItems: [
        actionItem({ key: 'X-1', created: '2025-03-03T09:00:00Z', statusCategory: 'done' }),
        actionItem({ key: 'X-2', created: '2025-03-03T09:00:00Z' }),
      ],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(report.recommendations).toEqual([
      'Review open action items in the weekly ops meeting: completion is 50% (target ≥ 80%)',
      'MTTR is rising: review runbooks and alert-to-page latency',
      'SEV-1 incidents are rising: prioritise the open SEV-1 action items',
    ]);
  });
});
