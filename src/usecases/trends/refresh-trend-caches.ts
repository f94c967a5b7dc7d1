import { trendRefreshDecision, updatedSinceJqlLiteral, type TrendRefreshDecision } from '../../domain/trends';
import type { TrendsView } from '../../contract/global-page-api';
import { withRetry } from '../../jira/retry-policy';
import type { Services } from '../../services';
import { loadSettings } from '../../storage/settings-store';
import {
  countWindowIssues,
  INLINE_ISSUE_LIMIT,
  queueTrendsRefresh,
  refreshTrends,
  TREND_CACHE_INDEX_PREFIX,
  TRENDS_CACHE_PREFIX,
  windowQueries,
  type TrendCacheIndexValue,
} from './load-trends';
import type { TrendQueries } from './trend-inputs';

export interface TrendCacheRefreshSummary {
  recomputed: number;
  queued: number;
  unchanged: number;
  fresh: number;
  failed: number;
}

// The scheduled trigger has 900 s; past this, remaining recomputes go to the consumer instead.
const INLINE_BUDGET_MS = 600_000;

/**
 * The daily refresh of every cached trend report: the open month is recomputed, a closed month only
 * when an issue of its window changed since its data was read (one approximate count per query).
 * Never throws: one failing report is logged and the others still refresh.
 */
export async function refreshTrendCaches(services: Services): Promise<TrendCacheRefreshSummary> {
  const summary: TrendCacheRefreshSummary = { recomputed: 0, queued: 0, unchanged: 0, fresh: 0, failed: 0 };
  const settings = await loadSettings(services.kv, services.logger);
  const startedAt = services.clock.now().getTime();
  const attempt = <T>(call: () => Promise<T>) =>
    withRetry(call, { clock: services.clock, budgetMs: 30_000, maxAttempts: 4 });
  await indexCachedReports(services);

  for await (const { key, value: entry } of services.kv.listByPrefix<TrendCacheIndexValue>(
    TREND_CACHE_INDEX_PREFIX,
  )) {
    const decision: TrendRefreshDecision = trendRefreshDecision(
      entry,
      services.clock.now(),
      settings.timeZone,
    );
    try {
      if (decision === 'fresh') {
        summary.fresh += 1;
        continue;
      }
      const queries = windowQueries(settings, entry.month, entry.projectKeys);
      if (decision === 'check-for-changes' && sameQueries(entry, queries)) {
        const checkedAt = services.clock.now().toISOString();
        const changed = await attempt(() =>
          countWindowIssues(
            services.jiraAsApp,
            queries,
            ` AND updated >= "${updatedSinceJqlLiteral(entry.dataAsOf)}"`,
          ),
        );
        if (changed === 0) {
          // Nothing changed up to the check: the report is as good as one read now.
          await services.kv.set(key, { ...entry, dataAsOf: checkedAt } satisfies TrendCacheIndexValue);
          summary.unchanged += 1;
          continue;
        }
      }
      const issuesTotal = await attempt(() => countWindowIssues(services.jiraAsApp, queries));
      const inline =
        issuesTotal <= INLINE_ISSUE_LIMIT && services.clock.now().getTime() - startedAt < INLINE_BUDGET_MS;
      if (inline) {
        await refreshTrends(services, entry.month, entry.projectKeys, 'app');
        summary.recomputed += 1;
      } else {
        await queueTrendsRefresh(services, entry.month, entry.projectKeys, issuesTotal);
        summary.queued += 1;
      }
    } catch (error) {
      summary.failed += 1;
      services.logger.warn('could not refresh a cached trend report; it is tried again tomorrow', {
        month: entry.month,
        projectKeys: entry.projectKeys,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  services.logger.info('refreshed cached trend reports', { ...summary });
  return summary;
}

// Reports cached before the index existed get an entry once; the marker keeps later runs from listing reports.
const INDEX_BUILT_KEY = 'trends-index-built';

async function indexCachedReports(services: Services): Promise<void> {
  if (await services.kv.get<string>(INDEX_BUILT_KEY)) return;
  for await (const { key, value } of services.kv.listByPrefix<{ trends?: TrendsView }>(TRENDS_CACHE_PREFIX)) {
    const trends = value.trends;
    if (!trends || (await services.kv.get(`${TREND_CACHE_INDEX_PREFIX}${key}`)) !== undefined) continue;
    await services.kv.set(`${TREND_CACHE_INDEX_PREFIX}${key}`, {
      month: trends.month,
      projectKeys: trends.projectKeys,
      // The reads ended at computedAt; the 12-hour margin of the change check covers how long they took.
      dataAsOf: trends.computedAt,
      jql: trends.jql,
    } satisfies TrendCacheIndexValue);
  }
  await services.kv.set(INDEX_BUILT_KEY, services.clock.now().toISOString());
}

/** A changed incident JQL or action-item label (admin settings) makes a cached report stale. */
const sameQueries = (entry: TrendCacheIndexValue, queries: TrendQueries) =>
  entry.jql?.incidents === queries.incidents && entry.jql.actionItems === queries.actionItems;
