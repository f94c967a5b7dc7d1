import { monthKeyOf } from './month-key-of';

/** One cached report, as the daily refresh finds it in the cache index. */
export interface TrendCacheIndexEntry {
  month: string;
  projectKeys: string[];
  /** When the Jira reads behind the cached report started (ISO instant). */
  dataAsOf: string;
}

export type TrendRefreshDecision =
  /** Refreshed moments ago (a user's cold load, or the scheduled trigger firing twice): leave it. */
  | 'fresh'
  /** The month is still open (or in the future): new incidents can land in it at any time. */
  | 'recompute'
  /** A closed month: recompute only if an issue of its window changed since `dataAsOf`. */
  | 'check-for-changes';

/** Below this age a report is not refreshed again, so a duplicate daily run does no Jira reads. */
export const TREND_CACHE_FRESH_MS = 60 * 60_000;

// DESIGN "Global page" / issue "The global page": the open month always, closed months only when changed.
export function trendRefreshDecision(
  entry: TrendCacheIndexEntry,
  now: Date,
  timeZone: string,
): TrendRefreshDecision {
  const age = now.getTime() - Date.parse(entry.dataAsOf);
  if (Number.isFinite(age) && age >= 0 && age < TREND_CACHE_FRESH_MS) return 'fresh';
  return entry.month >= monthKeyOf(now.toISOString(), timeZone) ? 'recompute' : 'check-for-changes';
}

// JQL reads a date literal in the searching user's time zone (UTC−12 … UTC+14) at minute precision,
// and approximate-count lags the index: 12 hours earlier is safely before `dataAsOf` in every zone.
const LITERAL_MARGIN_MS = 12 * 3_600_000;

/** `updated >= "<literal>"` for "changed since `dataAsOf`": never later than the instant, whatever the zone. */
export function updatedSinceJqlLiteral(dataAsOf: string): string {
  const iso = new Date(Date.parse(dataAsOf) - LITERAL_MARGIN_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
