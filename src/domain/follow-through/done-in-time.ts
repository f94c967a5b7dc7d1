import { parseIsoMs } from '../trends/parse-iso-ms';
import { isOnOrBeforeDueDay } from './due-day';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

const STATUS_CATEGORY_KEYS: readonly string[] = ['new', 'indeterminate', 'done'];

/** Jira's category key as read; its fourth, `undefined` (a status no workflow placed yet), counts as not started. */
export function statusCategoryKey(key: string): StatusCategoryKey {
  return STATUS_CATEGORY_KEYS.includes(key) ? (key as StatusCategoryKey) : 'new';
}

/** What Jira says about when an action item's child issue was completed. */
export interface CompletionEvidence {
  /** The child's status category now. */
  statusCategory: StatusCategoryKey;
  /** Jira `resolutiondate`: set only by workflows that set a resolution. */
  resolved: string | null;
  /**
   * Jira `statuscategorychangedate` (system field "Status Category Changed"): the last time the status
   * moved to another category — for an item in Done now, its last transition into Done. The changelog
   * would say the same at one more request per item, so it is not read; an item with neither date
   * counts as not shown to be on time (the stricter reading).
   */
  statusCategoryChanged: string | null;
}

/**
 * When the item was last completed, or null when it is not done now (an item reopened after it was
 * done is not done). Many workflows (team-managed projects among them) never set a resolution, so
 * `statuscategorychangedate` counts as well. The later of the two is taken: a workflow
 * that keeps a stale resolution date when an item is reopened and done again must not date the
 * completion back to the first time.
 */
export function completedAt(evidence: CompletionEvidence): string | null {
  if (evidence.statusCategory !== 'done') return null;
  const instants = [evidence.resolved, evidence.statusCategoryChanged].filter(
    (instant): instant is string => instant !== null && !Number.isNaN(parseIsoMs(instant)),
  );
  if (instants.length === 0) return null;
  return instants.reduce((latest, instant) => (parseIsoMs(instant) > parseIsoMs(latest) ? instant : latest));
}

/**
 * Reference Metrics, "Action item completion rate: % of action items completed by due date": done in time when the
 * child is in a Done status category now and last reached it on or before its due day (in the team's
 * zone). Done with no date at all cannot be shown to be on time, so it is not.
 */
export function isDoneInTime(evidence: CompletionEvidence, dueDate: string, timeZone: string): boolean {
  const at = completedAt(evidence);
  return at !== null && isOnOrBeforeDueDay(at, dueDate, timeZone);
}
