import { maturityLevel, type MaturityAssessment, type MaturityEvidence } from './maturity-level';
import type { ActionItemRecord, IncidentRecord, PrioritySeverityMapping } from './metric-records';
import { monthBuckets } from './month-buckets';
import { addMonths } from './month-key-of';
import { trendReportFromBuckets, type MonthlyTrendReport } from './monthly-trend-report';
import { processMetricsOf, type ProcessMetrics } from './process-metrics';
import { seriesFromBuckets, type MonthSeriesPoint } from './twelve-month-series';
import { parseIsoMs, zoneClock } from './zone-clock';

export type DeclaredPractices = Pick<
  MaturityEvidence,
  | 'trendAnalysisInUse'
  | 'postmortemsShared'
  | 'postmortemDatabaseSearchable'
  | 'learningLoopInArchitectureReviews'
>;

export interface GlobalPageMetrics {
  readonly report: MonthlyTrendReport;
  readonly series: readonly MonthSeriesPoint[];
  /** Over the 12 months ending with the report month. */
  readonly processMetrics: ProcessMetrics;
  readonly maturity: MaturityAssessment;
}

// Issue 7 "What a user sees": everything the global page shows, from one bucketing pass over the records.
export function globalPageMetrics(input: {
  /** Incidents of the 12 months ending with `month`, plus the 6 months before (repeat look-back). */
  readonly incidents: readonly IncidentRecord[];
  readonly actionItems: readonly ActionItemRecord[];
  readonly month: string;
  readonly now: string;
  readonly timeZone: string;
  readonly practices: DeclaredPractices;
  readonly severityMapping?: PrioritySeverityMapping;
}): GlobalPageMetrics {
  const buckets = monthBuckets(input);
  const period = { from: addMonths(input.month, -11), to: input.month };
  const clock = zoneClock(input.timeZone);
  const inRange = input.incidents.filter((i) => {
    const month = clock.monthKey(parseIsoMs(i.created));
    return month >= period.from && month <= period.to;
  });
  const metrics = processMetricsOf(inRange, { ...input, period }, clock);
  let finalized = 0;
  for (const i of inRange) if (i.postmortem?.status === 'FINAL') finalized += 1;
  let actionItemsInPeriod = 0;
  for (const [month, bucket] of buckets) {
    if (month >= period.from && month <= period.to) actionItemsInPeriod += bucket.actionItemsCreated;
  }
  return {
    report: trendReportFromBuckets(buckets, input.month),
    series: seriesFromBuckets(buckets, input.month, 12),
    processMetrics: metrics,
    maturity: maturityLevel({
      ...input.practices,
      finalizedPostmortems: finalized,
      postmortemCompletionRate: metrics.postmortemCompletionRate,
      actionItemsInJira: actionItemsInPeriod,
      actionItemCompletionByDueDate: metrics.actionItemCompletionByDueDate,
      repeatIncidentRate: metrics.repeatIncidentRate,
    }),
  };
}
