/** A range of whole calendar days, `from` inclusive, `to` exclusive (`YYYY-MM-DD`). */
export interface DayRange {
  from: string;
  to: string;
}

const MS_PER_DAY = 86_400_000;
const epochDayOf = (day: string) => Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
const dayOf = (epochDay: number) => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * Splits [from, to) into at most `parts` contiguous ranges of whole days, as equal as days allow.
 * The ranges share their edges (one's `to` is the next one's `from`), so however Jira reads the
 * literals (in the searching user's zone) every issue falls in exactly one of them.
 */
export function splitDayRange(range: DayRange, parts: number): DayRange[] {
  const start = epochDayOf(range.from);
  const days = epochDayOf(range.to) - start;
  const count = Math.max(1, Math.min(Math.floor(parts), days));
  return Array.from({ length: count }, (_, index) => ({
    from: dayOf(start + Math.floor((index * days) / count)),
    to: dayOf(start + Math.floor(((index + 1) * days) / count)),
  }));
}

/**
 * How many date partitions to read each kind of issue in, given its page count: about `target` in all
 * (enough to keep the concurrent searches busy), shared in proportion to pages. Each partition adds
 * at most one part-filled page, so a kind gets at most one per ten of its pages — the requests stay
 * within 10 % of the paging floor — and at least one.
 */
export function partitionCounts(pagesByKind: readonly number[], target: number): number[] {
  const total = pagesByKind.reduce((sum, pages) => sum + pages, 0);
  return pagesByKind.map((pages) =>
    Math.max(1, Math.min(Math.floor(pages / 10), Math.round((target * pages) / Math.max(1, total)))),
  );
}
