import type { TrendsProgress } from '../../contract/global-page-api';
import { projectMonthAggregator, type MonthAggregate } from '../../domain/trends';
import { shiftMonth } from '../../domain/trends/month-arithmetic';
import { partitionCounts, splitDayRange, type DayRange } from '../../domain/trends/partition-window';
import type { AppSettings } from '../../domain/settings/app-settings';
import { approximateCount } from '../../jira/search-jql';
import type { JiraPort } from '../../ports';
import { retryingJiraPort } from '../../runtime/retrying-jira-port';
import type { Services } from '../../services';
import { loadSettings } from '../../storage/settings-store';
import { AdaptiveConcurrency } from './adaptive-concurrency';
import { readPartitions } from './read-partitions';
import { actionItemSearch, incidentSearch, TREND_PAGE_SIZE, trendQueries } from './trend-inputs';
import { writeStoredMonths, type TrendRules } from './trend-store';

// Searches in flight at once: starts here, grows by one per clean round, halves on a rate-limit signal.
export const TREND_CONCURRENCY = { initial: 10, max: 20 } as const;
// Partitions in all: as many as may run at once, so each is read by one chain of pages from start to
// end; more would only add part-filled pages and one more index scan each.
const PARTITION_TARGET = TREND_CONCURRENCY.max;

const MS_PER_DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The days to search for whole months in the configured zone. Jira reads the literals in the
 * searching user's zone (UTC−12…UTC+14), so a day of margin on each side covers every zone; issues
 * of the margin days are bucketed into their own months and not stored for those.
 */
export function windowOfMonths(first: string, last: string): DayRange {
  return {
    from: day(Date.parse(`${first}-01T00:00:00Z`) - MS_PER_DAY),
    to: day(Date.parse(`${shiftMonth(last, 1)}-01T00:00:00Z`) + MS_PER_DAY),
  };
}

export interface WindowTotals {
  incidents: number;
  actionItems: number;
}

const withoutOrder = (jql: string) => jql.replace(/\s+ORDER BY .*$/i, '');

/**
 * `Promise.all` over reads that share `stop`'s signal: the first failure aborts it, so the other reads
 * send Jira nothing more (no retry after the caller has its answer), and that failure is the answer.
 */
export function allUntilFirstFailure<T extends readonly unknown[]>(
  stop: AbortController,
  reads: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const stopping = reads.map((read) =>
    read.catch((error: unknown) => {
      stop.abort(error);
      throw error;
    }),
  );
  return Promise.all(stopping) as Promise<unknown> as Promise<T>;
}

/**
 * Jira's approximate count of the incidents and action items of the months `first`…`last`. `jira`
 * retries on `stop`'s signal, so a failed count stops the other one's retries.
 */
export async function countWindow(
  jira: JiraPort,
  stop: AbortController,
  settings: AppSettings,
  first: string,
  last: string,
  scope: readonly string[] = [],
): Promise<WindowTotals> {
  const window = windowOfMonths(first, last);
  const whole = trendQueries(settings, scope, window.from, window.to);
  const [incidents, actionItems] = await allUntilFirstFailure<[number, number]>(stop, [
    approximateCount(jira, { jql: withoutOrder(whole.incidents) }),
    approximateCount(jira, { jql: withoutOrder(whole.actionItems) }),
  ]);
  return { incidents, actionItems };
}

export const rulesOf = (settings: AppSettings): TrendRules => ({
  incidentJql: settings.incidentJql,
  actionItemLabel: settings.actionItemLabel,
  timeZone: settings.timeZone,
  maturityDeclarations: settings.maturityDeclarations,
});

export interface ComputeTrendMonthsOptions {
  /** Epoch ms by which every Jira read must be done. */
  deadlineMs: number;
  /** Only these projects (the daily refresh's changed ones); every project the incident JQL finds when left out. */
  projectKeys?: readonly string[];
  /** After each page: issues read so far, and the approximate total. */
  onProgress?: (progress: TrendsProgress) => void | Promise<void>;
  /** Reused across calls so a rate-limit slowdown carries over (the daily refresh). */
  limiter?: AdaptiveConcurrency;
  /** Jira's approximate counts of the window, when the caller already asked. */
  totals?: WindowTotals;
}

export interface ComputedMonths {
  months: string[];
  issuesRead: number;
  /** Most searches that ran at once, and the limit they ended at. */
  peakConcurrency: number;
}

/**
 * Reads the issues of the months from `first` to `last` as the app — never with a viewer's access —
 * in date partitions read concurrently, and stores each month's aggregate per project. Issues with a
 * security level are left out (see WITHOUT_SECURITY_LEVEL).
 */
export async function computeTrendMonths(
  services: Services,
  first: string,
  last: string,
  options: ComputeTrendMonthsOptions,
): Promise<ComputedMonths> {
  const { clock, kv } = services;
  const settings = await loadSettings(kv, services.logger);
  const limiter = options.limiter ?? new AdaptiveConcurrency(TREND_CONCURRENCY);
  const jira = limiter.observe(services.jiraAsApp);
  const scope = options.projectKeys ?? [];
  const window = windowOfMonths(first, last);
  const dataAsOf = clock.now().toISOString();
  // One stop for every read of this call: whichever fails first ends the others' requests.
  const stop = new AbortController();
  const counting = retryingJiraPort(jira, {
    clock,
    maxAttempts: 6,
    budgetMs: Math.max(0, options.deadlineMs - clock.now().getTime()),
    signal: stop.signal,
  });
  const { incidents: incidentTotal, actionItems: itemTotal } =
    options.totals ?? (await countWindow(counting, stop, settings, first, last, scope));
  const [incidentParts = 1, itemParts = 1] = partitionCounts(
    [Math.ceil(incidentTotal / TREND_PAGE_SIZE), Math.ceil(itemTotal / TREND_PAGE_SIZE)],
    PARTITION_TARGET,
  );
  const partitionsOf = (parts: number, pick: 'incidents' | 'actionItems') =>
    splitDayRange(window, parts).map((range) => trendQueries(settings, scope, range.from, range.to)[pick]);

  const read = { incidents: 0, actionItems: 0 };
  const report = (kind: keyof typeof read) => (count: number) => {
    read[kind] = count;
    const issuesRead = read.incidents + read.actionItems;
    return options.onProgress?.({ issuesRead, issuesTotal: Math.max(incidentTotal + itemTotal, issuesRead) });
  };
  const reading = { jira, clock, limiter, deadlineMs: options.deadlineMs, signal: stop.signal };
  // Aggregated as pages arrive: memory stays bounded by projects × months, not by issues read.
  const aggregator = projectMonthAggregator({ timeZone: settings.timeZone, holidays: settings.holidays });
  const [incidentsRead, actionItemsRead] = await allUntilFirstFailure<[number, number]>(stop, [
    readPartitions(
      incidentSearch(settings, partitionsOf(incidentParts, 'incidents')),
      { ...reading, onProgress: report('incidents') },
      (incident) => aggregator.addIncident(incident),
    ),
    readPartitions(
      actionItemSearch(partitionsOf(itemParts, 'actionItems')),
      { ...reading, onProgress: report('actionItems') },
      (item) => aggregator.addActionItem(item),
    ),
  ]);
  const byProject = aggregator.build();
  const months: string[] = [];
  const computed = new Map<string, Map<string, MonthAggregate>>();
  for (let month = first; month <= last; month = shiftMonth(month, 1)) {
    months.push(month);
    const aggregates = new Map<string, MonthAggregate>();
    for (const [project, perMonth] of byProject) {
      // Action items of a project outside the scope (a child in another project) are not its to store.
      if (scope.length > 0 && !scope.includes(project)) continue;
      const aggregate = perMonth.get(month);
      if (aggregate) aggregates.set(project, aggregate);
    }
    computed.set(month, aggregates);
  }
  await writeStoredMonths(kv, computed, scope, { dataAsOf, rules: rulesOf(settings) });
  return {
    months,
    issuesRead: incidentsRead + actionItemsRead,
    peakConcurrency: limiter.peak,
  };
}
