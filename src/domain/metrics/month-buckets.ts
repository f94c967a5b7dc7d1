import type { Severity } from '../postmortem';
import { categoryOf } from './category-of';
import type { ActionItemRecord, IncidentRecord, PrioritySeverityMapping } from './metric-records';
import { monthKeyOf } from './month-key-of';
import { severityOf } from './severity-of';
import { timeToRestoreMinutes } from './time-to-restore-minutes';

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

const SLOT_MS = 15 * 60_000;

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

/**
 * Month keys through a cache per 15-minute slot: every zone offset in use is a multiple of 15 minutes,
 * so all instants of one slot share a local month, and zone conversion (the costly part) runs once
 * per slot instead of once per issue.
 */
export function monthKeyCache(timeZone: string): (iso: string) => string {
  const cache = new Map<number, string>();
  return (iso) => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date-time: ${iso}`);
    const slot = Math.floor(ms / SLOT_MS);
    let key = cache.get(slot);
    if (key === undefined) {
      key = monthKeyOf(new Date(slot * SLOT_MS).toISOString(), timeZone);
      cache.set(slot, key);
    }
    return key;
  };
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
