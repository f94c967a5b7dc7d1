/** The caller's own permissions, so resolvers can re-check on the server before acting. */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { ACCEPT_JSON, jiraResponse } from './jira-response';
import { route } from './route';

export type PermissionKey =
  'EDIT_ISSUES' | 'BROWSE_PROJECTS' | 'ADMINISTER' | 'CREATE_ISSUES' | 'LINK_ISSUES';

const permissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean().optional() })),
});

export interface MyPermissionsParams {
  permissions: PermissionKey[];
  projectKey?: string;
  issueKey?: string;
}

/** `GET /rest/api/3/mypermissions`; a permission Jira leaves out counts as not held. */
export async function getMyPermissions(
  jira: JiraPort,
  params: MyPermissionsParams,
): Promise<Record<PermissionKey, boolean>> {
  const query = new URLSearchParams({ permissions: params.permissions.join(',') });
  if (params.projectKey) query.set('projectKey', params.projectKey);
  if (params.issueKey) query.set('issueKey', params.issueKey);
  const result = await jiraResponse('read your Jira permissions', permissionsSchema, () =>
    jira.requestJira(route`/rest/api/3/mypermissions?${query}`, { method: 'GET', headers: ACCEPT_JSON }),
  );
  const held = {} as Record<PermissionKey, boolean>;
  for (const key of params.permissions) held[key] = result.permissions[key]?.havePermission === true;
  return held;
}
