import { z } from 'zod';
import { AppError } from '../contract/errors';
import {
  ACTION_SOURCE_PROPERTY,
  actionItemIssue,
  type ChildIssueType,
} from '../domain/automation/action-item-issue';
import { emptyPostmortem, indexedSummary, parseAdf, type PostmortemDocument } from '../domain/postmortem';
import { finalizationMessage, type FinalizationActionItem } from '../domain/slack/finalization-message';
import { getIssue } from '../jira/issues';
import { createIssueLink } from '../jira/issue-links';
import { findSubtaskIssueType } from '../jira/issue-metadata';
import { setIssueProperty } from '../jira/issue-properties';
import { bulkCreateIssues } from '../jira/issues';
import { isRateLimited } from '../jira/jira-errors';
import { withRetry } from '../jira/retry-policy';
import { searchJqlAll } from '../jira/search-jql';
import type { Clock, JiraPort, KvPort, Logger, SlackPort } from '../ports';
import {
  emptyAutomationRecord,
  loadAutomationRecord,
  saveAutomationRecord,
  type AutomationRecord,
} from '../storage/automation-record-store';
import { loadPostmortem, savePostmortem } from '../storage/postmortem-store';
import { loadSettings, loadSlackWebhookUrl } from '../storage/settings-store';
import { ownerResolver } from './resolve-owners';
import { sendSlackMessage } from './send-slack-message';
import { resolveSiteUrl } from './site-url';

export const POSTMORTEM_SUMMARY_PROPERTY = 'postmortem-summary';
// An async-events consumer gets 900 s; keep room to record progress before the platform stops us.
const WORK_BUDGET_MS = 780_000;
const LOCK_TTL_SECONDS = 900;

export interface FinalizeDeps {
  /** As the app: the consumer runs without a user, and children must be created whoever finalized. */
  jira: JiraPort;
  kv: KvPort;
  slack: SlackPort;
  clock: Clock;
  logger: Logger;
}

export interface FinalizeOutcome {
  issueKey: string;
  created: string[];
  alreadyCreated: number;
  record: AutomationRecord;
}

const incidentFields = z.looseObject({
  summary: z.string().default(''),
  project: z.looseObject({ key: z.string() }),
  description: z.unknown().optional(),
  created: z.string().optional(),
  resolutiondate: z.string().nullish(),
  reporter: z.looseObject({ displayName: z.string().optional() }).nullish(),
});

/**
 * Step 3 of the reference, exactly once: POSTMORTEM-FINAL added → one child issue per action-item row,
 * the postmortem marked FINAL and indexed, one Slack message. Safe to run again for the same or a
 * repeated delivery: rows that have a child (recorded here, on the document, or found by the row-id
 * property on Jira) are skipped.
 */
export async function finalizePostmortem(
  deps: FinalizeDeps,
  job: { issueKey: string; deliveryId: string },
): Promise<FinalizeOutcome> {
  const { jira, kv, clock } = deps;
  const logger = deps.logger.child({ issueKey: job.issueKey, deliveryId: job.deliveryId });
  const deadline = clock.now().getTime() + WORK_BUDGET_MS;
  const attempt = <T>(call: () => Promise<T>) =>
    withRetry(call, { clock, maxAttempts: 6, budgetMs: Math.max(0, deadline - clock.now().getTime()) });
  // A 429 means Jira did nothing; a 5xx or a timeout on a create may hide issues Jira did create. Those
  // go back to the platform's retry, whose next run finds what exists by the row-id property first.
  const attemptCreate = <T>(call: () => Promise<T>) =>
    withRetry(call, {
      clock,
      maxAttempts: 6,
      budgetMs: Math.max(0, deadline - clock.now().getTime()),
      retryable: isRateLimited,
    });

  const lockKey = `finalize-lock:${job.issueKey}`;
  const acquired = await kv.setIfAbsent(lockKey, job.deliveryId, { ttlSeconds: LOCK_TTL_SECONDS });
  if (!acquired && (await kv.get<string>(lockKey)) !== job.deliveryId) {
    // Another delivery is finalizing this issue right now: come back when it is done (it will find the work done).
    throw new AppError('Unavailable', `${job.issueKey} is being finalized by another delivery.`, {
      retryAfterMs: 60_000,
    });
  }
  try {
    const settings = await loadSettings(kv, logger);
    const issue = await attempt(() =>
      getIssue(jira, {
        issueIdOrKey: job.issueKey,
        fields: ['summary', 'project', 'description', 'created', 'resolutiondate', 'reporter'],
        fieldsSchema: incidentFields,
      }),
    );
    const siteUrl = await attempt(() => resolveSiteUrl({ siteUrl: '', kv, jira }));
    const incident = {
      key: issue.key,
      projectKey: issue.fields.project.key,
      url: `${siteUrl}/browse/${issue.key}`,
    };
    const stored = await loadPostmortem(kv, job.issueKey);
    const document =
      stored?.document ?? documentFromDescription(issue.key, issue.fields.summary, issue.fields.description);
    const record = (await loadAutomationRecord(kv, job.issueKey)) ?? emptyAutomationRecord(job.issueKey);
    record.lastDeliveryId = job.deliveryId;
    record.lastRunAt = clock.now().toISOString();

    const known = await knownChildren(jira, attempt, job.issueKey, document, record);
    const pending = document.actionItems.filter((item) => !known.has(item.id));
    const alreadyCreated = document.actionItems.length - pending.length;
    const resolveOwner = ownerResolver(jira, attempt);
    const owners = new Map(
      await Promise.all(
        document.actionItems.map(async (item) => [item.id, await resolveOwner(item.owner)] as const),
      ),
    );
    record.unresolvedOwners = [
      ...new Set([...owners.values()].filter((o) => o.unresolved).map((o) => o.label ?? '')),
    ];

    const created: string[] = [];
    record.failures = [];
    if (pending.length > 0) {
      const subtask = await attempt(() =>
        findSubtaskIssueType(jira, { projectIdOrKey: incident.projectKey }),
      );
      const issueType: ChildIssueType = subtask
        ? { kind: 'sub-task', id: subtask.id }
        : { kind: 'linked task', name: settings.actionItemFallbackIssueType };
      record.childIssueType = issueType.kind;
      const result = await bulkCreateIssues(jira, {
        attempt: attemptCreate,
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
      for (const child of result.created) {
        const item = pending[child.index];
        if (!item) continue;
        known.set(item.id, child.key);
        record.children[item.id] = child.key;
        created.push(child.key);
      }
      await saveAutomationRecord(kv, record);
      record.failures = result.failed.map((failure) => ({
        rowId: pending[failure.index]?.id ?? '?',
        message: failure.message,
      }));
      const retryLater = result.failed.find((f) => f.kind === 'RateLimited' || f.kind === 'Unavailable');
      if (retryLater) {
        await saveAutomationRecord(kv, record);
        logger.warn('some action items wait for Jira; the platform will retry', {
          failed: result.failed.length,
        });
        throw new AppError(retryLater.kind, retryLater.message, {
          retryAfterMs: retryLater.retryAfterMs ?? 60_000,
        });
      }
    }

    // Every child not linked yet: created just now, or by an earlier run that lost the answer or stopped.
    if (record.childIssueType === 'linked task')
      await linkChildren(jira, attempt, kv, incident.key, known, record);

    const finalDocument = await markFinal(kv, job.issueKey, document, known, clock.now());
    await attempt(() =>
      setIssueProperty(jira, {
        issueIdOrKey: job.issueKey,
        propertyKey: POSTMORTEM_SUMMARY_PROPERTY,
        value: indexedSummary(finalDocument),
      }),
    );

    if (record.slack?.deliveryId !== job.deliveryId || record.slack.state === 'failed') {
      const items: FinalizationActionItem[] = finalDocument.actionItems.map((item) => {
        const owner = owners.get(item.id);
        return {
          action: item.action,
          ownerLabel: owner?.label ?? null,
          dueDate: item.dueDate,
          childKey: item.createdIssueKey,
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
      const message = finalizationMessage({
        incident: {
          key: incident.key,
          summary: issue.fields.summary,
          url: incident.url,
          severity: finalDocument.header.severity,
          durationMinutes:
            finalDocument.header.durationMinutes ??
            minutesBetween(issue.fields.created, issue.fields.resolutiondate),
        },
        rootCause: finalDocument.rootCause.summary ?? finalDocument.rootCause.text,
        actionItems: items,
        unresolvedOwners: record.unresolvedOwners,
      });
      record.slack = await sendSlackMessage(deps.slack, await loadSlackWebhookUrl(kv), message, {
        deliveryId: job.deliveryId,
        previous: record.slack,
        now: clock.now(),
      });
    }
    await saveAutomationRecord(kv, record);
    logger.info('postmortem finalized', {
      created: created.length,
      alreadyCreated,
      slack: record.slack?.state,
    });
    return { issueKey: job.issueKey, created, alreadyCreated, record };
  } finally {
    await kv.delete(lockKey);
  }
}

/** Linked-task mode: each child (created now, earlier, or found by its row id) linked to the incident once. */
async function linkChildren(
  jira: JiraPort,
  attempt: <T>(call: () => Promise<T>) => Promise<T>,
  kv: KvPort,
  incidentKey: string,
  known: Map<string, string>,
  record: AutomationRecord,
): Promise<void> {
  const linked = new Set(record.linkedChildren ?? Object.keys(record.children));
  for (const [rowId, childKey] of known) {
    if (linked.has(rowId)) continue;
    await attempt(() =>
      createIssueLink(jira, { type: 'Relates', inwardIssueKey: incidentKey, outwardIssueKey: childKey }),
    );
    linked.add(rowId);
    record.linkedChildren = [...linked];
    await saveAutomationRecord(kv, record);
  }
}

/** Children already made for rows: recorded by an earlier run, on the document, or found on Jira by row id. */
async function knownChildren(
  jira: JiraPort,
  attempt: <T>(call: () => Promise<T>) => Promise<T>,
  issueKey: string,
  document: PostmortemDocument,
  record: AutomationRecord,
): Promise<Map<string, string>> {
  const known = new Map<string, string>(Object.entries(record.children));
  for (const item of document.actionItems) if (item.createdIssueKey) known.set(item.id, item.createdIssueKey);
  if (document.actionItems.every((item) => known.has(item.id))) return known;
  const children = await attempt(() =>
    searchJqlAll(jira, {
      jql: `issue.property[${ACTION_SOURCE_PROPERTY}].incidentKey = "${issueKey}"`,
      fields: ['summary'],
      properties: [ACTION_SOURCE_PROPERTY],
      maxResults: 100,
    }),
  );
  for (const child of children) {
    const source = child.properties?.[ACTION_SOURCE_PROPERTY] as { rowId?: unknown } | undefined;
    if (typeof source?.rowId === 'string' && !known.has(source.rowId)) known.set(source.rowId, child.key);
  }
  return known;
}

/** Status FINAL, the finalization time (kept from an earlier finalization), and each row's child key. */
async function markFinal(
  kv: KvPort,
  issueKey: string,
  document: PostmortemDocument,
  children: Map<string, string>,
  now: Date,
): Promise<PostmortemDocument> {
  for (let tries = 0; ; tries += 1) {
    const base = tries === 0 ? document : ((await loadPostmortem(kv, issueKey))?.document ?? document);
    const next: PostmortemDocument = {
      ...base,
      header: { ...base.header, status: 'FINAL', finalizedAt: base.header.finalizedAt ?? now.toISOString() },
      actionItems: base.actionItems.map((item) => ({
        ...item,
        createdIssueKey: children.get(item.id) ?? item.createdIssueKey,
      })),
    };
    try {
      return await savePostmortem(kv, issueKey, next, { accountId: null, at: now });
    } catch (error) {
      // Someone saved in between: merge onto their version once more rather than overwrite it.
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

function minutesBetween(start: string | undefined, end: string | null | undefined): number | null {
  if (!start || !end) return null;
  const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
  return Number.isFinite(minutes) && minutes >= 0 ? Math.round(minutes) : null;
}
