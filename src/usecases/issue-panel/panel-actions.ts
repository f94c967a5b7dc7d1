import { AppError } from '../../contract/errors';
import type { CheckView, ImportPreview } from '../../contract/issue-panel-api';
import { finalizationBlockers } from '../../domain/checks';
import {
  emptyPostmortem,
  emptyImportReport,
  parseAdf,
  parseMarkdown,
  renderAdf,
  type PostmortemDocument,
  type PostmortemStatus,
} from '../../domain/postmortem';
import { editIssue } from '../../jira/issues';
import type { Services } from '../../services';
import { loadPostmortem, savePostmortem } from '../../storage/postmortem-store';
import { loadReview } from '../../storage/review-store';
import { loadSettings } from '../../storage/settings-store';
import { withReview } from '../../domain/review';
import { readIncidentIssue } from './incident-issue';
import { asNewRows, withServerOwnedFields } from './server-owned-fields';
import { checkDraft } from './panel-view';
import { latestChangelog } from '../../jira/changelog';

export async function saveDraft(
  services: Services,
  issueKey: string,
  document: PostmortemDocument,
  /** Only finalization moves the status on; a save from the panel keeps the stored one. */
  status?: PostmortemStatus,
): Promise<CheckView & { document: PostmortemDocument; savedAt: string }> {
  const [current, review, settings] = await Promise.all([
    loadPostmortem(services.kv, issueKey),
    loadReview(services.kv, issueKey),
    loadSettings(services.kv, services.logger),
  ]);
  refuseWhileSettled(current?.document.header.status);
  const now = services.clock.now();
  const next = withServerOwnedFields(
    withoutReview(document),
    current,
    status ?? current?.document.header.status ?? 'DRAFT',
  );
  const by = { accountId: services.accountId, at: now };
  const saved = withReview(
    await savePostmortem(services.kv, issueKey, next, by),
    review,
    settings.approvalsRequired,
  );
  return { document: saved, savedAt: now.toISOString(), ...checkDraft(saved, settings, now) };
}

/** The review lives in its own record (`review-store.ts`): whatever review a document carries is not stored. */
function withoutReview(document: PostmortemDocument): PostmortemDocument {
  const { review: _review, ...content } = document;
  return content;
}

/**
 * FINAL is read-only until reopened; FINALIZING is the automation's while it creates the children: a
 * row added then would end up FINAL with no child issue, yet listed in Slack. (Review statuses are
 * editable: an edit only makes earlier approvals stale.)
 */
function refuseWhileSettled(status: PostmortemStatus | undefined): void {
  if (status === 'FINAL') {
    throw new AppError('Conflict', 'This postmortem is final and read-only. Reopen it to make changes.');
  }
  if (status === 'FINALIZING') {
    throw new AppError(
      'Conflict',
      'This postmortem is being finalized: its action items are being created. Reload in a minute; ' +
        'if it stays finalizing, reopen it to edit.',
    );
  }
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
  const settings = await loadSettings(services.kv, services.logger);
  const reviewed = withReview(document, await loadReview(services.kv, issueKey), settings.approvalsRequired);
  const blockers = finalizationBlockers(reviewed, services.clock.now(), settings);
  if (blockers.length > 0) {
    throw new AppError(
      'InvalidInput',
      `Fix these before finalizing: ${blockers.map((b) => b.message).join(' ')}`,
      {
        fields: Object.fromEntries(blockers.map((b) => [b.path, b.message])),
      },
    );
  }
  const saved = await saveDraft(services, issueKey, document, 'FINALIZING');
  const { finalizationLabel } = settings;
  try {
    await editIssue(services.jiraAsUser, { issueIdOrKey: issueKey, labels: { add: [finalizationLabel] } });
  } catch (error) {
    // Without the label no automation runs to settle FINALIZING (read-only in the panel): back to DRAFT.
    await savePostmortem(
      services.kv,
      issueKey,
      { ...withoutReview(saved.document), header: { ...saved.document.header, status: 'DRAFT' } },
      { accountId: services.accountId, at: services.clock.now() },
    ).catch((revertError: unknown) =>
      services.logger.error('could not put a failed finalization back to DRAFT', {
        issueKey,
        error: revertError instanceof Error ? revertError.message : String(revertError),
      }),
    );
    throw error;
  }
  // Forge may count this asUser() edit as the app's own and then skip the label trigger (ignoreSelf):
  // queue the finalization here too, under the changelog id the trigger uses, so both are one run.
  const change = await latestChangelog(services.jiraAsApp, issueKey);
  await services.queue.push({ type: 'finalize-postmortem', issueKey, deliveryId: change?.id ?? issueKey });
  return { document: saved.document };
}

/** Back to DRAFT and editable; the label goes, so adding it again is a new finalization. */
export async function reopenPostmortem(
  services: Services,
  issueKey: string,
): Promise<{ document: PostmortemDocument }> {
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
export async function importMarkdown(
  services: Services,
  issueKey: string,
  markdown: string,
): Promise<ImportPreview> {
  const settings = await loadSettings(services.kv, services.logger);
  // "Severity: High" means what the admin mapped Jira's High priority to.
  const { document, mapped, unmapped, report } = parseMarkdown(markdown, {
    severityNames: settings.severitySource.priorityMapping,
  });
  return { document: await importedDocument(services, issueKey, document), mapped, unmapped, report };
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
      report: emptyImportReport(),
    };
  }
  const { document, mapped, unmapped, report } = parseAdf(incident.description, {
    severityNames: settings.severitySource.priorityMapping,
  });
  return { document: await importedDocument(services, issueKey, document), mapped, unmapped, report };
}

/**
 * Imported rows are new rows: ids no row of this postmortem ever had and no child keys, so an import
 * after a reopen never binds its rows to the earlier rows' child issues.
 */
async function importedDocument(
  services: Services,
  issueKey: string,
  document: PostmortemDocument,
): Promise<PostmortemDocument> {
  const fresh = asNewRows(document, await loadPostmortem(services.kv, issueKey));
  return fresh.header.incidentId ? fresh : { ...fresh, header: { ...fresh.header, incidentId: issueKey } };
}

export async function exportToDescription(
  services: Services,
  issueKey: string,
  document: PostmortemDocument,
): Promise<{ written: true }> {
  await editIssue(services.jiraAsUser, {
    issueIdOrKey: issueKey,
    fields: { description: renderAdf(document) },
  });
  return { written: true };
}
