import { aggregateByMonth, emptyMonthAggregate, type MonthAggregate } from './month-aggregate';
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
  return twelveMonthSeriesOf(
    aggregateByMonth(input.incidents, input.actionItems, { timeZone: input.timeZone }),
    input.endMonth,
  );
}

/** The 12 months ending with `endMonth`, oldest first, from aggregates per month. */
export function twelveMonthSeriesOf(
  aggregates: ReadonlyMap<string, MonthAggregate>,
  endMonth: string,
): MonthPoint[] {
  const months = Array.from({ length: 12 }, (_, index) => shiftMonth(endMonth, index - 11));
  return months.map((month) => {
    // Empty months stay in the series as zeros so the chart's x-axis has no gaps.
    const bucket = aggregates.get(month) ?? emptyMonthAggregate(month);
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
