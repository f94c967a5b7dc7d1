import type { MonthlyTrendReport } from '../../../../src/contract/global-page-api';
import type { ProcessMetric } from './report-types';

export interface MetricRow {
  id: 'completion' | 'time-to-postmortem' | 'action-items' | 'repeats';
  name: string;
  metric: ProcessMetric;
  /** What numerator/denominator count, in words: `9 of 11 qualifying incidents have a FINAL postmortem`. */
  ratioText: string;
  /** Extra context the reference's anti-patterns ask for, e.g. items without a due date. */
  note: string | null;
  /** How the figure is decided, where the name alone would leave it open. */
  definition: string | null;
}

// The rule of isDoneInTime (src/domain/follow-through/done-in-time.ts), in words.
const DONE_BY_DUE_DATE =
  'Done by its due date: the item is in a Done status now and last reached Done on or before its due day, in the ' +
  "team's time zone. Jira's resolution date is used, or, where the workflow sets no resolution, the time the " +
  'status moved to Done. An item reopened after its due date does not count.';

// Reference "Metrics": the four process metrics in its order, with DESIGN's definitions of what is counted.
export function metricRows(metrics: MonthlyTrendReport['processMetrics']): MetricRow[] {
  const m = metrics;
  const withoutDue = m.actionItemCompletionByDueDate.withoutDueDate;
  return [
    {
      id: 'completion',
      name: 'Postmortem completion rate',
      metric: m.postmortemCompletionRate,
      ratioText: `${m.postmortemCompletionRate.numerator} of ${m.postmortemCompletionRate.denominator} qualifying incidents have a FINAL postmortem`,
      note: null,
      definition: null,
    },
    {
      id: 'time-to-postmortem',
      name: 'Time-to-postmortem',
      metric: m.timeToPostmortem,
      ratioText: `${m.timeToPostmortem.numerator} business days over ${m.timeToPostmortem.denominator} finalized postmortems; ${m.timeToPostmortem.withinTarget} within 5 business days`,
      note: null,
      definition: null,
    },
    {
      id: 'action-items',
      name: 'Action item completion by due date',
      metric: m.actionItemCompletionByDueDate,
      ratioText: `${m.actionItemCompletionByDueDate.numerator} of ${m.actionItemCompletionByDueDate.denominator} items due this month were done by their due date`,
      note:
        withoutDue > 0
          ? `${withoutDue} new action item${withoutDue === 1 ? ' has' : 's have'} no due date and cannot be measured.`
          : null,
      definition: DONE_BY_DUE_DATE,
    },
    {
      id: 'repeats',
      name: 'Repeat incident rate',
      metric: m.repeatIncidentRate,
      ratioText: `${m.repeatIncidentRate.numerator} of ${m.repeatIncidentRate.denominator} incidents repeat a category from the previous 6 months`,
      note: null,
      definition: null,
    },
  ];
}
