import { UNCATEGORIZED } from './category-of';
import type { ProcessMetrics } from './process-metrics';
import type { Trend } from './trend-of';

export interface TopCategory {
  rank: number;
  category: string;
  count: number;
}

export interface Recommendation {
  text: string;
  /** What it answers: a top category (by rank) or a metric off target. */
  addresses: { kind: 'category'; rank: number; category: string } | { kind: 'metric'; metric: string };
}

/** Category keywords → the systemic fix the reference's example gives for that class of incident. */
const CATEGORY_RULES: ReadonlyArray<{ pattern: RegExp; text: string }> = [
  {
    pattern: /data ?base|\bdb\b|sql|postgres|mongo|redis|query|index/i,
    text: 'Integrate database performance testing into CI/CD',
  },
  {
    pattern: /external|third[- ]party|provider|vendor|upstream/i,
    text: 'Implement circuit breaker for external APIs',
  },
  {
    pattern: /deploy|release|rollout|rollback|canary/i,
    text: 'Gate deployments with automated canary analysis and one-step rollback',
  },
  { pattern: /config/i, text: 'Validate configuration changes in CI and roll them out progressively' },
  {
    pattern: /network|dns|cdn|load balancer/i,
    text: 'Add synthetic checks and redundancy for network paths (DNS, CDN, load balancers)',
  },
  {
    pattern: /capacity|scal|load|performance|latency/i,
    text: 'Add load tests and capacity alerts before limits are reached',
  },
  {
    pattern: /secur|auth|certificate|credential/i,
    text: 'Automate certificate and credential rotation with expiry alerts',
  },
];

function categoryRecommendation(top: TopCategory): string {
  if (top.category === UNCATEGORIZED)
    return `Set a postmortem category or component on incidents: ${top.count} this month have neither`;
  const rule = CATEGORY_RULES.find(({ pattern }) => pattern.test(top.category));
  return (
    rule?.text ?? `Review the ${top.count} "${top.category}" incidents together for a shared systemic cause`
  );
}

export interface RecommendationInput {
  topCategories: readonly TopCategory[];
  metrics: ProcessMetrics;
  mttr: { current: number | null; previous: number | null; trend: Trend | null };
}

// Reference "Step 4 — Recommendations": rule-based, each tied to a top category or to a metric off target.
export function trendRecommendations({
  topCategories,
  metrics,
  mttr,
}: RecommendationInput): Recommendation[] {
  const recommendations: Recommendation[] = topCategories.map((top) => ({
    text: `${categoryRecommendation(top)} (addresses ${top.rank === 1 ? 'top category' : `category ${top.rank}`})`,
    addresses: { kind: 'category', rank: top.rank, category: top.category },
  }));
  const metric = (name: string, text: string) =>
    recommendations.push({ text, addresses: { kind: 'metric', metric: name } });

  const completion = metrics.postmortemCompletionRate;
  if (completion.met === false)
    metric(
      'postmortemCompletionRate',
      `Write the missing postmortems: ${completion.denominator - completion.numerator} of ${completion.denominator} qualifying incidents have no FINAL postmortem (completion rate ${completion.value}%, target 100%)`,
    );
  const ttp = metrics.timeToPostmortem;
  if (ttp.met === false)
    metric(
      'timeToPostmortem',
      `Finish postmortems within 5 business days of resolution: they took ${ttp.value} business days on average, ${ttp.denominator - ttp.withinTarget} of ${ttp.denominator} late (target ≤ 5)`,
    );
  const items = metrics.actionItemCompletionByDueDate;
  if (items.met === false)
    metric(
      'actionItemCompletionByDueDate',
      `Review open action items weekly: ${items.numerator}/${items.denominator} (${items.value}%) were done by their due date (target ≥ 80%)`,
    );
  if (items.withoutDueDate > 0)
    metric(
      'actionItemCompletionByDueDate',
      `Give every action item an owner and a due date: ${items.withoutDueDate} created this month have no due date`,
    );
  const repeats = metrics.repeatIncidentRate;
  if (repeats.met === false)
    metric(
      'repeatIncidentRate',
      `Prioritise systemic fixes for recurring categories: ${repeats.numerator} of ${repeats.denominator} incidents (${repeats.value}%) repeat a category from the previous 6 months (target < 20%)`,
    );
  if (mttr.trend?.arrow === '↑')
    metric(
      'mttr',
      `Investigate the MTTR increase (${mttr.current} min vs ${mttr.previous} min): check detection time and runbook rollback steps`,
    );
  return recommendations;
}
