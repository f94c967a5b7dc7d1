import { z } from 'zod';
import type { PostmortemIndexSummary } from '../../domain/postmortem';
import { postmortemRequirement, summaryFactsOf } from '../../domain/policy/incident-facts';
import type { AppSettings } from '../../domain/settings/app-settings';
import { categoryBySource } from '../../domain/settings/category-by-source';
import { severityBySource, severityFieldIds } from '../../domain/settings/severity-by-source';
import { statusCategoryKey } from '../../domain/follow-through';
import type { ActionItemRecord, IncidentRecord } from '../../domain/trends';
import type { JiraIssue } from '../../jira/issues';
import { ACTION_SOURCE_PROPERTY } from '../../domain/automation/action-item-issue';
import { POSTMORTEM_SUMMARY_PROPERTY, readPostmortemSummary } from '../../jira/postmortem-summary-property';
import { jqlString, projectScopeJql } from '../../jira/jql-literal';
import type { PartitionedSearch } from './read-partitions';

const incidentFields = z.looseObject({
  project: z.looseObject({ key: z.string() }),
  created: z.string(),
  resolutiondate: z.string().nullish(),
  labels: z.array(z.string()).default([]),
  priority: z.looseObject({ name: z.string() }).nullish(),
  components: z.array(z.looseObject({ name: z.string() })).default([]),
});
const actionItemFields = z.looseObject({
  project: z.looseObject({ key: z.string() }).nullish(),
  created: z.string(),
  duedate: z.string().nullish(),
  resolutiondate: z.string().nullish(),
  statuscategorychangedate: z.string().nullish(),
  status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }) }),
  parent: z.looseObject({ key: z.string() }).nullish(),
});
const sourceSchema = z.looseObject({ incidentKey: z.string() });

export interface TrendQueries {
  incidents: string;
  actionItems: string;
  finalPostmortems: string;
}

/**
 * Issues with an issue security level are left out of the trends: the aggregates are computed as the
 * app and shown to everyone who can browse the project, so counting them would reveal what the level
 * hides (their number, severities, categories) to people outside it.
 */
export const WITHOUT_SECURITY_LEVEL = 'level IS EMPTY';

/** Bounded JQL for a window of days: the admin's incidents, the action items, and FINAL postmortems. */
export function trendQueries(
  settings: Pick<AppSettings, 'incidentJql' | 'actionItemLabel'>,
  projectKeys: readonly string[],
  fromDay: string,
  toDay: string,
): TrendQueries {
  const scope = projectKeys.length ? ` AND ${projectScopeJql(projectKeys)}` : '';
  const window = `created >= "${fromDay}" AND created < "${toDay}"`;
  const incidents = `(${settings.incidentJql})${scope} AND ${WITHOUT_SECURITY_LEVEL}`;
  return {
    incidents: `${incidents} AND ${window} ORDER BY created ASC`,
    actionItems: `labels = ${jqlString(settings.actionItemLabel)}${scope} AND ${WITHOUT_SECURITY_LEVEL} AND ${window} ORDER BY created ASC`,
    finalPostmortems: `${incidents} AND issue.property[${POSTMORTEM_SUMMARY_PROPERTY}].status = FINAL`,
  };
}

// Jira pages search/jql by at most 100 issues when fields are requested; ask for the page size it allows.
export const TREND_PAGE_SIZE = 100;

type IncidentFields = z.infer<typeof incidentFields>;
type ActionItemFields = z.infer<typeof actionItemFields>;

/** How incidents are searched (only the fields the metrics read) and turned into records. */
export function incidentSearch(
  settings: AppSettings,
  partitions: string[],
): PartitionedSearch<IncidentFields, IncidentRecord> {
  return {
    partitions,
    params: {
      fields: [
        'project',
        'created',
        'resolutiondate',
        'components',
        ...severityFieldIds(settings.severitySource),
      ],
      properties: [POSTMORTEM_SUMMARY_PROPERTY],
      fieldsSchema: incidentFields,
      maxResults: TREND_PAGE_SIZE,
    },
    toRecord: (issue) => incidentRecord(issue, settings),
  };
}

function incidentRecord(issue: JiraIssue<IncidentFields>, settings: AppSettings): IncidentRecord {
  const { fields } = issue;
  // Kept as stored (the trends read only fields the writer has always written) once its status reads.
  const postmortem =
    readPostmortemSummary(issue.properties) === null
      ? null
      : (issue.properties?.[POSTMORTEM_SUMMARY_PROPERTY] as PostmortemIndexSummary);
  const labels = fields.labels;
  const components = fields.components.map((component) => component.name);
  const severity = severityBySource(settings.severitySource, {
    labels,
    priorityName: fields.priority?.name,
    fields,
  });
  const requirement = postmortemRequirement(
    {
      severity,
      labels,
      created: fields.created,
      resolved: fields.resolutiondate ?? null,
      postmortem: postmortem && summaryFactsOf(postmortem),
    },
    { userImpactMinutesThreshold: settings.userImpactMinutesThreshold },
  );
  return {
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
    qualifies: requirement.required,
  };
}

/** How action items are searched and turned into records. */
export function actionItemSearch(
  partitions: string[],
): PartitionedSearch<ActionItemFields, ActionItemRecord> {
  return {
    partitions,
    params: {
      fields: [
        'project',
        'created',
        'duedate',
        'resolutiondate',
        'statuscategorychangedate',
        'status',
        'parent',
      ],
      properties: [ACTION_SOURCE_PROPERTY],
      fieldsSchema: actionItemFields,
      maxResults: TREND_PAGE_SIZE,
    },
    toRecord: actionItemRecord,
  };
}

function actionItemRecord(issue: JiraIssue<ActionItemFields>): ActionItemRecord {
  const { fields } = issue;
  const source = sourceSchema.safeParse(issue.properties?.[ACTION_SOURCE_PROPERTY]);
  return {
    key: issue.key,
    ...(fields.project ? { projectKey: fields.project.key } : {}),
    // Linked tasks (projects without sub-tasks) have no parent: the row-id property names the incident.
    incidentKey: fields.parent?.key ?? (source.success ? source.data.incidentKey : ''),
    created: fields.created,
    dueDate: fields.duedate ?? null,
    statusCategory: statusCategoryKey(fields.status.statusCategory.key),
    resolved: fields.resolutiondate ?? null,
    statusCategoryChanged: fields.statuscategorychangedate ?? null,
  };
}
