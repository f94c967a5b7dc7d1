import { AppError } from '../../contract/errors';
import { getMyPermissions } from '../../jira/permissions';
import type { Services } from '../../services';

/** Every write re-checks on the server that the caller may edit the incident (Jira's own permission). */
export async function requireEditPermission(services: Services, issueKey: string): Promise<void> {
  const permissions = await getMyPermissions(services.jiraAsUser, { permissions: ['EDIT_ISSUES'], issueKey });
  if (!permissions.EDIT_ISSUES) {
    throw new AppError(
      'Forbidden',
      `You can read this postmortem but not edit ${issueKey}. Ask a project admin for edit rights.`,
    );
  }
}

/** Reads of stored data re-check on the server that Jira lets the caller see the incident. */
export async function requireBrowsePermission(services: Services, issueKey: string): Promise<void> {
  // Jira answers 404 (NotFound) for an issue the caller cannot see, and names no other detail.
  const { BROWSE_PROJECTS } = await getMyPermissions(services.jiraAsUser, {
    permissions: ['BROWSE_PROJECTS'],
    issueKey,
  });
  if (!BROWSE_PROJECTS) throw new AppError('Forbidden', `You do not have permission to see ${issueKey}.`);
}
