import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { aggregateByProjectMonth, type ActionItemRecord, type IncidentRecord } from '../src/domain/trends';
import type { JiraPort, KvPort } from '../src/ports';
import { consoleLogger } from '../src/runtime/console-logger';
import { systemClock } from '../src/runtime/system-clock';
import type { Services } from '../src/services';
import { loadSettings } from '../src/storage/settings-store';
import { AdaptiveConcurrency } from '../src/usecases/trends/adaptive-concurrency';
import { rulesOf, TREND_CONCURRENCY, windowOfMonths } from '../src/usecases/trends/compute-trend-months';
import {
  computeQueuedTrends,
  INLINE_ISSUE_LIMIT,
  loadTrends,
  reportMonths,
  trendsView,
} from '../src/usecases/trends/load-trends';
import { readPartitions } from '../src/usecases/trends/read-partitions';
import { actionItemSearch, incidentSearch, trendQueries } from '../src/usecases/trends/trend-inputs';
import { viewerProjectCache } from '../src/usecases/trends/viewer-projects';
import { DEFAULT_ACCOUNT_ID } from '../emulator/directory';
import { createJiraEmulator } from '../emulator/jira-emulator';
import { createMemoryKvs } from '../forge-platform/memory-kvs';
import { withLatency } from './latency-jira-port';
import { seededRandom } from '../emulator/seeded-random';

const LATENCY_MS = 150;
const MONTH = '2025-03';
// The emulator's clock stands still so its per-query search cache holds across pages (Jira's index
// does not re-sort per page either); the app's clock is the real one, so wall times are real.
const EMULATOR_NOW = new Date('2025-04-10T09:00:00Z');
// search/jql pages at most 100 issues when fields are requested (and the app asks for 100).
const PAGE_WITH_FIELDS = 100;
const ACTION_ITEMS_PER_INCIDENT = 4;
const FIRST_DAY = Date.UTC(2024, 3, 1);
const LAST_DAY = Date.UTC(2025, 3, 1);

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const jiraTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
const DONE = { name: 'Done', statusCategory: { key: 'done', name: 'Done' } };
const TO_DO = { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } };
const CATEGORIES = ['Database', 'Network', 'Deploy', 'Config', 'Capacity', 'External API'];

/** `incidents` incidents over the 12 months ending in March 2025, each with 4 action-item sub-tasks. */
function issueBeans(incidents: number): unknown[] {
  const random = seededRandom(incidents);
  const beans: unknown[] = [];
  let next = 1;
  for (let i = 0; i < incidents; i += 1) {
    const created = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY - 2 * 86_400_000));
    const resolved = created + Math.floor(random() * 240 + 5) * 60_000;
    const key = `INC-${next++}`;
    const final = random() < 0.7;
    beans.push({
      key,
      fields: {
        summary: `Incident ${i}`,
        issuetype: { name: 'Incident' },
        project: { key: 'INC' },
        status: DONE,
        labels: [['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'][Math.floor(random() * 4)]],
        components: [{ name: CATEGORIES[Math.floor(random() * CATEGORIES.length)] }],
        created: jiraTime(created),
        updated: jiraTime(resolved),
        resolutiondate: jiraTime(resolved),
      },
      ...(final
        ? {
            properties: {
              'postmortem-summary': {
                status: 'FINAL',
                severity: null,
                category: null,
                incidentId: key,
                finalizedAt: new Date(resolved + 3 * 86_400_000).toISOString(),
                rootCause: 'Connection pool exhausted under a retry storm',
                actionItemCount: ACTION_ITEMS_PER_INCIDENT,
                actionItemsWithoutIssueCount: 0,
              },
            },
          }
        : {}),
    });
    for (let j = 0; j < ACTION_ITEMS_PER_INCIDENT; j += 1) {
      const itemCreated = created + 86_400_000;
      const done = random() < 0.6;
      beans.push({
        key: `INC-${next++}`,
        fields: {
          summary: `Action ${j} of ${key}`,
          issuetype: { name: 'Subtask' },
          project: { key: 'INC' },
          parent: { key },
          labels: ['postmortem-action'],
          status: done ? DONE : TO_DO,
          duedate: new Date(itemCreated + 14 * 86_400_000).toISOString().slice(0, 10),
          created: jiraTime(itemCreated),
          resolutiondate: done ? jiraTime(itemCreated + Math.floor(random() * 20) * 86_400_000) : null,
        },
      });
    }
  }
  return beans;
}

/** Samples the heap while `work` runs (the latency sleeps leave the event loop free to sample). */
async function withPeakHeap<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakHeapMb: number; peakRssMb: number }> {
  collect();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await work();
    sample();
    return { result, peakHeapMb: (peakHeap - baseHeap) / 1_048_576, peakRssMb: peakRss / 1_048_576 };
  } finally {
    clearInterval(timer);
  }
}

function countingKv(kv: KvPort): KvPort & { reads: () => number; batches: () => number } {
  let reads = 0;
  let batches = 0;
  return {
    ...kv,
    get: (key) => {
      reads += 1;
      return kv.get(key);
    },
    getMany: (keys) => {
      batches += 1;
      return kv.getMany(keys);
    },
    reads: () => reads,
    batches: () => batches,
  };
}

/** Counts requests in flight at once (what the partitions' concurrency really was). */
function concurrencyProbe(jira: JiraPort): JiraPort & { peak: () => number } {
  let inFlight = 0;
  let peak = 0;
  return {
    requestJira: async (path, init) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await jira.requestJira(path, init);
      } finally {
        inFlight -= 1;
      }
    },
    peak: () => peak,
  };
}

async function measureSize(incidents: number): Promise<void> {
  const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', now: () => EMULATOR_NOW });
  const seedStarted = performance.now();
  emulator.seed(issueBeans(incidents));
  const seedMs = performance.now() - seedStarted;
  const kv = countingKv(createMemoryKvs());
  const asApp = concurrencyProbe(withLatency(emulator.appJiraPort(), LATENCY_MS));
  const services: Services = {
    jiraAsUser: withLatency(emulator.jiraPort(DEFAULT_ACCOUNT_ID), LATENCY_MS),
    jiraAsApp: asApp,
    kv,
    slack: { send: async () => ({ ok: true, status: 200 }) },
    queue: { push: async () => undefined },
    clock: systemClock,
    logger: consoleLogger({ bench: 'trends-page' }, 'error'),
    siteUrl: 'http://jira.test',
    accountId: DEFAULT_ACCOUNT_ID,
  };
  const viewer = viewerProjectCache();
  const settings = await loadSettings(kv);
  const window = windowOfMonths(reportMonths(MONTH)[0] ?? MONTH, MONTH);
  const queries = trendQueries(settings, [], window.from, window.to);
  const unpaced = emulator.appJiraPort();
  const unlimited = new AdaptiveConcurrency({ initial: 1, max: 1 });
  const direct = {
    jira: unpaced,
    clock: systemClock,
    limiter: unlimited,
    deadlineMs: Date.now() + 3_600_000,
  };
  const inWindowIncidents: IncidentRecord[] = [];
  const inWindowItems: ActionItemRecord[] = [];
  await Promise.all([
    readPartitions(incidentSearch(settings, [queries.incidents]), direct, (record) =>
      inWindowIncidents.push(record),
    ),
    readPartitions(actionItemSearch([queries.actionItems]), direct, (record) => inWindowItems.push(record)),
  ]);

  // Cold: one resolver call when the window fits one (≤ INLINE_ISSUE_LIMIT issues), else the consumer's job.
  const inline = inWindowIncidents.length + inWindowItems.length <= INLINE_ISSUE_LIMIT;
  const before = emulator.requests.length;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const cold = await withPeakHeap(async () => {
    if (!inline) return computeQueuedTrends(services, MONTH);
    const answer = await loadTrends(services, viewer, MONTH, []);
    if (answer.state !== 'ready') throw new Error('the cold month did not finish within the resolver call');
  });
  const coldMs = performance.now() - started;
  const coldCpu = process.cpuUsage(cpuBefore);
  const coldRequests = emulator.requests.slice(before);
  const searches = coldRequests.filter((request) => request.path === '/rest/api/3/search/jql');
  const floor =
    Math.max(1, Math.ceil(inWindowIncidents.length / PAGE_WITH_FIELDS)) +
    Math.max(1, Math.ceil(inWindowItems.length / PAGE_WITH_FIELDS));

  // Warm: the resolver's answer for stored months (a new viewer cache each time: its permission check counts).
  const readsBefore = kv.reads();
  const batchesBefore = kv.batches();
  const warmRequestsBefore = emulator.requests.length;
  const warmRuns = Array.from({ length: 5 }, () => 0);
  for (let i = 0; i < warmRuns.length; i += 1) {
    const warmStarted = performance.now();
    const answer = await loadTrends(services, viewerProjectCache(), MONTH, []);
    warmRuns[i] = performance.now() - warmStarted;
    if (answer.state !== 'ready') throw new Error('the warm month was not served from storage');
  }
  const warmReads = (kv.reads() - readsBefore) / warmRuns.length;
  const warmBatches = (kv.batches() - batchesBefore) / warmRuns.length;
  const warmJira = (emulator.requests.length - warmRequestsBefore) / warmRuns.length;

  // Aggregation alone, on the same records: per project and month, merged, and the page's figures.
  collect();
  const aggCpuBefore = process.cpuUsage();
  const aggStarted = performance.now();
  const byProject = aggregateByProjectMonth(inWindowIncidents, inWindowItems, {
    timeZone: settings.timeZone,
    holidays: settings.holidays,
  });
  const months = reportMonths(MONTH);
  const aggregates = new Map(
    months.map((month) => [month, [...byProject.values()].flatMap((perMonth) => perMonth.get(month) ?? [])]),
  );
  const markers = new Map(
    months.map((month) => [
      month,
      { month, projects: ['INC'], dataAsOf: EMULATOR_NOW.toISOString(), rules: rulesOf(settings) },
    ]),
  );
  trendsView(MONTH, [], ['INC'], { markers, aggregates });
  const aggMs = performance.now() - aggStarted;
  const aggCpu = process.cpuUsage(aggCpuBefore);

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const within = searches.length <= Math.ceil(floor * 1.1);
  const others = coldRequests.length - searches.length;
  console.log(
    [
      `${incidents.toLocaleString('en-US')} incidents × ${ACTION_ITEMS_PER_INCIDENT} action items ` +
        `(${(incidents * 5).toLocaleString('en-US')} issues, seeded in ${ms(seedMs)}; ` +
        `${inWindowIncidents.length} incidents + ${inWindowItems.length} action items in the report window)`,
      `  Jira requests (cold): ${searches.length} search/jql pages; paging floor ⌈${inWindowIncidents.length}/100⌉ + ⌈${inWindowItems.length}/100⌉ = ${floor}` +
        ` → ${((100 * searches.length) / floor).toFixed(1)} % of floor (${within ? 'within' : 'OVER'} 10 %); ` +
        `plus ${others} other request(s) (approximate counts, the viewer's project search)`,
      `  cold wall: ${(coldMs / 1000).toFixed(2)} s at ${LATENCY_MS} ms/request, ${inline ? 'inside one resolver call (getTrends answered ready)' : 'in the async consumer (over the inline limit)'}; ` +
        `peak concurrent Jira requests ${asApp.peak()} (limit ${TREND_CONCURRENCY.initial} growing to ${TREND_CONCURRENCY.max}); ` +
        `cpu ${ms((coldCpu.user + coldCpu.system) / 1000)} incl. the in-process emulator`,
      `  warm: ${warmBatches} batched KV read(s) + ${warmReads} single KV read(s), ${warmJira} Jira request(s) (the permission check); ${warmRuns.map((w) => w.toFixed(0)).join(' / ')} ms (5 runs, in-memory KVS, ${LATENCY_MS} ms Jira latency)`,
      `  aggregation: ${ms(aggMs)} wall, ${ms((aggCpu.user + aggCpu.system) / 1000)} cpu (per project and month, merged, report + charts + maturity)`,
      `  peak memory during cold: heap +${cold.peakHeapMb.toFixed(1)} MB over the seeded baseline, rss ${cold.peakRssMb.toFixed(0)} MB (emulator included)`,
    ].join('\n'),
  );
}

/**
 * The global page against the emulator at 150 ms per Jira request: requests vs the paging floor,
 * cold and warm wall time, aggregation CPU and peak memory. `TRENDS_PAGE_SIZES=1000` runs one size.
 */
export async function run(): Promise<void> {
  const sizes = (process.env.TRENDS_PAGE_SIZES ?? '1000,5000,20000,100000')
    .split(',')
    .map((size) => Number(size.trim()))
    .filter((size) => Number.isInteger(size) && size > 0);
  console.log(`global page trends, ${MONTH}, emulator with ${LATENCY_MS} ms injected latency per request`);
  for (const size of sizes) {
    await measureSize(size);
    collect();
  }
}
