import { z } from 'zod';
import type {
  FollowThroughView,
  GadgetConfig,
  GadgetList,
  OverdueActionItem,
  PostmortemDue,
} from '../../contract/dashboard-gadget-api';
import { daysOverdue } from '../../domain/follow-through';
import { localDayKey } from '../../domain/policy';
import type { AppSettings } from '../../domain/settings/app-settings';
import { severityBySource, severityFieldIds } from '../../domain/settings/severity-by-source';
import { monthKeyOf, monthlyTrendReport, trendOf } from '../../domain/trends';
import { shiftMonth } from '../../domain/trends/month-arithmetic';
import { ACTION_SOURCE_PROPERTY } from '../../domain/automation/action-item-issue';
import { incidentRuleFields } from '../../jira/incident-fields';
import { jqlString, projectScopeJql } from '../../jira/jql-literal';
import { POSTMORTEM_SUMMARY_PROPERTY, readPostmortemSummary } from '../../jira/postmortem-summary-property';
import { searchJqlAll, searchJqlPage } from '../../jira/search-jql';
import type { Services } from '../../services';
import { loadPostmortem } from '../../storage/postmortem-store';
import { loadSettings } from '../../storage/settings-store';
import { deadlineOf } from '../issue-context/load-glance';
import { incidentPolicy } from '../issue-panel/incident-policy';
import { windowOfMonths } from '../trends/compute-trend-months';
import { incidentSearch, trendQueries } from '../trends/trend-inputs';
import type { ViewerProjectCache } from '../trends/viewer-projects';

// A document is due 5 business days after resolution; a month back covers every one still open
// and keeps the search bounded.
const POSTMORTEM_LOOKBACK = '-30d';
// Jira's page size for search/jql with fields.
const PAGE_SIZE = 100;

const actionItemFields = z.looseObject({
  summary: z.string().default(''),
  duedate: z.string().nullish(),
  assignee: z.looseObject({ displayName: z.string().optional() }).nullish(),
  parent: z.looseObject({ key: z.string() }).nullish(),
});
const sourceSchema = z.looseObject({ incidentKey: z.string() });

/**
 * The dashboard gadget's content for one viewer, every Jira read made as that viewer (search/jql
 * asUser), so nothing they cannot browse is listed or counted. The projects are the gadget's
 * configured ones the viewer can browse (all they can browse when none are configured), narrowed
 * to the admin's project scope when one is set.
 */
export async function loadFollowThrough(
  services: Services,
  viewer: ViewerProjectCache,
  config: GadgetConfig,
): Promise<FollowThroughView> {
  const now = services.clock.now();
  const settings = await loadSettings(services.kv, services.logger);
  const browsable = await viewer.projectsOf(services);
  const configured = config.projectKeys;
  const visible = configured.length > 0 ? configured.filter((key) => browsable.includes(key)) : [];
  const adminScope = settings.projectKeys;
  const scope = narrow(configured.length > 0 ? visible : null, adminScope.length > 0 ? adminScope : null);
  const base = {
    asOf: now.toISOString(),
    configuredProjects: configured,
    hiddenProjects: configured.length - visible.length,
    rows: config.rows,
  };
  // A scope that excludes everything must not become "no project clause", which would mean every project.
  if (scope !== null && scope.length === 0) return { ...base, ...emptyContent(now, settings) };
  const scopeKeys = scope ?? [];
  const [overdueActionItems, postmortemsDue, majorIncidents] = await Promise.all([
    overdueItems(services, settings, scopeKeys, config.rows, now),
    postmortemsWithDeadlines(services, settings, scopeKeys, config.rows, now),
    majorIncidentFigures(services, settings, scopeKeys, now),
  ]);
  return { ...base, overdueActionItems, postmortemsDue, majorIncidents };
}

/** Both restrictions that apply (null: no restriction); an empty list shows nothing. */
function narrow(configured: string[] | null, admin: readonly string[] | null): string[] | null {
  if (configured === null) return admin === null ? null : [...admin];
  return admin === null ? configured : configured.filter((key) => admin.includes(key));
}

const scopeClause = (scopeKeys: readonly string[]) =>
  scopeKeys.length > 0 ? ` AND ${projectScopeJql(scopeKeys)}` : '';

function emptyContent(now: Date, settings: AppSettings) {
  const month = monthKeyOf(now.toISOString(), settings.timeZone);
  return {
    overdueActionItems: { items: [], more: false },
    postmortemsDue: { items: [], more: false },
    majorIncidents: {
      month,
      previousMonth: shiftMonth(month, -1),
      count: { current: 0, previous: 0, trend: trendOf(0, 0) },
      mttrMinutes: { current: null, previous: null, trend: null },
    },
  };
}

/** Open action items whose due day has ended in the team's zone, the longest overdue first. */
async function overdueItems(
  services: Services,
  settings: AppSettings,
  scopeKeys: readonly string[],
  rows: number,
  now: Date,
): Promise<GadgetList<OverdueActionItem>> {
  const today = localDayKey(now, settings.timeZone);
  const page = await searchJqlPage(services.jiraAsUser, {
    jql: `labels = ${jqlString(settings.actionItemLabel)}${scopeClause(scopeKeys)} AND statusCategory != Done AND duedate < "${today}" ORDER BY duedate ASC, key ASC`,
    fields: ['summary', 'duedate', 'assignee', 'parent'],
    properties: [ACTION_SOURCE_PROPERTY],
    fieldsSchema: actionItemFields,
    maxResults: rows,
  });
  const items = page.issues.flatMap((issue): OverdueActionItem[] => {
    const dueDate = issue.fields.duedate;
    if (!dueDate) return [];
    const days = daysOverdue(dueDate, now, settings.timeZone);
    if (days === 0) return [];
    const source = sourceSchema.safeParse(issue.properties?.[ACTION_SOURCE_PROPERTY]);
    return [
      {
        key: issue.key,
        url: `${services.siteUrl}/browse/${issue.key}`,
        summary: issue.fields.summary,
        assignee: issue.fields.assignee?.displayName ?? null,
        dueDate,
        daysOverdue: days,
        incidentKey: issue.fields.parent?.key ?? (source.success ? source.data.incidentKey : null),
      },
    ];
  });
  return { items, more: !page.isLast };
}

/**
 * Recently resolved incidents that require a postmortem and are not FINAL, whose next deadline (the
 * panel's and glance's rule) is due within a day or past, the most overdue first.
 */
async function postmortemsWithDeadlines(
  services: Services,
  settings: AppSettings,
  scopeKeys: readonly string[],
  rows: number,
  now: Date,
): Promise<GadgetList<PostmortemDue>> {
  // Every incident of the window (bounded by the lookback), so none with an open deadline is cut off.
  const incidents = await searchJqlAll(services.jiraAsUser, {
    jql: `(${settings.incidentJql})${scopeClause(scopeKeys)} AND resolved >= ${POSTMORTEM_LOOKBACK} ORDER BY resolved ASC`,
    fields: ['summary', 'created', 'resolutiondate', ...severityFieldIds(settings.severitySource)],
    properties: [POSTMORTEM_SUMMARY_PROPERTY],
    fieldsSchema: incidentRuleFields,
    maxResults: PAGE_SIZE,
  });
  const open = incidents.filter(
    (issue) => issue.fields.resolutiondate && readPostmortemSummary(issue.properties)?.status !== 'FINAL',
  );
  // The stored postmortems (the panel's facts: status, user impact), read together.
  const stored = await Promise.all(open.map((issue) => loadPostmortem(services.kv, issue.key)));
  const due: Array<PostmortemDue & { remainingMs: number }> = [];
  for (const [index, issue] of open.entries()) {
    const { fields } = issue;
    const summaryStatus = readPostmortemSummary(issue.properties)?.status ?? null;
    if (!fields.resolutiondate) continue;
    const document = stored[index]?.document ?? null;
    const status = document?.header.status ?? summaryStatus;
    const url = `${services.siteUrl}/browse/${issue.key}`;
    const policy = incidentPolicy(
      {
        view: {
          key: issue.key,
          summary: fields.summary,
          status: '',
          created: fields.created,
          resolved: fields.resolutiondate,
          severity: severityBySource(settings.severitySource, {
            labels: fields.labels,
            priorityName: fields.priority?.name,
            fields,
          }),
          url,
        },
        labels: fields.labels,
        reporterName: null,
        description: null,
      },
      document,
      settings,
      now,
    );
    if (!policy.required) continue;
    const { nearestDeadline } = deadlineOf(status, policy);
    if (!nearestDeadline || nearestDeadline.state === 'on-track') continue;
    due.push({
      key: issue.key,
      url,
      summary: fields.summary,
      status,
      deadline: nearestDeadline.kind,
      dueAt: nearestDeadline.dueAt,
      state: nearestDeadline.state,
      remainingMs: nearestDeadline.remainingMs,
    });
  }
  due.sort((a, b) => a.remainingMs - b.remainingMs || (a.key < b.key ? -1 : 1));
  return {
    items: due.slice(0, rows).map(({ remainingMs: _remaining, ...item }) => item),
    more: due.length > rows,
  };
}

/** This month's and last month's SEV-1 + SEV-2 count and MTTR, by the trends' definitions. */
async function majorIncidentFigures(
  services: Services,
  settings: AppSettings,
  scopeKeys: readonly string[],
  now: Date,
): Promise<FollowThroughView['majorIncidents']> {
  const month = monthKeyOf(now.toISOString(), settings.timeZone);
  const previousMonth = shiftMonth(month, -1);
  const window = windowOfMonths(previousMonth, month);
  const search = incidentSearch(settings, []);
  const issues = await searchJqlAll(services.jiraAsUser, {
    ...search.params,
    jql: trendQueries(settings, scopeKeys, window.from, window.to).incidents,
  });
  const report = monthlyTrendReport({
    incidents: issues.map(search.toRecord),
    actionItems: [],
    month,
    timeZone: settings.timeZone,
    holidays: settings.holidays,
  });
  const current = report.sev1.current + report.sev2.current;
  const previous = report.sev1.previous + report.sev2.previous;
  return {
    month,
    previousMonth,
    count: { current, previous, trend: trendOf(current, previous) },
    mttrMinutes: report.mttrMinutes,
  };
}
