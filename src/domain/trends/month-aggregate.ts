import { businessDaysBetween } from './business-days-between';
import { isDoneInTime } from '../follow-through/done-in-time';
import { categoryOf } from './category-of';
import { localTime } from './local-time';
import { severityOf } from './severity-of';
import { timeToRestoreMs } from './time-to-restore-minutes';
import type { ActionItemRecord, IncidentRecord } from './trend-records';

export type SeverityBucket = 'SEV-1' | 'SEV-2' | 'SEV-3' | 'SEV-4' | 'unknown';

/**
 * One category's incidents in a month: how many, and the earliest and latest local `created`
 * (wall-clock ms) with how many share the earliest — enough to count repeats exactly after merging.
 */
export interface CategoryTally {
  category: string;
  count: number;
  firstLocalMs: number;
  atFirst: number;
  lastLocalMs: number;
}

/** Action items created in a month that fall due in `dueMonth`, and how many were done by then. */
export interface DueTally {
  dueMonth: string;
  due: number;
  doneOnTime: number;
}

/**
 * Everything the report, the charts, the process metrics and the maturity evidence need from the
 * issues created in one month (DESIGN "Month bucket": `created` in the configured zone), as sums.
 * Two aggregates of the same month (e.g. two projects) merge by `mergeMonthAggregates`, so figures for
 * any set of projects come from per-project aggregates without reading an issue again. Plain JSON.
 */
export interface MonthAggregate {
  month: string;
  incidents: number;
  bySeverity: Record<SeverityBucket, number>;
  resolvedIncidents: number;
  /** Sum of time to restore over resolved incidents, exact milliseconds. */
  restoreMsSum: number;
  categories: CategoryTally[];
  /** Postmortem completion: qualifying incidents, and those of them with a FINAL postmortem. */
  qualifying: number;
  qualifyingFinal: number;
  /** Time-to-postmortem: FINAL postmortems with a finalization and resolution time, summed business days. */
  finalized: number;
  businessDaysSum: number;
  finalizedWithinTarget: number;
  /** Maturity evidence: SEV-1/SEV-2 incidents, those with any postmortem, and FINAL (indexed) postmortems. */
  majorIncidents: number;
  majorIncidentsWithPostmortem: number;
  finalPostmortems: number;
  actionItemsCreated: number;
  actionItemsDone: number;
  actionItemsWithoutDueDate: number;
  due: DueTally[];
}

export function emptyMonthAggregate(month: string): MonthAggregate {
  return {
    month,
    incidents: 0,
    bySeverity: { 'SEV-1': 0, 'SEV-2': 0, 'SEV-3': 0, 'SEV-4': 0, unknown: 0 },
    resolvedIncidents: 0,
    restoreMsSum: 0,
    categories: [],
    qualifying: 0,
    qualifyingFinal: 0,
    finalized: 0,
    businessDaysSum: 0,
    finalizedWithinTarget: 0,
    majorIncidents: 0,
    majorIncidentsWithPostmortem: 0,
    finalPostmortems: 0,
    actionItemsCreated: 0,
    actionItemsDone: 0,
    actionItemsWithoutDueDate: 0,
    due: [],
  };
}

const SUMMED = [
  'incidents',
  'resolvedIncidents',
  'restoreMsSum',
  'qualifying',
  'qualifyingFinal',
  'finalized',
  'businessDaysSum',
  'finalizedWithinTarget',
  'majorIncidents',
  'majorIncidentsWithPostmortem',
  'finalPostmortems',
  'actionItemsCreated',
  'actionItemsDone',
  'actionItemsWithoutDueDate',
] as const satisfies ReadonlyArray<keyof MonthAggregate>;

/** A month's aggregate while issues are added; Maps keep category names such as `__proto__` harmless. */
class AggregateBuilder {
  readonly sums: MonthAggregate;
  readonly categories = new Map<string, CategoryTally>();
  readonly due = new Map<string, DueTally>();

  constructor(month: string) {
    this.sums = emptyMonthAggregate(month);
  }

  addCategory(tally: CategoryTally): void {
    const known = this.categories.get(tally.category);
    if (known === undefined) {
      this.categories.set(tally.category, { ...tally });
      return;
    }
    known.count += tally.count;
    if (tally.firstLocalMs < known.firstLocalMs) {
      known.firstLocalMs = tally.firstLocalMs;
      known.atFirst = tally.atFirst;
    } else if (tally.firstLocalMs === known.firstLocalMs) known.atFirst += tally.atFirst;
    if (tally.lastLocalMs > known.lastLocalMs) known.lastLocalMs = tally.lastLocalMs;
  }

  addDue(tally: DueTally): void {
    const known = this.due.get(tally.dueMonth);
    if (known === undefined) this.due.set(tally.dueMonth, { ...tally });
    else {
      known.due += tally.due;
      known.doneOnTime += tally.doneOnTime;
    }
  }

  build(): MonthAggregate {
    const byName = (a: { category: string }, b: { category: string }) =>
      a.category < b.category ? -1 : a.category > b.category ? 1 : 0;
    return {
      ...this.sums,
      bySeverity: { ...this.sums.bySeverity },
      categories: [...this.categories.values()].sort(byName),
      due: [...this.due.values()].sort((a, b) => (a.dueMonth < b.dueMonth ? -1 : 1)),
    };
  }
}

/** Sums aggregates of one month (for example one per project) into one. */
export function mergeMonthAggregates(month: string, parts: readonly MonthAggregate[]): MonthAggregate {
  const builder = new AggregateBuilder(month);
  const sums = builder.sums;
  for (const part of parts) {
    for (const field of SUMMED) sums[field] += part[field];
    for (const severity of Object.keys(sums.bySeverity) as SeverityBucket[])
      sums.bySeverity[severity] += part.bySeverity[severity];
    for (const tally of part.categories) builder.addCategory(tally);
    for (const tally of part.due) builder.addDue(tally);
  }
  return builder.build();
}

export interface AggregateOptions {
  timeZone: string;
  /** Non-working days `YYYY-MM-DD` for time-to-postmortem. */
  holidays?: readonly string[];
}

function epochDayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** An action item's project: its own (Jira's `project` field), else its key's prefix. */
const projectOfItem = (item: ActionItemRecord) => item.projectKey ?? item.key.split('-')[0] ?? '';

/** Adds issues one at a time (as pages arrive), so a reader need not keep every record. */
export interface ProjectMonthAggregator {
  addIncident(incident: IncidentRecord): void;
  addActionItem(item: ActionItemRecord): void;
  /** Per project, per month of `created` in the zone. */
  build(): Map<string, Map<string, MonthAggregate>>;
}

/**
 * Aggregates per project and month (DESIGN "Metric definitions"; each figure's rule is commented where
 * the report reads it). Months are those of `created` in the zone; every month an issue falls in gets
 * an aggregate, so the caller decides which months are complete.
 */
export function projectMonthAggregator(options: AggregateOptions): ProjectMonthAggregator {
  const { timeZone } = options;
  const holidays = new Set((options.holidays ?? []).map(epochDayOf));
  const builders = new Map<string, Map<string, AggregateBuilder>>();
  const builderFor = (projectKey: string, month: string): AggregateBuilder => {
    let months = builders.get(projectKey);
    if (months === undefined) {
      months = new Map();
      builders.set(projectKey, months);
    }
    let builder = months.get(month);
    if (builder === undefined) {
      builder = new AggregateBuilder(month);
      months.set(month, builder);
    }
    return builder;
  };

  return {
    addIncident(incident) {
      const created = localTime(incident.created, timeZone);
      const builder = builderFor(incident.projectKey, created.monthKey);
      const sums = builder.sums;
      sums.incidents += 1;
      const severity = severityOf(incident);
      sums.bySeverity[severity ?? 'unknown'] += 1;
      const restoreMs = timeToRestoreMs(incident);
      if (restoreMs !== null) {
        sums.resolvedIncidents += 1;
        sums.restoreMsSum += restoreMs;
      }
      builder.addCategory({
        category: categoryOf(incident),
        count: 1,
        firstLocalMs: created.localMs,
        atFirst: 1,
        lastLocalMs: created.localMs,
      });
      const isFinal = incident.postmortem?.status === 'FINAL';
      if (incident.qualifies) {
        sums.qualifying += 1;
        if (isFinal) sums.qualifyingFinal += 1;
      }
      const finalizedAt = incident.postmortem?.finalizedAt ?? null;
      if (isFinal && finalizedAt !== null && incident.resolved !== null) {
        const days = businessDaysBetween(
          localTime(incident.resolved, timeZone).epochDay,
          localTime(finalizedAt, timeZone).epochDay,
          holidays,
        );
        sums.finalized += 1;
        sums.businessDaysSum += days;
        if (days <= 5) sums.finalizedWithinTarget += 1;
      }
      if (severity === 'SEV-1' || severity === 'SEV-2') {
        sums.majorIncidents += 1;
        if (incident.postmortem !== null) sums.majorIncidentsWithPostmortem += 1;
      }
      // The record's postmortem *is* the indexed `postmortem-summary` property, so FINAL ones are JQL-searchable.
      if (isFinal) sums.finalPostmortems += 1;
    },
    addActionItem(item) {
      const builder = builderFor(projectOfItem(item), localTime(item.created, timeZone).monthKey);
      const sums = builder.sums;
      sums.actionItemsCreated += 1;
      if (item.statusCategory === 'done') sums.actionItemsDone += 1;
      if (item.dueDate === null) {
        // Reported so the page can flag the reference anti-pattern "action items without … due date".
        sums.actionItemsWithoutDueDate += 1;
        return;
      }
      const onTime = isDoneInTime(
        {
          statusCategory: item.statusCategory,
          resolved: item.resolved,
          statusCategoryChanged: item.statusCategoryChanged ?? null,
        },
        item.dueDate,
        timeZone,
      );
      builder.addDue({ dueMonth: item.dueDate.slice(0, 7), due: 1, doneOnTime: onTime ? 1 : 0 });
    },
    build() {
      const result = new Map<string, Map<string, MonthAggregate>>();
      for (const [projectKey, months] of builders) {
        const built = new Map<string, MonthAggregate>();
        for (const [month, builder] of months) built.set(month, builder.build());
        result.set(projectKey, built);
      }
      return result;
    },
  };
}

/** One pass over incidents and action items into aggregates per project and month. */
export function aggregateByProjectMonth(
  incidents: readonly IncidentRecord[],
  actionItems: readonly ActionItemRecord[],
  options: AggregateOptions,
): Map<string, Map<string, MonthAggregate>> {
  const aggregator = projectMonthAggregator(options);
  for (const incident of incidents) aggregator.addIncident(incident);
  for (const item of actionItems) aggregator.addActionItem(item);
  return aggregator.build();
}

/** The same records merged over every project: one aggregate per month. */
export function aggregateByMonth(
  incidents: readonly IncidentRecord[],
  actionItems: readonly ActionItemRecord[],
  options: AggregateOptions,
): Map<string, MonthAggregate> {
  const byMonth = new Map<string, MonthAggregate[]>();
  for (const months of aggregateByProjectMonth(incidents, actionItems, options).values())
    for (const [month, aggregate] of months) byMonth.set(month, [...(byMonth.get(month) ?? []), aggregate]);
  return new Map([...byMonth].map(([month, parts]) => [month, mergeMonthAggregates(month, parts)]));
}
