import { globalPageMetrics, type ActionItemRecord, type IncidentRecord } from '../src/domain/metrics';

// Issue 7 target: aggregating 100,000 issues takes < 500 ms CPU and < 200 MB.
const CATEGORIES = [
  'Database',
  'Deployment',
  'External API',
  'Network',
  'Config',
  'Capacity',
  'Security',
  'Auth',
];
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const YEAR_START = Date.parse('2025-01-01T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;

// A deterministic LCG so runs are comparable.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(incidentCount: number, itemsPerIncident: number) {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const incidents: IncidentRecord[] = [];
  const actionItems: ActionItemRecord[] = [];
  for (let i = 0; i < incidentCount; i += 1) {
    const created = YEAR_START + Math.floor(rnd() * YEAR_MS);
    const resolved = rnd() < 0.9 ? created + Math.floor(rnd() * 300) * 60_000 : null;
    const key = `OPS-${i}`;
    incidents.push({
      key,
      projectKey: 'OPS',
      created: new Date(created).toISOString(),
      resolved: resolved === null ? null : new Date(resolved).toISOString(),
      labels: rnd() < 0.3 ? [`SEV-${1 + Math.floor(rnd() * 4)}`] : [],
      priority: pick(PRIORITIES),
      components: [pick(CATEGORIES)],
      postmortem:
        resolved !== null && rnd() < 0.5
          ? {
              status: 'FINAL',
              severity: null,
              category: pick(CATEGORIES),
              finalizedAt: new Date(resolved + Math.floor(rnd() * 10) * 86_400_000).toISOString(),
            }
          : null,
      durationOverrideMinutes: null,
      qualifiesForPostmortem: rnd() < 0.4,
    });
    for (let j = 0; j < itemsPerIncident; j += 1) {
      const itemCreated = created + 3_600_000;
      const due = itemCreated + Math.floor(rnd() * 30) * 86_400_000;
      const done = rnd() < 0.7;
      actionItems.push({
        key: `${key}-${j}`,
        parentKey: key,
        created: new Date(itemCreated).toISOString(),
        dueDate: rnd() < 0.9 ? new Date(due).toISOString().slice(0, 10) : null,
        statusCategory: done ? 'done' : 'indeterminate',
        doneAt: done ? new Date(itemCreated + Math.floor(rnd() * 35) * 86_400_000).toISOString() : null,
      });
    }
  }
  return { incidents, actionItems };
}

function aggregate(data: ReturnType<typeof generate>): number {
  const result = globalPageMetrics({
    ...data,
    month: '2025-12',
    now: '2026-01-05T00:00:00Z',
    timeZone: 'Europe/Berlin',
    practices: {
      trendAnalysisInUse: true,
      postmortemsShared: true,
      postmortemDatabaseSearchable: true,
      learningLoopInArchitectureReviews: false,
    },
  });
  // Touch the results so nothing is optimised away.
  return result.report.sev1.current + result.series.length + result.maturity.level;
}

function measure(label: string, incidentCount: number, itemsPerIncident: number): void {
  const data = generate(incidentCount, itemsPerIncident);
  const issues = incidentCount * (1 + itemsPerIncident);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  let peakHeap = heapBefore;
  aggregate(data);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const wall = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);
  console.log(
    `metrics ${label}: ${issues.toLocaleString('en')} issues — wall ${wall.toFixed(0)} ms, ` +
      `CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, heap delta ${mb(peakHeap - heapBefore)} MB, ` +
      `RSS ${mb(process.memoryUsage().rss)} MB (globalPageMetrics: report + 12-month series + process metrics + maturity, Europe/Berlin)`,
  );
}

export async function run(): Promise<void> {
  // Warm-up so the JIT does not dominate the first figure.
  aggregate(generate(2_000, 4));
  measure('20k incidents + 80k action items', 20_000, 4);
  measure('100k incidents, no action items', 100_000, 0);
  measure('100k incidents + 400k action items', 100_000, 4);
  await Promise.resolve();
}
