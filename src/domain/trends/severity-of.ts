import type { Severity } from '../postmortem';
import { incidentSeverity } from '../policy/incident-severity';
import type { IncidentRecord } from './trend-records';

/**
 * DESIGN "Data conventions — Severity", with one addition: the postmortem's reviewed Severity line
 * wins, because the review often re-grades an incident after the fact; else the SEV label, else priority.
 */
export function severityOf(
  incident: Pick<IncidentRecord, 'postmortem' | 'labels' | 'priority'>,
): Severity | null {
  return incident.postmortem?.severity ?? incidentSeverity(incident.labels, incident.priority);
}
