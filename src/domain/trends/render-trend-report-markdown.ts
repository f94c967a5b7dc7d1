import { monthLabel } from './month-label';
import type { Completion, MonthlyTrendReport } from './monthly-trend-report';
import type { Trend } from './trend-of';

// Category names are user text: escape what would change the Markdown (bold, table cells, links).
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]|])/g, '\\$1');

const NONE = '–';

function trendCell(trend: Trend | null, withPercent: boolean): string {
  if (trend === null) return NONE;
  return withPercent && trend.percent !== null ? `${trend.arrow} ${trend.percent}%` : trend.arrow;
}

const completionCell = (c: Completion): string =>
  c.percent === null ? `${c.done}/${c.created}` : `${c.done}/${c.created} (${c.percent}%)`;

const minutesCell = (minutes: number | null): string => (minutes === null ? NONE : `${minutes} min`);

// Reference "Step 4: Monthly Trend Analysis": the "# Incident Trend Report – February 2025" document.
export function renderTrendReportMarkdown(report: MonthlyTrendReport): string {
  const r = report;
  const lines = [
    `# Incident Trend Report – ${monthLabel(r.month)}`,
    '',
    '## Overview',
    '',
    `| Metric | ${monthLabel(r.month, true)} | ${monthLabel(r.previousMonth, true)} | Trend |`,
    '|--------|----------|----------|-------|',
    `| SEV-1 Incidents | ${r.sev1.current} | ${r.sev1.previous} | ${trendCell(r.sev1.trend, true)} |`,
    `| SEV-2 Incidents | ${r.sev2.current} | ${r.sev2.previous} | ${trendCell(r.sev2.trend, true)} |`,
    `| MTTR Average | ${minutesCell(r.mttrMinutes.current)} | ${minutesCell(r.mttrMinutes.previous)} | ${trendCell(r.mttrMinutes.trend, true)} |`,
    // The reference shows arrows only on the action-item rows; the percentages stay in the report data.
    `| Action items created | ${r.actionItemsCreated.current} | ${r.actionItemsCreated.previous} | ${trendCell(r.actionItemsCreated.trend, false)} |`,
    `| Action items completed | ${completionCell(r.actionItemsCompleted.current)} | ${completionCell(r.actionItemsCompleted.previous)} | ${trendCell(r.actionItemsCompleted.trend, false)} |`,
    '',
    '## Top Incident Categories',
    '',
    ...(r.topCategories.length === 0
      ? ['No incidents this month.']
      : r.topCategories.map(
          (top) =>
            `${top.rank}. **${escapeMarkdown(top.category)}** – ${top.count} incident${top.count === 1 ? '' : 's'}`,
        )),
    '',
    '## Recommendations',
    '',
    ...(r.recommendations.length === 0
      ? ['No recommendations: every metric is on target.']
      : r.recommendations.map((rec) => `- ${escapeMarkdown(rec.text)}`)),
  ];
  return `${lines.join('\n')}\n`;
}
