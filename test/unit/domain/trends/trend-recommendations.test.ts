import { trendRecommendations, type ProcessMetrics } from '../../../../src/domain/trends';

const offTarget: ProcessMetrics = {
  month: '2025-03',
  postmortemCompletionRate: {
    value: 75,
    unit: '%',
    target: 100,
    comparator: '=',
    met: false,
    numerator: 3,
    denominator: 4,
  },
  timeToPostmortem: {
    value: 6.5,
    unit: 'business days',
    target: 5,
    comparator: '≤',
    met: false,
    numerator: 13,
    denominator: 2,
    withinTarget: 1,
  },
  actionItemCompletionByDueDate: {
    value: 50,
    unit: '%',
    target: 80,
    comparator: '≥',
    met: false,
    numerator: 5,
    denominator: 10,
    withoutDueDate: 3,
  },
  repeatIncidentRate: {
    value: 25,
    unit: '%',
    target: 20,
    comparator: '<',
    met: false,
    numerator: 1,
    denominator: 4,
  },
};

describe('trendRecommendations (reference Step 4: Recommendations)', () => {
  it('ties one recommendation to each top category, by rank', () => {
    const texts = trendRecommendations({
      topCategories: [
        { rank: 1, category: 'Payment provider outage (external)', count: 4 },
        { rank: 2, category: 'Config drift', count: 2 },
        { rank: 3, category: 'Billing', count: 1 },
      ],
      metrics: {
        ...offTarget,
        postmortemCompletionRate: { ...offTarget.postmortemCompletionRate, met: true },
      },
      mttr: { current: 30, previous: 40, trend: { arrow: '↓', percent: 25 } },
    }).map((r) => r.text);
    expect(texts.slice(0, 3)).toEqual([
      'Implement circuit breaker for external APIs (addresses top category)',
      'Validate configuration changes in CI and roll them out progressively (addresses category 2)',
      'Review the 1 "Billing" incidents together for a shared systemic cause (addresses category 3)',
    ]);
  });

  it('adds one recommendation per metric off target, with its numbers', () => {
    const recommendations = trendRecommendations({
      topCategories: [],
      metrics: offTarget,
      mttr: { current: 50, previous: 40, trend: { arrow: '↑', percent: 25 } },
    });
    expect(recommendations.map((r) => r.text)).toEqual([
      'Write the missing postmortems: 1 of 4 qualifying incidents have no FINAL postmortem (completion rate 75%, target 100%)',
      'Finish postmortems within 5 business days of resolution: they took 6.5 business days on average, 1 of 2 late (target ≤ 5)',
      'Review open action items weekly: 5/10 (50%) were done by their due date (target ≥ 80%)',
      'Give every action item an owner and a due date: 3 created this month have no due date',
      'Prioritise systemic fixes for recurring categories: 1 of 4 incidents (25%) repeat a category from the previous 6 months (target < 20%)',
      'Investigate the MTTR increase (50 min vs 40 min): check detection time and runbook rollback steps',
    ]);
  });

  it('recommends nothing for metrics on target or without data', () => {
    const none = trendRecommendations({
      topCategories: [],
      metrics: {
        month: '2025-03',
        postmortemCompletionRate: { ...offTarget.postmortemCompletionRate, met: true },
        timeToPostmortem: { ...offTarget.timeToPostmortem, met: null },
        actionItemCompletionByDueDate: {
          ...offTarget.actionItemCompletionByDueDate,
          met: true,
          withoutDueDate: 0,
        },
        repeatIncidentRate: { ...offTarget.repeatIncidentRate, met: true },
      },
      mttr: { current: 40, previous: 40, trend: { arrow: '→', percent: 0 } },
    });
    expect(none).toEqual([]);
  });
});
