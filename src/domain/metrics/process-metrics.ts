import { businessDaysBetween } from './business-days-between';
import { categoryOf, UNCATEGORIZED } from './category-of';
import type { ActionItemRecord, IncidentRecord } from './metric-records';
import { roundHalfUp } from './round-half-up';
import { parseIsoMs, zoneClock, type ZoneClock } from './zone-clock';

export interface ProcessMetric {
  readonly id:
    'postmortemCompletionRate' | 'timeToPostmortem' | 'actionItemCompletionByDueDate' | 'repeatIncidentRate';
  /** Percent (whole, half up) or, for time-to-postmortem, mean business days (one decimal); null without data. */
  readonly value: number | null;
  readonly unit: '%' | 'business days';
  readonly target: number;
  readonly comparator: '=' | '<=' | '>=' | '<';
  /** Judged on the exact ratio (79.6 % is not ≥ 80 %); null when the denominator is 0. */
  readonly met: boolean | null;
  readonly numerator: number;
  readonly denominator: number;
}

export interface ProcessMetrics {
  readonly postmortemCompletionRate: ProcessMetric;
  /** numerator = postmortems finalized within 5 business days, denominator = finalized and measurable. */
  readonly timeToPostmortem: ProcessMetric;
  readonly actionItemCompletionByDueDate: ProcessMetric & { readonly withoutDueDate: number };
  readonly repeatIncidentRate: ProcessMetric;
}

export interface MonthPeriod {
  /** Inclusive 'YYYY-MM' bounds. */
  readonly from: string;
  readonly to: string;
}

function pct(numerator: number, denominator: number): number | null {
  return denominator > 0 ? roundHalfUp((numerator / denominator) * 100) : null;
}

function inPeriod(month: string, period: MonthPeriod): boolean {
  return month >= period.from && month <= period.to;
}

function clockOf(zone: string | ZoneClock): ZoneClock {
  return typeof zone === 'string' ? zoneClock(zone) : zone;
}

const DAY_MS = 86_400_000;

/** The same local wall time 6 calendar months earlier, the day clamped to the month's end (31 Aug → 28/29 Feb). */
function sixMonthsBefore(ms: number, clock: ZoneClock): number {
  const offset = clock.offsetMs(ms);
  const parts = clock.localParts(ms);
  const timeOfDay = ms + offset - parts.dayNumber * DAY_MS;
  const lastDay = new Date(Date.UTC(parts.year, parts.month - 6, 0)).getUTCDate();
  const local = Date.UTC(parts.year, parts.month - 7, Math.min(parts.day, lastDay)) + timeOfDay;
  return local - clock.offsetMs(local - offset);
}

// Reference "Metrics": postmortem completion rate — qualifying incidents with a FINAL postmortem ÷ qualifying (target 100 %).
export function postmortemCompletionRate(incidents: readonly IncidentRecord[]): ProcessMetric {
  let qualifying = 0;
  let final = 0;
  for (const i of incidents) {
    if (!i.qualifiesForPostmortem) continue;
    qualifying += 1;
    if (i.postmortem?.status === 'FINAL') final += 1;
  }
  return {
    id: 'postmortemCompletionRate',
    value: pct(final, qualifying),
    unit: '%',
    target: 100,
    comparator: '=',
    met: qualifying > 0 ? final === qualifying : null,
    numerator: final,
    denominator: qualifying,
  };
}

// Reference "Metrics": time-to-postmortem — business days from resolution to finalization (target ≤ 5).
export function timeToPostmortem(
  incidents: readonly IncidentRecord[],
  zone: string | ZoneClock,
): ProcessMetric {
  const clock = clockOf(zone);
  let measured = 0;
  let within = 0;
  let sum = 0;
  for (const i of incidents) {
    const finalizedAt = i.postmortem?.status === 'FINAL' ? i.postmortem.finalizedAt : null;
    if (!finalizedAt || !i.resolved) continue;
    const days = businessDaysBetween(i.resolved, finalizedAt, clock);
    measured += 1;
    sum += days;
    if (days <= 5) within += 1;
  }
  const mean = measured > 0 ? sum / measured : null;
  return {
    id: 'timeToPostmortem',
    value: mean === null ? null : roundHalfUp(mean * 10) / 10,
    unit: 'business days',
    target: 5,
    comparator: '<=',
    met: mean === null ? null : mean <= 5,
    numerator: within,
    denominator: measured,
  };
}

// Reference "Metrics": action item completion — done on or before the due date ÷ items due in the period (target ≥ 80 %).
export function actionItemCompletionByDueDate(
  actionItems: readonly ActionItemRecord[],
  period: MonthPeriod,
  now: string,
  zone: string | ZoneClock,
): ProcessMetrics['actionItemCompletionByDueDate'] {
  const clock = clockOf(zone);
  // Items due later than today are not late yet; counting them would punish the current month.
  const today = clock.dateKey(parseIsoMs(now));
  let due = 0;
  let onTime = 0;
  let withoutDueDate = 0;
  for (const item of actionItems) {
    if (item.dueDate === null) {
      withoutDueDate += 1;
      continue;
    }
    if (!inPeriod(item.dueDate.slice(0, 7), period) || item.dueDate > today) continue;
    due += 1;
    // A Done item without a resolution date cannot prove it was on time.
    if (
      item.statusCategory === 'done' &&
      item.doneAt &&
      clock.dateKey(parseIsoMs(item.doneAt)) <= item.dueDate
    )
      onTime += 1;
  }
  return {
    id: 'actionItemCompletionByDueDate',
    value: pct(onTime, due),
    unit: '%',
    target: 80,
    comparator: '>=',
    met: due > 0 ? onTime / due >= 0.8 : null,
    numerator: onTime,
    denominator: due,
    withoutDueDate,
  };
}

/**
 * Reference "Metrics": repeat incident rate — incidents whose category had another incident in the
 * preceding 6 months ÷ incidents (target < 20 %). `history` must include the 6 months before the
 * period. Uncategorized incidents are never repeats: "no category" is not a class of incident.
 */
export function repeatIncidentRate(
  periodIncidents: readonly IncidentRecord[],
  history: readonly IncidentRecord[],
  zone: string | ZoneClock,
): ProcessMetric {
  const clock = clockOf(zone);
  const byCategory = new Map<string, number[]>();
  for (const i of history) {
    const category = categoryOf(i);
    if (category === UNCATEGORIZED) continue;
    const list = byCategory.get(category) ?? [];
    if (list.length === 0) byCategory.set(category, list);
    list.push(parseIsoMs(i.created));
  }
  for (const list of byCategory.values()) list.sort((a, b) => a - b);
  let repeats = 0;
  for (const i of periodIncidents) {
    const list = byCategory.get(categoryOf(i));
    if (!list) continue;
    const created = parseIsoMs(i.created);
    const windowStart = sixMonthsBefore(created, clock);
    // Binary search for the first instant ≥ created; another incident before it (or equal, not itself) is in window.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] ?? 0) < created) lo = mid + 1;
      else hi = mid;
    }
    const before = list[lo - 1];
    let upper = lo;
    while (upper < list.length && list[upper] === created) upper += 1;
    const sameInstantOthers = upper - lo - 1;
    if ((before !== undefined && before >= windowStart) || sameInstantOthers > 0) repeats += 1;
  }
  const total = periodIncidents.length;
  return {
    id: 'repeatIncidentRate',
    value: pct(repeats, total),
    unit: '%',
    target: 20,
    comparator: '<',
    met: total > 0 ? repeats / total < 0.2 : null,
    numerator: repeats,
    denominator: total,
  };
}

// Reference "Metrics" with DESIGN.md "Metric definitions": the four process metrics for a period of months.
export function processMetrics(input: {
  /** Incidents of the period and of the 6 months before it (for repeats). */
  readonly incidents: readonly IncidentRecord[];
  readonly actionItems: readonly ActionItemRecord[];
  readonly period: MonthPeriod;
  readonly now: string;
  readonly timeZone: string;
}): ProcessMetrics {
  const clock = zoneClock(input.timeZone);
  const inRange = input.incidents.filter((i) =>
    inPeriod(clock.monthKey(parseIsoMs(i.created)), input.period),
  );
  return processMetricsOf(inRange, input, clock);
}

/** The four metrics once the period's incidents are known (shared with globalPageMetrics' single pass). */
export function processMetricsOf(
  inRange: readonly IncidentRecord[],
  input: {
    readonly incidents: readonly IncidentRecord[];
    readonly actionItems: readonly ActionItemRecord[];
    readonly period: MonthPeriod;
    readonly now: string;
  },
  clock: ZoneClock,
): ProcessMetrics {
  return {
    postmortemCompletionRate: postmortemCompletionRate(inRange),
    timeToPostmortem: timeToPostmortem(inRange, clock),
    actionItemCompletionByDueDate: actionItemCompletionByDueDate(
      input.actionItems,
      input.period,
      input.now,
      clock,
    ),
    repeatIncidentRate: repeatIncidentRate(inRange, input.incidents, clock),
  };
}
