/**
 * What a stand-in records of what it saw (requests, invocations, pushed events, messages) is for
 * tests and the preview to look back on recent traffic. A long-running `npm start` would otherwise
 * keep every entry for as long as it runs, so each record keeps only its most recent entries.
 */
export const DEFAULT_RECORD_LIMIT = 10_000;

/** Appends `entry` to `log`, dropping the oldest entries beyond `limit`. */
export function appendBounded<T>(log: T[], entry: T, limit: number): void {
  log.push(entry);
  if (log.length > limit) log.splice(0, log.length - limit);
}
