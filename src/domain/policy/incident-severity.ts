import { normalizeSeverity, type Severity } from '../postmortem';

const PRIORITY_SEVERITY: Record<string, Severity> = {
  highest: 'SEV-1',
  high: 'SEV-2',
  medium: 'SEV-3',
  low: 'SEV-4',
  lowest: 'SEV-4',
};

// DESIGN.md "Data conventions — Severity": a SEV label wins (case-insensitive, `sev1` too); else the priority.
export function incidentSeverity(
  labels: readonly string[],
  priorityName: string | null | undefined,
): Severity | null {
  for (const label of labels) {
    const severity = normalizeSeverity(label);
    if (severity) return severity;
  }
  return PRIORITY_SEVERITY[(priorityName ?? '').trim().toLowerCase()] ?? null;
}
