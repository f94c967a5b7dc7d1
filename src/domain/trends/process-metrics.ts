import { aggregateByMonth, emptyMonthAggregate, type MonthAggregate } from './month-aggregate';
import { parseMonthKey, shiftLocalMsByMonths, shiftMonth } from './month-arithmetic';
import { percentOf, roundHalfUpRatio } from './round-half-up';
import type { ActionItemRecord, IncidentRecord } from './trend-records';

export interface ProcessMetric {
  /** Percent (whole, half up) or, for time-to-postmortem, mean business days (one decimal); null = no data. */
  value: number | null;
  unit: '%' | 'business days';
  target: number;
  comparator: '=' | '≤' | '≥' | '<';
  /** Decided on the exact counts, not the rounded value (199/200 shows 100 % but misses a 100 % target). */
  met: boolean | null;
  numerator: number;
  denominator: number;
}

export interface ProcessMetrics {
  month: string;
  postmortemCompletionRate: ProcessMetric;
  /** Also carries how many postmortems were finalized within the 5 business days. */
  timeToPostmortem: ProcessMetric & { withinTarget: number };
  /** `withoutDueDate`: the month's new items with no due date, outside every period's denominator. */
  actionItemCompletionByDueDate: ProcessMetric & { withoutDueDate: number };
  repeatIncidentRate: ProcessMetric;
}

export interface ProcessMetricsInput {
  /** The month's incidents plus, for the repeat rate, at least the 6 months before it. */
  incidents: readonly IncidentRecord[];
  actionItems: readonly ActionItemRecord[];
  month: string;
  timeZone: string;
  /** Non-working days `YYYY-MM-DD`, as for `documentDueAt`. */
  holidays?: readonly string[];
}

const REPEAT_WINDOW_MONTHS = 6;

// Reference "Metrics" with DESIGN "Metric definitions": the four process metrics for one month (incidents by created month).
export function processMetrics(input: ProcessMetricsInput): ProcessMetrics {
  parseMonthKey(input.month);
  const months = aggregateByMonth(input.incidents, input.actionItems, {
    timeZone: input.timeZone,
    holidays: input.holidays ?? [],
  });
  return processMetricsOf(months, input.month);
}

/**
 * A repeat: another incident of the category in [created − 6 months, created), local wall-clock time.
 * Within the month every incident after the category's first one repeats it; the first one(s) repeat
 * when the category had an incident in the 5 months between, or in the 6th month back late enough.
 */
function repeatsOf(months: ReadonlyMap<string, MonthAggregate>, month: string): number {
  const tallyIn = (offset: number, category: string) =>
    months.get(shiftMonth(month, offset))?.categories.find((tally) => tally.category === category);
  let repeats = 0;
  for (const tally of months.get(month)?.categories ?? []) {
    repeats += tally.count - tally.atFirst;
    let earlier = false;
    for (let offset = -1; !earlier && offset > -REPEAT_WINDOW_MONTHS; offset -= 1)
      earlier = tallyIn(offset, tally.category) !== undefined;
    if (!earlier) {
      const windowStart = shiftLocalMsByMonths(tally.firstLocalMs, -REPEAT_WINDOW_MONTHS);
      earlier = (tallyIn(-REPEAT_WINDOW_MONTHS, tally.category)?.lastLocalMs ?? -Infinity) >= windowStart;
    }
    if (earlier) repeats += tally.atFirst;
  }
  return repeats;
}

/** The process metrics of `month` from aggregates per month (it and the 6 before, for repeats). */
export function processMetricsOf(months: ReadonlyMap<string, MonthAggregate>, month: string): ProcessMetrics {
  const current = months.get(month) ?? emptyMonthAggregate(month);
  const {
    qualifying,
    qualifyingFinal,
    finalized,
    businessDaysSum,
    finalizedWithinTarget: withinTarget,
    actionItemsWithoutDueDate: withoutDueDate,
  } = current;
  const repeats = repeatsOf(months, month);
  const monthIncidents = current.incidents;
  // Items due in the month, whichever month they were created in.
  let due = 0;
  let doneOnTime = 0;
  for (const aggregate of months.values())
    for (const tally of aggregate.due)
      if (tally.dueMonth === month) {
        due += tally.due;
        doneOnTime += tally.doneOnTime;
      }

  return {
    month,
    postmortemCompletionRate: {
      value: percentOf(qualifyingFinal, qualifying),
      unit: '%',
      target: 100,
      comparator: '=',
      met: qualifying === 0 ? null : qualifyingFinal === qualifying,
      numerator: qualifyingFinal,
      denominator: qualifying,
    },
    timeToPostmortem: {
      value: finalized === 0 ? null : roundHalfUpRatio(10 * businessDaysSum, finalized) / 10,
      unit: 'business days',
      target: 5,
      comparator: '≤',
      met: finalized === 0 ? null : businessDaysSum <= 5 * finalized,
      numerator: businessDaysSum,
      denominator: finalized,
      withinTarget,
    },
    actionItemCompletionByDueDate: {
      value: percentOf(doneOnTime, due),
      unit: '%',
      target: 80,
      comparator: '≥',
      met: due === 0 ? null : doneOnTime * 100 >= 80 * due,
      numerator: doneOnTime,
      denominator: due,
      withoutDueDate,
    },
    repeatIncidentRate: {
      value: percentOf(repeats, monthIncidents),
      unit: '%',
      target: 20,
      comparator: '<',
      met: monthIncidents === 0 ? null : repeats * 100 < 20 * monthIncidents,
      numerator: repeats,
      denominator: monthIncidents,
    },
  };
}
