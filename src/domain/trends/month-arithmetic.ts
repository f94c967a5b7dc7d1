const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Validates `YYYY-MM` and returns [year, month 1–12]. */
export function parseMonthKey(month: string): [number, number] {
  const match = MONTH_KEY.exec(month);
  if (match === null) throw new RangeError(`"${month}" is not a month YYYY-MM`);
  return [Number(match[1]), Number(match[2])];
}

/** The month `delta` months from `month` (`2025-03`, -6 → `2024-09`). */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = parseMonthKey(month);
  const index = year * 12 + (monthNumber - 1) + delta;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

/** A local wall-clock reading (UTC-encoded ms) moved by calendar months, the day clamped to the month's end. */
export function shiftLocalMsByMonths(localMs: number, delta: number): number {
  const d = new Date(localMs);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + delta;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}
