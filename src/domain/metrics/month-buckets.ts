import type { Severity } from '../postmortem';
import { categoryOf } from './category-of';
import type { ActionItemRecord, IncidentRecord, PrioritySeverityMapping } from './metric-records';
import { severityOf } from './severity-of';
import { timeToRestoreMinutes } from './time-to-restore-minutes';
import { parseIsoMs, zoneClock } from './zone-clock';

export interface MonthBucket {
  readonly month: string;
  incidents: number;
  readonly bySeverity: Record<Severity, number>;
  /** Incidents with neither a SEV label nor a mapped priority. */
  unknownSeverity: number;
  resolved: number;
  restoreMinutesSum: number;
  readonly categories: Map<string, number>;
  actionItemsCreated: number;
  actionItemsDone: number;
}

function emptyBucket(month: string): MonthBucket {
  return {
    month,
    incidents: 0,
    bySeverity: { 'SEV-1': 0, 'SEV-2': 0, 'SEV-3': 0, 'SEV-4': 0 },
    unknownSeverity: 0,
    resolved: 0,
    restoreMinutesSum: 0,
    categories: new Map(),
    actionItemsCreated: 0,
    actionItemsDone: 0,
  };
}

/** Month keys of ISO instants in a zone, through one shared zone clock (see zone-clock.ts). */
export function monthKeyCache(timeZone: string): (iso: string) => string {
  const clock = zoneClock(timeZone);
  return (iso) => clock.monthKey(parseIsoMs(iso));
}

// DESIGN.md "Metric definitions": one linear pass buckets incidents and action items by month of `created`.
export function monthBuckets(input: {
  readonly incidents: readonly IncidentRecord[];
  readonly actionItems: readonly ActionItemRecord[];
  readonly timeZone: string;
  readonly severityMapping?: PrioritySeverityMapping;
}): Map<string, MonthBucket> {
  const buckets = new Map<string, MonthBucket>();
  const keyOf = monthKeyCache(input.timeZone);
  const bucketFor = (month: string): MonthBucket => {
    let bucket = buckets.get(month);
    if (!bucket) {
      bucket = emptyBucket(month);
      buckets.set(month, bucket);
    }
    return bucket;
  };
  for (const incident of input.incidents) {
    const bucket = bucketFor(keyOf(incident.created));
    bucket.incidents += 1;
    const severity = severityOf(incident, input.severityMapping);
    if (severity) bucket.bySeverity[severity] += 1;
    else bucket.unknownSeverity += 1;
    const minutes = timeToRestoreMinutes(incident);
    if (minutes !== null) {
      bucket.resolved += 1;
      bucket.restoreMinutesSum += minutes;
    }
    const category = categoryOf(incident);
    bucket.categories.set(category, (bucket.categories.get(category) ?? 0) + 1);
  }
  for (const item of input.actionItems) {
    const bucket = bucketFor(keyOf(item.created));
    bucket.actionItemsCreated += 1;
    if (item.statusCategory === 'done') bucket.actionItemsDone += 1;
  }
  return buckets;
}
