import type { TrendsAnswer, TrendsView } from '../../contract/global-page-api';
import {
  maturityLevel,
  monthKeyOf,
  monthlyTrendReport,
  renderTrendReportMarkdown,
  severityOf,
  twelveMonthSeries,
} from '../../domain/trends';
import { shiftMonth } from '../../domain/trends/month-arithmetic';
import { withRetry } from '../../jira/retry-policy';
import { approximateCount } from '../../jira/search-jql';
import type { Services } from '../../services';
import { loadSettings } from '../../storage/settings-store';
import { fetchActionItemRecords, fetchIncidentRecords, trendQueries } from './trend-inputs';

// Above this many issues a cold refresh may not fit a resolver's 25 s: it moves to the async consumer.
export const INLINE_ISSUE_LIMIT = 4_000;

interface CachedTrends {
  trends: TrendsView;
}

export const trendsCacheKey = (month: string, projectKeys: string[]) =>
  `trends:${month}:${[...projectKeys].sort().join(',') || '*'}`;
const jobMarkerKey = (cacheKey: string) => `trends-job:${cacheKey}`;

const dayBefore = (month: string) =>
  new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Warm: one storage read. Cold: computed here when small, else handed to the consumer (poll again). */
export async function loadTrends(
  services: Services,
  month: string,
  projectKeys: string[],
): Promise<TrendsAnswer> {
  const cacheKey = trendsCacheKey(month, projectKeys);
  const cached = await services.kv.get<CachedTrends>(cacheKey);
  if (cached) return { state: 'ready', trends: cached.trends };

  const pendingSince = await services.kv.get<string>(jobMarkerKey(cacheKey));
  if (pendingSince) return { state: 'computing', startedAt: pendingSince };

  const settings = await loadSettings(services.kv, services.logger);
  const queries = windowQueries(settings, month, projectKeys);
  const attempt = <T>(call: () => Promise<T>) =>
    withRetry(call, { clock: services.clock, budgetMs: 5_000, maxAttempts: 3 });
  const [incidents, actionItems] = await Promise.all([
    attempt(() => approximateCount(services.jiraAsUser, { jql: stripOrder(queries.incidents) })),
    attempt(() => approximateCount(services.jiraAsUser, { jql: stripOrder(queries.actionItems) })),
  ]);
  if (incidents + actionItems > INLINE_ISSUE_LIMIT) {
    const startedAt = services.clock.now().toISOString();
    await services.kv.set(jobMarkerKey(cacheKey), startedAt, { ttlSeconds: 900 });
    await services.queue.push({ type: 'refresh-trends', month, projectKeys });
    return { state: 'computing', startedAt };
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
  const [incidents, actionItems] = await Promise.all([
    attempt(() => fetchIncidentRecords(jira, queries.incidents, settings)),
    attempt(() => fetchActionItemRecords(jira, queries.actionItems)),
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
    jql: queries,
  };
  const cacheKey = trendsCacheKey(month, projectKeys);
  await services.kv.set(cacheKey, { trends } satisfies CachedTrends);
  await services.kv.delete(jobMarkerKey(cacheKey));
  return trends;
}

function windowQueries(settings: Parameters<typeof trendQueries>[0], month: string, projectKeys: string[]) {
  // A day of margin on each side: Jira reads date literals in the user's zone, the buckets use the configured one.
  return trendQueries(settings, projectKeys, dayBefore(shiftMonth(month, -11)), nextDayAfterMonth(month));
}

function nextDayAfterMonth(month: string): string {
  return new Date(Date.parse(`${shiftMonth(month, 1)}-01T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const stripOrder = (jql: string) => jql.replace(/\s+ORDER BY .*$/i, '');
