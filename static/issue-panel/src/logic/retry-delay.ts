/** Exponential backoff for failed saves: 2 s, 4 s, 8 s … capped at 30 s so a retry is never far off. */
export function retryDelay(attempt: number, baseMs = 2000, maxMs = 30000): number {
  const safe = Math.max(0, Math.floor(attempt));
  return Math.min(maxMs, baseMs * 2 ** safe);
}
