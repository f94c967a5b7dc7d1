import { monthBuckets, emptyMonthBucket } from './month-buckets';
import { parseMonthKey, shiftMonth } from './month-arithmetic';
import { mttrMinutes } from './mttr-minutes';
import { percentOf } from './round-half-up';
import type { ActionItemRecord, IncidentRecord } from './trend-records';

export interface MonthPoint {
  month: string;
  sev1: number;
  sev2: number;
  sev3: number;
  sev4: number;
  /** Incidents with neither a SEV label, a known priority nor a postmortem severity. */
  unknownSeverity: number;
  mttrMinutes: number | null;
  actionItemsCreated: number;
  actionItemsDone: number;
  actionItemCompletionPercent: number | null;
}

export interface TwelveMonthSeriesInput {
  incidents: readonly IncidentRecord[];
  actionItems: readonly ActionItemRecord[];
  /** The last month shown (`YYYY-MM`); the series covers it and the 11 before, oldest first. */
  endMonth: string;
  timeZone: string;
}

// Issue 7 "Charts over the last 12 months": incidents by severity, MTTR and action-item completion per month.
export function twelveMonthSeries(input: TwelveMonthSeriesInput): MonthPoint[] {
  parseMonthKey(input.endMonth);
  const months = Array.from({ length: 12 }, (_, index) => shiftMonth(input.endMonth, index - 11));
  const buckets = monthBuckets(input.incidents, input.actionItems, input.timeZone, new Set(months));
  return months.map((month) => {
    // Empty months stay in the series as zeros so the chart's x-axis has no gaps.
    const bucket = buckets.get(month) ?? emptyMonthBucket(month);
    return {
      month,
      sev1: bucket.bySeverity['SEV-1'],
      sev2: bucket.bySeverity['SEV-2'],
      sev3: bucket.bySeverity['SEV-3'],
      sev4: bucket.bySeverity['SEV-4'],
      unknownSeverity: bucket.bySeverity.unknown,
      mttrMinutes: mttrMinutes(bucket),
      actionItemsCreated: bucket.actionItemsCreated,
      actionItemsDone: bucket.actionItemsDone,
      actionItemCompletionPercent: percentOf(bucket.actionItemsDone, bucket.actionItemsCreated),
    };
  });
}
