import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { isBusinessDay } from './document-due-at';

export interface BusinessCalendar {
  /** IANA zone whose calendar days count, e.g. `Pacific/Auckland`. */
  timeZone: string;
  /** Non-working days, `YYYY-MM-DD` in that zone. */
  holidays?: readonly string[];
}

/** `YYYY-MM-DD` of the calendar day an instant falls on in the zone. */
export function localDayKey(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');
}

/** The first Monday–Friday of `month` (`YYYY-MM`) that is not a holiday, as `YYYY-MM-DD`. */
export function firstBusinessDayOfMonth(month: string, calendar: BusinessCalendar): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`firstBusinessDayOfMonth: "${month}" is not a month YYYY-MM.`);
  const holidays = new Set(calendar.holidays ?? []);
  // Noon keeps the day stable whatever the zone's offset or DST change.
  let day = new TZDate(Number(match[1]), Number(match[2]) - 1, 1, 12, calendar.timeZone);
  let last = format(day, 'yyyy-MM-dd');
  while (format(day, 'yyyy-MM') === month) {
    last = format(day, 'yyyy-MM-dd');
    if (isBusinessDay(day, holidays)) return last;
    day = addDays(day, 1);
  }
  // A month of nothing but weekends and holidays: its last day, rather than a day of the next month.
  return last;
}

// Reference "Step 4: Monthly Trend Analysis": the report on the previous month goes out as the new month's work starts.
export function isFirstBusinessDayOfMonth(at: Date, calendar: BusinessCalendar): boolean {
  const day = localDayKey(at, calendar.timeZone);
  return day === firstBusinessDayOfMonth(day.slice(0, 7), calendar);
}

/**
 * The month whose trend report is due at `at`: the previous month, from the first business day of
 * this one for `catchUpDays` calendar days (a failed or missed run is made up for; the caller's
 * marker keeps it to one post). Null outside that window.
 */
export function monthlyReportDue(
  at: Date,
  calendar: BusinessCalendar & { catchUpDays?: number },
): { reportMonth: string; firstBusinessDay: string } | null {
  const day = localDayKey(at, calendar.timeZone);
  const month = day.slice(0, 7);
  const first = firstBusinessDayOfMonth(month, calendar);
  const daysLate = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000;
  if (daysLate < 0 || daysLate > (calendar.catchUpDays ?? 6)) return null;
  return { reportMonth: previousMonthOf(month), firstBusinessDay: first };
}

function previousMonthOf(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}
