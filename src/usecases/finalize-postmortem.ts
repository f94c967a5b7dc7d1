import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../contract/errors';
import {
  ACTION_SOURCE_PROPERTY,
  actionItemIssue,
  type ChildIssueType,
} from '../domain/automation/action-item-issue';
import { bindFoundChildren, type FoundChild } from '../domain/automation/child-binding';
import {
  childrenToLink,
  createOutcome,
  finalHeader,
  finalizationAnnouncement,
  planFinalization,
  rowsToCreate,
  sameActionItems,
  shouldAnnounce,
  unresolvedOwnerLabels,
} from '../domain/automation/finalization-plan';
import { incidentDurationMinutes } from '../domain/policy/incident-facts';
import { emptyPostmortem, parseAdf, type PostmortemDocument } from '../domain/postmortem';
import { isSettled, withReview } from '../domain/review';
import { finalizationMessage } from '../domain/slack/finalization-message';
import { bulkCreateIssues, getIssue } from '../jira/issues';
import { createIssueLink } from '../jira/issue-links';
import { findSubtaskIssueType } from '../jira/issue-metadata';
import { writePostmortemSummary } from '../jira/postmortem-summary-property';
import { jqlString } from '../jira/jql-literal';
import { RECONCILE_ISSUES_LIMIT, searchJqlAll } from '../jira/search-jql';
import type { Clock, JiraPort, KvPort, Logger, SlackPort } from '../ports';
import { retryingJiraPort } from '../runtime/retrying-jira-port';
import {
  claimFinalization,
  emptyAutomationRecord,
  holdsFinalization,
  loadAutomationRecord,
  releaseFinalization,
  saveAutomationRecord,
  type AutomationRecord,
} from '../storage/automation-record-store';
import { loadPostmortem, savePostmortem } from '../storage/postmortem-store';
import { loadReview } from '../storage/review-store';
import { loadSettings, loadSlackWebhookUrl } from '../storage/settings-store';
import { ownerResolver } from './resolve-owners';
import { sendSlackMessage } from './send-slack-message';
import { resolveSiteUrl } from './site-url';

// An async-events consumer gets 900 s; keep room to record progress before the platform stops us.
const WORK_BUDGET_MS = 780_000;
const CLAIM_TTL_SECONDS = 900;
const RETRY_AFTER_MS = 60_000;

export interface FinalizeDeps {
  /** As the app: the consumer runs without a user, and children must be created whoever finalized. */
  jira: JiraPort;
  kv: KvPort;
  slack: SlackPort;
  clock: Clock;
  logger: Logger;
  /** How long a run's claim lasts (the consumer's 900 s by default); tests shorten it to make it lapse. */
  claimTtlSeconds?: number;
}

export interface FinalizeOutcome {
  issueKey: string;
  created: string[];
  alreadyCreated: number;
  record: AutomationRecord;
}

const relatedIssue = z.looseObject({ id: z.string(), key: z.string() });

const incidentFields = z.looseObject({
  summary: z.string().default(''),
  project: z.looseObject({ key: z.string() }),
  description: z.unknown().optional(),
  created: z.string().optional(),
  resolutiondate: z.string().nullish(),
  reporter: z.looseObject({ displayName: z.string().optional() }).nullish(),
  labels: z.array(z.string()).default([]),
  // Read with the issue, strongly consistent: the children Jira holds whatever search shows.
  subtasks: z.array(relatedIssue).default([]),
  issuelinks: z
    .array(z.looseObject({ inwardIssue: relatedIssue.optional(), outwardIssue: relatedIssue.optional() }))
    .default([]),
});
type Incident = { key: string; fields: z.infer<typeof incidentFields> };

/**
 * Step 3 of the reference, exactly once: settles the postmortem with the finalization label as Jira
 * has it now. Label on → one child per action-item row, the postmortem FINAL and indexed, one Slack
 * message per finalization. Label gone → a FINAL postmortem goes back to DRAFT, so adding the label
 * again is a new finalization. Any number of runs — redelivered, concurrent, queued by the panel as
 * well as by the trigger — do this once: one run at a time holds the claim, child keys live only in
 * the automation record, and a create whose answer was lost is found again by reading Jira.
 */
export async function finalizePostmortem(
  deps: FinalizeDeps,
  job: { issueKey: string; deliveryId: string },
): Promise<FinalizeOutcome> {
  const claim = await claimFinalization(deps.kv, job.issueKey, deps.claimTtlSeconds ?? CLAIM_TTL_SECONDS);
  if (claim === null) {
    // Another run is settling this issue right now: come back when it is done (it will find the work done).
    throw new AppError('Unavailable', `${job.issueKey} is being finalized by another run.`, {
      retryAfterMs: RETRY_AFTER_MS,
    });
  }
  try {
    return await settleWithLabel(deps, { ...job, claim });
  } finally {
    await releaseFinalization(deps.kv, job.issueKey, claim);
  }
}

async function settleWithLabel(
  deps: FinalizeDeps,
  job: { issueKey: string; deliveryId: string; claim: string },
): Promise<FinalizeOutcome> {
  const { kv, clock } = deps;
  const logger = deps.logger.child({ issueKey: job.issueKey, deliveryId: job.deliveryId });
  // Creates are not retried past a 429: a 5xx or a timeout on a create may hide issues Jira did create.
  // Those go back to the platform's retry, whose next run finds what exists by reading the incident first.
  const retries = { clock, budgetMs: WORK_BUDGET_MS, maxAttempts: 6 };
  const jira = retryingJiraPort(deps.jira, retries);
  // A create retried after a 429 waits first: each attempt checks the claim is still this run's.
  const createJira = retryingJiraPort(whileClaimHeld(deps.jira, kv, job), retries);
  // A run whose claim lapsed holds a stale record: written over the current run's, it would lose
  // children and the Slack state. Progress is recorded only while the claim is this run's.
  const recordProgress = async (current: AutomationRecord) => {
    await ensureClaimHeld(kv, job, 'recording progress');
    await saveAutomationRecord(kv, current);
  };

  const settings = await loadSettings(kv, logger);
  const issue: Incident = await getIssue(jira, {
    issueIdOrKey: job.issueKey,
    fields: [
      'summary',
      'project',
      'description',
      'created',
      'resolutiondate',
      'reporter',
      'labels',
      'subtasks',
      'issuelinks',
    ],
    fieldsSchema: incidentFields,
  });
  const labelOn = issue.fields.labels.includes(settings.finalizationLabel);
  const loaded = (await loadPostmortem(kv, job.issueKey))?.document;
  // The label added in Jira (not from the panel) leaves the postmortem open to panel saves while the
  // children are created: it is held FINALIZING (read-only in the panel) before anything is created,
  // by a save conditional on the revision read, so a row saved meanwhile is in the document used here.
  const stored =
    labelOn && loaded && !isSettled(loaded.header.status)
      ? await saveStatus(kv, job.issueKey, loaded, clock.now(), (current) =>
          isSettled(current.header.status) ? current.header : { ...current.header, status: 'FINALIZING' },
        )
      : loaded;
  const record = (await loadAutomationRecord(kv, job.issueKey)) ?? emptyAutomationRecord(job.issueKey);
  const document =
    stored ?? documentFromDescription(issue.key, issue.fields.summary, issue.fields.description);
  // The review as it stands (approvals, "Reviewed by"), for the skipped rules and the FINAL header.
  const review = await loadReview(kv, job.issueKey);
  const reviewed = withReview(document, review, settings.approvalsRequired);
  const plan = planFinalization({
    labelOn,
    storedStatus: stored?.header.status ?? null,
    document: reviewed,
    approvalsRequired: settings.approvalsRequired,
    progress: record,
    now: clock.now(),
  });
  if (plan.kind === 'withdraw') {
    // A redelivered or late event for a label that has been removed since: the finalization is withdrawn.
    if (plan.reopen) await reopen(kv, job.issueKey, clock.now());
    logger.info('the finalization label is not on the issue: nothing to finalize');
    return { issueKey: job.issueKey, created: [], alreadyCreated: 0, record };
  }

  const siteUrl = await resolveSiteUrl({ siteUrl: '', kv, jira });
  const incident = {
    key: issue.key,
    projectKey: issue.fields.project.key,
    url: `${siteUrl}/browse/${issue.key}`,
  };
  record.lastDeliveryId = job.deliveryId;
  record.lastRunAt = clock.now().toISOString();
  // A new finalization: every later run of it (duplicate, concurrent, the panel's own job) shares this id.
  const finalizationId = plan.finalization.kind === 'ongoing' ? plan.finalization.id : randomUUID();
  if (plan.finalization.kind === 'new') {
    record.finalizationId = finalizationId;
    record.skippedRules = plan.finalization.skippedRules;
    // Stored before the postmortem turns FINAL: a run stopped in between must not leave a FINAL
    // postmortem whose record still names the previous, already announced finalization.
    await recordProgress(record);
  }
  if (plan.rowsInDoubt.length > 0) {
    await recoverChildren(jira, issue, record, plan.rowsInDoubt);
  }

  const pending = rowsToCreate(document, record.children);
  const alreadyCreated = document.actionItems.length - pending.length;
  const resolveOwner = ownerResolver(jira);
  const owners = new Map(
    await Promise.all(
      document.actionItems.map(async (item) => [item.id, await resolveOwner(item.owner)] as const),
    ),
  );
  record.unresolvedOwners = unresolvedOwnerLabels(owners.values());

  const created: string[] = [];
  record.failures = [];
  if (pending.length > 0) {
    const subtask = await findSubtaskIssueType(jira, { projectIdOrKey: incident.projectKey });
    const issueType: ChildIssueType = subtask
      ? { kind: 'sub-task', id: subtask.id }
      : { kind: 'linked task', name: settings.actionItemFallbackIssueType };
    record.childIssueType = issueType.kind;
    // The intent, before Jira acts: if the answer is lost, the next run knows these rows may have children.
    record.pendingCreate = { rowIds: pending.map((item) => item.id), at: clock.now().toISOString() };
    await recordProgress(record);
    const result = await bulkCreateIssues(createJira, {
      issues: pending.map((item) =>
        actionItemIssue({
          incident,
          item,
          issueType,
          label: settings.actionItemLabel,
          assigneeAccountId: owners.get(item.id)?.accountId ?? null,
        }),
      ),
    });
    const outcome = createOutcome(pending, result.created, result.failed);
    Object.assign(record.children, outcome.children);
    markLinked(record, Object.keys(outcome.children));
    created.push(...Object.values(outcome.children));
    record.pendingCreate =
      outcome.stillInDoubt.length > 0 ? { rowIds: outcome.stillInDoubt, at: record.pendingCreate.at } : null;
    record.failures = outcome.failures;
    await recordProgress(record);
    if (outcome.retryLater) {
      logger.warn('some action items wait for Jira; the platform will retry', {
        failed: result.failed.length,
      });
      throw new AppError(outcome.retryLater.kind, outcome.retryLater.message, {
        retryAfterMs: outcome.retryLater.retryAfterMs ?? RETRY_AFTER_MS,
      });
    }
  }

  // Every child not linked yet: created just now, or by an earlier run that lost the answer or stopped.
  for (const [rowId, childKey] of childrenToLink(record)) {
    await createIssueLink(jira, { type: 'Relates', inwardIssueKey: incident.key, outwardIssueKey: childKey });
    record.linkedChildren = [...(record.linkedChildren ?? Object.keys(record.children)), rowId];
    await recordProgress(record);
  }

  const finalDocument = await markFinal(
    kv,
    job.issueKey,
    document,
    clock.now(),
    review ? reviewed.header.reviewedBy : null,
  );
  await writePostmortemSummary(jira, job.issueKey, finalDocument);

  if (shouldAnnounce(record)) {
    const message = finalizationMessage(
      finalizationAnnouncement({
        incident: {
          key: incident.key,
          summary: issue.fields.summary,
          url: incident.url,
          durationMinutes: incidentDurationMinutes(issue.fields.created, issue.fields.resolutiondate),
        },
        document: finalDocument,
        owners,
        children: record.children,
        unresolvedOwners: record.unresolvedOwners,
        skippedRules: record.skippedRules ?? [],
      }),
    );
    await ensureClaimHeld(kv, job, 'posting to Slack');
    record.slack = await sendSlackMessage(deps.slack, await loadSlackWebhookUrl(kv), message, {
      deliveryId: finalizationId,
      previous: record.slack,
      now: clock.now(),
    });
    // Recorded even if the claim lapsed during the post: a message sent but not recorded is posted again.
    await saveAutomationRecord(kv, record);
  } else {
    await recordProgress(record);
  }
  logger.info('postmortem finalized', {
    created: created.length,
    alreadyCreated,
    slack: record.slack?.state,
  });
  return { issueKey: job.issueKey, created, alreadyCreated, record };
}

/**
 * A run slowed past the claim's TTL (waits on 429s, timeouts) may find another run settling the issue
 * now: the two would create the same rows or post twice. It stops before either, and the platform's
 * retry comes back to find what the other run did.
 */
async function ensureClaimHeld(
  kv: KvPort,
  job: { issueKey: string; claim: string },
  step: string,
): Promise<void> {
  if (await holdsFinalization(kv, job.issueKey, job.claim)) return;
  throw new AppError('Unavailable', `${job.issueKey}: this run's claim expired before ${step}.`, {
    retryAfterMs: RETRY_AFTER_MS,
  });
}

/** Jira whose every request first makes sure the run still holds its claim. */
function whileClaimHeld(jira: JiraPort, kv: KvPort, job: { issueKey: string; claim: string }): JiraPort {
  return {
    async requestJira(path, init) {
      await ensureClaimHeld(kv, job, 'creating action items');
      return jira.requestJira(path, init);
    },
  };
}

/**
 * Linked-task mode: children created with their link to the incident (or found through it) need no
 * separate link. Records from before `linkedChildren` existed had every child linked.
 */
function markLinked(record: AutomationRecord, rowIds: string[]): void {
  if (record.childIssueType !== 'linked task') return;
  record.linkedChildren = [
    ...new Set([...(record.linkedChildren ?? Object.keys(record.children)), ...rowIds]),
  ];
}

/**
 * Rows whose create may have happened without the answer reaching the app: their children are looked
 * up among the incident's sub-tasks and linked issues (read strongly consistently with the issue; a
 * linked task is linked in its own create), made current in search with `reconcileIssues`, and bound
 * by the row id on each child's property. Rows not found there were not created.
 */
async function recoverChildren(
  jira: JiraPort,
  issue: Incident,
  record: AutomationRecord,
  inDoubt: string[],
): Promise<void> {
  const recorded = new Set(Object.values(record.children));
  const related = [
    ...issue.fields.subtasks,
    ...issue.fields.issuelinks.flatMap((link) => link.outwardIssue ?? link.inwardIssue ?? []),
  ].filter((child) => !recorded.has(child.key));
  // Every child shows on the incident: with none unknown there, nothing was created and no search is needed.
  if (related.length === 0) {
    record.pendingCreate = null;
    return;
  }
  const found: FoundChild[] = [];
  const ids = related.map((child) => Number(child.id));
  for (let offset = 0; offset === 0 || offset < ids.length; offset += RECONCILE_ISSUES_LIMIT) {
    const reconcileIssues = ids.slice(offset, offset + RECONCILE_ISSUES_LIMIT);
    const issues = await searchJqlAll(jira, {
      jql: `issue.property[${ACTION_SOURCE_PROPERTY}].incidentKey = ${jqlString(issue.key)}`,
      properties: [ACTION_SOURCE_PROPERTY],
      maxResults: 100,
      ...(reconcileIssues.length > 0 ? { reconcileIssues } : {}),
    });
    found.push(
      ...issues.map((child) => ({ key: child.key, source: child.properties?.[ACTION_SOURCE_PROPERTY] })),
    );
  }
  const bound = bindFoundChildren(found, issue.key, inDoubt, record.children);
  Object.assign(record.children, bound);
  markLinked(record, Object.keys(bound));
  record.pendingCreate = null;
}

/**
 * Status FINAL, saved only when the document is not FINAL already; with a review, "Reviewed by" is
 * kept as its current approvals name them at finalization.
 */
async function markFinal(
  kv: KvPort,
  issueKey: string,
  document: PostmortemDocument,
  now: Date,
  reviewedBy: string[] | null,
): Promise<PostmortemDocument> {
  if (finalHeader(document.header, now) === null) return document;
  return saveStatus(kv, issueKey, document, now, (current) => {
    // A row saved since this run read the postmortem has no child yet: FINAL now would list it without one.
    if (!sameActionItems(current, document)) {
      throw new AppError('Unavailable', `The action items of ${issueKey} changed while being created.`, {
        retryAfterMs: RETRY_AFTER_MS,
      });
    }
    const header = finalHeader(current.header, now) ?? current.header;
    return reviewedBy === null ? header : { ...header, reviewedBy };
  });
}

/** The label was removed in Jira: back to DRAFT, as the panel's Reopen does. */
async function reopen(kv: KvPort, issueKey: string, now: Date): Promise<void> {
  const stored = await loadPostmortem(kv, issueKey);
  if (!stored) return;
  await saveStatus(kv, issueKey, stored.document, now, ({ header }) => ({
    ...header,
    status: 'DRAFT',
    finalizedAt: null,
  }));
}

async function saveStatus(
  kv: KvPort,
  issueKey: string,
  document: PostmortemDocument,
  now: Date,
  header: (current: PostmortemDocument) => PostmortemDocument['header'],
): Promise<PostmortemDocument> {
  for (let tries = 0; ; tries += 1) {
    const base = tries === 0 ? document : ((await loadPostmortem(kv, issueKey))?.document ?? document);
    try {
      return await savePostmortem(
        kv,
        issueKey,
        { ...base, header: header(base) },
        { accountId: null, at: now },
      );
    } catch (error) {
      // Someone saved in between: apply the status onto their version once more rather than overwrite it.
      if (tries >= 2 || !(error instanceof AppError && error.kind === 'Conflict')) throw error;
    }
  }
}

/** No stored postmortem: the template may have been written straight into the issue description. */
function documentFromDescription(
  issueKey: string,
  summary: string,
  description: unknown,
): PostmortemDocument {
  if (description && typeof description === 'object') {
    try {
      const parsed = parseAdf(description).document;
      return { ...parsed, header: { ...parsed.header, incidentId: parsed.header.incidentId || issueKey } };
    } catch {
      // Not ADF we can read: fall through to an empty postmortem (no action items, and Slack says so).
    }
  }
  return emptyPostmortem({ incidentId: issueKey, title: summary });
}
