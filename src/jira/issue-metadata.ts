/** Create metadata: which issue types a project offers, to pick the sub-task type for action items. */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { ACCEPT_JSON, jiraResponse } from './jira-response';
import { route } from './route';

export interface CreateMetaIssueType {
  id: string;
  name: string;
  subtask: boolean;
}

const pageSchema = z.looseObject({
  issueTypes: z
    .array(z.looseObject({ id: z.string(), name: z.string(), subtask: z.boolean().optional() }))
    .default([]),
  startAt: z.number().int().optional(),
  maxResults: z.number().int().optional(),
  total: z.number().int().optional(),
});

const PAGE_SIZE = 200;

/** `GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes`, all pages. */
export async function getCreateMetaIssueTypes(
  jira: JiraPort,
  params: { projectIdOrKey: string },
): Promise<CreateMetaIssueType[]> {
  const types: CreateMetaIssueType[] = [];
  for (let startAt = 0; ;) {
    const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE_SIZE) });
    const page = await jiraResponse(
      `read the issue types of project ${params.projectIdOrKey}`,
      pageSchema,
      () =>
        jira.requestJira(route`/rest/api/3/issue/createmeta/${params.projectIdOrKey}/issuetypes?${query}`, {
          method: 'GET',
          headers: ACCEPT_JSON,
        }),
    );
    types.push(...page.issueTypes.map((t) => ({ id: t.id, name: t.name, subtask: t.subtask === true })));
    startAt += page.issueTypes.length;
    if (page.issueTypes.length === 0 || page.total === undefined || startAt >= page.total) return types;
  }
}

/** The project's sub-task type, preferring the one named "Subtask"/"Sub-task"; none → `undefined`. */
export function pickSubtaskType(types: CreateMetaIssueType[]): CreateMetaIssueType | undefined {
  const subtasks = types.filter((t) => t.subtask);
  return subtasks.find((t) => /^sub-?task$/i.test(t.name)) ?? subtasks[0];
}

/** A project's sub-task issue type, or `undefined` when it has none (team-managed projects may not). */
export async function findSubtaskIssueType(
  jira: JiraPort,
  params: { projectIdOrKey: string },
): Promise<CreateMetaIssueType | undefined> {
  return pickSubtaskType(await getCreateMetaIssueTypes(jira, params));
}
