import type { PostmortemIndexSummary } from '../../../../src/domain/postmortem';
import type { ActionItemRecord, IncidentRecord } from '../../../../src/domain/trends';

/** An incident created at `created`, resolved `minutes` later (null = still open). */
export function incident(
  key: string,
  created: string,
  minutes: number | null,
  extra: Partial<IncidentRecord> = {},
): IncidentRecord {
  const resolved = minutes === null ? null : new Date(Date.parse(created) + minutes * 60_000).toISOString();
  return {
    key,
    projectKey: key.split('-')[0] ?? 'INC',
    created,
    resolved,
    labels: [],
    priority: null,
    components: [],
    postmortem: null,
    qualifies: false,
    ...extra,
  };
}

export function postmortem(extra: Partial<PostmortemIndexSummary> = {}): PostmortemIndexSummary {
  return {
    status: 'FINAL',
    severity: null,
    category: null,
    incidentId: 'INC',
    finalizedAt: null,
    rootCause: '',
    actionItemCount: 0,
    actionItemsWithoutIssueCount: 0,
    ...extra,
  };
}

export function actionItem(
  key: string,
  created: string,
  extra: Partial<ActionItemRecord> = {},
): ActionItemRecord {
  return {
    key,
    incidentKey: 'INC-1',
    created,
    dueDate: null,
    statusCategory: 'new',
    resolved: null,
    ...extra,
  };
}

/** `count` action items created on `day`, the first `done` of them done. */
export function actionItems(
  prefix: string,
  day: string,
  count: number,
  done: number,
  dueDate: string | null = null,
): ActionItemRecord[] {
  return Array.from({ length: count }, (_, i) =>
    actionItem(`${prefix}-${i + 1}`, `${day}T10:00:00Z`, {
      dueDate,
      ...(i < done ? { statusCategory: 'done' as const, resolved: `${day}T16:00:00Z` } : {}),
    }),
  );
}
