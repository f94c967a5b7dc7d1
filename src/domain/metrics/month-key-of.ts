import { parseIsoMs, zoneClock } from './zone-clock';

// DESIGN.md "Metric definitions — Month bucket": `created` in the configured time zone.
export function monthKeyOf(iso: string, timeZone: string): string {
  return zoneClock(timeZone).monthKey(parseIsoMs(iso));
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
