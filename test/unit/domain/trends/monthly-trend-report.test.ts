import {
  monthlyTrendReport,
  renderTrendReportMarkdown,
  type IncidentRecord,
} from '../../../../src/domain/trends';
import { actionItems, incident, postmortem } from './trend-fixtures';

/**
 * The reference's February 2025 report, rebuilt from issues:
 * January: 4 SEV-1 (label) × 70 min + 6 SEV-2 (priority High) × 45 min = 550 min / 10 = 55 min MTTR,
 *   plus one open SEV-3 that counts nowhere in MTTR; 16 action items, 8 done.
 * February: 2 SEV-1 × 60 min + 5 SEV-2 of 30, 30, 30, 28, 28 min = 266 min / 7 = 38 min MTTR;
 *   categories Database issues 3 (postmortem category), Deployment errors 2 (component),
 *   External API outages 2; 11 action items, 9 done.
 */
function february2025(): IncidentRecord[] {
  const jan: IncidentRecord[] = [
    ...[2, 6, 13, 20].map((day, i) =>
      incident(`JAN-S1-${i}`, `2025-01-${String(day).padStart(2, '0')}T09:00:00Z`, 70, { labels: ['SEV-1'] }),
    ),
    ...[3, 8, 14, 21, 27, 29].map((day, i) =>
      incident(`JAN-S2-${i}`, `2025-01-${String(day).padStart(2, '0')}T12:00:00Z`, 45, { priority: 'High' }),
    ),
    incident('JAN-OPEN', '2025-01-30T08:00:00Z', null, { priority: 'Medium' }),
  ];
  const db = { postmortem: postmortem({ category: 'Database issues' }) };
  const deploy = { components: ['Deployment errors', 'Payments'] };
  const external = { components: ['External API outages'] };
  const feb: IncidentRecord[] = [
    incident('FEB-1', '2025-02-03T10:00:00Z', 60, { labels: ['sev1'], ...db }),
    incident('FEB-2', '2025-02-10T10:00:00Z', 60, { priority: 'Highest', ...deploy }),
    incident('FEB-3', '2025-02-11T10:00:00Z', 30, { priority: 'High', ...db }),
    incident('FEB-4', '2025-02-12T10:00:00Z', 30, { labels: ['SEV-2'], ...deploy }),
    incident('FEB-5', '2025-02-17T10:00:00Z', 30, { priority: 'High', ...external }),
    incident('FEB-6', '2025-02-18T10:00:00Z', 28, { priority: 'High', ...db }),
    incident('FEB-7', '2025-02-27T10:00:00Z', 28, { priority: 'High', ...external }),
  ];
  return [...jan, ...feb];
}

const februaryActionItems = () => [
  ...actionItems('JANAI', '2025-01-15', 16, 8, '2025-01-31'),
  ...actionItems('FEBAI', '2025-02-14', 11, 9, '2025-02-28'),
];

describe('monthlyTrendReport (reference Step 4: Monthly Trend Analysis)', () => {
  it("reproduces the reference's February 2025 numbers", () => {
    const report = monthlyTrendReport({
      incidents: february2025(),
      actionItems: februaryActionItems(),
      month: '2025-02',
      timeZone: 'UTC',
    });
    expect(report.previousMonth).toBe('2025-01');
    expect(report.sev1).toEqual({ current: 2, previous: 4, trend: { arrow: '↓', percent: 50 } });
    // 1/6 = 16.67 % → 17
    expect(report.sev2).toEqual({ current: 5, previous: 6, trend: { arrow: '↓', percent: 17 } });
    // 17/55 = 30.9 % → 31
    expect(report.mttrMinutes).toEqual({ current: 38, previous: 55, trend: { arrow: '↓', percent: 31 } });
    expect(report.actionItemsCreated).toEqual({
      current: 11,
      previous: 16,
      trend: { arrow: '↓', percent: 31 },
    });
    // 9/11 = 81.8 % → 82; rate 0.818 vs 0.5 is +64 %
    expect(report.actionItemsCompleted).toEqual({
      current: { done: 9, created: 11, percent: 82 },
      previous: { done: 8, created: 16, percent: 50 },
      trend: { arrow: '↑', percent: 64 },
    });
    expect(report.incidents.current).toBe(7);
    expect(report.incidents.previous).toBe(11);
    expect(report.topCategories).toEqual([
      { rank: 1, category: 'Database issues', count: 3 },
      { rank: 2, category: 'Deployment errors', count: 2 },
      { rank: 3, category: 'External API outages', count: 2 },
    ]);
    expect(report.recommendations.map((r) => r.text)).toEqual([
      'Integrate database performance testing into CI/CD (addresses top category)',
      'Gate deployments with automated canary analysis and one-step rollback (addresses category 2)',
      'Implement circuit breaker for external APIs (addresses category 3)',
      // FEB-3 and FEB-6 follow FEB-1 (database), FEB-4 follows FEB-2, FEB-7 follows FEB-5: 4/7 = 57 %
      'Prioritise systemic fixes for recurring categories: 4 of 7 incidents (57%) repeat a category from the previous 6 months (target < 20%)',
    ]);
  });

  it("renders the reference's Markdown report", () => {
    const markdown = renderTrendReportMarkdown(
      monthlyTrendReport({
        incidents: february2025(),
        actionItems: februaryActionItems(),
        month: '2025-02',
        timeZone: 'UTC',
      }),
    );
    expect(markdown).toBe(
      [
        '# Incident Trend Report – February 2025',
        '',
        '## Overview',
        '',
        '| Metric | Feb 2025 | Jan 2025 | Trend |',
        '|--------|----------|----------|-------|',
        '| SEV-1 Incidents | 2 | 4 | ↓ 50% |',
        '| SEV-2 Incidents | 5 | 6 | ↓ 17% |',
        '| MTTR Average | 38 min | 55 min | ↓ 31% |',
        '| Action items created | 11 | 16 | ↓ |',
        '| Action items completed | 9/11 (82%) | 8/16 (50%) | ↑ |',
        '',
        '## Top Incident Categories',
        '',
        '1. **Database issues** – 3 incidents',
        '2. **Deployment errors** – 2 incidents',
        '3. **External API outages** – 2 incidents',
        '',
        '## Recommendations',
        '',
        '- Integrate database performance testing into CI/CD (addresses top category)',
        '- Gate deployments with automated canary analysis and one-step rollback (addresses category 2)',
        '- Implement circuit breaker for external APIs (addresses category 3)',
        '- Prioritise systemic fixes for recurring categories: 4 of 7 incidents (57%) repeat a category from the previous 6 months (target < 20%)',
        '',
      ].join('\n'),
    );
  });

  it('reports an empty month as zeros, no MTTR and unchanged trends', () => {
    const report = monthlyTrendReport({ incidents: [], actionItems: [], month: '2025-06', timeZone: 'UTC' });
    expect(report.sev1).toEqual({ current: 0, previous: 0, trend: { arrow: '→', percent: 0 } });
    expect(report.mttrMinutes).toEqual({ current: null, previous: null, trend: null });
    expect(report.actionItemsCompleted.trend).toBeNull();
    expect(report.topCategories).toEqual([]);
    expect(report.recommendations).toEqual([]);
    const markdown = renderTrendReportMarkdown(report);
    expect(markdown).toContain('| SEV-1 Incidents | 0 | 0 | → 0% |');
    expect(markdown).toContain('| MTTR Average | – | – | – |');
    expect(markdown).toContain('| Action items completed | 0/0 | 0/0 | – |');
    expect(markdown).toContain('No incidents this month.');
  });

  it('shows a rise from a zero previous month as ↑ without a percentage', () => {
    const report = monthlyTrendReport({
      incidents: [
        incident('A-1', '2025-03-03T10:00:00Z', 20, { labels: ['SEV-1'] }),
        incident('A-2', '2025-03-04T10:00:00Z', 40, { labels: ['SEV-1'] }),
      ],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(report.sev1).toEqual({ current: 2, previous: 0, trend: { arrow: '↑', percent: null } });
    expect(report.mttrMinutes).toEqual({ current: 30, previous: null, trend: null });
    expect(renderTrendReportMarkdown(report)).toContain('| SEV-1 Incidents | 2 | 0 | ↑ |');
  });

  it('counts unresolved incidents but leaves them out of MTTR', () => {
    const report = monthlyTrendReport({
      incidents: [
        incident('A-1', '2025-03-03T10:00:00Z', 10, { labels: ['SEV-2'] }),
        incident('A-2', '2025-03-04T10:00:00Z', null, { labels: ['SEV-2'] }),
      ],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(report.sev2.current).toBe(2);
    expect(report.mttrMinutes.current).toBe(10);
  });

  it('rounds MTTR half up once, over the exact mean', () => {
    // 30 min and 31 min → 30.5 → 31; 37 min 29 s and 37 min 30 s → 37.49… → 37
    const up = monthlyTrendReport({
      incidents: [incident('A-1', '2025-03-03T10:00:00Z', 30), incident('A-2', '2025-03-04T10:00:00Z', 31)],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(up.mttrMinutes.current).toBe(31);
    const down = monthlyTrendReport({
      incidents: [
        incident('A-1', '2025-03-03T10:00:00Z', 37 + 29 / 60),
        incident('A-2', '2025-03-04T10:00:00Z', 37 + 29 / 60),
      ],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(down.mttrMinutes.current).toBe(37);
  });

  it('buckets by the configured zone: 2025-02-28T23:30Z is March in Europe/Berlin', () => {
    const incidents = [incident('A-1', '2025-02-28T23:30:00Z', 15, { labels: ['SEV-1'] })];
    const berlinMarch = monthlyTrendReport({
      incidents,
      actionItems: [],
      month: '2025-03',
      timeZone: 'Europe/Berlin',
    });
    expect(berlinMarch.sev1.current).toBe(1);
    expect(berlinMarch.sev1.previous).toBe(0);
    const utcMarch = monthlyTrendReport({ incidents, actionItems: [], month: '2025-03', timeZone: 'UTC' });
    expect(utcMarch.sev1.current).toBe(0);
    expect(utcMarch.sev1.previous).toBe(1);
  });

  it('buckets action items by their created month in the zone', () => {
    const items = [
      ...actionItems('UTC', '2025-03-10', 2, 1),
      { ...actionItems('EDGE', '2025-03-31', 1, 1)[0]!, created: '2025-03-31T22:30:00Z' },
    ];
    const report = monthlyTrendReport({
      incidents: [],
      actionItems: items,
      month: '2025-04',
      timeZone: 'Europe/Berlin',
    });
    expect(report.actionItemsCompleted.current).toEqual({ done: 1, created: 1, percent: 100 });
    expect(report.actionItemsCompleted.previous).toEqual({ done: 1, created: 2, percent: 50 });
  });

  it("lets the postmortem's severity and explicit duration win", () => {
    const report = monthlyTrendReport({
      incidents: [
        incident('A-1', '2025-03-03T10:00:00Z', 300, {
          labels: ['SEV-2'],
          postmortem: postmortem({ severity: 'SEV-1' }),
          postmortemDurationMinutes: 47,
        }),
      ],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(report.sev1.current).toBe(1);
    expect(report.sev2.current).toBe(0);
    expect(report.mttrMinutes.current).toBe(47);
  });

  it('recommends fixes for metrics off target and for uncategorised incidents', () => {
    const report = monthlyTrendReport({
      incidents: [
        incident('B-1', '2025-02-03T10:00:00Z', 10),
        incident('B-2', '2025-03-03T10:00:00Z', 60, { qualifies: true }),
        incident('B-3', '2025-03-04T10:00:00Z', 60, {
          qualifies: true,
          postmortem: postmortem({ status: 'DRAFT' }),
        }),
      ],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    expect(report.recommendations.map((r) => r.addresses)).toEqual([
      { kind: 'category', rank: 1, category: 'Uncategorized' },
      { kind: 'metric', metric: 'postmortemCompletionRate' },
      { kind: 'metric', metric: 'repeatIncidentRate' },
      { kind: 'metric', metric: 'mttr' },
    ]);
    expect(report.recommendations[1]?.text).toBe(
      'Write the missing postmortems: 2 of 2 qualifying incidents have no FINAL postmortem (completion rate 0%, target 100%)',
    );
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() =>
      monthlyTrendReport({ incidents: [], actionItems: [], month: '2025-13', timeZone: 'UTC' }),
    ).toThrow('not a month');
  });

  it('escapes Markdown in category names and says "1 incident"', () => {
    const report = monthlyTrendReport({
      incidents: [incident('A-1', '2025-03-03T10:00:00Z', 10, { components: ['*Auth* | SSO_v2'] })],
      actionItems: [],
      month: '2025-03',
      timeZone: 'UTC',
    });
    const markdown = renderTrendReportMarkdown(report);
    expect(markdown).toContain('1. **\\*Auth\\* \\| SSO\\_v2** – 1 incident\n');
    expect(markdown).toContain(
      '- Automate certificate and credential rotation with expiry alerts (addresses top category)',
    );
  });
});
