import type { TrendsView } from '../contract/global-page-api';
import { monthlyReportDue } from '../domain/policy';
import { monthlyReportMessage } from '../domain/slack/monthly-report-message';
import { monthKeyOf } from '../domain/trends';
import type { Services } from '../services';
import { loadSettings, loadSlackWebhookUrl } from '../storage/settings-store';
import { resolveSiteUrl } from './site-url';
import { computeTrendMonths } from './trends/compute-trend-months';
import { reportMonths, trendsView } from './trends/load-trends';
import { projectsWithData, readStoredMonths } from './trends/trend-store';

export type MonthlyReportOutcome = 'sent' | 'not-due' | 'already-sent' | 'no-webhook' | 'failed';

// Kept long enough to outlive the catch-up window of the month the marker belongs to.
const MARKER_TTL_SECONDS = 40 * 86_400;
// While a run works on it: longer than a scheduled invocation may live (900 s), so a run the platform
// kills half-way leaves the report to the next run instead of marking it sent.
const CLAIM_TTL_SECONDS = 15 * 60;

export const monthlyReportMarkerKey = (month: string) => `monthly-report:${month}`;

// Search is eventually consistent: a write shows "from seconds to minutes" later (RFC-61,
// https://community.developer.atlassian.com/t/rfc-61-evolving-search-capabilities-addressing-scalability-with-a-new-enhanced-search-api/83027),
// so a month's last writes may reach the index after the month ended. A report counts the month only
// once this margin has passed since its end: neither a run nor a stored month read sooner than that.
const INDEX_SETTLE_MS = 60 * 60 * 1000;

/** True when `instant` lies at least INDEX_SETTLE_MS after `month` ended in `timeZone`. */
function monthSettled(instant: Date, month: string, timeZone: string): boolean {
  return monthKeyOf(new Date(instant.getTime() - INDEX_SETTLE_MS).toISOString(), timeZone) > month;
}

/**
 * On the first business day of a month (configured zone and holidays), posts the previous month's
 * trend report to Slack, once: the marker is claimed before sending and released when Slack fails, so
 * a later run (the same day, or a day of the catch-up window) tries again without ever posting twice.
 */
export async function sendMonthlyTrendReport(services: Services): Promise<MonthlyReportOutcome> {
  const { kv, clock } = services;
  const settings = await loadSettings(kv, services.logger);
  const due = monthlyReportDue(clock.now(), { timeZone: settings.timeZone, holidays: settings.holidays });
  // Within the first hour after midnight: the next daily run, still in the catch-up window, sends it.
  if (!due || !monthSettled(clock.now(), due.reportMonth, settings.timeZone)) return 'not-due';
  const webhook = await loadSlackWebhookUrl(kv);
  if (!webhook) return 'no-webhook';
  const marker = monthlyReportMarkerKey(due.reportMonth);
  if (!(await kv.setIfAbsent(marker, clock.now().toISOString(), { ttlSeconds: CLAIM_TTL_SECONDS })))
    return 'already-sent';

  try {
    const trends = await completeMonthTrends(services, due.reportMonth, settings.projectKeys);
    const siteUrl = await resolveSiteUrl({ siteUrl: services.siteUrl, kv, jira: services.jiraAsApp });
    const message = monthlyReportMessage({
      markdown: trends.markdown,
      projectKeys: settings.projectKeys,
      reportUrl: services.globalPagePath
        ? `${siteUrl}${services.globalPagePath}${reportQuery(due.reportMonth, settings.projectKeys)}`
        : null,
    });
    const result = await services.slack.send(webhook, message);
    if (result.ok) {
      await kv.set(marker, clock.now().toISOString(), { ttlSeconds: MARKER_TTL_SECONDS });
      return 'sent';
    }
    services.logger.warn('monthly trend report not delivered', {
      status: result.status,
      error: result.error,
    });
  } catch (error) {
    await kv.delete(marker);
    throw error;
  }
  await kv.delete(marker);
  return 'failed';
}

/** The global page's address for the same report: the month and, when scoped, the projects. */
function reportQuery(month: string, projectKeys: string[]): string {
  return `?month=${month}${projectKeys.length > 0 ? `&projects=${projectKeys.join(',')}` : ''}`;
}

/**
 * The report over the projects the admin configured for it (all projects when none), from the stored
 * aggregates — computed as the app, so whoever looked at the page before cannot change it. Months
 * not stored, and the month itself unless read an hour or more after it ended, are read from Jira first.
 */
async function completeMonthTrends(
  services: Services,
  month: string,
  projectKeys: string[],
): Promise<TrendsView> {
  const months = reportMonths(month);
  const markersOnly = await readStoredMonths(services.kv, months, []);
  const stale = months.filter((m) => {
    const marker = markersOnly.markers.get(m);
    return !marker || (m === month && !monthSettled(new Date(marker.dataAsOf), m, marker.rules.timeZone));
  });
  const [first, last] = [stale[0], stale.at(-1)];
  if (first !== undefined && last !== undefined)
    await computeTrendMonths(services, first, last, {
      deadlineMs: services.clock.now().getTime() + 600_000,
    });
  const scope =
    projectKeys.length > 0
      ? projectKeys
      : [...new Set((await Promise.all(months.map((m) => projectsWithData(services.kv, m)))).flat())].sort();
  return trendsView(month, projectKeys, scope, await readStoredMonths(services.kv, months, scope));
}
