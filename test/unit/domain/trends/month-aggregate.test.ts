import fc from 'fast-check';
import {
  aggregateByMonth,
  aggregateByProjectMonth,
  mergeMonthAggregates,
  monthlyTrendReportOf,
  processMetricsOf,
  twelveMonthSeriesOf,
  type ActionItemRecord,
  type IncidentRecord,
  type MonthAggregate,
} from '../../../../src/domain/trends';
import { categoryOf } from '../../../../src/domain/trends/category-of';
import { localTime } from '../../../../src/domain/trends/local-time';
import { shiftLocalMsByMonths } from '../../../../src/domain/trends/month-arithmetic';
import { actionItem, incident, postmortem } from './trend-fixtures';

const OPTIONS = { timeZone: 'Europe/Berlin', holidays: ['2025-03-10'] };
const MONTH = '2025-03';
const START = Date.UTC(2024, 8, 1);
const END = Date.UTC(2025, 3, 1);

/** Merges per-project aggregates month by month, as the page does for the projects a viewer may browse. */
function mergedOverProjects(incidents: IncidentRecord[], items: ActionItemRecord[]) {
  const byMonth = new Map<string, MonthAggregate[]>();
  for (const months of aggregateByProjectMonth(incidents, items, OPTIONS).values())
    for (const [month, aggregate] of months) byMonth.set(month, [...(byMonth.get(month) ?? []), aggregate]);
  return new Map(
    [...byMonth].map(([month, parts]) => [
      month,
      mergeMonthAggregates(month, JSON.parse(JSON.stringify(parts)) as MonthAggregate[]),
    ]),
  );
}

/** The same records all in one project: no merging involved. */
function inOneProject(incidents: IncidentRecord[], items: ActionItemRecord[]) {
  return aggregateByMonth(
    incidents.map((record) => ({ ...record, projectKey: 'ALL' })),
    items.map((record) => ({ ...record, projectKey: 'ALL' })),
    OPTIONS,
  );
}

const instant = fc.integer({ min: START, max: END }).map((ms) => new Date(ms).toISOString());
const incidentArb = fc.record({
  project: fc.constantFrom('INC', 'OPS', 'SEC'),
  created: instant,
  minutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  category: fc.constantFrom('Database', 'Network', 'Deploy', '__proto__', null),
  severity: fc.constantFrom('SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', null),
  final: fc.boolean(),
  qualifies: fc.boolean(),
  finalizedDays: fc.integer({ min: 0, max: 20 }),
});
const itemArb = fc.record({
  project: fc.constantFrom('INC', 'OPS', 'SEC'),
  created: instant,
  due: fc.option(fc.integer({ min: -10, max: 40 }), { nil: null }),
  done: fc.boolean(),
  doneDays: fc.integer({ min: 0, max: 40 }),
});

function records(
  incidentSpecs: Array<ReturnType<typeof incidentArb.generate>['value']>,
  itemSpecs: Array<ReturnType<typeof itemArb.generate>['value']>,
): [IncidentRecord[], ActionItemRecord[]] {
  const incidents = incidentSpecs.map((spec, index) => {
    const resolvedMs = spec.minutes === null ? null : Date.parse(spec.created) + spec.minutes * 60_000;
    return incident(`${spec.project}-${index + 1}`, spec.created, spec.minutes, {
      category: spec.category,
      severity: spec.severity,
      qualifies: spec.qualifies,
      postmortem:
        spec.final && resolvedMs !== null
          ? postmortem({ finalizedAt: new Date(resolvedMs + spec.finalizedDays * 86_400_000).toISOString() })
          : null,
    });
  });
  const items = itemSpecs.map((spec, index) => {
    const createdMs = Date.parse(spec.created);
    const day = (offset: number) => new Date(createdMs + offset * 86_400_000).toISOString().slice(0, 10);
    return actionItem(`${spec.project}-${1000 + index}`, spec.created, {
      dueDate: spec.due === null ? null : day(spec.due),
      statusCategory: spec.done ? 'done' : 'new',
      resolved: spec.done ? new Date(createdMs + spec.doneDays * 86_400_000).toISOString() : null,
    });
  });
  return [incidents, items];
}

/** Reference semantics, one incident against every other: a category repeat in [created − 6 months, created). */
function naiveRepeats(incidents: IncidentRecord[], month: string): number {
  const local = incidents.map((record) => ({ record, at: localTime(record.created, OPTIONS.timeZone) }));
  return local.filter(
    ({ record, at }) =>
      at.monthKey === month &&
      local.some(
        (other) =>
          other.record !== record &&
          categoryOf(other.record) === categoryOf(record) &&
          other.at.localMs < at.localMs &&
          other.at.localMs >= shiftLocalMsByMonths(at.localMs, -6),
      ),
  ).length;
}

describe('monthly aggregates per project merge into the figures of all their issues', () => {
  it('gives the same report, charts and process metrics as reading every project as one (property)', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 60 }), fc.array(itemArb, { maxLength: 60 }), (a, b) => {
        const [incidents, items] = records(a, b);
        const merged = mergedOverProjects(incidents, items);
        const whole = inOneProject(incidents, items);
        expect(monthlyTrendReportOf(merged, MONTH, OPTIONS.timeZone)).toEqual(
          monthlyTrendReportOf(whole, MONTH, OPTIONS.timeZone),
        );
        expect(twelveMonthSeriesOf(merged, MONTH)).toEqual(twelveMonthSeriesOf(whole, MONTH));
        expect(processMetricsOf(merged, '2025-02')).toEqual(processMetricsOf(whole, '2025-02'));
        expect(processMetricsOf(merged, MONTH).repeatIncidentRate.numerator).toBe(
          naiveRepeats(incidents, MONTH),
        );
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('counts repeats at the edge of the 6-month window as the definition does (property)', () => {
    // Only the 6th month back and the month itself: the window's edge decides every repeat.
    const edge = fc.oneof(
      fc.integer({ min: Date.UTC(2024, 8, 1), max: Date.UTC(2024, 9, 1) - 1 }),
      fc.integer({ min: Date.UTC(2025, 2, 1), max: Date.UTC(2025, 2, 8) }),
    );
    const spec = fc.record({
      project: fc.constantFrom('INC', 'OPS'),
      ms: edge,
      category: fc.constantFrom('Database', 'Network'),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 30 }), (specs) => {
        const incidents = specs.map((one, index) =>
          incident(`${one.project}-${index + 1}`, new Date(one.ms).toISOString(), 5, {
            category: one.category,
          }),
        );
        const merged = mergedOverProjects(incidents, []);
        expect(processMetricsOf(merged, MONTH).repeatIncidentRate.numerator).toBe(
          naiveRepeats(incidents, MONTH),
        );
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('counts a repeat across projects only when both projects are merged', () => {
    const incidents = [
      incident('INC-1', '2025-02-10T10:00:00Z', 30, { category: 'Database' }),
      incident('OPS-1', '2025-03-05T10:00:00Z', 30, { category: 'Database' }),
    ];
    const perProject = aggregateByProjectMonth(incidents, [], OPTIONS);
    const opsAlone = new Map(perProject.get('OPS'));
    expect(processMetricsOf(opsAlone, MONTH).repeatIncidentRate).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    const both = mergedOverProjects(incidents, []);
    expect(processMetricsOf(both, MONTH).repeatIncidentRate).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('keeps incidents at the same first instant of a category apart from later ones', () => {
    const at = '2025-03-03T10:00:00Z';
    const incidents = [
      incident('INC-1', at, 5, { category: 'Network' }),
      incident('OPS-1', at, 5, { category: 'Network' }),
      incident('OPS-2', '2025-03-04T10:00:00Z', 5, { category: 'Network' }),
    ];
    // Two at the very same instant repeat nothing (neither is before the other); the third repeats them.
    expect(processMetricsOf(mergedOverProjects(incidents, []), MONTH).repeatIncidentRate).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });

  it('stores category names such as __proto__ as plain data', () => {
    const [aggregate] = aggregateByMonth(
      [incident('INC-1', '2025-03-03T10:00:00Z', 5, { category: '__proto__' })],
      [],
      OPTIONS,
    ).values();
    expect(JSON.parse(JSON.stringify(aggregate))).toMatchObject({
      categories: [{ category: '__proto__', count: 1 }],
    });
  });
});
