import type { PostmortemDocument } from '../postmortem';
import { isPostmortemRequired, type IncidentFacts, type TriggerDecision } from './is-postmortem-required';

export interface IncidentSignals {
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
export function incidentFacts(issue: IncidentSignals): IncidentFacts {
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

/** What a postmortem adds to Jira's facts: its severity wins over Jira's; its SLO impact line counts. */
export interface PostmortemFacts {
  severity: string | null;
  sloImpact: string | null;
}

/** A stored postmortem's facts. */
export function postmortemFactsOf(document: PostmortemDocument): PostmortemFacts {
  return { severity: document.header.severity, sloImpact: document.impact.sloImpact };
}

/** The same facts from the indexed summary (written from the document at finalization). */
export function summaryFactsOf(summary: {
  severity?: string | null;
  sloImpact?: string | null;
}): PostmortemFacts {
  return { severity: summary.severity ?? null, sloImpact: summary.sloImpact ?? null };
}

export interface RequirementInput {
  /** Jira's severity, read through the settings' severity source. */
  severity: string | null;
  labels: readonly string[];
  created: Date | string;
  resolved: Date | string | null;
  /** The stored postmortem's facts, or its indexed summary's; null when there is none. */
  postmortem: PostmortemFacts | null;
}

/**
 * Does the incident require a postmortem, and why: the one way the panel, the glance, the reminders
 * and the trends decide it, from the same facts (issue 14).
 */
export function postmortemRequirement(
  input: RequirementInput,
  options: { userImpactMinutesThreshold: number },
): TriggerDecision {
  return isPostmortemRequired(
    incidentFacts({
      severity: input.postmortem?.severity ?? input.severity,
      labels: input.labels,
      created: new Date(input.created),
      resolved: input.resolved === null ? null : new Date(input.resolved),
      sloImpact: input.postmortem?.sloImpact ?? null,
    }),
    options,
  );
}
