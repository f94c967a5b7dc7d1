import { z } from 'zod';
import type { HistoryPayload, SeenBeforeItem, SeenBeforeView } from '../../contract/history-api';
import { ACTION_SOURCE_PROPERTY } from '../../domain/automation/action-item-issue';
import { categoryBySource } from '../../domain/settings/category-by-source';
import { actionItemsStatus, rankSeenBefore, searchWords, type ActionItemIssue } from '../../domain/similar';
import { getIssue } from '../../jira/issues';
import { jqlString, projectScopeJql } from '../../jira/jql-literal';
import { POSTMORTEM_SUMMARY_PROPERTY, readPostmortemSummary } from '../../jira/postmortem-summary-property';
import { searchJqlAll, searchJqlPage } from '../../jira/search-jql';
import type { Services } from '../../services';
import { loadSettings } from '../../storage/settings-store';

// Candidates gathered by JQL; the domain's ranking keeps the best five of them.
const CANDIDATE_LIMIT = 50;

const componentsSchema = z.array(z.looseObject({ name: z.string() })).default([]);
const incidentFieldsSchema = z.looseObject({
  summary: z.string().default(''),
  created: z.string(),
  components: componentsSchema,
});
const candidateFieldsSchema = z.looseObject({
  summary: z.string().default(''),
  components: componentsSchema,
});
const childFieldsSchema = z.looseObject({
  status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }).optional() }).nullish(),
  created: z.string(),
  duedate: z.string().nullish(),
  resolutiondate: z.string().nullish(),
});
const actionSourceSchema = z.looseObject({ incidentKey: z.string() });

/**
 * The search for earlier FINAL postmortems of the same kind: same category (the indexed summary
 * property's `postmortemCategory` alias) or component, and any of the words in the text or the indexed
 * root cause (`postmortemRootCause`). Every user value goes through `jqlString`.
 */
export function seenBeforeJql(params: {
  incidentJql: string;
  projectKeys: readonly string[];
  issueKey: string;
  category: string | null;
  components: readonly string[];
  words: readonly string[];
}): string {
  const kind = [
    ...(params.category ? [`postmortemCategory = ${jqlString(params.category)}`] : []),
    ...(params.components.length > 0
      ? [`component in (${params.components.map(jqlString).join(', ')})`]
      : []),
  ];
  const words = jqlString(params.words.join(' OR '));
  const scope = projectScopeJql(params.projectKeys);
  return [
    `(${params.incidentJql})`,
    ...(scope ? [scope] : []),
    'postmortemStatus = FINAL',
    `key != ${jqlString(params.issueKey)}`,
    `(${kind.join(' OR ')})`,
    `(text ~ ${words} OR postmortemRootCause ~ ${words})`,
  ].join(' AND ');
}

/**
 * Issue 15 "Seen before": up to five related FINAL postmortems, searched as the user (Jira shows them
 * only what they may browse), each with where its action items stand. Search is eventually consistent:
 * a postmortem finalized a moment ago may not be listed yet, which the panel says when it finds none.
 */
export async function findSeenBefore(services: Services, payload: HistoryPayload): Promise<SeenBeforeView> {
  const { issueKey, document } = payload;
  const settings = await loadSettings(services.kv, services.logger);
  const incident = await getIssue(services.jiraAsUser, {
    issueIdOrKey: issueKey,
    fields: ['summary', 'created', 'components'],
    fieldsSchema: incidentFieldsSchema,
  });
  const components = incident.fields.components.map((component) => component.name);
  const category = categoryBySource(settings.categorySource, {
    postmortemCategory: document.header.category,
    components,
  });
  const text = [
    document.header.title || incident.fields.summary,
    document.summary ?? '',
    document.rootCause.summary ?? '',
    document.rootCause.text,
  ].join('\n');
  const words = searchWords(text);
  if ((category === null && components.length === 0) || words.length === 0)
    return { items: [], jql: '', searched: false };

  const jql = seenBeforeJql({
    incidentJql: settings.incidentJql,
    projectKeys: settings.projectKeys,
    issueKey,
    category,
    components,
    words,
  });
  // One page is enough: the candidates are ranked here, and the newest come first.
  const page = await searchJqlPage(services.jiraAsUser, {
    jql: `${jql} ORDER BY postmortemFinalized DESC`,
    fields: ['summary', 'components'],
    properties: [POSTMORTEM_SUMMARY_PROPERTY],
    fieldsSchema: candidateFieldsSchema,
    maxResults: CANDIDATE_LIMIT,
  });
  const candidates = page.issues.map((issue) => {
    const summary = readPostmortemSummary(issue.properties);
    return {
      key: issue.key,
      summary: issue.fields.summary,
      category: summary?.category ?? null,
      components: issue.fields.components.map((component) => component.name),
      rootCause: summary?.rootCause ?? '',
      finalizedAt: summary?.finalizedAt ?? null,
      text: `${issue.fields.summary}\n${summary?.rootCause ?? ''}`,
    };
  });
  const ranked = rankSeenBefore({ key: issueKey, category, components, text }, candidates);
  const children = await actionItemIssues(
    services,
    ranked.map(({ postmortem }) => postmortem.key),
  );
  const began = new Date(incident.fields.created);
  const items = ranked.map(({ postmortem, reasons }): SeenBeforeItem => ({
    key: postmortem.key,
    url: `${services.siteUrl}/browse/${postmortem.key}`,
    summary: postmortem.summary,
    category: postmortem.category,
    finalizedAt: postmortem.finalizedAt,
    rootCause: postmortem.rootCause,
    reasons,
    actionItems: actionItemsStatus(
      children.get(postmortem.key) ?? [],
      services.clock.now(),
      settings.timeZone,
      began,
    ),
  }));
  return { items, jql, searched: true };
}

/** The action-item child issues of the given incidents, found by their source property (alias `postmortemIncident`). */
async function actionItemIssues(
  services: Services,
  incidentKeys: readonly string[],
): Promise<Map<string, ActionItemIssue[]>> {
  const byIncident = new Map<string, ActionItemIssue[]>();
  if (incidentKeys.length === 0) return byIncident;
  const issues = await searchJqlAll(services.jiraAsUser, {
    jql: `postmortemIncident in (${incidentKeys.map(jqlString).join(', ')})`,
    fields: ['status', 'created', 'duedate', 'resolutiondate'],
    properties: [ACTION_SOURCE_PROPERTY],
    fieldsSchema: childFieldsSchema,
    maxResults: 100,
  });
  for (const issue of issues) {
    const source = actionSourceSchema.safeParse(issue.properties?.[ACTION_SOURCE_PROPERTY]);
    if (!source.success) continue;
    const list = byIncident.get(source.data.incidentKey) ?? [];
    list.push({
      done: issue.fields.status?.statusCategory?.key === 'done',
      created: issue.fields.created,
      dueDate: issue.fields.duedate ?? null,
      resolved: issue.fields.resolutiondate ?? null,
    });
    byIncident.set(source.data.incidentKey, list);
  }
  return byIncident;
}
