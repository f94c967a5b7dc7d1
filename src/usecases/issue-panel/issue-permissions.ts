import { AppError, isAppError } from '../../contract/errors';
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

/**
 * Every call about the viewed issue first checks on the server that Jira lets the caller see it. Jira
 * answers 404 for an issue the caller cannot see and names no detail; the answer names the issue.
 */
export async function requireBrowsePermission(services: Services, issueKey: string): Promise<void> {
  const { BROWSE_PROJECTS } = await getMyPermissions(services.jiraAsUser, {
    permissions: ['BROWSE_PROJECTS'],
    issueKey,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.kind === 'NotFound') {
      throw new AppError('NotFound', `${issueKey} does not exist, or you do not have permission to see it.`, {
        cause: error,
      });
    }
    throw error;
  });
  if (!BROWSE_PROJECTS) throw new AppError('Forbidden', `You do not have permission to see ${issueKey}.`);
}
