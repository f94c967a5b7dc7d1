import { z } from 'zod';
import { endOfDueDay } from '../domain/follow-through/due-day';
import { deadlineStatus, documentDueAt, localDayKey } from '../domain/policy';
import {
  postmortemFactsOf,
  postmortemRequirement,
  type PostmortemFacts,
} from '../domain/policy/incident-facts';
import type { AppSettings } from '../domain/settings/app-settings';
import { severityBySource, severityFieldIds } from '../domain/settings/severity-by-source';
import {
  reminderDigest,
  type ActionItemReminderLine,
  type ReminderLine,
} from '../domain/slack/reminder-digest';
import { incidentRuleFields } from '../jira/incident-fields';
import type { JiraIssue } from '../jira/issues';
import { RECONCILE_ISSUES_LIMIT, searchJqlAll, type SearchJqlParams } from '../jira/search-jql';
import { retryingJiraPort } from '../runtime/retrying-jira-port';
import type { Services } from '../services';
import { loadPostmortem } from '../storage/postmortem-store';
import { loadSettings, loadSlackWebhookUrl } from '../storage/settings-store';
import { POSTMORTEM_SUMMARY_PROPERTY, readPostmortemSummary } from '../jira/postmortem-summary-property';
import { resolveSiteUrl } from './site-url';
import { jqlString, projectScopeJql } from '../jira/jql-literal';

const DAY_MS = 86_400_000;

const incidentFields = incidentRuleFields.extend({
  assignee: z.looseObject({ displayName: z.string().optional() }).nullish(),
});
const actionItemFields = z.looseObject({
  summary: z.string().default(''),
  project: z.looseObject({ key: z.string(), name: z.string().optional() }),
  duedate: z.string().nullish(),
  assignee: z.looseObject({ displayName: z.string().optional() }).nullish(),
});

function describe(remainingMs: number, what: string): string {
  const days = Math.round(Math.abs(remainingMs) / DAY_MS);
  const span = days === 0 ? 'less than a day' : `${days} day${days === 1 ? '' : 's'}`;
  return remainingMs < 0 ? `${what} overdue by ${span}` : `${what} due in ${span}`;
}

/**
 * Daily: one Slack digest of postmortems and action items due soon or overdue, at most once a day
 * (a second scheduled invocation finds the day's marker and sends nothing). No digest when nothing is due.
 */
export async function sendDailyReminders(
  services: Services,
): Promise<'sent' | 'nothing-due' | 'already-sent' | 'no-webhook' | 'failed'> {
  const { kv, clock } = services;
  const now = clock.now();
  // The team's day, not UTC's: a digest for Auckland's Monday must not be taken by Sunday's run.
  const settings = await loadSettings(kv, services.logger);
  const day = localDayKey(now, settings.timeZone);
  const webhook = await loadSlackWebhookUrl(kv);
  if (!webhook) return 'no-webhook';
  const marker = `digest:${day}`;
  // Claimed for longer than one invocation may live, kept for days only once Slack took the digest:
  // a run the platform kills half-way must not mark the day's digest as sent.
  if (!(await kv.setIfAbsent(marker, now.toISOString(), { ttlSeconds: 15 * 60 }))) return 'already-sent';

  try {
    const digest = await buildDigest(services, settings, day);
    if (!digest) return 'nothing-due';
    const result = await services.slack.send(webhook, digest);
    if (result.ok) {
      await kv.set(marker, now.toISOString(), { ttlSeconds: 3 * 86_400 });
      return 'sent';
    }
    services.logger.warn('reminder digest not delivered', { status: result.status, error: result.error });
  } catch (error) {
    await kv.delete(marker);
    throw error;
  }
  // Let a later run try again today rather than lose the digest.
  await kv.delete(marker);
  return 'failed';
}

/** A digest query, its filter and order apart so the same filter can be narrowed to chosen issues. */
interface DigestSearch<F> extends Omit<SearchJqlParams<F>, 'jql'> {
  filter: string;
  order: string;
}

function searchParams<F>({ filter, order, ...params }: DigestSearch<F>): SearchJqlParams<F> {
  return { ...params, jql: `${filter} ${order}` };
}

/**
 * Search is eventually consistent (https://jira.atlassian.com/browse/JRACLOUD-96208): an incident
 * finalized or an action item closed a moment ago can still match in the index, with its old fields.
 * Before anyone is reminded, the issues about to be listed are asked for again with the same filter,
 * reconciled (as they are now, up to 50 ids a request): those that no longer match drop out. One
 * request per 50 listed issues; nothing when nothing is listed.
 */
async function asTheyAreNow<F>(
  jira: Services['jiraAsApp'],
  search: DigestSearch<F>,
  listed: Array<JiraIssue<F>>,
): Promise<Array<JiraIssue<F>>> {
  const current: Array<JiraIssue<F>> = [];
  for (let offset = 0; offset < listed.length; offset += RECONCILE_ISSUES_LIMIT) {
    const ids = listed.slice(offset, offset + RECONCILE_ISSUES_LIMIT).map((issue) => Number(issue.id));
    const batch = await searchJqlAll(jira, {
      ...searchParams({ ...search, filter: `${search.filter} AND id in (${ids.join(', ')})` }),
      reconcileIssues: ids,
    });
    current.push(...batch);
  }
  return current;
}

async function buildDigest(services: Services, settings: AppSettings, day: string) {
  const { kv, clock } = services;
  const now = clock.now();
  const jira = retryingJiraPort(services.jiraAsApp, { clock, budgetMs: 300_000, maxAttempts: 5 });
  const siteUrl = await resolveSiteUrl({ siteUrl: services.siteUrl, kv, jira });
  const scope = settings.projectKeys.length ? ` AND ${projectScopeJql(settings.projectKeys)}` : '';

  const incidentSearch = {
    filter: `(${settings.incidentJql})${scope} AND resolved >= -14d`,
    order: 'ORDER BY resolved ASC',
    fields: [
      'summary',
      'created',
      'resolutiondate',
      'assignee',
      ...severityFieldIds(settings.severitySource),
    ],
    properties: [POSTMORTEM_SUMMARY_PROPERTY],
    fieldsSchema: incidentFields,
  };
  // The stored postmortems' facts, as the panel reads them, so both say the same about who needs one.
  const postmortems = new Map<string, PostmortemFacts>();
  const reminderOf = (incident: JiraIssue<z.infer<typeof incidentFields>>): ReminderLine | undefined => {
    const { fields } = incident;
    if (!fields.resolutiondate) return undefined;
    if (readPostmortemSummary(incident.properties)?.status === 'FINAL') return undefined;
    const resolved = new Date(fields.resolutiondate);
    const requirement = postmortemRequirement(
      {
        severity: severityBySource(settings.severitySource, {
          labels: fields.labels,
          priorityName: fields.priority?.name,
          fields,
        }),
        labels: fields.labels,
        created: fields.created,
        resolved,
        postmortem: postmortems.get(incident.key) ?? null,
      },
      { userImpactMinutesThreshold: settings.userImpactMinutesThreshold },
    );
    if (!requirement.required) return undefined;
    const status = deadlineStatus(
      documentDueAt(resolved, { timeZone: settings.timeZone, holidays: settings.holidays }),
      now,
    );
    if (status.state === 'on-track') return undefined;
    return {
      key: incident.key,
      url: `${siteUrl}/browse/${incident.key}`,
      title: fields.summary,
      ownerLabel: fields.assignee?.displayName ?? null,
      due: describe(status.remainingMs, 'document'),
    };
  };
  const indexedIncidents = await searchJqlAll(jira, { ...searchParams(incidentSearch), maxResults: 100 });
  for (const incident of indexedIncidents) {
    const stored = await loadPostmortem(kv, incident.key);
    if (stored) postmortems.set(incident.key, postmortemFactsOf(stored.document));
  }
  const incidents = await asTheyAreNow(
    jira,
    incidentSearch,
    indexedIncidents.filter((incident) => reminderOf(incident) !== undefined),
  );
  const postmortemLines = incidents.flatMap((incident) => reminderOf(incident) ?? []);

  const itemSearch = {
    filter: `labels = ${jqlString(settings.actionItemLabel)}${scope} AND statusCategory != Done AND duedate <= 2d`,
    order: 'ORDER BY duedate ASC',
    fields: ['summary', 'project', 'duedate', 'assignee'],
    fieldsSchema: actionItemFields,
  };
  const indexedItems = await searchJqlAll(jira, { ...searchParams(itemSearch), maxResults: 100 });
  const items = await asTheyAreNow(
    jira,
    itemSearch,
    indexedItems.filter((item) => item.fields.duedate),
  );
  const actionItems: ActionItemReminderLine[] = items
    .filter((item) => item.fields.duedate)
    .map((item) => ({
      key: item.key,
      url: `${siteUrl}/browse/${item.key}`,
      title: item.fields.summary,
      project: { key: item.fields.project.key, name: item.fields.project.name ?? item.fields.project.key },
      ownerLabel: item.fields.assignee?.displayName ?? null,
      due: describe(
        endOfDueDay(item.fields.duedate as string, settings.timeZone).getTime() - now.getTime(),
        'due date',
      ),
    }));

  return reminderDigest({ day, postmortems: postmortemLines, actionItems });
}
