export interface IncidentFacts {
  severity: string | null;
  userImpactMinutes: number | null;
  sloViolated: boolean;
  errorBudgetBurnRate?: number | null;
  burnRateThreshold?: number | null;
  dataLoss: boolean;
  securityIncidentWithProductionImpact: boolean;
  manualRollback: boolean;
}

export interface TriggerOptions {
  /** User impact strictly longer than this triggers a postmortem for the severities below. */
  userImpactMinutesThreshold?: number;
  userImpactSeverities?: readonly string[];
  /** Used when the facts carry a burn rate but no threshold of their own. */
  burnRateThreshold?: number;
}

export interface TriggerDecision {
  required: boolean;
  reasons: string[];
}

function severityLevel(severity: string | null): number | null {
  const match = /^\s*(?:sev|p)[\s_-]*([1-4])\s*$/i.exec(severity ?? '');
  return match ? Number(match[1]) : null;
}

// Reference "Step 1: Define Postmortem Trigger Criteria" and "Target State" (every SEV-1 triggers one).
export function isPostmortemRequired(facts: IncidentFacts, options: TriggerOptions = {}): TriggerDecision {
  const threshold = options.userImpactMinutesThreshold ?? 15;
  const impactSeverities = (options.userImpactSeverities ?? ['SEV-1', 'SEV-2']).map(severityLevel);
  const level = severityLevel(facts.severity);
  const reasons: string[] = [];
  if (level === 1) reasons.push('Every SEV-1 incident requires a postmortem.');
  if (
    facts.userImpactMinutes !== null &&
    facts.userImpactMinutes > threshold &&
    level !== null &&
    impactSeverities.includes(level)
  ) {
    reasons.push(
      `User impact lasted ${facts.userImpactMinutes} minutes (more than ${threshold}) at SEV-${level}.`,
    );
  }
  if (facts.sloViolated) reasons.push('An SLO was violated.');
  const burnThreshold = facts.burnRateThreshold ?? options.burnRateThreshold ?? null;
  if (
    !facts.sloViolated &&
    facts.errorBudgetBurnRate !== undefined &&
    facts.errorBudgetBurnRate !== null &&
    burnThreshold !== null &&
    facts.errorBudgetBurnRate > burnThreshold
  ) {
    reasons.push(
      `Error budget burn rate ${facts.errorBudgetBurnRate} exceeded the threshold of ${burnThreshold}.`,
    );
  }
  if (facts.dataLoss) reasons.push('Data was lost (any extent requires a postmortem).');
  if (facts.securityIncidentWithProductionImpact) reasons.push('Security incident with production impact.');
  if (facts.manualRollback) reasons.push('A deployment required a manual rollback.');
  return { required: reasons.length > 0, reasons };
}
