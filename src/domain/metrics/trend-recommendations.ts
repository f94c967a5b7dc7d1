import type { CategoryCount } from './monthly-trend-report';

export interface RecommendationInput {
  readonly topCategories: readonly CategoryCount[];
  readonly sev1Rising: boolean;
  readonly mttrRising: boolean;
  /** Percent of this month's action items done, null when none were created. */
  readonly actionItemCompletionPct: number | null;
}

// Keyword → advice, matched against category names (case-insensitive); first match wins.
const CATEGORY_ADVICE: ReadonlyArray<readonly [RegExp, string]> = [
  [/data ?base|db|sql|query|index/i, 'Integrate database performance testing into CI/CD'],
  [
    /deploy|release|rollout|rollback/i,
    'Harden the deployment pipeline: smaller canary steps and automated rollback',
  ],
  [/external|third.?party|provider|vendor|api/i, 'Implement circuit breaker for external APIs'],
  [/network|dns|load ?balancer|cdn/i, 'Add redundancy and synthetic monitoring for network paths'],
  [/config/i, 'Validate configuration changes before rollout (schema checks, staged config)'],
  [/capacity|memory|cpu|disk|scal/i, 'Review capacity planning and autoscaling limits'],
  [/security|auth|cert/i, 'Automate certificate and credential rotation checks'],
];

function adviceFor(category: string): string {
  for (const [pattern, advice] of CATEGORY_ADVICE) if (pattern.test(category)) return advice;
  return `Run a cross-team review of recurring "${category}" incidents`;
}

// Reference Step 4 "Recommendations": tied to the top categories and to any metric off target.
export function trendRecommendations(input: RecommendationInput): string[] {
  const out: string[] = [];
  input.topCategories.forEach((c, i) => {
    // The reference marks only repeated categories as worth an action; a single incident is noise.
    if (c.count < 2) return;
    const ref = i === 0 ? 'addresses top category' : `addresses category ${i + 1}`;
    out.push(`${adviceFor(c.category)} (${ref})`);
  });
  if (input.actionItemCompletionPct !== null && input.actionItemCompletionPct < 80) {
    out.push(
      `Review open action items in the weekly ops meeting: completion is ${input.actionItemCompletionPct}% (target ≥ 80%)`,
    );
  }
  if (input.mttrRising) out.push('MTTR is rising: review runbooks and alert-to-page latency');
  if (input.sev1Rising) out.push('SEV-1 incidents are rising: prioritise the open SEV-1 action items');
  return out;
}
