import { z } from 'zod';
import type { PostmortemIndexSummary } from '../../domain/postmortem';
import { isPostmortemRequired } from '../../domain/policy';
import { incidentFacts } from '../../domain/policy/incident-facts';
import type { AppSettings } from '../../domain/settings/app-settings';
import { categoryBySource } from '../../domain/settings/category-by-source';
import { severityBySource, severityFieldIds } from '../../domain/settings/severity-by-source';
import type { ActionItemRecord, IncidentRecord } from '../../domain/trends';
import { searchJql } from '../../jira/search-jql';
import type { JiraPort } from '../../ports';
import { ACTION_SOURCE_PROPERTY } from '../../domain/automation/action-item-issue';
import { POSTMORTEM_SUMMARY_PROPERTY } from '../finalize-postmortem';
import { jqlString } from '../../jira/jql-literal';

const incidentFields = z.looseObject({
  project: z.looseObject({ key: z.string() }),
  created: z.string(),
  resolutiondate: z.string().nullish(),
  labels: z.array(z.string()).default([]),
  priority: z.looseObject({ name: z.string() }).nullish(),
  components: z.array(z.looseObject({ name: z.string() })).default([]),
});
const actionItemFields = z.looseObject({
  created: z.string(),
  duedate: z.string().nullish(),
  resolutiondate: z.string().nullish(),
  status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }) }),
  parent: z.looseObject({ key: z.string() }).nullish(),
});
const summarySchema = z.looseObject({ status: z.enum(['DRAFT', 'IN_REVIEW', 'FINAL']) });
const sourceSchema = z.looseObject({ incidentKey: z.string() });
const STATUS_CATEGORIES = ['new', 'indeterminate', 'done'] as const;

export interface TrendQueries {
  incidents: string;
  actionItems: string;
  finalPostmortems: string;
}

/** Bounded JQL for the window the report needs (12 months of charts, 6 more for repeat incidents). */
export function trendQueries(
  settings: AppSettings,
  projectKeys: string[],
  fromDay: string,
  toDay: string,
): TrendQueries {
  const scope = projectKeys.length
    ? ` AND project in (${projectKeys.map((key) => `"${key}"`).join(', ')})`
    : '';
  const window = `created >= "${fromDay}" AND created < "${toDay}"`;
  return {
    incidents: `(${settings.incidentJql})${scope} AND ${window} ORDER BY created ASC`,
    actionItems: `labels = ${jqlString(settings.actionItemLabel)}${scope} AND ${window} ORDER BY created ASC`,
    finalPostmortems: `(${settings.incidentJql})${scope} AND issue.property[${POSTMORTEM_SUMMARY_PROPERTY}].status = FINAL`,
  };
}

// Jira pages search/jql by at most 100 issues when fields are requested; ask for the page size it allows.
const PAGE_SIZE = 100;

/** Incidents as plain records, requesting only the fields the metrics read. */
export async function fetchIncidentRecords(
  jira: JiraPort,
  jql: string,
  settings: AppSettings,
  onPage?: (count: number) => void | Promise<void>,
): Promise<IncidentRecord[]> {
  const records: IncidentRecord[] = [];
  const pages = searchJql(jira, {
    jql,
    fields: [
      'project',
      'created',
      'resolutiondate',
      'components',
      ...severityFieldIds(settings.severitySource),
    ],
    properties: [POSTMORTEM_SUMMARY_PROPERTY],
    fieldsSchema: incidentFields,
    maxResults: PAGE_SIZE,
  });
  for await (const page of pages) {
    for (const issue of page.issues) {
      const { fields } = issue;
      const raw = issue.properties?.[POSTMORTEM_SUMMARY_PROPERTY];
      const postmortem = summarySchema.safeParse(raw).success ? (raw as PostmortemIndexSummary) : null;
      const labels = fields.labels;
      const components = fields.components.map((component) => component.name);
      const severity = severityBySource(settings.severitySource, {
        labels,
        priorityName: fields.priority?.name,
        fields,
      });
      const facts = incidentFacts({
        severity: postmortem?.severity ?? severity,
        labels,
        created: new Date(fields.created),
        resolved: fields.resolutiondate ? new Date(fields.resolutiondate) : null,
        sloImpact: null,
      });
      records.push({
        key: issue.key,
        projectKey: fields.project.key,
        created: fields.created,
        resolved: fields.resolutiondate ?? null,
        labels,
        priority: fields.priority?.name ?? null,
        severity,
        components,
        category: categoryBySource(settings.categorySource, {
          postmortemCategory: postmortem?.category,
          components,
        }),
        postmortem,
        qualifies: isPostmortemRequired(facts, {
          userImpactMinutesThreshold: settings.userImpactMinutesThreshold,
        }).required,
      });
    }
    await onPage?.(records.length);
  }
  return records;
}

export async function fetchActionItemRecords(
  jira: JiraPort,
  jql: string,
  onPage?: (count: number) => void | Promise<void>,
): Promise<ActionItemRecord[]> {
  const records: ActionItemRecord[] = [];
  const pages = searchJql(jira, {
    jql,
    fields: ['created', 'duedate', 'resolutiondate', 'status', 'parent'],
    properties: [ACTION_SOURCE_PROPERTY],
    fieldsSchema: actionItemFields,
    maxResults: PAGE_SIZE,
  });
  for await (const page of pages) {
    for (const issue of page.issues) {
      const { fields } = issue;
      const source = sourceSchema.safeParse(issue.properties?.[ACTION_SOURCE_PROPERTY]);
      const category = fields.status.statusCategory.key;
      records.push({
        key: issue.key,
        // Linked tasks (projects without sub-tasks) have no parent: the row-id property names the incident.
        incidentKey: fields.parent?.key ?? (source.success ? source.data.incidentKey : ''),
        created: fields.created,
        dueDate: fields.duedate ?? null,
        statusCategory: (STATUS_CATEGORIES as readonly string[]).includes(category)
          ? (category as ActionItemRecord['statusCategory'])
          : 'new',
        resolved: fields.resolutiondate ?? null,
      });
    }
    await onPage?.(records.length);
  }
  return records;
}
