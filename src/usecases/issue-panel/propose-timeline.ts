import { z } from 'zod';
import { isAppError } from '../../contract/errors';
import type { HistoryPayload, TimelineProposals } from '../../contract/history-api';
import { adfFirstLine, proposeTimelineRows, type IncidentHistory } from '../../domain/timeline-proposals';
import { getChangelogs } from '../../jira/changelog';
import { getComments } from '../../jira/comments';
import { getIssue } from '../../jira/issues';
import type { JiraPort } from '../../ports';
import type { Services } from '../../services';

// Jira's IssueLink: the other end is `inwardIssue` or `outwardIssue`, with id, key and a few fields —
// never `created` (LinkedIssue.fields in the OpenAPI spec), so each linked issue is read below.
const linkSchema = z.looseObject({
  inwardIssue: z.looseObject({ key: z.string() }).optional(),
  outwardIssue: z.looseObject({ key: z.string() }).optional(),
});

const incidentFieldsSchema = z.looseObject({
  created: z.string(),
  resolutiondate: z.string().nullish(),
  reporter: z.looseObject({ displayName: z.string().optional() }).nullish(),
  issuelinks: z.array(linkSchema).default([]),
});

const linkedFieldsSchema = z.looseObject({ summary: z.string().default(''), created: z.string() });

/**
 * Issue 15 "Timeline from Jira": rows proposed from the incident's own history, read as the user so
 * Jira's permissions apply (a linked issue they cannot see is not proposed).
 */
export async function proposeTimeline(
  services: Services,
  payload: HistoryPayload,
): Promise<TimelineProposals> {
  const jira = services.jiraAsUser;
  const { issueKey, document } = payload;
  // The issue read first: it answers 404 for an incident the user cannot see, before any other request.
  const incident = await getIssue(jira, {
    issueIdOrKey: issueKey,
    fields: ['created', 'resolutiondate', 'reporter', 'issuelinks'],
    fieldsSchema: incidentFieldsSchema,
  });
  const [changes, comments, linkedIssues] = await Promise.all([
    readChanges(jira, issueKey),
    readComments(jira, issueKey),
    readLinkedIssues(jira, incident.fields.issuelinks),
  ]);
  const history: IncidentHistory = {
    issueKey: incident.key,
    created: incident.fields.created,
    resolved: incident.fields.resolutiondate ?? null,
    reporterName: incident.fields.reporter?.displayName ?? null,
    changes,
    comments,
    linkedIssues,
  };
  return proposeTimelineRows(document, history, services.clock.now());
}

async function readChanges(jira: JiraPort, issueKey: string): Promise<IncidentHistory['changes'][number][]> {
  const changes: Array<IncidentHistory['changes'][number]> = [];
  for await (const page of getChangelogs(jira, { issueIdOrKey: issueKey }))
    for (const entry of page.values)
      changes.push({
        id: entry.id,
        at: entry.created,
        authorName: entry.authorName ?? null,
        items: entry.items,
      });
  return changes;
}

async function readComments(
  jira: JiraPort,
  issueKey: string,
): Promise<IncidentHistory['comments'][number][]> {
  const comments: Array<IncidentHistory['comments'][number]> = [];
  for await (const page of getComments(jira, { issueIdOrKey: issueKey }))
    for (const comment of page)
      comments.push({
        id: comment.id,
        at: comment.created,
        authorName: comment.authorName,
        firstLine: adfFirstLine(comment.body),
      });
  return comments;
}

/**
 * The linked issues' creation times, each read by key: strongly consistent, unlike search, and a
 * linked issue the user cannot see (404) is simply not proposed. `key in (…)` would be one request,
 * but Jira refuses the whole JQL when one key no longer exists. At most 20 are read; an incident
 * with more links has them proposed for its first 20.
 */
export const LINKED_ISSUES_READ_LIMIT = 20;

async function readLinkedIssues(
  jira: JiraPort,
  links: Array<z.infer<typeof linkSchema>>,
): Promise<IncidentHistory['linkedIssues'][number][]> {
  const keys = new Set<string>();
  for (const link of links) {
    const other = link.inwardIssue ?? link.outwardIssue;
    if (other) keys.add(other.key);
  }
  const read = await Promise.all(
    [...keys].slice(0, LINKED_ISSUES_READ_LIMIT).map(async (key) => {
      try {
        const issue = await getIssue(jira, {
          issueIdOrKey: key,
          fields: ['summary', 'created'],
          fieldsSchema: linkedFieldsSchema,
        });
        return [{ key: issue.key, summary: issue.fields.summary, created: issue.fields.created }];
      } catch (error) {
        if (isAppError(error) && (error.kind === 'NotFound' || error.kind === 'Forbidden')) return [];
        throw error;
      }
    }),
  );
  return read.flat();
}
