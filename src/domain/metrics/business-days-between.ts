import { parseIsoMs, zoneClock, type ZoneClock } from './zone-clock';

/** Weekdays among day numbers [0, n); day 0 (1970-01-01) was a Thursday. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  let count = weeks * 5;
  for (let d = weeks * 7; d < n; d += 1) {
    const weekday = (d + 4) % 7; // 0 = Sunday
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/**
 * Reference Target State "document completed within 5 business days": the Mon–Fri dates after the
 * start date up to and including the end date, in the configured zone. Counting whole local dates
 * (not 24 h spans) is what people mean by "5 business days"; date-fns' differenceInBusinessDays
 * counts a Saturday → Monday span as 0, which would hide a weekend resolution's first working day.
 */
export function businessDaysBetween(startIso: string, endIso: string, zone: string | ZoneClock): number {
  const clock = typeof zone === 'string' ? zoneClock(zone) : zone;
  const start = clock.localParts(parseIsoMs(startIso)).dayNumber;
  const end = clock.localParts(parseIsoMs(endIso)).dayNumber;
  if (end <= start) return 0;
  return weekdaysBefore(end + 1) - weekdaysBefore(start + 1);
}
