import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend } from 'date-fns';

export interface DocumentDeadlineOptions {
  /** IANA zone in which business days are counted, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Non-working days, `YYYY-MM-DD` in that zone. */
  holidays?: readonly string[];
  /** Defaults to the reference's 5 business days. */
  businessDays?: number;
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`documentDueAt: unknown time zone "${timeZone}".`);
  }
}

/** Whether a local calendar day (in the zone of `day`) is Monday–Friday and not a holiday. */
export function isBusinessDay(day: TZDate, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(day) && !holidays.has(format(day, 'yyyy-MM-dd'));
}

// Reference "Step 1 … Timeline": document completed and shared within 5 business days (Mon–Fri, minus holidays).
export function documentDueAt(resolvedAt: Date, options: DocumentDeadlineOptions): Date {
  if (Number.isNaN(resolvedAt.getTime()))
    throw new RangeError('documentDueAt: resolvedAt is not a valid date.');
  assertTimeZone(options.timeZone);
  for (const day of options.holidays ?? []) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw new RangeError(`documentDueAt: holiday "${day}" is not YYYY-MM-DD.`);
  }
  const holidays = new Set(options.holidays ?? []);
  const wanted = options.businessDays ?? 5;
  // Counting in the zone keeps the local wall-clock time across DST changes and month ends; a
  // resolution on a weekend or holiday starts the count on the next business day.
  let day = new TZDate(resolvedAt.getTime(), options.timeZone);
  let counted = 0;
  while (counted < wanted) {
    day = addDays(day, 1);
    if (isBusinessDay(day, holidays)) counted += 1;
  }
  return new Date(day.getTime());
}
