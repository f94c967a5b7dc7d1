// Weekdays among the first k days of a week that starts on a Thursday (1970-01-01, epoch day 0, was a Thursday).
const WEEKDAYS_FROM_THURSDAY = [0, 1, 2, 2, 2, 3, 4, 5] as const;

/** Weekdays (Mon–Fri) among epoch days [0, n); works for negative n too. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  return weeks * 5 + (WEEKDAYS_FROM_THURSDAY[n - weeks * 7] ?? 0);
}

/** Monday–Friday check for an epoch day; 0 = Sunday after shifting Thursday to 4. */
export function isWeekdayEpochDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/**
 * DESIGN "Metric definitions — Time-to-postmortem": business days (Mon–Fri, minus holidays) after the
 * resolution day up to and including the finalization day, counted like `documentDueAt` (finalized on
 * its due day = 5; same day = 0; resolved Friday, finalized Monday = 1). Closed-form, not a day loop,
 * so a postmortem finalized a year late costs the same as one finalized on time. Negative spans are 0.
 */
export function businessDaysBetween(
  fromEpochDay: number,
  toEpochDay: number,
  holidayEpochDays: ReadonlySet<number> = new Set(),
): number {
  if (toEpochDay <= fromEpochDay) return 0;
  let days = weekdaysBefore(toEpochDay + 1) - weekdaysBefore(fromEpochDay + 1);
  for (const holiday of holidayEpochDays) {
    if (holiday > fromEpochDay && holiday <= toEpochDay && isWeekdayEpochDay(holiday)) days -= 1;
  }
  return days;
}
