import { z } from 'zod';
import { isAppError } from '../../contract/errors';
import { ACTION_SOURCE_PROPERTY } from '../../domain/automation/action-item-issue';
import {
  escalationComment,
  escalationTag,
  isDueForEscalation,
  itemDaysOverdue,
  latestEscalatedDueDate,
  statusCategoryKey,
  type EscalationPerson,
} from '../../domain/follow-through';
import type { AppSettings } from '../../domain/settings/app-settings';
import { addComment, getComments } from '../../jira/comments';
import { bulkFetchIssues, type JiraIssue } from '../../jira/issues';
import { jqlString, projectScopeJql } from '../../jira/jql-literal';
import { searchJql } from '../../jira/search-jql';
import { retryingJiraPort } from '../../runtime/retrying-jira-port';
import type { JiraPort } from '../../ports';
import type { Services } from '../../services';
import {
  claimEscalation,
  loadEscalationMarker,
  markEscalationSent,
  reclaimEscalation,
  releaseEscalation,
} from '../../storage/escalation-store';
import { loadPostmortem } from '../../storage/postmortem-store';
import { loadSettings } from '../../storage/settings-store';
import { ownerResolver } from '../resolve-owners';
import { resolveSiteUrl } from '../site-url';

/** Comments one daily run may post: a backlog is worked off over several days, not in one burst. */
export const ESCALATIONS_PER_RUN = 25;
/** Open overdue items one run looks at (newest due dates first: the ones just reaching N days). */
export const ESCALATION_CANDIDATES_PER_RUN = 500;
/** The run's share of the scheduled invocation's time; what is left waits for tomorrow. */
const ESCALATION_BUDGET_MS = 120_000;
/** A claim younger than this belongs to a run that may still be talking to Jira. */
const CLAIM_LEASE_MS = 15 * 60_000;
/** Jira answered and stored nothing: the claim can be given back for a later run. */
const REFUSED = new Set(['InvalidInput', 'NotFound', 'Forbidden', 'Conflict', 'RateLimited']);

const childFields = z.looseObject({
  status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }) }),
  duedate: z.string().nullish(),
  assignee: z.looseObject({ accountId: z.string(), displayName: z.string().optional() }).nullish(),
  parent: z.looseObject({ key: z.string() }).nullish(),
});
type Child = JiraIssue<z.infer<typeof childFields>>;
const sourceSchema = z.looseObject({ incidentKey: z.string() });

export type EscalationOutcome =
  { state: 'off' } | { state: 'ran'; escalated: string[]; failed: string[]; capped: boolean };

/**
 * Daily: one comment on each action item's child that is `escalateOverdueAfterDays` days past its due
 * day and still open, mentioning its assignee and the postmortem's author, as the app. Remembered per
 * child and due date, so it is not repeated (a retried run included) and re-arms when the due date
 * moves; a child done or given a later date is no longer due. Items are read as they are now (bulk
 * fetch), not as the lagging search index last saw them.
 */
export async function escalateOverdueItems(services: Services): Promise<EscalationOutcome> {
  const settings = await loadSettings(services.kv, services.logger);
  const afterDays = settings.escalateOverdueAfterDays;
  if (afterDays === null) return { state: 'off' };
  const { clock, kv } = services;
  const started = clock.now().getTime();
  const jira = retryingJiraPort(services.jiraAsApp, {
    clock,
    budgetMs: ESCALATION_BUDGET_MS,
    maxAttempts: 3,
  });
  const siteUrl = await resolveSiteUrl({ siteUrl: services.siteUrl, kv, jira });
  const authorOf = postmortemAuthors(services, jira);
  const outcome = { state: 'ran' as const, escalated: [] as string[], failed: [] as string[], capped: false };

  for await (const batch of overdueChildren(jira, settings, clock.now(), afterDays)) {
    for (const child of batch) {
      if (
        outcome.escalated.length >= ESCALATIONS_PER_RUN ||
        clock.now().getTime() - started > ESCALATION_BUDGET_MS
      ) {
        outcome.capped = true;
        return outcome;
      }
      const now = clock.now();
      const item = {
        statusCategory: statusCategoryKey(child.fields.status.statusCategory.key),
        dueDate: child.fields.duedate ?? null,
      };
      if (item.dueDate === null || !isDueForEscalation(item, now, settings.timeZone, afterDays)) continue;
      const dueDate = item.dueDate;
      if (!(await takeEscalation(services, jira, child.key, dueDate))) continue;
      const incidentKey = incidentOf(child);
      try {
        const body = escalationComment({
          incident: incidentKey ? { key: incidentKey, url: `${siteUrl}/browse/${incidentKey}` } : null,
          dueDate,
          daysOverdue: itemDaysOverdue(item, now, settings.timeZone),
          assignee: child.fields.assignee
            ? {
                accountId: child.fields.assignee.accountId,
                label: child.fields.assignee.displayName ?? child.fields.assignee.accountId,
              }
            : null,
          author: await authorOf(incidentKey),
        });
        const comment = await addComment(jira, { issueIdOrKey: child.key, body });
        await markEscalationSent(kv, child.key, dueDate, { at: now, commentId: comment.id });
        outcome.escalated.push(child.key);
      } catch (error) {
        // Refused: nothing was stored, a later run tries again. Otherwise the comment may have reached
        // Jira; the claim stays and the next run looks among the child's comments before sending.
        if (isAppError(error) && REFUSED.has(error.kind)) await releaseEscalation(kv, child.key, dueDate);
        services.logger.warn('escalation comment not posted', {
          issueKey: child.key,
          error: error instanceof Error ? error.message : String(error),
        });
        outcome.failed.push(child.key);
      }
    }
  }
  return outcome;
}

/**
 * Open children with a due date at least `afterDays` days ago, newest due dates first, read again as
 * they are now (≤ 100 per bulk fetch): search's index may still hold an item closed a moment ago.
 */
async function* overdueChildren(
  jira: JiraPort,
  settings: AppSettings,
  now: Date,
  afterDays: number,
): AsyncGenerator<Child[]> {
  const scope = settings.projectKeys.length > 0 ? ` AND ${projectScopeJql(settings.projectKeys)}` : '';
  const latest = latestEscalatedDueDate(now, settings.timeZone, afterDays);
  const pages = searchJql(jira, {
    jql: `labels = ${jqlString(settings.actionItemLabel)}${scope} AND statusCategory != Done AND duedate <= ${jqlString(latest)} ORDER BY duedate DESC`,
    fields: ['duedate'],
    maxResults: 100,
  });
  let seen = 0;
  for await (const page of pages) {
    const keys = page.issues.slice(0, ESCALATION_CANDIDATES_PER_RUN - seen).map((issue) => issue.key);
    seen += keys.length;
    if (keys.length > 0) {
      yield await bulkFetchIssues(jira, {
        issueIdsOrKeys: keys,
        fields: ['status', 'duedate', 'assignee', 'parent'],
        fieldsSchema: childFields,
        properties: [ACTION_SOURCE_PROPERTY],
      });
    }
    if (seen >= ESCALATION_CANDIDATES_PER_RUN) return;
  }
}

/**
 * Claims the escalation of a child's due date for this run. A `sent` marker, or a claim young enough
 * that its run may still be working, means no. A stale claim (its run stopped before it heard back
 * from Jira) is taken over unless the child already carries the comment.
 */
async function takeEscalation(
  services: Services,
  jira: JiraPort,
  childKey: string,
  dueDate: string,
): Promise<boolean> {
  const { kv, clock } = services;
  const marker = await loadEscalationMarker(kv, childKey, dueDate);
  if (marker === null) return claimEscalation(kv, childKey, dueDate, clock.now());
  if (marker.state === 'sent') return false;
  if (clock.now().getTime() - Date.parse(marker.at) < CLAIM_LEASE_MS) return false;
  const posted = await findEscalationComment(jira, childKey, dueDate);
  if (posted) {
    await markEscalationSent(kv, childKey, dueDate, { at: new Date(posted.created), commentId: posted.id });
    return false;
  }
  await reclaimEscalation(kv, childKey, dueDate, clock.now());
  return true;
}

async function findEscalationComment(jira: JiraPort, childKey: string, dueDate: string) {
  const tag = JSON.stringify(escalationTag(dueDate)).slice(1, -1);
  for await (const page of getComments(jira, { issueIdOrKey: childKey })) {
    const found = page.find((comment) => JSON.stringify(comment.body).includes(tag));
    if (found) return found;
  }
  return undefined;
}

/** Sub-tasks name their incident as parent; linked tasks carry it in their row-id property. */
function incidentOf(child: Child): string {
  const source = sourceSchema.safeParse(child.properties?.[ACTION_SOURCE_PROPERTY]);
  return child.fields.parent?.key ?? (source.success ? source.data.incidentKey : '');
}

/**
 * The postmortem's author: its "Written by", matched to one Jira account as action-item owners are
 * (mentioned then), else written out; unknown when the incident has no stored postmortem.
 */
function postmortemAuthors(services: Services, jira: JiraPort) {
  const resolveOwner = ownerResolver(jira);
  const byIncident = new Map<string, Promise<EscalationPerson | null>>();
  const lookUp = async (incidentKey: string): Promise<EscalationPerson | null> => {
    const writtenBy = incidentKey
      ? (await loadPostmortem(services.kv, incidentKey))?.document.header.writtenBy
      : null;
    if (!writtenBy) return null;
    const owner = await resolveOwner({ text: writtenBy });
    return { accountId: owner.accountId, label: owner.label ?? writtenBy };
  };
  return (incidentKey: string) => {
    let author = byIncident.get(incidentKey);
    if (!author) {
      author = lookUp(incidentKey);
      byIncident.set(incidentKey, author);
    }
    return author;
  };
}
