import { lastCompleteMonth } from './last-complete-month';

/** The selectable months, newest first: the current month (partial) and the `count` before it. */
export function monthOptions(now: Date, count = 24): string[] {
  const newest = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const months = Array.from({ length: count + 1 }, (_, index) =>
    new Date(Date.UTC(newest.getUTCFullYear(), newest.getUTCMonth() - index, 1)).toISOString().slice(0, 7),
  );
  // Keep the default reachable even if the clock is odd (it always is months[1]).
  const fallback = lastCompleteMonth(now);
  return months.includes(fallback) ? months : [fallback, ...months];
}
