import type { MaturityEvidence } from './maturity-level';
import type { ProcessMetrics } from './process-metrics';
import { severityOf } from './severity-of';
import type { ActionItemRecord, IncidentRecord } from './trend-records';

export interface MaturityEvidenceInput {
  /** The evaluation period's incidents and action items (already filtered by the caller). */
  incidents: readonly IncidentRecord[];
  actionItems: readonly ActionItemRecord[];
  /** Process metrics over the same period, e.g. `processMetrics` of the last complete month. */
  metrics: ProcessMetrics;
  declared: MaturityEvidence['declared'];
}

// Reference "Maturity Levels": the measurable proxies `maturityLevel` judges, counted from Jira records.
export function maturityEvidence(input: MaturityEvidenceInput): MaturityEvidence {
  let majorIncidents = 0;
  let majorIncidentsWithPostmortem = 0;
  let indexedFinalPostmortems = 0;
  for (const incident of input.incidents) {
    const severity = severityOf(incident);
    if (severity === 'SEV-1' || severity === 'SEV-2') {
      majorIncidents += 1;
      if (incident.postmortem !== null) majorIncidentsWithPostmortem += 1;
    }
    // The record's postmortem *is* the indexed `postmortem-summary` property, so FINAL ones are JQL-searchable.
    if (incident.postmortem?.status === 'FINAL') indexedFinalPostmortems += 1;
  }
  return {
    majorIncidents,
    majorIncidentsWithPostmortem,
    postmortemCompletionRate: input.metrics.postmortemCompletionRate,
    actionItemsInJira: input.actionItems.length,
    actionItemCompletionByDueDate: input.metrics.actionItemCompletionByDueDate,
    repeatIncidentRate: input.metrics.repeatIncidentRate,
    indexedFinalPostmortems,
    declared: input.declared,
  };
}
