import { tzOffset } from '@date-fns/tz';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface LocalParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  /** Days since 1970-01-01 of the local calendar date. */
  readonly dayNumber: number;
}

export interface ZoneClock {
  readonly timeZone: string;
  offsetMs(ms: number): number;
  localParts(ms: number): LocalParts;
  monthKey(ms: number): string;
  dateKey(ms: number): string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Local calendar parts in a zone, fast enough for 100,000s of issues: Intl-based conversion (what
 * @date-fns/tz does) costs microseconds per call, so the offset is looked up once per UTC day and
 * reused for every instant of that day unless the day holds a transition (DST), where each instant
 * is converted exactly.
 */
export function zoneClock(timeZone: string): ZoneClock {
  const dayOffsets = new Map<number, number | null>();
  const exact = (ms: number): number => tzOffset(timeZone, new Date(ms)) * MINUTE_MS;
  const offsetMs = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const start = exact(day * DAY_MS);
      // null marks a day with a transition: no single offset holds all of it.
      offset = start === exact((day + 1) * DAY_MS - 1) ? start : null;
      dayOffsets.set(day, offset);
    }
    return offset ?? exact(ms);
  };
  const localParts = (ms: number): LocalParts => {
    const local = ms + offsetMs(ms);
    const d = new Date(local);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      dayNumber: Math.floor(local / DAY_MS),
    };
  };
  // Month keys per local day: a year of data needs ~365 strings, not one per issue.
  const monthKeys = new Map<number, string>();
  return {
    timeZone,
    offsetMs,
    localParts,
    monthKey: (ms) => {
      const dayNumber = Math.floor((ms + offsetMs(ms)) / DAY_MS);
      let key = monthKeys.get(dayNumber);
      if (key === undefined) {
        const d = new Date(dayNumber * DAY_MS);
        key = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
        monthKeys.set(dayNumber, key);
      }
      return key;
    },
    dateKey: (ms) => {
      const p = localParts(ms);
      return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    },
  };
}

export function parseIsoMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date-time: ${iso}`);
  return ms;
}
