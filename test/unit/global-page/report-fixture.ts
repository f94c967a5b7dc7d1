import type { MonthlyTrendReport } from '../../../src/contract/global-page-api';

type Metrics = MonthlyTrendReport['processMetrics'];

/** The reference's "Incident Trend Report – February 2025", numbers typed in by hand. */
export function februaryReport(): MonthlyTrendReport {
  const processMetrics: Metrics = {
    month: '2025-02',
    postmortemCompletionRate: {
      value: 86,
      unit: '%',
      target: 100,
      comparator: '=',
      met: false,
      numerator: 6,
      denominator: 7,
    },
    timeToPostmortem: {
      value: 3.4,
      unit: 'business days',
      target: 5,
      comparator: '≤',
      met: true,
      numerator: 17,
      denominator: 5,
      withinTarget: 4,
    },
    actionItemCompletionByDueDate: {
      value: 82,
      unit: '%',
      target: 80,
      comparator: '≥',
      met: true,
      numerator: 9,
      denominator: 11,
      withoutDueDate: 2,
    },
    repeatIncidentRate: {
      value: null,
      unit: '%',
      target: 20,
      comparator: '<',
      met: null,
      numerator: 0,
      denominator: 0,
    },
  };
  return {
    month: '2025-02',
    previousMonth: '2025-01',
    timeZone: 'UTC',
    incidents: { current: 7, previous: 10, trend: { arrow: '↓', percent: 30 } },
    sev1: { current: 2, previous: 4, trend: { arrow: '↓', percent: 50 } },
    sev2: { current: 5, previous: 6, trend: { arrow: '↓', percent: 17 } },
    mttrMinutes: { current: 38, previous: 55, trend: { arrow: '↓', percent: 31 } },
    actionItemsCreated: { current: 11, previous: 16, trend: { arrow: '↓', percent: 31 } },
    actionItemsCompleted: {
      current: { done: 9, created: 11, percent: 82 },
      previous: { done: 8, created: 16, percent: 50 },
      trend: { arrow: '↑', percent: 64 },
    },
    topCategories: [
      { rank: 1, category: 'Database issues', count: 3 },
      { rank: 2, category: 'Deployment errors', count: 2 },
      { rank: 3, category: 'External API outages', count: 2 },
    ],
    processMetrics,
    recommendations: [
      {
        text: 'Integrate database performance testing into CI/CD',
        addresses: { kind: 'category', rank: 1, category: 'Database issues' },
      },
    ],
  };
}
