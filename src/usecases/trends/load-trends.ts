import { AppError } from '../../contract/errors';
import type { TrendsAnswer, TrendsProgress, TrendsView } from '../../contract/global-page-api';
import {
  maturityLevel,
  mergeMonthAggregates,
  monthlyTrendReportOf,
  renderTrendReportMarkdown,
  twelveMonthSeriesOf,
  type MonthAggregate,
} from '../../domain/trends';
import { shiftMonth } from '../../domain/trends/month-arithmetic';
import { retryingJiraPort } from '../../runtime/retrying-jira-port';
import type { Services } from '../../services';
import { loadSettings } from '../../storage/settings-store';
import { computeTrendMonths, countWindow, windowOfMonths } from './compute-trend-months';
import { TrendReadDeadline } from './read-partitions';
import { trendQueries } from './trend-inputs';
import {
  readStoredMonths,
  trendJobKey,
  type MonthMarker,
  type StoredMonths,
  type TrendRules,
} from './trend-store';
import type { ViewerProjectCache } from './viewer-projects';

export { dropTrendCaches } from './trend-store';

/** The report of a month covers it and the 11 before (charts; the repeat rate looks back 6). */
export const REPORT_MONTHS = 12;
/** How far back a report can be asked for: three years of months before the current one. */
export const MONTHS_BACK = 36;
// A cold read this large may not fit a resolver's 25 s even with concurrent partitions: the consumer does it.
export const INLINE_ISSUE_LIMIT = 120_000;
// What a resolver may spend reading Jira before it hands the rest to the consumer (of its 25 s).
const INLINE_READ_MS = 20_000;
// One progress write per this much time: a KVS write per 100-issue page would cost more than it tells.
const PROGRESS_EVERY_MS = 2_000;
const JOB_MARKER_TTL_SECONDS = 900;

/** What the job marker holds while the consumer computes. */
interface JobMarker {
  startedAt: string;
  progress?: TrendsProgress;
}

/** The months a report of `month` reads, oldest first. */
export const reportMonths = (month: string) =>
  Array.from({ length: REPORT_MONTHS }, (_, index) => shiftMonth(month, index - REPORT_MONTHS + 1));

/** The current month where the day begins first (UTC+14), and the oldest month a report may show. */
export function monthWindow(now: Date): { oldest: string; latest: string } {
  const latest = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 7);
  return { oldest: shiftMonth(latest, -MONTHS_BACK), latest };
}

// Issue 12 item 8: a bounded set of months, so a viewer cannot make the app compute and keep any month back to year 0.
function checkMonth(month: string, now: Date): void {
  const { oldest, latest } = monthWindow(now);
  if (month > latest)
    throw new AppError('InvalidInput', `${month} has not begun yet; pick this month or an earlier one.`, {
      fields: { month: 'a month that has begun' },
    });
  if (month < oldest)
    throw new AppError('InvalidInput', `Trends go back to ${oldest}; pick that month or a later one.`, {
      fields: { month: `a month from ${oldest} on` },
    });
}

/**
 * The projects whose figures the viewer sees: the ones asked for (each must be one they can browse),
 * or, when none are asked for, every project they can browse.
 */
function viewerScope(requested: readonly string[], browsable: readonly string[]): string[] {
  const refused = requested.filter((key) => !browsable.includes(key));
  if (refused.length > 0)
    throw new AppError(
      'Forbidden',
      `You cannot browse ${refused.join(', ')} in Jira (or no such project exists); pick projects you can open.`,
      { fields: { projectKeys: 'projects you can browse' } },
    );
  return requested.length > 0 ? [...requested] : [...browsable];
}

/**
 * The global page's figures for a viewer: the app's stored per-project aggregates, merged over the
 * projects the viewer may browse (asked of Jira as the viewer). Warm: one permission check and one
 * batched storage read. Cold months are computed as the app — inline when they fit the resolver,
 * else by the async consumer while the page polls and shows progress.
 */
export async function loadTrends(
  services: Services,
  viewer: ViewerProjectCache,
  month: string,
  projectKeys: string[],
): Promise<TrendsAnswer> {
  checkMonth(month, services.clock.now());
  const scope = viewerScope(projectKeys, await viewer.projectsOf(services));
  const months = reportMonths(month);
  const stored = await readStoredMonths(services.kv, months, scope);
  if (months.every((m) => stored.markers.has(m)))
    return { state: 'ready', trends: trendsView(month, projectKeys, scope, stored) };

  const pending = await services.kv.get<JobMarker>(trendJobKey(month));
  if (pending) return { state: 'computing', ...pending };
  const missing = months.filter((m) => !stored.markers.has(m));
  const [first, last] = [missing[0] ?? month, missing.at(-1) ?? month];
  const settings = await loadSettings(services.kv, services.logger);
  const stopCounting = new AbortController();
  const counting = retryingJiraPort(services.jiraAsApp, {
    clock: services.clock,
    budgetMs: 5_000,
    maxAttempts: 3,
    signal: stopCounting.signal,
  });
  const totals = await countWindow(counting, stopCounting, settings, first, last);
  const issuesTotal = totals.incidents + totals.actionItems;
  if (issuesTotal > INLINE_ISSUE_LIMIT)
    return { state: 'computing', ...(await queueTrendsRefresh(services, month, issuesTotal)) };
  try {
    await computeTrendMonths(services, first, last, {
      deadlineMs: services.clock.now().getTime() + INLINE_READ_MS,
      totals,
    });
  } catch (error) {
    if (!(error instanceof TrendReadDeadline)) throw error;
    return { state: 'computing', ...(await queueTrendsRefresh(services, month, issuesTotal)) };
  }
  const computed = await readStoredMonths(services.kv, months, scope);
  return { state: 'ready', trends: trendsView(month, projectKeys, scope, computed) };
}

/** The consumer's job: computes the report's missing months as the app, writing progress as it reads. */
export async function computeQueuedTrends(services: Services, month: string): Promise<void> {
  const months = reportMonths(month);
  const stored = await readStoredMonths(services.kv, months, []);
  const missing = months.filter((m) => !stored.markers.has(m));
  const [first, last] = [missing[0], missing.at(-1)];
  if (first !== undefined && last !== undefined)
    await computeTrendMonths(services, first, last, {
      deadlineMs: services.clock.now().getTime() + 800_000,
      onProgress: await progressReporter(services, month),
    });
  await services.kv.delete(trendJobKey(month));
}

/** Hands a month's cold computation to the async consumer, once: a marker already there means it is queued. */
export async function queueTrendsRefresh(
  services: Services,
  month: string,
  issuesTotal: number,
): Promise<JobMarker> {
  const key = trendJobKey(month);
  const marker: JobMarker = {
    startedAt: services.clock.now().toISOString(),
    progress: { issuesRead: 0, issuesTotal },
  };
  if (!(await services.kv.setIfAbsent(key, marker, { ttlSeconds: JOB_MARKER_TTL_SECONDS })))
    return (await services.kv.get<JobMarker>(key)) ?? marker;
  await services.queue.push({ type: 'refresh-trends', month, projectKeys: [] });
  return marker;
}

/** Keeps the job marker's progress current, at most every 2 s. */
async function progressReporter(
  services: Services,
  month: string,
): Promise<(progress: TrendsProgress) => Promise<void>> {
  const key = trendJobKey(month);
  const startedAt = (await services.kv.get<JobMarker>(key))?.startedAt ?? services.clock.now().toISOString();
  let lastWrite = 0;
  return async (progress) => {
    const now = services.clock.now().getTime();
    if (now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    await services.kv.set(key, { startedAt, progress } satisfies JobMarker, {
      ttlSeconds: JOB_MARKER_TTL_SECONDS,
    });
  };
}

/** The report, charts and maturity of `month` from the stored aggregates of the projects in `scope`. */
export function trendsView(
  month: string,
  projectKeys: string[],
  scope: readonly string[],
  stored: StoredMonths,
): TrendsView {
  const latest = stored.markers.get(month) as MonthMarker;
  const rules: TrendRules = latest.rules;
  const merged = new Map<string, MonthAggregate>(
    [...stored.aggregates].map(([m, parts]) => [m, mergeMonthAggregates(m, parts)]),
  );
  const report = monthlyTrendReportOf(merged, month, rules.timeZone);
  const current = merged.get(month);
  const inWindow = [...merged.values()];
  const maturity = maturityLevel({
    majorIncidents: current?.majorIncidents ?? 0,
    majorIncidentsWithPostmortem: current?.majorIncidentsWithPostmortem ?? 0,
    postmortemCompletionRate: report.processMetrics.postmortemCompletionRate,
    actionItemsInJira: inWindow.reduce((sum, aggregate) => sum + aggregate.actionItemsCreated, 0),
    actionItemCompletionByDueDate: report.processMetrics.actionItemCompletionByDueDate,
    repeatIncidentRate: report.processMetrics.repeatIncidentRate,
    indexedFinalPostmortems: inWindow.reduce((sum, aggregate) => sum + aggregate.finalPostmortems, 0),
    declared: {
      // This report is the monthly trend analysis: computing it means the organisation runs one.
      monthlyTrendAnalysis: true,
      ...rules.maturityDeclarations,
    },
  });
  const window = windowOfMonths(shiftMonth(month, 1 - REPORT_MONTHS), month);
  return {
    month,
    projectKeys,
    projectsShown: [...scope],
    report,
    series: twelveMonthSeriesOf(merged, month),
    maturity,
    markdown: renderTrendReportMarkdown(report),
    computedAt: latest.dataAsOf,
    jql: {
      ...trendQueries(rules, projectKeys, window.from, window.to),
      monthIncidents: monthIncidentsJql(rules, month, projectKeys),
    },
  };
}

/**
 * The month's incidents alone, for the page's "Show incidents in Jira" link. Jira reads the day
 * literals in the viewer's zone, so at the month's edges it may differ from the report's buckets.
 */
export function monthIncidentsJql(rules: TrendRules, month: string, projectKeys: string[]): string {
  const [incidentsOfMonth] = trendQueries(
    rules,
    projectKeys,
    `${month}-01`,
    `${shiftMonth(month, 1)}-01`,
  ).incidents.split(' ORDER BY ');
  return `${incidentsOfMonth ?? ''} ORDER BY created ASC`;
}
