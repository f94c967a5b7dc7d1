import { z } from 'zod';
import type { PostmortemSearch, PostmortemSearchHit } from '../../contract/global-page-api';
import { searchJql } from '../../jira/search-jql';
import type { Services } from '../../services';
import { loadSettings } from '../../storage/settings-store';
import { POSTMORTEM_SUMMARY_PROPERTY, readPostmortemSummary } from '../../jira/postmortem-summary-property';
import { jqlString } from '../../jira/jql-literal';

const MAX_HITS = 50;

/**
 * Reference maturity level 5, "postmortem database searchable": finalized postmortems found through
 * the indexed `postmortem-summary` property (manifest `jira:entityProperty` search aliases).
 */
export function postmortemSearchJql(incidentJql: string, search: PostmortemSearch): string {
  const clauses = [`(${incidentJql})`, 'postmortemStatus = FINAL'];
  if (search.text?.trim())
    clauses.push(
      `(text ~ ${jqlString(search.text.trim())} OR postmortemRootCause ~ ${jqlString(search.text.trim())})`,
    );
  if (search.category?.trim()) clauses.push(`postmortemCategory = ${jqlString(search.category.trim())}`);
  if (search.severity?.trim()) clauses.push(`postmortemSeverity = ${jqlString(search.severity.trim())}`);
  if (search.from) clauses.push(`postmortemFinalized >= ${jqlString(search.from)}`);
  if (search.to) clauses.push(`postmortemFinalized <= ${jqlString(search.to)}`);
  return `${clauses.join(' AND ')} ORDER BY postmortemFinalized DESC`;
}

export async function searchPostmortems(
  services: Services,
  search: PostmortemSearch,
): Promise<{ jql: string; hits: PostmortemSearchHit[] }> {
  const settings = await loadSettings(services.kv, services.logger);
  const jql = postmortemSearchJql(settings.incidentJql, search);
  const hits: PostmortemSearchHit[] = [];
  const pages = searchJql(services.jiraAsUser, {
    jql,
    fields: ['summary'],
    properties: [POSTMORTEM_SUMMARY_PROPERTY],
    fieldsSchema: z.looseObject({ summary: z.string().default('') }),
    maxResults: MAX_HITS,
  });
  for await (const page of pages) {
    for (const issue of page.issues) {
      const summary = readPostmortemSummary(issue.properties);
      hits.push({
        key: issue.key,
        url: `${services.siteUrl}/browse/${issue.key}`,
        summary: issue.fields.summary,
        severity: summary?.severity ?? null,
        category: summary?.category ?? null,
        finalizedAt: summary?.finalizedAt ?? null,
        rootCause: summary?.rootCause ?? '',
      });
    }
    // One page of results is a search answer; the JQL link shows the rest in Jira.
    break;
  }
  return { jql, hits };
}
