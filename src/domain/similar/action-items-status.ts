import { isOverdue } from '../follow-through/due-day';
import { parseIsoMs } from '../trends/parse-iso-ms';

/** An action item's child issue as Jira has it now. */
export interface ActionItemIssue {
  done: boolean;
  created: string;
  /** `YYYY-MM-DD`, or null. */
  dueDate: string | null;
  resolved: string | null;
}

export interface ActionItemsCount {
  done: number;
  open: number;
  overdue: number;
  openWhenThisBegan: number;
}

/**
 * Where an earlier postmortem's fixes stand: done, open, overdue (open past its due day in the team's
 * zone, by follow-through's one rule), and how many were still open when the new incident began — a recurrence while the
 * earlier fix was pending (reference "Common Anti-Patterns: Action items are opened and forgotten").
 */
export function actionItemsStatus(
  items: readonly ActionItemIssue[],
  now: Date,
  timeZone: string,
  thisBeganAt: Date,
): ActionItemsCount {
  const began = thisBeganAt.getTime();
  let done = 0;
  let overdue = 0;
  let openWhenThisBegan = 0;
  for (const item of items) {
    if (item.done) done += 1;
    else if (item.dueDate !== null && isOverdue(item.dueDate, now, timeZone)) overdue += 1;
    const existed = parseIsoMs(item.created) <= began;
    const resolvedLater = item.resolved === null || parseIsoMs(item.resolved) > began;
    if (existed && (!item.done || resolvedLater)) openWhenThisBegan += 1;
  }
  return { done, open: items.length - done, overdue, openWhenThisBegan };
}
