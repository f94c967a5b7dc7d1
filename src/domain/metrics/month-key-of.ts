import { TZDate } from '@date-fns/tz';

// DESIGN.md "Metric definitions — Month bucket": `created` in the configured time zone.
export function monthKeyOf(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date-time: ${iso}`);
  const local = new TZDate(ms, timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}`;
}

/** 'YYYY-MM' shifted by whole months (negative = earlier). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  if (y === undefined || m === undefined || !/^\d{4}-\d{2}$/.test(month) || m < 1 || m > 12) {
    throw new RangeError(`Not a month YYYY-MM: ${month}`);
  }
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
