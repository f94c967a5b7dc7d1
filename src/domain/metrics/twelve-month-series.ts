import type { Severity } from '../postmortem';
import { completionOf, mttrOf } from './monthly-trend-report';
import { monthBuckets, type MonthBucket } from './month-buckets';
import type { ActionItemRecord, IncidentRecord, PrioritySeverityMapping } from './metric-records';
import { addMonths } from './month-key-of';

export interface MonthSeriesPoint {
  readonly month: string;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly mttrMinutes: number | null;
  readonly actionItemsCreated: number;
  readonly actionItemsDone: number;
  readonly actionItemCompletionPct: number | null;
}

export function seriesFromBuckets(
  buckets: ReadonlyMap<string, MonthBucket>,
  endMonth: string,
  months = 12,
): MonthSeriesPoint[] {
  const out: MonthSeriesPoint[] = [];
  for (let i = months - 1; i >= 0; i -= 1) {
    const month = addMonths(endMonth, -i);
    const bucket = buckets.get(month);
    const completion = completionOf(bucket);
    out.push({
      month,
      bySeverity: bucket ? { ...bucket.bySeverity } : { 'SEV-1': 0, 'SEV-2': 0, 'SEV-3': 0, 'SEV-4': 0 },
      mttrMinutes: mttrOf(bucket),
      actionItemsCreated: completion.created,
      actionItemsDone: completion.done,
      actionItemCompletionPct: completion.pct,
    });
  }
  return out;
}

// Issue 7 "Charts over the last 12 months": severity counts, MTTR and action-item completion per month, oldest first.
export function twelveMonthSeries(input: {
  readonly incidents: readonly IncidentRecord[];
  readonly actionItems: readonly ActionItemRecord[];
  readonly endMonth: string;
  readonly timeZone: string;
  readonly severityMapping?: PrioritySeverityMapping;
}): MonthSeriesPoint[] {
  return seriesFromBuckets(monthBuckets(input), input.endMonth, 12);
}
