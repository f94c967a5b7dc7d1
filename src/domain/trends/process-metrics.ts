import { businessDaysBetween } from './business-days-between';
import { categoryOf } from './category-of';
import { localTime } from './local-time';
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

function epochDayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Earliest and latest local `created` per (category, month): enough to answer "any other in the window?". */
interface Span {
  min: number;
  max: number;
}

// Reference "Metrics" with DESIGN "Metric definitions": the four process metrics for one month (incidents by created month).
export function processMetrics(input: ProcessMetricsInput): ProcessMetrics {
  const { month, timeZone } = input;
  parseMonthKey(month);
  const holidays = new Set((input.holidays ?? []).map(epochDayOf));
  const oldestRelevant = shiftMonth(month, -REPEAT_WINDOW_MONTHS);

  let qualifying = 0;
  let qualifyingFinal = 0;
  let finalized = 0;
  let businessDaysSum = 0;
  let withinTarget = 0;
  const spans = new Map<string, Span>();
  const monthIncidents: Array<{ category: string; localMs: number }> = [];

  for (const incident of input.incidents) {
    const created = localTime(incident.created, timeZone);
    // Months compare correctly as strings (`YYYY-MM`).
    if (created.monthKey < oldestRelevant || created.monthKey > month) continue;
    const category = categoryOf(incident);
    const spanKey = `${category}\u0000${created.monthKey}`;
    const span = spans.get(spanKey);
    if (span === undefined) spans.set(spanKey, { min: created.localMs, max: created.localMs });
    else {
      if (created.localMs < span.min) span.min = created.localMs;
      if (created.localMs > span.max) span.max = created.localMs;
    }
    if (created.monthKey !== month) continue;
    monthIncidents.push({ category, localMs: created.localMs });
    const isFinal = incident.postmortem?.status === 'FINAL';
    if (incident.qualifies) {
      qualifying += 1;
      if (isFinal) qualifyingFinal += 1;
    }
    const finalizedAt = incident.postmortem?.finalizedAt ?? null;
    if (isFinal && finalizedAt !== null && incident.resolved !== null) {
      const days = businessDaysBetween(
        localTime(incident.resolved, timeZone).epochDay,
        localTime(finalizedAt, timeZone).epochDay,
        holidays,
      );
      finalized += 1;
      businessDaysSum += days;
      if (days <= 5) withinTarget += 1;
    }
  }

  // A repeat: another incident of the category in [created − 6 months, created), local wall-clock time.
  // Months strictly between are covered entirely; the window's first and last months are checked by span.
  let repeats = 0;
  for (const incident of monthIncidents) {
    const windowStart = shiftLocalMsByMonths(incident.localMs, -REPEAT_WINDOW_MONTHS);
    const spanIn = (offset: number) => spans.get(`${incident.category}\u0000${shiftMonth(month, offset)}`);
    let repeat = (spanIn(0)?.min ?? Infinity) < incident.localMs;
    for (let offset = -1; !repeat && offset > -REPEAT_WINDOW_MONTHS; offset -= 1)
      repeat = spanIn(offset) !== undefined;
    if (!repeat) repeat = (spanIn(-REPEAT_WINDOW_MONTHS)?.max ?? -Infinity) >= windowStart;
    if (repeat) repeats += 1;
  }

  let due = 0;
  let doneOnTime = 0;
  let withoutDueDate = 0;
  for (const item of input.actionItems) {
    if (item.dueDate === null) {
      // Reported so the page can flag the reference anti-pattern "action items without … due date".
      if (localTime(item.created, timeZone).monthKey === month) withoutDueDate += 1;
      continue;
    }
    if (item.dueDate.slice(0, 7) !== month) continue;
    due += 1;
    // Done without a resolution date cannot be shown to be on time, so it does not count as on time.
    if (item.statusCategory === 'done' && item.resolved !== null) {
      if (localTime(item.resolved, timeZone).dayKey <= item.dueDate) doneOnTime += 1;
    }
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
      value: percentOf(repeats, monthIncidents.length),
      unit: '%',
      target: 20,
      comparator: '<',
      met: monthIncidents.length === 0 ? null : repeats * 100 < 20 * monthIncidents.length,
      numerator: repeats,
      denominator: monthIncidents.length,
    },
  };
}
