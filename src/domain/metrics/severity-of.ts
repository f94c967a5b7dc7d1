import type { Severity } from '../postmortem';
import type { IncidentRecord, PrioritySeverityMapping } from './metric-records';

const SEV_LABEL = /^sev-?([1-4])$/i;

export const DEFAULT_PRIORITY_SEVERITY: PrioritySeverityMapping = {
  highest: 'SEV-1',
  high: 'SEV-2',
  medium: 'SEV-3',
  low: 'SEV-4',
  lowest: 'SEV-4',
};

// DESIGN.md "Data conventions — Severity": a SEV-n label wins (case-insensitive, `sev1` too); else the priority.
export function severityOf(
  incident: Pick<IncidentRecord, 'labels' | 'priority'>,
  mapping: PrioritySeverityMapping = DEFAULT_PRIORITY_SEVERITY,
): Severity | null {
  for (const label of incident.labels) {
    const match = SEV_LABEL.exec(label.trim());
    if (match) return `SEV-${match[1]}` as Severity;
  }
  return mapping[(incident.priority ?? '').trim().toLowerCase()] ?? null;
}
