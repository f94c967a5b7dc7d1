import { tzOffset } from '@date-fns/tz';
import { parseIsoMs } from './parse-iso-ms';

/** An instant's wall-clock reading in a zone, as epoch milliseconds whose UTC fields are the local fields. */
export interface LocalTime {
  /** Local wall-clock time encoded as if it were UTC: read it with getUTC* / Date.UTC arithmetic. */
  localMs: number;
  /** `YYYY-MM` of the local calendar day. */
  monthKey: string;
  /** `YYYY-MM-DD` of the local calendar day. */
  dayKey: string;
  /** Days since 1970-01-01 of the local calendar day. */
  epochDay: number;
}

const MS_PER_DAY = 86_400_000;
// Offsets only change at DST transitions, which fall on quarter hours UTC; one Intl lookup per
// quarter hour keeps 100,000-issue aggregations fast (Intl formatting costs microseconds per call).
const QUARTER_HOUR_MS = 900_000;
const offsetCaches = new Map<string, Map<number, number>>();

function offsetMinutes(utcMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let cache = offsetCaches.get(timeZone);
  if (cache === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}"`);
    }
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const slot = Math.floor(utcMs / QUARTER_HOUR_MS);
  let offset = cache.get(slot);
  if (offset === undefined) {
    // Bounded for long-lived function instances: ~3 years of quarter hours per zone.
    if (cache.size >= 100_000) cache.clear();
    offset = tzOffset(timeZone, new Date(slot * QUARTER_HOUR_MS));
    cache.set(slot, offset);
  }
  return offset;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

// Calendar keys per local day: a year of data has ~365 distinct days, so formatting once per day
// instead of once per issue removes most of the per-issue cost (measured in bench/trends.bench.ts).
const dayKeys = new Map<number, { monthKey: string; dayKey: string }>();

function keysOf(epochDay: number): { monthKey: string; dayKey: string } {
  let keys = dayKeys.get(epochDay);
  if (keys === undefined) {
    const day = new Date(epochDay * MS_PER_DAY);
    if (dayKeys.size >= 100_000) dayKeys.clear();
    const monthKey = `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1)}`;
    keys = { monthKey, dayKey: `${monthKey}-${pad(day.getUTCDate())}` };
    dayKeys.set(epochDay, keys);
  }
  return keys;
}

/** Parses an ISO instant and reads it in the zone; throws on text that is not a date. */
export function localTime(iso: string, timeZone: string): LocalTime {
  const utcMs = parseIsoMs(iso);
  if (Number.isNaN(utcMs)) throw new RangeError(`"${iso}" is not an ISO date-time`);
  const localMs = utcMs + offsetMinutes(utcMs, timeZone) * 60_000;
  const epochDay = Math.floor(localMs / MS_PER_DAY);
  const { monthKey, dayKey } = keysOf(epochDay);
  return { localMs, monthKey, dayKey, epochDay };
}
