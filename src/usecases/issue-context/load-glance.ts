import { AppError } from '../../contract/errors';
import type { GlanceDeadline, GlanceView } from '../../contract/issue-context-api';
import type { PolicyView } from '../../contract/issue-panel-api';
import type { PostmortemDocument } from '../../domain/postmortem';
import { getPostmortemSummary } from '../../jira/postmortem-summary-property';
import type { Services } from '../../services';
import { withReview } from '../../domain/review';
import { loadPostmortem } from '../../storage/postmortem-store';
import { loadReview } from '../../storage/review-store';
import { loadSettings } from '../../storage/settings-store';
import { readIncidentIssue } from '../issue-panel/incident-issue';
import { incidentPolicy } from '../issue-panel/incident-policy';

/**
 * The postmortem at a glance, read as the user: the issue read goes first through Jira's browse
 * permission, so someone who cannot see the incident learns nothing about its postmortem.
 */
export async function loadGlance(services: Services, issueKey: string): Promise<GlanceView> {
  if (services.accountId === null) {
    throw new AppError('Forbidden', 'Log in to Jira to see the postmortem of this incident.');
  }
  const settings = await loadSettings(services.kv, services.logger);
  const [incident, stored, review] = await Promise.all([
    readIncidentIssue(services.jiraAsUser, issueKey, services.siteUrl, settings.severitySource),
    loadPostmortem(services.kv, issueKey),
    loadReview(services.kv, issueKey),
  ]);
  // The status as the panel shows it: IN_REVIEW or APPROVED while a review runs.
  const document = stored ? withReview(stored.document, review, settings.approvalsRequired) : null;
  const policy = incidentPolicy(incident, document, settings, services.clock.now());
  const base = { issueKey: incident.view.key, required: policy.required, reasons: policy.reasons };
  if (document) {
    return { ...base, ...deadlineOf(document.header.status, policy), ...documentFacts(document) };
  }
  // App storage is per installation, the issue property is not: after a reinstall only the summary is left.
  const summary = await readSummary(services, issueKey);
  if (summary) {
    return {
      ...base,
      ...deadlineOf(summary.status, policy),
      status: summary.status,
      source: 'summary',
      actionItems: { total: summary.actionItemCount ?? 0, withoutOwner: null, withoutDueDate: null },
    };
  }
  return {
    ...base,
    ...deadlineOf(null, policy),
    status: null,
    source: null,
    actionItems: { total: 0, withoutOwner: 0, withoutDueDate: 0 },
  };
}

function documentFacts(document: PostmortemDocument): Pick<GlanceView, 'status' | 'source' | 'actionItems'> {
  const items = document.actionItems;
  return {
    status: document.header.status,
    source: 'document',
    actionItems: {
      total: items.length,
      withoutOwner: items.filter((item) => item.owner === null).length,
      withoutDueDate: items.filter((item) => item.dueDate === null).length,
    },
  };
}

async function readSummary(services: Services, issueKey: string) {
  const parsed = await getPostmortemSummary(services.jiraAsUser, issueKey);
  if (parsed === null) return null;
  if (parsed.success) return parsed.data;
  services.logger.warn('ignored a postmortem summary property of unexpected shape', {
    issueKey,
    problem: parsed.error.issues[0]?.message,
  });
  return null;
}

/**
 * A final postmortem has nothing left to meet. Otherwise the deadline to act on next: the earliest
 * one still ahead, or — once both have passed — the document's, which stays open until it is final.
 */
export function deadlineOf(
  status: GlanceView['status'],
  policy: PolicyView,
): Pick<GlanceView, 'nearestDeadline' | 'noDeadlineBecause'> {
  if (status === 'FINAL') return { nearestDeadline: null, noDeadlineBecause: 'final' };
  const deadlines: GlanceDeadline[] = [];
  if (policy.meeting) deadlines.push({ kind: 'meeting', ...policy.meeting });
  if (policy.document) deadlines.push({ kind: 'document', ...policy.document });
  if (deadlines.length === 0) return { nearestDeadline: null, noDeadlineBecause: 'unresolved' };
  const ahead = deadlines
    .filter((deadline) => deadline.state !== 'overdue')
    .sort((a, b) => a.remainingMs - b.remainingMs);
  return {
    nearestDeadline: ahead[0] ?? deadlines.find((deadline) => deadline.kind === 'document') ?? null,
    noDeadlineBecause: null,
  };
}
