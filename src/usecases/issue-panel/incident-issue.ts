import { z } from 'zod';
import type { IncidentView } from '../../contract/issue-panel-api';
import type { AppSettings } from '../../domain/settings/app-settings';
import { severityBySource, severityFieldIds } from '../../domain/settings/severity-by-source';
import { getIssue } from '../../jira/issues';
import type { JiraPort } from '../../ports';

const fieldsSchema = z.looseObject({
  summary: z.string().default(''),
  status: z.looseObject({ name: z.string() }).nullish(),
  created: z.string(),
  resolutiondate: z.string().nullish(),
  labels: z.array(z.string()).default([]),
  priority: z.looseObject({ name: z.string() }).nullish(),
  reporter: z.looseObject({ accountId: z.string().optional(), displayName: z.string().optional() }).nullish(),
  description: z.unknown().optional(),
});

export interface IncidentIssue {
  view: IncidentView;
  labels: string[];
  reporterName: string | null;
  description: unknown;
}

/** The incident as the panel needs it, read as the user (Jira's browse permission applies). */
export async function readIncidentIssue(
  jira: JiraPort,
  issueKey: string,
  siteUrl: string,
  severitySource: AppSettings['severitySource'],
): Promise<IncidentIssue> {
  const issue = await getIssue(jira, {
    issueIdOrKey: issueKey,
    fields: [
      'summary',
      'status',
      'created',
      'resolutiondate',
      'reporter',
      'description',
      ...severityFieldIds(severitySource),
    ],
    fieldsSchema,
  });
  const { fields } = issue;
  return {
    view: {
      key: issue.key,
      summary: fields.summary,
      status: fields.status?.name ?? '',
      created: fields.created,
      resolved: fields.resolutiondate ?? null,
      severity: severityBySource(severitySource, {
        labels: fields.labels,
        priorityName: fields.priority?.name,
        fields,
      }),
      url: `${siteUrl}/browse/${issue.key}`,
    },
    labels: fields.labels,
    reporterName: fields.reporter?.displayName ?? null,
    description: fields.description,
  };
}
