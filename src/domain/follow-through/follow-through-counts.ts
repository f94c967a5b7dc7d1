import type { StatusCategoryKey } from './done-in-time';

/** One action item's child as the viewer sees it: its facts, or only that it is hidden from them. */
export type SeenChild =
  { visible: false } | { visible: true; statusCategory: StatusCategoryKey; daysOverdue: number };

export interface FollowThroughCounts {
  open: number;
  overdue: number;
  done: number;
  /** Children the viewer may not browse: counted, never described. */
  notVisible: number;
}

/** Reference anti-pattern "No review of action item completion": what is still open, and what is late. */
export function followThroughCounts(children: readonly SeenChild[]): FollowThroughCounts {
  const counts: FollowThroughCounts = { open: 0, overdue: 0, done: 0, notVisible: 0 };
  for (const child of children) {
    if (!child.visible) counts.notVisible += 1;
    else if (child.statusCategory === 'done') counts.done += 1;
    else {
      counts.open += 1;
      if (child.daysOverdue > 0) counts.overdue += 1;
    }
  }
  return counts;
}
