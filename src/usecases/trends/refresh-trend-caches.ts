import { z } from 'zod';
import { monthKeyOf } from '../../domain/trends';
import { shiftMonth } from '../../domain/trends/month-arithmetic';
import { jqlString } from '../../jira/jql-literal';
import type { Services } from '../../services';
import { loadSettings } from '../../storage/settings-store';
import { AdaptiveConcurrency } from './adaptive-concurrency';
import { computeTrendMonths, TREND_CONCURRENCY, windowOfMonths } from './compute-trend-months';
import { monthWindow, REPORT_MONTHS } from './load-trends';
import { readPartitions } from './read-partitions';
import { TREND_PAGE_SIZE } from './trend-inputs';
import { deleteStoredMonths, listMonthMarkers } from './trend-store';

export interface TrendCacheRefreshSummary {
  /** Issues found changed since the last refresh. */
  changedIssues: number;
  /** Project-months read again. */
  recomputed: number;
  /** Months dropped for being older than any report shows. */
  pruned: number;
  failed: number;
}

/** When the last refresh that finished began: the next one asks for changes since then (less a margin). */
const CHECKPOINT_KEY = 'trends-refresh-checkpoint';
// Search lags writes by seconds to minutes (DESIGN "Search is eventually consistent"); an update
// indexed up to 6 h late is still found by the next day's refresh.
const INDEX_LAG_MARGIN_MS = 6 * 3_600_000;
// A run that began this recently leaves nothing to do: the scheduled trigger may fire twice.
const FRESH_MS = 3_600_000;
// The scheduled trigger has 900 s; what is left after this is redone the next day.
const REFRESH_BUDGET_MS = 600_000;

const changedFields = z.looseObject({
  project: z.looseObject({ key: z.string() }),
  created: z.string(),
});

/**
 * The daily refresh of the stored aggregates: finds the incidents and action items updated since the
 * last refresh began (less a margin for index lag) and reads again only the projects and months they
 * belong to. The change search uses a relative time (`updated >= "-N m"`): Jira reads a date literal
 * in the searching user's zone, a relative time is the same instant in every zone. Never throws: a
 * failure is logged, the checkpoint stays, and the next run asks again from the same point.
 */
export async function refreshTrendCaches(services: Services): Promise<TrendCacheRefreshSummary> {
  const summary: TrendCacheRefreshSummary = { changedIssues: 0, recomputed: 0, pruned: 0, failed: 0 };
  const { kv, clock } = services;
  const startedAt = clock.now();
  const deadlineMs = startedAt.getTime() + REFRESH_BUDGET_MS;
  try {
    const settings = await loadSettings(kv, services.logger);
    // A report of the oldest month that can be asked for reads the 11 months before it.
    const oldestKept = shiftMonth(monthWindow(startedAt).oldest, 1 - REPORT_MONTHS);
    const all = await listMonthMarkers(kv);
    const markers = all.filter((marker) => marker.month >= oldestKept);
    const pruned = all.filter((marker) => marker.month < oldestKept).map((marker) => marker.month);
    await deleteStoredMonths(kv, pruned);
    summary.pruned = pruned.length;
    const months = new Set(markers.map((marker) => marker.month));
    const sorted = [...months].sort();
    const [first, last] = [sorted[0], sorted.at(-1)];
    if (first === undefined || last === undefined) return summary;

    const lastRun = await kv.get<string>(CHECKPOINT_KEY);
    if (lastRun !== undefined && startedAt.getTime() - Date.parse(lastRun) < FRESH_MS) return summary;
    const checkpoint = lastRun ?? markers.map((m) => m.dataAsOf).sort()[0];
    const sinceMs = Date.parse(checkpoint ?? startedAt.toISOString()) - INDEX_LAG_MARGIN_MS;
    const minutes = Math.ceil((startedAt.getTime() - sinceMs) / 60_000);
    const window = windowOfMonths(first, last);
    // Without the security-level clause: an issue that gained a level must leave its month's figures.
    const changedSince = `created >= "${window.from}" AND created < "${window.to}" AND updated >= "-${minutes}m"`;
    const limiter = new AdaptiveConcurrency(TREND_CONCURRENCY);
    const changed: Array<{ project: string; month: string }> = [];
    await readPartitions(
      {
        partitions: [
          `(${settings.incidentJql}) AND ${changedSince}`,
          `labels = ${jqlString(settings.actionItemLabel)} AND ${changedSince}`,
        ],
        params: { fields: ['project', 'created'], fieldsSchema: changedFields, maxResults: TREND_PAGE_SIZE },
        toRecord: (issue) => ({
          project: issue.fields.project.key,
          month: monthKeyOf(issue.fields.created, settings.timeZone),
        }),
      },
      { jira: limiter.observe(services.jiraAsApp), clock, limiter, deadlineMs },
      (issue) => changed.push(issue),
    );
    summary.changedIssues = changed.length;
    const monthsByProject = new Map<string, Set<string>>();
    for (const { project, month } of changed) {
      if (!months.has(month)) continue;
      monthsByProject.set(project, (monthsByProject.get(project) ?? new Set()).add(month));
    }
    for (const [project, changedMonths] of monthsByProject) {
      const span = [...changedMonths].sort();
      await computeTrendMonths(services, span[0] as string, span.at(-1) as string, {
        deadlineMs,
        projectKeys: [project],
        limiter,
      });
      summary.recomputed += changedMonths.size;
    }
    await kv.set(CHECKPOINT_KEY, startedAt.toISOString());
  } catch (error) {
    summary.failed += 1;
    services.logger.warn(
      'could not refresh the trend aggregates; the next run asks again from the same point',
      {
        error: error instanceof Error ? error.message : String(error),
      },
    );
  }
  services.logger.info('refreshed trend aggregates', { ...summary });
  return summary;
}
