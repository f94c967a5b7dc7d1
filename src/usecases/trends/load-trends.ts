import { AppError } from '../../contract/errors';
import type { TrendsAnswer, TrendsProgress, TrendsView } from '../../contract/global-page-api';
import {
  maturityLevel,
  monthKeyOf,
  monthlyTrendReport,
  renderTrendReportMarkdown,
  severityOf,
  twelveMonthSeries,
  type TrendCacheIndexEntry,
} from '../../domain/trends';
import { shiftMonth } from '../../domain/trends/month-arithmetic';
import type { AppSettings } from '../../domain/settings/app-settings';
import { withRetry } from '../../jira/retry-policy';
import { approximateCount } from '../../jira/search-jql';
import type { JiraPort, KvPort } from '../../ports';
import type { Services } from '../../services';
import { loadSettings } from '../../storage/settings-store';
import {
  fetchActionItemRecords,
  fetchIncidentRecords,
  trendQueries,
  type TrendQueries,
} from './trend-inputs';
import { keySegment } from '../../storage/storage-key';

// Above this many issues a cold refresh may not fit a resolver's 25 s: it moves to the async consumer.
export const INLINE_ISSUE_LIMIT = 4_000;
// One progress write per this much time: a KVS write per 100-issue page would cost more than it tells.
const PROGRESS_EVERY_MS = 2_000;
const JOB_MARKER_TTL_SECONDS = 900;

interface CachedTrends {
  trends: TrendsView;
}

/** What the job marker holds while the consumer computes (older markers were the bare start time). */
interface JobMarker {
  startedAt: string;
  progress?: TrendsProgress;
}

export const TRENDS_CACHE_PREFIX = 'trends:';
// All projects is `*`, several are comma-separated: both outside Forge's key alphabet, so encoded.
export const trendsCacheKey = (month: string, projectKeys: string[]) =>
  `${TRENDS_CACHE_PREFIX}${month}:${keySegment([...projectKeys].sort().join(',') || '*')}`;
const jobMarkerKey = (cacheKey: string) => `trends-job:${cacheKey}`;
/** One small index entry per cached report, so the daily refresh lists them without reading reports. */
export const TREND_CACHE_INDEX_PREFIX = 'trends-index:';
export interface TrendCacheIndexValue extends TrendCacheIndexEntry {
  /** The queries behind the report; entries written before they were recorded have none. */
  jql?: TrendQueries;
}
const indexKey = (cacheKey: string) => `${TREND_CACHE_INDEX_PREFIX}${cacheKey}`;

const dayBefore = (month: string) =>
  new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const markerOf = (value: JobMarker | string): JobMarker =>
  typeof value === 'string' ? { startedAt: value } : value;

/**
 * Drops every cached report and its index entry: after a settings change (incident JQL, severity or
 * category source, time zone, holidays, thresholds…) they count by the old rules, and the daily
 * refresh would only look for changed issues, not changed rules. The next read computes afresh.
 */
export async function dropTrendCaches(kv: KvPort): Promise<number> {
  const keys: string[] = [];
  for (const prefix of [TRENDS_CACHE_PREFIX, TREND_CACHE_INDEX_PREFIX])
    for await (const { key } of kv.listByPrefix(prefix)) keys.push(key);
  for (const key of keys) await kv.delete(key);
  return keys.length;
}

/** Warm: one storage read. Cold: computed here when small, else handed to the consumer (poll again). */
export async function loadTrends(
  services: Services,
  month: string,
  projectKeys: string[],
): Promise<TrendsAnswer> {
  // A month that has not begun anywhere has no data, and caching it would have the daily refresh redo it.
  const latestMonth = new Date(services.clock.now().getTime() + 14 * 3_600_000).toISOString().slice(0, 7);
  if (month > latestMonth)
    throw new AppError('InvalidInput', `${month} has not begun yet; pick this month or an earlier one.`, {
      fields: { month: 'a month that has begun' },
    });
  const cacheKey = trendsCacheKey(month, projectKeys);
  const cached = await services.kv.get<CachedTrends>(cacheKey);
  if (cached) return { state: 'ready', trends: cached.trends };

  const pending = await services.kv.get<JobMarker | string>(jobMarkerKey(cacheKey));
  if (pending) return { state: 'computing', ...markerOf(pending) };

  const settings = await loadSettings(services.kv, services.logger);
  const queries = windowQueries(settings, month, projectKeys);
  const attempt = <T>(call: () => Promise<T>) =>
    withRetry(call, { clock: services.clock, budgetMs: 5_000, maxAttempts: 3 });
  const issuesTotal = await attempt(() => countWindowIssues(services.jiraAsUser, queries));
  if (issuesTotal > INLINE_ISSUE_LIMIT) {
    const marker = await queueTrendsRefresh(services, month, projectKeys, issuesTotal);
    return { state: 'computing', ...marker };
  }
  return { state: 'ready', trends: await refreshTrends(services, month, projectKeys, 'user') };
}

/** Fetches, aggregates and caches one month's report (the consumer and the daily refresh call this too). */
export async function refreshTrends(
  services: Services,
  month: string,
  projectKeys: string[],
  actor: 'user' | 'app',
): Promise<TrendsView> {
  const settings = await loadSettings(services.kv, services.logger);
  const jira = actor === 'user' ? services.jiraAsUser : services.jiraAsApp;
  const queries = windowQueries(settings, month, projectKeys);
  const deadline = services.clock.now().getTime() + (actor === 'user' ? 20_000 : 800_000);
  const attempt = <T>(call: () => Promise<T>) =>
    withRetry(call, {
      clock: services.clock,
      maxAttempts: 5,
      budgetMs: Math.max(0, deadline - services.clock.now().getTime()),
    });
  const cacheKey = trendsCacheKey(month, projectKeys);
  const dataAsOf = services.clock.now().toISOString();
  const reportProgress = await progressReporter(services, cacheKey, actor);
  const read = { incidents: 0, actionItems: 0 };
  const [incidents, actionItems] = await Promise.all([
    attempt(() =>
      fetchIncidentRecords(jira, queries.incidents, settings, (count) => {
        read.incidents = count;
        return reportProgress(read.incidents + read.actionItems);
      }),
    ),
    attempt(() =>
      fetchActionItemRecords(jira, queries.actionItems, (count) => {
        read.actionItems = count;
        return reportProgress(read.incidents + read.actionItems);
      }),
    ),
  ]);
  const input = { incidents, actionItems, month, timeZone: settings.timeZone, holidays: settings.holidays };
  const report = monthlyTrendReport(input);
  const monthIncidents = incidents.filter(
    (incident) => monthKeyOf(incident.created, settings.timeZone) === month,
  );
  const major = monthIncidents.filter((incident) => ['SEV-1', 'SEV-2'].includes(severityOf(incident) ?? ''));
  const maturity = maturityLevel({
    majorIncidents: major.length,
    majorIncidentsWithPostmortem: major.filter((incident) => incident.postmortem !== null).length,
    postmortemCompletionRate: report.processMetrics.postmortemCompletionRate,
    actionItemsInJira: actionItems.length,
    actionItemCompletionByDueDate: report.processMetrics.actionItemCompletionByDueDate,
    repeatIncidentRate: report.processMetrics.repeatIncidentRate,
    indexedFinalPostmortems: incidents.filter((incident) => incident.postmortem?.status === 'FINAL').length,
    declared: {
      // This report is the monthly trend analysis: computing it means the organisation runs one.
      monthlyTrendAnalysis: true,
      ...settings.maturityDeclarations,
    },
  });
  const trends: TrendsView = {
    month,
    projectKeys,
    report,
    series: twelveMonthSeries({ incidents, actionItems, endMonth: month, timeZone: settings.timeZone }),
    maturity,
    markdown: renderTrendReportMarkdown(report),
    computedAt: services.clock.now().toISOString(),
    jql: { ...queries, monthIncidents: monthIncidentsJql(settings, month, projectKeys) },
  };
  await services.kv.set(cacheKey, { trends } satisfies CachedTrends);
  await services.kv.set(indexKey(cacheKey), {
    month,
    projectKeys,
    dataAsOf,
    jql: queries,
  } satisfies TrendCacheIndexValue);
  await services.kv.delete(jobMarkerKey(cacheKey));
  return trends;
}

/** Hands one month's refresh to the async consumer, once: a marker already there means it is queued. */
export async function queueTrendsRefresh(
  services: Services,
  month: string,
  projectKeys: string[],
  issuesTotal: number,
): Promise<JobMarker> {
  const key = jobMarkerKey(trendsCacheKey(month, projectKeys));
  const marker: JobMarker = {
    startedAt: services.clock.now().toISOString(),
    progress: { issuesRead: 0, issuesTotal },
  };
  if (!(await services.kv.setIfAbsent(key, marker, { ttlSeconds: JOB_MARKER_TTL_SECONDS }))) {
    const existing = await services.kv.get<JobMarker | string>(key);
    if (existing) return markerOf(existing);
    await services.kv.set(key, marker, { ttlSeconds: JOB_MARKER_TTL_SECONDS });
  }
  await services.queue.push({ type: 'refresh-trends', month, projectKeys });
  return marker;
}

/** Jira's approximate count of the issues a month's report reads (incidents and action items). */
export async function countWindowIssues(
  jira: JiraPort,
  queries: TrendQueries,
  extraClause = '',
): Promise<number> {
  const [incidents, actionItems] = await Promise.all([
    approximateCount(jira, { jql: stripOrder(queries.incidents) + extraClause }),
    approximateCount(jira, { jql: stripOrder(queries.actionItems) + extraClause }),
  ]);
  return incidents + actionItems;
}

/** In the consumer, keeps the job marker's progress current (at most every 2 s); a no-op inline. */
async function progressReporter(
  services: Services,
  cacheKey: string,
  actor: 'user' | 'app',
): Promise<(issuesRead: number) => Promise<void>> {
  const key = jobMarkerKey(cacheKey);
  const found = actor === 'app' ? await services.kv.get<JobMarker | string>(key) : undefined;
  if (!found) return async () => undefined;
  const marker = markerOf(found);
  let lastWrite = 0;
  return async (issuesRead) => {
    const now = services.clock.now().getTime();
    if (now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    const issuesTotal = Math.max(marker.progress?.issuesTotal ?? 0, issuesRead);
    await services.kv.set(
      key,
      { startedAt: marker.startedAt, progress: { issuesRead, issuesTotal } } satisfies JobMarker,
      { ttlSeconds: JOB_MARKER_TTL_SECONDS },
    );
  };
}

export function windowQueries(settings: AppSettings, month: string, projectKeys: string[]): TrendQueries {
  // A day of margin on each side: Jira reads date literals in the user's zone, the buckets use the configured one.
  return trendQueries(settings, projectKeys, dayBefore(shiftMonth(month, -11)), nextDayAfterMonth(month));
}

/**
 * The month's incidents alone, for the page's "Show incidents in Jira" link. Jira reads the day
 * literals in the viewer's zone, so at the month's edges it may differ from the report's buckets.
 */
export function monthIncidentsJql(settings: AppSettings, month: string, projectKeys: string[]): string {
  const [incidentsOfMonth] = trendQueries(
    settings,
    projectKeys,
    `${month}-01`,
    `${shiftMonth(month, 1)}-01`,
  ).incidents.split(' ORDER BY ');
  return `${incidentsOfMonth ?? ''} ORDER BY created ASC`;
}

function nextDayAfterMonth(month: string): string {
  return new Date(Date.parse(`${shiftMonth(month, 1)}-01T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const stripOrder = (jql: string) => jql.replace(/\s+ORDER BY .*$/i, '');
