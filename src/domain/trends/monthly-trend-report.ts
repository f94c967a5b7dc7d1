import { aggregateByMonth, emptyMonthAggregate, type MonthAggregate } from './month-aggregate';
import { parseMonthKey, shiftMonth } from './month-arithmetic';
import { mttrMinutes } from './mttr-minutes';
import { processMetricsOf, type ProcessMetrics } from './process-metrics';
import { percentOf } from './round-half-up';
import { trendOf, type Trend } from './trend-of';
import { trendRecommendations, type Recommendation, type TopCategory } from './trend-recommendations';
import type { ActionItemRecord, IncidentRecord } from './trend-records';

export interface Comparison<T> {
  current: T;
  previous: T;
  trend: Trend | null;
}

export interface Completion {
  done: number;
  created: number;
  /** Whole percent, half up; null when nothing was created. */
  percent: number | null;
}

export interface MonthlyTrendReport {
  month: string;
  previousMonth: string;
  timeZone: string;
  incidents: Comparison<number>;
  sev1: Comparison<number>;
  sev2: Comparison<number>;
  /** Null when the month has no resolved incident. */
  mttrMinutes: Comparison<number | null>;
  actionItemsCreated: Comparison<number>;
  /** Trend compares the completion rates (done ÷ created), not the raw done counts. */
  actionItemsCompleted: Comparison<Completion>;
  topCategories: TopCategory[];
  processMetrics: ProcessMetrics;
  recommendations: Recommendation[];
}

export interface MonthlyTrendReportInput {
  /** Incidents from at least 6 months before `month` (repeat rate) through `month`. */
  incidents: readonly IncidentRecord[];
  actionItems: readonly ActionItemRecord[];
  month: string;
  timeZone: string;
  holidays?: readonly string[];
  /** How many categories to list (the reference lists 3). */
  topCategoryLimit?: number;
}

const compare = (current: number, previous: number): Comparison<number> => ({
  current,
  previous,
  trend: trendOf(current, previous),
});

const completionOf = (bucket: MonthAggregate): Completion => ({
  done: bucket.actionItemsDone,
  created: bucket.actionItemsCreated,
  percent: percentOf(bucket.actionItemsDone, bucket.actionItemsCreated),
});

function topCategoriesOf(bucket: MonthAggregate, limit: number): TopCategory[] {
  // Ties by name so the same data always lists the same categories.
  return [...bucket.categories]
    .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
    .slice(0, limit)
    .map(({ category, count }, index) => ({ rank: index + 1, category, count }));
}

// Reference "Step 4: Monthly Trend Analysis" with DESIGN "Metric definitions": the month against the one before.
export function monthlyTrendReport(input: MonthlyTrendReportInput): MonthlyTrendReport {
  parseMonthKey(input.month);
  const months = aggregateByMonth(input.incidents, input.actionItems, {
    timeZone: input.timeZone,
    holidays: input.holidays ?? [],
  });
  return monthlyTrendReportOf(months, input.month, input.timeZone, input.topCategoryLimit);
}

/** The report of `month` from aggregates per month (it, the one before and, for repeats, 6 before). */
export function monthlyTrendReportOf(
  months: ReadonlyMap<string, MonthAggregate>,
  month: string,
  timeZone: string,
  topCategoryLimit = 3,
): MonthlyTrendReport {
  const previousMonth = shiftMonth(month, -1);
  const current = months.get(month) ?? emptyMonthAggregate(month);
  const previous = months.get(previousMonth) ?? emptyMonthAggregate(previousMonth);

  const mttrCurrent = mttrMinutes(current);
  const mttrPrevious = mttrMinutes(previous);
  const completedCurrent = completionOf(current);
  const completedPrevious = completionOf(previous);
  const rate = (c: Completion) => (c.created === 0 ? null : { numerator: c.done, denominator: c.created });
  const mttr = { current: mttrCurrent, previous: mttrPrevious, trend: trendOf(mttrCurrent, mttrPrevious) };
  const topCategories = topCategoriesOf(current, topCategoryLimit);
  const metrics = processMetricsOf(months, month);

  return {
    month,
    previousMonth,
    timeZone,
    incidents: compare(current.incidents, previous.incidents),
    sev1: compare(current.bySeverity['SEV-1'], previous.bySeverity['SEV-1']),
    sev2: compare(current.bySeverity['SEV-2'], previous.bySeverity['SEV-2']),
    mttrMinutes: mttr,
    actionItemsCreated: compare(current.actionItemsCreated, previous.actionItemsCreated),
    actionItemsCompleted: {
      current: completedCurrent,
      previous: completedPrevious,
      trend: trendOf(rate(completedCurrent), rate(completedPrevious)),
    },
    topCategories,
    processMetrics: metrics,
    recommendations: trendRecommendations({ topCategories, metrics, mttr }),
  };
}
