import type { Severity } from '../postmortem';
import { incidentSeverity } from '../policy/incident-severity';
import type { IncidentRecord } from './trend-records';

/**
 * DESIGN "Data conventions — Severity", with one addition: the postmortem's reviewed Severity line
 * wins, because the review often re-grades an incident after the fact; else the severity the caller
 * read from the admin's configured source; else the default (SEV label, else priority).
 */
export function severityOf(
  incident: Pick<IncidentRecord, 'postmortem' | 'labels' | 'priority' | 'severity'>,
): Severity | null {
  if (incident.postmortem?.severity) return incident.postmortem.severity;
  return incident.severity !== undefined
    ? incident.severity
    : incidentSeverity(incident.labels, incident.priority);
}
