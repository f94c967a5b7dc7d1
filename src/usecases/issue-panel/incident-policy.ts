import type { DeadlineView, PolicyView } from '../../contract/issue-panel-api';
import type { PostmortemDocument } from '../../domain/postmortem';
import { deadlineStatus, documentDueAt, meetingDueAt } from '../../domain/policy';
import { postmortemFactsOf, postmortemRequirement } from '../../domain/policy/incident-facts';
import type { AppSettings } from '../../domain/settings/app-settings';
import type { IncidentIssue } from './incident-issue';

/**
 * Whether the incident requires a postmortem (and why) and where its two deadlines stand. One
 * function for the issue panel's banner and the issue glance, so both always say the same thing.
 * `document` is the stored or pre-filled postmortem; null when there is none (Jira's facts only).
 */
export function incidentPolicy(
  incident: IncidentIssue,
  document: PostmortemDocument | null,
  settings: AppSettings,
  now: Date,
): PolicyView {
  const resolved = incident.view.resolved ? new Date(incident.view.resolved) : null;
  const decision = postmortemRequirement(
    {
      severity: incident.view.severity,
      labels: incident.labels,
      created: incident.view.created,
      resolved,
      postmortem: document && postmortemFactsOf(document),
    },
    { userImpactMinutesThreshold: settings.userImpactMinutesThreshold },
  );
  const deadline = (dueAt: Date): DeadlineView => ({
    dueAt: dueAt.toISOString(),
    ...deadlineStatus(dueAt, now),
  });
  return {
    ...decision,
    meeting: resolved ? deadline(meetingDueAt(resolved)) : null,
    document: resolved
      ? deadline(documentDueAt(resolved, { timeZone: settings.timeZone, holidays: settings.holidays }))
      : null,
  };
}
