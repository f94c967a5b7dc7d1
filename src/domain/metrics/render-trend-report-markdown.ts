import type { MetricRow, MonthlyTrendReport } from './monthly-trend-report';
import type { Trend } from './trend-of';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthLabel(month: string, names: readonly string[]): string {
  const [y, m] = month.split('-');
  return `${names[Number(m) - 1] ?? m} ${y}`;
}

function trendCell(trend: Trend | null, withPercent: boolean): string {
  if (!trend) return '–';
  return withPercent && trend.percent !== null ? `${trend.arrow} ${trend.percent}%` : trend.arrow;
}

function countRow(label: string, r: MetricRow<number>): string {
  return `| ${label} | ${r.current} | ${r.previous} | ${trendCell(r.trend, true)} |`;
}

// Markdown table cells must not break the table.
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

// Reference Step 4: "Incident Trend Report – <Month YYYY>" — Overview, Top Incident Categories, Recommendations.
export function renderTrendReportMarkdown(report: MonthlyTrendReport): string {
  const cur = monthLabel(report.month, MONTHS);
  const prev = monthLabel(report.previousMonth, MONTHS);
  const mttr = (v: number | null): string => (v === null ? '–' : `${v} min`);
  const done = (c: MonthlyTrendReport['actionItemsCompleted']['current']): string =>
    `${c.done}/${c.created}${c.pct === null ? '' : ` (${c.pct}%)`}`;
  const lines = [
    `# Incident Trend Report – ${monthLabel(report.month, LONG_MONTHS)}`,
    '## Overview',
    `| Metric | ${cur} | ${prev} | Trend |`,
    '|--------|----------|----------|-------|',
    countRow('SEV-1 Incidents', report.sev1),
    countRow('SEV-2 Incidents', report.sev2),
    `| MTTR Average | ${mttr(report.mttrMinutes.current)} | ${mttr(report.mttrMinutes.previous)} | ${trendCell(report.mttrMinutes.trend, true)} |`,
    // The reference shows the action-item rows with the arrow alone; the percentages stay in the data.
    `| Action items created | ${report.actionItemsCreated.current} | ${report.actionItemsCreated.previous} | ${trendCell(report.actionItemsCreated.trend, false)} |`,
    `| Action items completed | ${done(report.actionItemsCompleted.current)} | ${done(report.actionItemsCompleted.previous)} | ${trendCell(report.actionItemsCompleted.trend, false)} |`,
    '## Top Incident Categories',
    ...(report.topCategories.length === 0
      ? ['No incidents this month.']
      : report.topCategories.map(
          (c, i) =>
            `${i + 1}. **${escapeCell(c.category)}** – ${c.count} ${c.count === 1 ? 'incident' : 'incidents'}`,
        )),
    '## Recommendations',
    ...(report.recommendations.length === 0
      ? ['- No recommendations: all metrics on target.']
      : report.recommendations.map((r) => `- ${escapeCell(r)}`)),
  ];
  return `${lines.join('\n')}\n`;
}
