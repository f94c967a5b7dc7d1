import type { IncidentFacts } from './is-postmortem-required';

export interface IncidentIssue {
  severity: string | null;
  labels: readonly string[];
  created: Date;
  resolved: Date | null;
  sloImpact: string | null;
}

const hasLabel = (labels: readonly string[], ...names: string[]) =>
  labels.some((label) => names.includes(label.toLowerCase()));

/**
 * Reference "Step 1" criteria read from what Jira knows: user impact = created → resolved, and the
 * other criteria from labels teams already use (`slo-violation`, `data-loss`, `security`,
 * `manual-rollback`) or the postmortem's SLO impact line.
 */
export function incidentFacts(issue: IncidentIssue): IncidentFacts {
  const end = issue.resolved ?? null;
  return {
    severity: issue.severity,
    userImpactMinutes: end
      ? Math.max(0, Math.round((end.getTime() - issue.created.getTime()) / 60_000))
      : null,
    sloViolated:
      hasLabel(issue.labels, 'slo-violation', 'slo-breach') ||
      /\bviolat|\bbreach/i.test(issue.sloImpact ?? ''),
    dataLoss: hasLabel(issue.labels, 'data-loss'),
    securityIncidentWithProductionImpact: hasLabel(issue.labels, 'security', 'security-incident'),
    manualRollback: hasLabel(issue.labels, 'manual-rollback', 'rollback'),
  };
}
