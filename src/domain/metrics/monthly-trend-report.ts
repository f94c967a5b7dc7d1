import { monthBuckets, type MonthBucket } from './month-buckets';
import type { ActionItemRecord, IncidentRecord, PrioritySeverityMapping } from './metric-records';
import { addMonths } from './month-key-of';
import { roundHalfUp } from './round-half-up';
import { trendOf, type Trend } from './trend-of';
import { trendRecommendations } from './trend-recommendations';

export interface CategoryCount {
  readonly category: string;
  readonly count: number;
}

export interface MetricRow<T> {
  readonly current: T;
  readonly previous: T;
  readonly trend: Trend | null;
}

export interface ActionItemCompletion {
  readonly done: number;
  readonly created: number;
  /** Whole percent half up; null when nothing was created. */
  readonly pct: number | null;
}

export interface MonthlyTrendReport {
  readonly month: string;
  readonly previousMonth: string;
  readonly incidents: MetricRow<number>;
  readonly sev1: MetricRow<number>;
  readonly sev2: MetricRow<number>;
  /** Null when the month has no resolved incident. */
  readonly mttrMinutes: MetricRow<number | null>;
  readonly actionItemsCreated: MetricRow<number>;
  /** Trend compares the completion percentages. */
  readonly actionItemsCompleted: MetricRow<ActionItemCompletion>;
  readonly topCategories: readonly CategoryCount[];
  readonly recommendations: readonly string[];
}

export function mttrOf(bucket: MonthBucket | undefined): number | null {
  return bucket && bucket.resolved > 0 ? roundHalfUp(bucket.restoreMinutesSum / bucket.resolved) : null;
}

export function completionOf(bucket: MonthBucket | undefined): ActionItemCompletion {
  const created = bucket?.actionItemsCreated ?? 0;
  const done = bucket?.actionItemsDone ?? 0;
  return { done, created, pct: created > 0 ? roundHalfUp((done / created) * 100) : null };
}

function row<T extends number | null>(current: T, previous: T): MetricRow<T> {
  return { current, previous, trend: trendOf(current, previous) };
}

export function topCategoriesOf(bucket: MonthBucket | undefined, limit = 3): CategoryCount[] {
  if (!bucket) return [];
  return (
    [...bucket.categories]
      .map(([category, count]) => ({ category, count }))
      // Ties by name so the report is stable between refreshes.
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
      .slice(0, limit)
  );
}

// Reference Step 4 "Monthly Trend Analysis" with DESIGN.md "Metric definitions".
export function monthlyTrendReport(input: {
  readonly incidents: readonly IncidentRecord[];
  readonly actionItems: readonly ActionItemRecord[];
  readonly month: string;
  readonly timeZone: string;
  readonly severityMapping?: PrioritySeverityMapping;
  readonly topCategoryLimit?: number;
}): MonthlyTrendReport {
  const previousMonth = addMonths(input.month, -1);
  const buckets = monthBuckets(input);
  return trendReportFromBuckets(buckets, input.month, previousMonth, input.topCategoryLimit);
}

export function trendReportFromBuckets(
  buckets: ReadonlyMap<string, MonthBucket>,
  month: string,
  previousMonth: string = addMonths(month, -1),
  topCategoryLimit = 3,
): MonthlyTrendReport {
  const cur = buckets.get(month);
  const prev = buckets.get(previousMonth);
  const curDone = completionOf(cur);
  const prevDone = completionOf(prev);
  const sev1 = row(cur?.bySeverity['SEV-1'] ?? 0, prev?.bySeverity['SEV-1'] ?? 0);
  const mttrMinutes = row(mttrOf(cur), mttrOf(prev));
  const topCategories = topCategoriesOf(cur, topCategoryLimit);
  return {
    month,
    previousMonth,
    incidents: row(cur?.incidents ?? 0, prev?.incidents ?? 0),
    sev1,
    sev2: row(cur?.bySeverity['SEV-2'] ?? 0, prev?.bySeverity['SEV-2'] ?? 0),
    mttrMinutes,
    actionItemsCreated: row(curDone.created, prevDone.created),
    actionItemsCompleted: { current: curDone, previous: prevDone, trend: trendOf(curDone.pct, prevDone.pct) },
    topCategories,
    recommendations: trendRecommendations({
      topCategories,
      sev1Rising: sev1.trend?.arrow === '↑',
      mttrRising: mttrMinutes.trend?.arrow === '↑',
      actionItemCompletionPct: curDone.pct,
    }),
  };
}
