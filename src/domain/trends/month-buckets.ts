import { categoryOf } from './category-of';
import { localTime } from './local-time';
import { severityOf } from './severity-of';
import { timeToRestoreMs } from './time-to-restore-minutes';
import type { ActionItemRecord, IncidentRecord } from './trend-records';

export type SeverityBucket = 'SEV-1' | 'SEV-2' | 'SEV-3' | 'SEV-4' | 'unknown';

/** Everything the trend report and the 12-month charts need from one month, as running sums. */
export interface MonthBucket {
  month: string;
  incidents: number;
  bySeverity: Record<SeverityBucket, number>;
  resolvedIncidents: number;
  /** Sum of time to restore over resolved incidents, exact milliseconds. */
  restoreMsSum: number;
  actionItemsCreated: number;
  actionItemsDone: number;
  categories: Map<string, number>;
}

export function emptyMonthBucket(month: string): MonthBucket {
  return {
    month,
    incidents: 0,
    bySeverity: { 'SEV-1': 0, 'SEV-2': 0, 'SEV-3': 0, 'SEV-4': 0, unknown: 0 },
    resolvedIncidents: 0,
    restoreMsSum: 0,
    actionItemsCreated: 0,
    actionItemsDone: 0,
    categories: new Map(),
  };
}

/**
 * One pass over incidents and action items, bucketed by the month of `created` in the zone (DESIGN
 * "Month bucket"). With `months`, other months are skipped so memory stays bounded by what is shown.
 */
export function monthBuckets(
  incidents: readonly IncidentRecord[],
  actionItems: readonly ActionItemRecord[],
  timeZone: string,
  months?: ReadonlySet<string>,
): Map<string, MonthBucket> {
  const buckets = new Map<string, MonthBucket>();
  const bucketFor = (month: string): MonthBucket | null => {
    if (months !== undefined && !months.has(month)) return null;
    let bucket = buckets.get(month);
    if (bucket === undefined) {
      bucket = emptyMonthBucket(month);
      buckets.set(month, bucket);
    }
    return bucket;
  };
  for (const incident of incidents) {
    const bucket = bucketFor(localTime(incident.created, timeZone).monthKey);
    if (bucket === null) continue;
    bucket.incidents += 1;
    bucket.bySeverity[severityOf(incident) ?? 'unknown'] += 1;
    const restoreMs = timeToRestoreMs(incident);
    if (restoreMs !== null) {
      bucket.resolvedIncidents += 1;
      bucket.restoreMsSum += restoreMs;
    }
    const category = categoryOf(incident);
    bucket.categories.set(category, (bucket.categories.get(category) ?? 0) + 1);
  }
  for (const item of actionItems) {
    const bucket = bucketFor(localTime(item.created, timeZone).monthKey);
    if (bucket === null) continue;
    bucket.actionItemsCreated += 1;
    if (item.statusCategory === 'done') bucket.actionItemsDone += 1;
  }
  return buckets;
}
