/**
 * What a finalization run does, decided from what it read: the use case
 * (`src/usecases/finalize-postmortem.ts`) reads Jira and storage, asks these functions what to create,
 * link, mark and say, carries that out and records progress. Pure: time comes in as `now`.
 */
import type { ErrorKind } from '../../contract/errors';
import type { ActionItem, PostmortemDocument, PostmortemStatus } from '../postmortem';
import type { ApprovalsRequired } from '../review/review-record';
import type { FinalizationActionItem, FinalizationMessageInput } from '../slack/finalization-message';
import { mayHaveBeenCreated, type UncreatedElement } from './child-binding';
import { skippedFinalizationRules, type SkippedRule } from './skipped-rules';

/** The parts of the automation record the decisions read. */
export interface FinalizationProgress {
  children: Readonly<Record<string, string>>;
  pendingCreate?: { rowIds: readonly string[]; at: string } | null;
  finalizationId?: string;
  childIssueType: 'sub-task' | 'linked task' | null;
  linkedChildren?: readonly string[];
  slack?: { deliveryId: string; state: string } | null;
}

export type FinalizationPlan =
  | {
      /** The label is not on the issue: a FINAL postmortem goes back to DRAFT, nothing else happens. */
      kind: 'withdraw';
      reopen: boolean;
    }
  | {
      kind: 'finalize';
      /**
       * A new finalization (the postmortem is not FINAL, or no finalization is recorded) gets a fresh id
       * and the panel rules the label skipped; an ongoing one is shared by all its runs.
       */
      finalization: { kind: 'new'; skippedRules: SkippedRule[] } | { kind: 'ongoing'; id: string };
      /** Rows whose create may have happened without the answer: their children are looked up first. */
      rowsInDoubt: string[];
    };

export interface FinalizationInput {
  labelOn: boolean;
  /**
   * The stored postmortem's status, null when none is stored. A withdrawn label reopens a FINAL one,
   * and a FINALIZING one a run held for its finalization.
   */
  storedStatus: PostmortemStatus | null;
  document: PostmortemDocument;
  /** The approvals setting: missing approvals are a skipped rule like the panel's other blockers. */
  approvalsRequired: ApprovalsRequired;
  progress: FinalizationProgress;
  now: Date;
}

export function planFinalization(input: FinalizationInput): FinalizationPlan {
  const { document, progress } = input;
  if (!input.labelOn) {
    return {
      kind: 'withdraw',
      reopen: input.storedStatus === 'FINAL' || input.storedStatus === 'FINALIZING',
    };
  }
  const ongoingId = document.header.status === 'FINAL' ? progress.finalizationId : undefined;
  // A record written before intents were kept (no `pendingCreate` at all) cannot say which rows were
  // sent: every row without a child may have one, and is looked up once.
  const sent = progress.pendingCreate === undefined ? null : (progress.pendingCreate?.rowIds ?? []);
  return {
    kind: 'finalize',
    finalization: ongoingId
      ? { kind: 'ongoing', id: ongoingId }
      : {
          kind: 'new',
          skippedRules: skippedFinalizationRules(document, input.now, {
            approvalsRequired: input.approvalsRequired,
          }),
        },
    rowsInDoubt: document.actionItems
      .map((item) => item.id)
      .filter((rowId) => !(rowId in progress.children) && (sent === null || sent.includes(rowId))),
  };
}

/** Whether two versions of a postmortem hold the same action-item rows, in the same order. */
export function sameActionItems(a: PostmortemDocument, b: PostmortemDocument): boolean {
  return JSON.stringify(a.actionItems) === JSON.stringify(b.actionItems);
}

/** Rows still without a child once the rows in doubt are settled: one child each is created. */
export function rowsToCreate(
  document: PostmortemDocument,
  children: Readonly<Record<string, string>>,
): ActionItem[] {
  return document.actionItems.filter((item) => !(item.id in children));
}

/** One element of the bulk create that came back without a child. */
export interface CreateFailure extends UncreatedElement {
  index: number;
  message: string;
  retryAfterMs?: number;
}

export interface CreateOutcome {
  /** Row id → the child created for it. */
  children: Record<string, string>;
  /** Rows whose create may still have happened: the next run looks them up. */
  stillInDoubt: string[];
  failures: Array<{ rowId: string; message: string }>;
  /** A failure worth the platform's retry (rate limit or outage), if any. */
  retryLater: { kind: ErrorKind; message: string; retryAfterMs?: number } | null;
}

/** What Jira's answer to the bulk create (by position in `sent`) means for the rows. */
export function createOutcome(
  sent: readonly ActionItem[],
  created: ReadonlyArray<{ index: number; key: string }>,
  failed: readonly CreateFailure[],
): CreateOutcome {
  const children: Record<string, string> = {};
  for (const child of created) {
    const item = sent[child.index];
    if (item) children[item.id] = child.key;
  }
  const retryLater = failed.find((f) => f.kind === 'RateLimited' || f.kind === 'Unavailable');
  return {
    children,
    stillInDoubt: failed.filter(mayHaveBeenCreated).flatMap((f) => sent[f.index]?.id ?? []),
    failures: failed.map((failure) => ({ rowId: sent[failure.index]?.id ?? '?', message: failure.message })),
    retryLater: retryLater
      ? {
          kind: retryLater.kind,
          message: retryLater.message,
          ...(retryLater.retryAfterMs !== undefined ? { retryAfterMs: retryLater.retryAfterMs } : {}),
        }
      : null,
  };
}

/**
 * Linked-task mode: each child (created now, earlier, or recovered) not linked to the incident yet,
 * as `[rowId, childKey]`. Records from before `linkedChildren` existed linked right after each create.
 */
export function childrenToLink(progress: FinalizationProgress): Array<[string, string]> {
  if (progress.childIssueType !== 'linked task') return [];
  const linked = new Set(progress.linkedChildren ?? Object.keys(progress.children));
  return Object.entries(progress.children).filter(([rowId]) => !linked.has(rowId));
}

/**
 * Status FINAL and the finalization time (kept from an earlier run of this finalization), or null
 * when the document already is. Nothing else changes: child keys stay in the automation record.
 */
export function finalHeader(
  header: PostmortemDocument['header'],
  now: Date,
): PostmortemDocument['header'] | null {
  if (header.status === 'FINAL' && header.finalizedAt) return null;
  return { ...header, status: 'FINAL', finalizedAt: header.finalizedAt ?? now.toISOString() };
}

/** One Slack message per finalization: again only when this one's failed. */
export function shouldAnnounce(progress: FinalizationProgress): boolean {
  return progress.slack?.deliveryId !== progress.finalizationId || progress.slack?.state === 'failed';
}

/** An action item's owner as resolved against Jira's users. */
export interface ResolvedOwner {
  accountId: string | null;
  /** How the owner reads in messages: a display name, or the text as written. */
  label: string | null;
  unresolved: boolean;
}

/** Owner texts that matched no Jira user (their items are left unassigned), each once. */
export function unresolvedOwnerLabels(owners: Iterable<ResolvedOwner>): string[] {
  return [...new Set([...owners].filter((owner) => owner.unresolved).map((owner) => owner.label ?? ''))];
}

export interface AnnouncementInput {
  incident: { key: string; summary: string; url: string; durationMinutes: number | null };
  document: PostmortemDocument;
  owners: ReadonlyMap<string, ResolvedOwner>;
  children: Readonly<Record<string, string>>;
  unresolvedOwners: string[];
  skippedRules: readonly SkippedRule[];
}

/** What Slack is told about the finalization. */
export function finalizationAnnouncement(input: AnnouncementInput): FinalizationMessageInput {
  const { document, owners } = input;
  const actionItems: FinalizationActionItem[] = document.actionItems.map((item) => {
    const owner = owners.get(item.id);
    return {
      action: item.action,
      ownerLabel: owner?.label ?? null,
      dueDate: item.dueDate,
      // Only a child this app created: never a key the client put in the document.
      childKey: input.children[item.id] ?? null,
      warnings: [
        ...(item.owner === null
          ? ['no owner']
          : owner?.unresolved
            ? ['owner not found in Jira; left unassigned']
            : []),
        ...(item.dueDate === null ? ['no due date'] : []),
      ],
    };
  });
  return {
    incident: {
      key: input.incident.key,
      summary: input.incident.summary,
      url: input.incident.url,
      severity: document.header.severity,
      durationMinutes: document.header.durationMinutes ?? input.incident.durationMinutes,
    },
    rootCause: document.rootCause.summary ?? document.rootCause.text,
    actionItems,
    unresolvedOwners: input.unresolvedOwners,
    skippedRules: input.skippedRules,
  };
}
