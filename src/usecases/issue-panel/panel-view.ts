import type { AutomationView, CheckView, PanelView } from '../../contract/issue-panel-api';
import { withRecordedChildren } from '../../domain/automation/child-binding';
import { checkCompleteness, finalizationBlockers } from '../../domain/checks';
import { incidentDurationMinutes } from '../../domain/policy/incident-facts';
import { emptyPostmortem, type PostmortemDocument } from '../../domain/postmortem';
import type { AppSettings } from '../../domain/settings/app-settings';
import { templateOf } from '../../domain/templates/postmortem-template';
import { getMyPermissions } from '../../jira/permissions';
import type { Services } from '../../services';
import {
  emptyAutomationRecord,
  loadAutomationRecord,
  type AutomationRecord,
} from '../../storage/automation-record-store';
import { loadJobFailure, type JobFailure } from '../../storage/job-failure-store';
import { loadPostmortem } from '../../storage/postmortem-store';
import { loadReview } from '../../storage/review-store';
import { loadSettings, loadSlackWebhookUrl } from '../../storage/settings-store';
import { withReview } from '../../domain/review';
import { incidentPolicy } from './incident-policy';
import { readIncidentIssue, type IncidentIssue } from './incident-issue';

/** Everything the panel shows for an incident, read on the user's behalf. */
export async function loadPanel(services: Services, issueKey: string): Promise<PanelView> {
  // Settings first: they say which field carries the severity (labels, priority or a custom field).
  const settings = await loadSettings(services.kv, services.logger);
  const incidentRead = readIncidentIssue(
    services.jiraAsUser,
    issueKey,
    services.siteUrl,
    settings.severitySource,
  );
  const [incident, stored, review, record, jobFailure, webhook, permissions] = await Promise.all([
    incidentRead,
    loadPostmortem(services.kv, issueKey),
    loadReview(services.kv, issueKey),
    loadAutomationRecord(services.kv, issueKey),
    loadJobFailure(services.kv, issueKey),
    loadSlackWebhookUrl(services.kv),
    // Jira answers 404 to both calls for an issue the user cannot see: report the issue read's error
    // ("could not read issue INC-1"), not whichever answer happened to arrive first.
    getMyPermissions(services.jiraAsUser, { permissions: ['EDIT_ISSUES'], issueKey }).catch(
      async (error: unknown) => {
        await incidentRead;
        throw error;
      },
    ),
  ]);
  // Child keys are the server's: shown from the automation record, whatever the stored rows say.
  const document = withReview(
    withRecordedChildren(stored?.document ?? prefilledPostmortem(incident, settings), record?.children ?? {}),
    review,
    settings.approvalsRequired,
  );
  const now = services.clock.now();
  return {
    issue: incident.view,
    document,
    saved: stored !== null,
    canEdit: permissions.EDIT_ISSUES,
    policy: incidentPolicy(incident, document, settings, now),
    ...checkDraft(document, settings, now),
    automation: automationOf(issueKey, record, jobFailure, services.siteUrl),
    slackConfigured: webhook !== null,
    finalizationLabel: settings.finalizationLabel,
    shortTemplateSeverities: settings.shortTemplateSeverities,
  };
}

/** Live checks: guidance (findings) and the hard rules that block finalization (blockers). */
export function checkDraft(document: PostmortemDocument, settings: AppSettings, now: Date): CheckView {
  return {
    findings: checkCompleteness(document, now, {
      timeZone: settings.timeZone,
      template: templateOf(document, settings.shortTemplateSeverities).kind,
    }),
    blockers: finalizationBlockers(document, now, settings),
  };
}

/** What Jira knows, so nobody types it twice: incident id, date, severity, duration, author. */
function prefilledPostmortem(incident: IncidentIssue, settings: AppSettings): PostmortemDocument {
  const { view } = incident;
  const document = emptyPostmortem({
    incidentId: view.key,
    title: view.summary,
    date: view.created.slice(0, 10),
    ...(view.severity ? { severity: view.severity } : {}),
    ...(incident.reporterName ? { writtenBy: incident.reporterName } : {}),
  });
  // The short template (issue 15) has a Summary section; an empty one is there to be written.
  const short = templateOf(document, settings.shortTemplateSeverities).kind === 'short';
  return {
    ...document,
    ...(short ? { summary: '' } : {}),
    header: {
      ...document.header,
      durationMinutes: incidentDurationMinutes(view.created, view.resolved),
      startTime: isoMinute(view.created),
      endTime: view.resolved ? isoMinute(view.resolved) : null,
      timeZone: 'UTC',
    },
  };
}

const isoMinute = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');

/** The automation's outcome, only for someone Jira lets see the incident (child keys, failures, owners). */
export async function loadAutomation(services: Services, issueKey: string): Promise<AutomationView | null> {
  const [record, jobFailure] = await Promise.all([
    loadAutomationRecord(services.kv, issueKey),
    loadJobFailure(services.kv, issueKey),
  ]);
  return automationOf(issueKey, record, jobFailure, services.siteUrl);
}

/** A job that gave up before writing any record still shows: as an empty outcome with its failure. */
function automationOf(
  issueKey: string,
  record: AutomationRecord | null,
  jobFailure: JobFailure | null,
  siteUrl: string,
): AutomationView | null {
  if (!record && !jobFailure) return null;
  return automationView(record ?? emptyAutomationRecord(issueKey), siteUrl, jobFailure);
}

export function automationView(
  record: AutomationRecord,
  siteUrl: string,
  jobFailure: JobFailure | null = null,
): AutomationView {
  return {
    jobFailure,
    lastRunAt: record.lastRunAt,
    children: Object.entries(record.children).map(([rowId, key]) => ({
      rowId,
      key,
      url: `${siteUrl}/browse/${key}`,
    })),
    childIssueType: record.childIssueType,
    unresolvedOwners: record.unresolvedOwners,
    failures: record.failures,
    skippedRules: record.skippedRules ?? [],
    // The stored payload stays server-side; the panel needs only the outcome.
    slack: record.slack
      ? {
          state: record.slack.state,
          at: record.slack.at,
          ...(record.slack.error ? { error: record.slack.error } : {}),
        }
      : null,
  };
}
