import type { MonthlyTrendReport } from '../../../../src/contract/global-page-api';
import { formatCompletion } from './format-completion';
import { formatMinutes } from './format-minutes';
import { formatTrend } from './format-trend';
import type { Trend } from './report-types';

export interface OverviewRow {
  /** Used in test ids: `overview-<id>-current|previous|trend`. */
  id: 'sev1' | 'sev2' | 'mttr' | 'created' | 'completed';
  metric: string;
  current: string;
  previous: string;
  trendText: string;
  trend: Trend | null;
  /** Whether a rise is good news (completion) or bad (incidents, MTTR); null when neutral. */
  higherIsBetter: boolean | null;
}

const counted = (n: number): string => String(n);

// Reference "Step 4" Overview: the five rows in its order and wording; percent only where the reference shows it.
export function overviewRows(report: MonthlyTrendReport): OverviewRow[] {
  const r = report;
  return [
    {
      id: 'sev1',
      metric: 'SEV-1 Incidents',
      current: counted(r.sev1.current),
      previous: counted(r.sev1.previous),
      trendText: formatTrend(r.sev1.trend),
      trend: r.sev1.trend,
      higherIsBetter: false,
    },
    {
      id: 'sev2',
      metric: 'SEV-2 Incidents',
      current: counted(r.sev2.current),
      previous: counted(r.sev2.previous),
      trendText: formatTrend(r.sev2.trend),
      trend: r.sev2.trend,
      higherIsBetter: false,
    },
    {
      id: 'mttr',
      metric: 'MTTR Average',
      current: formatMinutes(r.mttrMinutes.current),
      previous: formatMinutes(r.mttrMinutes.previous),
      trendText: formatTrend(r.mttrMinutes.trend),
      trend: r.mttrMinutes.trend,
      higherIsBetter: false,
    },
    {
      id: 'created',
      metric: 'Action items created',
      current: counted(r.actionItemsCreated.current),
      previous: counted(r.actionItemsCreated.previous),
      trendText: formatTrend(r.actionItemsCreated.trend, false),
      trend: r.actionItemsCreated.trend,
      higherIsBetter: null,
    },
    {
      id: 'completed',
      metric: 'Action items completed',
      current: formatCompletion(r.actionItemsCompleted.current),
      previous: formatCompletion(r.actionItemsCompleted.previous),
      trendText: formatTrend(r.actionItemsCompleted.trend, false),
      trend: r.actionItemsCompleted.trend,
      higherIsBetter: true,
    },
  ];
}
