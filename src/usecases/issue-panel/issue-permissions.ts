import { AppError, isAppError } from '../../contract/errors';
import { getMyPermissions } from '../../jira/permissions';
import type { Services } from '../../services';

/**
 * Every call about the viewed issue first checks on the server that Jira lets the caller see it, and every
 * write that they may edit it, in one permission request. Jira answers 404 for an issue the caller cannot
 * see and names no detail; the answer names the issue.
 */
export async function requireIssuePermission(
  services: Services,
  issueKey: string,
  need: 'browse' | 'edit',
): Promise<void> {
  const permissions = await getMyPermissions(services.jiraAsUser, {
    permissions: need === 'edit' ? ['BROWSE_PROJECTS', 'EDIT_ISSUES'] : ['BROWSE_PROJECTS'],
    issueKey,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.kind === 'NotFound') {
      throw new AppError('NotFound', `${issueKey} does not exist, or you do not have permission to see it.`, {
        cause: error,
      });
    }
    throw error;
  });
  if (!permissions.BROWSE_PROJECTS)
    throw new AppError('Forbidden', `You do not have permission to see ${issueKey}.`);
  if (need === 'edit' && !permissions.EDIT_ISSUES) {
    throw new AppError(
      'Forbidden',
      `You can read this postmortem but not edit ${issueKey}. Ask a project admin for edit rights.`,
    );
  }
}
