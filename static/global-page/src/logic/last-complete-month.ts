/** The month before `now`'s month (`YYYY-MM`, UTC): the newest month whose numbers no longer change. */
export function lastCompleteMonth(now: Date): string {
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return last.toISOString().slice(0, 7);
}
