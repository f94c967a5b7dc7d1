import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  monthlyTrendReport,
  processMetrics,
  twelveMonthSeries,
  type ActionItemRecord,
  type IncidentRecord,
} from '../src/domain/trends';
import { seededRandom } from '../emulator/seeded-random';

const CATEGORIES = [
  'Database issues',
  'Deployment errors',
  'External API outages',
  'Network',
  'Config',
  'Capacity',
];
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', null] as const;
const START = Date.UTC(2024, 2, 1);
const YEAR_MS = 365 * 86_400_000;

/** `issues` issues over 12 months: one incident per 4 action items (issue 7's shape). */
function dataset(issues: number): { incidents: IncidentRecord[]; actionItems: ActionItemRecord[] } {
  const random = seededRandom(issues);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const incidents: IncidentRecord[] = [];
  const actionItems: ActionItemRecord[] = [];
  const incidentCount = Math.round(issues / 5);
  for (let i = 0; i < incidentCount; i += 1) {
    const createdMs = START + Math.floor(random() * YEAR_MS);
    const resolvedMs = random() < 0.9 ? createdMs + Math.floor(random() * 240) * 60_000 : null;
    const final = resolvedMs !== null && random() < 0.7;
    const key = `INC-${i}`;
    incidents.push({
      key,
      projectKey: 'INC',
      created: new Date(createdMs).toISOString(),
      resolved: resolvedMs === null ? null : new Date(resolvedMs).toISOString(),
      labels: random() < 0.3 ? [pick(['SEV-1', 'sev2', 'SEV-3'])] : ['customer-facing'],
      priority: pick(PRIORITIES),
      components: random() < 0.8 ? [pick(CATEGORIES)] : [],
      postmortem: final
        ? {
            status: 'FINAL',
            severity: null,
            category: random() < 0.5 ? pick(CATEGORIES) : null,
            incidentId: key,
            finalizedAt: new Date(resolvedMs + Math.floor(random() * 10 * 86_400_000)).toISOString(),
            rootCause: 'Missing index',
            actionItemCount: 4,
            actionItemsWithoutIssueCount: 0,
          }
        : null,
      qualifies: random() < 0.5,
    });
    for (let j = 0; j < 4 && actionItems.length < issues - incidentCount; j += 1) {
      const itemCreated = createdMs + 86_400_000;
      const dueMs = itemCreated + Math.floor(random() * 30) * 86_400_000;
      const done = random() < 0.6;
      actionItems.push({
        key: `ACT-${i}-${j}`,
        incidentKey: key,
        created: new Date(itemCreated).toISOString(),
        dueDate: random() < 0.9 ? new Date(dueMs).toISOString().slice(0, 10) : null,
        statusCategory: done ? 'done' : pick(['new', 'indeterminate'] as const),
        resolved: done ? new Date(itemCreated + Math.floor(random() * 40) * 86_400_000).toISOString() : null,
      });
    }
  }
  return { incidents, actionItems };
}

interface Figures {
  wallMs: number;
  cpuMs: number;
  /** Heap growth at the end of the run before any collection: what the run allocated and still held. */
  heapEndMb: number;
  /** Heap kept after a full collection: what the result retains. */
  retainedMb: number;
}

// A full GC before and after each run makes the heap figures about this run, not leftover garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** The page's aggregation: report + 12-month series + the year's process metrics. */
function aggregate(data: ReturnType<typeof dataset>, timeZone: string): void {
  const input = { ...data, timeZone };
  monthlyTrendReport({ ...input, month: '2025-02' });
  twelveMonthSeries({ ...input, endMonth: '2025-02' });
  processMetrics({ ...input, month: '2025-01' });
}

function measure(run: () => void): Figures {
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  run();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const heapEnd = process.memoryUsage().heapUsed;
  collect();
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapEndMb: (heapEnd - heapBefore) / 1_048_576,
    retainedMb: (process.memoryUsage().heapUsed - heapBefore) / 1_048_576,
  };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const fmt = (f: Figures) =>
  `wall ${f.wallMs.toFixed(1)} ms, cpu ${f.cpuMs.toFixed(1)} ms, heap +${f.heapEndMb.toFixed(1)} MB at end, ${f.retainedMb.toFixed(1)} MB retained`;

/** Aggregation cost for 25k–400k issues (targets: 100,000 issues < 500 ms and < 200 MB; linear growth). */
export async function run(): Promise<void> {
  for (const timeZone of ['UTC', 'Europe/Berlin']) {
    console.log(`time zone ${timeZone} (report + 12-month series + process metrics; median of 3 warm runs)`);
    let previous: { issues: number; wallMs: number } | null = null;
    for (const issues of [25_000, 100_000, 400_000]) {
      const data = dataset(issues);
      aggregate(dataset(5_000), timeZone); // warm-up: JIT and the zone's offset cache
      const first = measure(() => aggregate(data, timeZone));
      const runs = [0, 1, 2].map(() => measure(() => aggregate(data, timeZone)));
      const wallMs = median(runs.map((r) => r.wallMs));
      const cpuMs = median(runs.map((r) => r.cpuMs));
      const heapMb = Math.max(first.heapEndMb, ...runs.map((r) => r.heapEndMb));
      const growth =
        previous === null
          ? ''
          : `; ×${(wallMs / previous.wallMs).toFixed(2)} time for ×${issues / previous.issues} issues`;
      // CPU time decides: on a shared machine wall time also counts waiting for a core.
      const verdict =
        issues === 100_000
          ? ` → target (< 500 ms CPU, < 200 MB) ${Math.max(cpuMs, first.cpuMs) < 500 && heapMb < 200 ? 'met' : 'MISSED'}`
          : '';
      console.log(
        `  ${issues.toLocaleString('en-US')} issues (${data.incidents.length} incidents + ${data.actionItems.length} action items): first ${fmt(first)}; warm median wall ${wallMs.toFixed(1)} ms, cpu ${cpuMs.toFixed(1)} ms, max heap +${heapMb.toFixed(1)} MB${growth}${verdict}`,
      );
      previous = { issues, wallMs };
    }
  }
  await Promise.resolve();
}
