import { AppError } from '../../contract/errors';
import type { CheckView, ImportPreview } from '../../contract/issue-panel-api';
import { finalizationBlockers } from '../../domain/checks';
import {
  emptyPostmortem,
  parseAdf,
  parseMarkdown,
  renderAdf,
  type PostmortemDocument,
  type PostmortemStatus,
} from '../../domain/postmortem';
import { editIssue } from '../../jira/issues';
import { getMyPermissions } from '../../jira/permissions';
import type { Services } from '../../services';
import { loadPostmortem, savePostmortem } from '../../storage/postmortem-store';
import { loadSettings } from '../../storage/settings-store';
import { readIncidentIssue } from './incident-issue';
import { checkDraft } from './panel-view';

/** Every write re-checks on the server that the caller may edit the incident (Jira's own permission). */
async function requireEditPermission(services: Services, issueKey: string): Promise<void> {
  const permissions = await getMyPermissions(services.jiraAsUser, { permissions: ['EDIT_ISSUES'], issueKey });
  if (!permissions.EDIT_ISSUES) {
    throw new AppError(
      'Forbidden',
      `You can read this postmortem but not edit ${issueKey}. Ask a project admin for edit rights.`,
    );
  }
}

export async function saveDraft(
  services: Services,
  issueKey: string,
  document: PostmortemDocument,
  /** Only finalization moves the status on; a save from the panel keeps the stored one. */
  status?: PostmortemStatus,
): Promise<CheckView & { document: PostmortemDocument; savedAt: string }> {
  await requireEditPermission(services, issueKey);
  const current = await loadPostmortem(services.kv, issueKey);
  if (current?.document.header.status === 'FINAL') {
    throw new AppError('Conflict', 'This postmortem is final and read-only. Reopen it to make changes.');
  }
  const now = services.clock.now();
  // Status and finalization time belong to the server (finalize, reopen, the automation): a payload
  // saying FINAL must not mark a postmortem final without its label, children and Slack message.
  const header = {
    ...document.header,
    status: status ?? current?.document.header.status ?? 'DRAFT',
    finalizedAt: current?.document.header.finalizedAt ?? null,
  };
  const by = { accountId: services.accountId, at: now };
  const saved = await savePostmortem(services.kv, issueKey, { ...document, header }, by);
  const settings = await loadSettings(services.kv, services.logger);
  return { document: saved, savedAt: now.toISOString(), ...checkDraft(saved, settings, now) };
}

/**
 * Saves, then adds the finalization label as the user; the label-added event runs the automation
 * (children, Slack). Refused while a hard rule is broken, with the list of what to fix.
 */
export async function finalizeFromPanel(
  services: Services,
  issueKey: string,
  document: PostmortemDocument,
): Promise<{ document: PostmortemDocument }> {
  const blockers = finalizationBlockers(document, services.clock.now());
  if (blockers.length > 0) {
    throw new AppError(
      'InvalidInput',
      `Fix these before finalizing: ${blockers.map((b) => b.message).join(' ')}`,
      {
        fields: Object.fromEntries(blockers.map((b) => [b.path, b.message])),
      },
    );
  }
  const saved = await saveDraft(services, issueKey, document, 'IN_REVIEW');
  const { finalizationLabel } = await loadSettings(services.kv, services.logger);
  try {
    await editIssue(services.jiraAsUser, { issueIdOrKey: issueKey, labels: { add: [finalizationLabel] } });
  } catch (error) {
    // Without the label no automation runs to settle IN_REVIEW (read-only in the panel): back to DRAFT.
    await savePostmortem(
      services.kv,
      issueKey,
      { ...saved.document, header: { ...saved.document.header, status: 'DRAFT' } },
      { accountId: services.accountId, at: services.clock.now() },
    ).catch((revertError: unknown) =>
      services.logger.error('could not put a failed finalization back to DRAFT', {
        issueKey,
        error: revertError instanceof Error ? revertError.message : String(revertError),
      }),
    );
    throw error;
  }
  return { document: saved.document };
}

/** Back to DRAFT and editable; the label goes, so adding it again is a new finalization. */
export async function reopenPostmortem(
  services: Services,
  issueKey: string,
): Promise<{ document: PostmortemDocument }> {
  await requireEditPermission(services, issueKey);
  const current = await loadPostmortem(services.kv, issueKey);
  if (!current) throw new AppError('NotFound', `${issueKey} has no saved postmortem to reopen.`);
  const { finalizationLabel } = await loadSettings(services.kv, services.logger);
  await editIssue(services.jiraAsUser, { issueIdOrKey: issueKey, labels: { remove: [finalizationLabel] } });
  const reopened = {
    ...current.document,
    header: { ...current.document.header, status: 'DRAFT' as const, finalizedAt: null },
  };
  const document = await savePostmortem(services.kv, issueKey, reopened, {
    accountId: services.accountId,
    at: services.clock.now(),
  });
  return { document };
}

/** A preview only: nothing is stored until the user applies it (and saves). */
export function importMarkdown(issueKey: string, markdown: string): ImportPreview {
  const { document, mapped, unmapped } = parseMarkdown(markdown);
  return { document: withIncidentId(document, issueKey), mapped, unmapped };
}

export async function importDescription(services: Services, issueKey: string): Promise<ImportPreview> {
  const settings = await loadSettings(services.kv, services.logger);
  const incident = await readIncidentIssue(
    services.jiraAsUser,
    issueKey,
    services.siteUrl,
    settings.severitySource,
  );
  if (!incident.description) {
    return {
      document: emptyPostmortem({ incidentId: issueKey, title: incident.view.summary }),
      mapped: [],
      unmapped: [],
    };
  }
  const { document, mapped, unmapped } = parseAdf(incident.description);
  return { document: withIncidentId(document, issueKey), mapped, unmapped };
}

export async function exportToDescription(
  services: Services,
  issueKey: string,
  document: PostmortemDocument,
): Promise<{ written: true }> {
  await requireEditPermission(services, issueKey);
  await editIssue(services.jiraAsUser, {
    issueIdOrKey: issueKey,
    fields: { description: renderAdf(document) },
  });
  return { written: true };
}

function withIncidentId(document: PostmortemDocument, issueKey: string): PostmortemDocument {
  return document.header.incidentId
    ? document
    : { ...document, header: { ...document.header, incidentId: issueKey } };
}
