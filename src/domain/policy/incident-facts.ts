import type { IncidentFacts } from './is-postmortem-required';

export interface IncidentIssue {
  severity: string | null;
  labels: readonly string[];
  created: Date;
  resolved: Date | null;
  sloImpact: string | null;
}

/**
 * DESIGN "Data conventions — Incident duration": created → resolved in whole minutes. Null while the
 * incident is unresolved, or when the dates cannot be read or end before they start.
 */
export function incidentDurationMinutes(
  created: Date | string | undefined,
  resolved: Date | string | null | undefined,
): number | null {
  if (!created || !resolved) return null;
  const ms = new Date(resolved).getTime() - new Date(created).getTime();
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60_000) : null;
}

const hasLabel = (labels: readonly string[], ...names: string[]) =>
  labels.some((label) => names.includes(label.toLowerCase()));

/**
 * Reference "Step 1" criteria read from what Jira knows: user impact = created → resolved, and the
 * other criteria from labels teams already use (`slo-violation`, `data-loss`, `security`,
 * `manual-rollback`) or the postmortem's SLO impact line.
 */
export function incidentFacts(issue: IncidentIssue): IncidentFacts {
  return {
    severity: issue.severity,
    userImpactMinutes: incidentDurationMinutes(issue.created, issue.resolved),
    sloViolated:
      hasLabel(issue.labels, 'slo-violation', 'slo-breach') ||
      /\bviolat|\bbreach/i.test(issue.sloImpact ?? ''),
    dataLoss: hasLabel(issue.labels, 'data-loss'),
    securityIncidentWithProductionImpact: hasLabel(issue.labels, 'security', 'security-incident'),
    manualRollback: hasLabel(issue.labels, 'manual-rollback', 'rollback'),
  };
}
