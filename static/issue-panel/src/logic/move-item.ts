/**
 * A copy of `items` with the element at `from` moved to index `to` (by keyboard one step, by drag any
 * distance); an index out of range leaves the list unchanged.
 */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [moved] = copy.splice(from, 1) as [T];
  copy.splice(to, 0, moved);
  return copy;
}

/** A copy of `items` with `item` inserted after index `after` (past the end or -1 → appended, 0-based). */
export function insertAfter<T>(items: readonly T[], after: number | undefined, item: T): T[] {
  if (after === undefined || after < 0 || after >= items.length) return [...items, item];
  return [...items.slice(0, after + 1), item, ...items.slice(after + 1)];
}
