import type { TrendsView } from '../../../src/contract/global-page-api';
import type { Services } from '../../../src/services';
import { saveSlackWebhookUrl } from '../../../src/storage/settings-store';
import { sendMonthlyTrendReport } from '../../../src/usecases/monthly-trend-report';
import { refreshTrendCaches } from '../../../src/usecases/trends/refresh-trend-caches';
import { fakeClock } from '../../helpers/fake-clock';
import { february2025AndMarch2025, NOW } from './march-2025';
import { trendsHarness, USER_ACCOUNT_ID, type TrendsHarness } from './trends-harness';

/** Can browse nothing at all (no project of the site). */
const OUTSIDER = '6a20bb1c93f06d33dd1e5f02';
/** Can browse OPS only. */
const OPS_ONLY = '6a20bb1c93f06d33dd1e5f03';
const DAY_MS = 86_400_000;

/** February/March 2025 in INC, plus March incidents in OPS, one of them with a secret component. */
function twoProjects(): TrendsHarness {
  const harness = trendsHarness(NOW);
  harness.emulator.seed(february2025AndMarch2025());
  harness.emulator.seed([
    opsIncident('OPS-1', 'SEV-1', 'Project-Phoenix-Secret', '2025-03-04T10:00:00.000+0000', 30),
    opsIncident('OPS-2', 'SEV-1', 'Project-Phoenix-Secret', '2025-03-05T10:00:00.000+0000', 60),
    opsIncident('OPS-3', 'SEV-2', 'Storage', '2025-03-06T10:00:00.000+0000', 90),
  ]);
  harness.emulator.setPermissions(OUTSIDER, { browse: true, edit: false, projects: [] });
  harness.emulator.setPermissions(OPS_ONLY, { browse: true, edit: false, projects: ['OPS'] });
  return harness;
}

function opsIncident(key: string, severity: string, component: string, created: string, minutes: number) {
  const resolved = new Date(Date.parse(created) + minutes * 60_000).toISOString();
  return {
    key,
    fields: {
      summary: `Incident ${key}`,
      issuetype: { name: 'Incident' },
      project: { key: 'OPS' },
      status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } },
      labels: [severity],
      components: [{ name: component }],
      created,
      updated: resolved,
      resolutiondate: resolved,
    },
  };
}

async function trendsAs(
  harness: TrendsHarness,
  accountId: string,
  projectKeys: string[] = [],
  month = '2025-03',
): Promise<TrendsView> {
  const answer = await harness.invoke('getTrends', { month, projectKeys }, accountId);
  if (!answer.ok) throw new Error(`getTrends failed: ${answer.error.kind} ${answer.error.message}`);
  if (answer.data.state !== 'ready') throw new Error(`getTrends is ${answer.data.state}`);
  return answer.data.trends;
}

/** The figures a viewer must not see from projects they cannot browse. */
function figures(trends: TrendsView) {
  const { report, series, maturity } = trends;
  return {
    incidents: report.incidents.current,
    sev1: report.sev1.current,
    sev2: report.sev2.current,
    mttr: report.mttrMinutes.current,
    actionItems: report.actionItemsCreated.current,
    categories: report.topCategories.map((top) => top.category),
    seriesIncidents: series.reduce(
      (sum, point) => sum + point.sev1 + point.sev2 + point.sev3 + point.sev4,
      0,
    ),
    completion: report.processMetrics.postmortemCompletionRate.denominator,
    repeats: report.processMetrics.repeatIncidentRate.denominator,
    maturityEvidence: maturity.levels.flatMap((level) =>
      level.criteria.map((criterion) => criterion.evidence),
    ),
  };
}

const NOTHING = {
  incidents: 0,
  sev1: 0,
  sev2: 0,
  mttr: null,
  actionItems: 0,
  categories: [],
  seriesIncidents: 0,
  completion: 0,
  repeats: 0,
};

describe('global page figures are true for every viewer (issue 13)', () => {
  it('does not show an admin’s figures to a user who can browse nothing (the leak)', async () => {
    const harness = twoProjects();
    const admin = await trendsAs(harness, USER_ACCOUNT_ID);
    expect(admin.report.sev1.current).toBe(4);
    expect(admin.report.topCategories.map((top) => top.category)).toContain('Project-Phoenix-Secret');

    const outsider = await trendsAs(harness, OUTSIDER);
    expect(figures(outsider)).toMatchObject(NOTHING);
    expect(JSON.stringify(outsider)).not.toContain('Project-Phoenix-Secret');
    expect(outsider.projectsShown).toEqual([]);
  });

  it('keeps the true figures when a user who can browse nothing loads a month first (the poisoning)', async () => {
    const harness = twoProjects();
    expect(figures(await trendsAs(harness, OUTSIDER))).toMatchObject(NOTHING);

    const admin = await trendsAs(harness, USER_ACCOUNT_ID);
    expect(admin.report.sev1.current).toBe(4);
    expect(admin.report.incidents.current).toBe(7);

    // The daily refresh keeps the closed month as it is, and the monthly Slack report has the truth.
    harness.clock.advance(DAY_MS);
    await refreshTrendCaches(harness.services());
    expect((await trendsAs(harness, USER_ACCOUNT_ID)).report.sev1.current).toBe(4);
    const slackPosts: unknown[] = [];
    const services: Services = {
      ...harness.services(),
      slack: { send: async (_url, payload) => (slackPosts.push(payload), { ok: true, status: 200 }) },
    };
    await saveSlackWebhookUrl(services.kv, 'https://hooks.slack.com/services/T000/B000/XXXX');
    // Posted on the first business day of April (a later run of the same day's schedule).
    expect(await sendMonthlyTrendReport({ ...services, clock: fakeClock('2025-04-01T09:00:00.000Z') })).toBe(
      'sent',
    );
    expect(JSON.stringify(slackPosts)).toContain('SEV-1 Incidents         4          1');
  });

  it('does not give a user who can browse nothing the figures after the daily refresh (the escalation)', async () => {
    const harness = twoProjects();
    expect(figures(await trendsAs(harness, OUTSIDER, [], '2025-04'))).toMatchObject({ incidents: 0 });
    harness.clock.advance(DAY_MS);
    await refreshTrendCaches(harness.services());
    harness.clock.advance(DAY_MS);
    const nextDay = await trendsAs(harness, OUTSIDER, [], '2025-04');
    expect(nextDay.series.every((point) => point.sev1 + point.sev2 + point.sev3 + point.sev4 === 0)).toBe(
      true,
    );
    expect(nextDay.maturity.level).toBe(1);
  });

  it('shows a user who can browse one of two projects exactly that project’s figures', async () => {
    const harness = twoProjects();
    const opsOnly = await trendsAs(harness, OPS_ONLY);
    expect(opsOnly.projectsShown).toEqual(['OPS']);
    // OPS alone: two SEV-1 (30 and 60 min), one SEV-2 (90 min), by hand.
    expect(opsOnly.report.incidents.current).toBe(3);
    expect(opsOnly.report.sev1.current).toBe(2);
    expect(opsOnly.report.sev2.current).toBe(1);
    expect(opsOnly.report.mttrMinutes.current).toBe(60);
    expect(opsOnly.report.actionItemsCreated.current).toBe(0);
    expect(opsOnly.report.topCategories).toEqual([
      { rank: 1, category: 'Project-Phoenix-Secret', count: 2 },
      { rank: 2, category: 'Storage', count: 1 },
    ]);
    // The same as an admin filtering to OPS.
    const adminOps = await trendsAs(harness, USER_ACCOUNT_ID, ['OPS']);
    expect(figures(opsOnly)).toEqual(figures(adminOps));
  });

  it('refuses a project the viewer cannot browse, and one that does not exist, alike', async () => {
    const harness = twoProjects();
    for (const projectKeys of [['INC'], ['OPS', 'INC'], ['NOPE']]) {
      const answer = await harness.invoke('getTrends', { month: '2025-03', projectKeys }, OPS_ONLY);
      expect(answer).toMatchObject({ ok: false, error: { kind: 'Forbidden' } });
    }
  });

  it('answers Forbidden when there is no signed-in user, instead of using the app’s access', async () => {
    const harness = twoProjects();
    // An invocation without a principal (no accountId in the context Forge sends).
    const answer = await harness.platform.invokeResolver({
      moduleKey: 'incident-learning-page',
      functionKey: 'getTrends',
      payload: { month: '2025-03', projectKeys: [] },
    });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'Forbidden' } });
    expect(harness.takeRequests()).toEqual([]);
  });

  it('leaves incidents with an issue security level out of every viewer’s figures', async () => {
    const harness = twoProjects();
    const secret = opsIncident('OPS-4', 'SEV-1', 'Breach', '2025-03-07T10:00:00.000+0000', 20);
    harness.emulator.seed([
      { ...secret, fields: { ...secret.fields, security: { id: '10100', name: 'Security' } } },
    ]);
    // Even a user inside the level does not see it counted: the figures are shared by everyone who can browse OPS.
    harness.emulator.setPermissions(OPS_ONLY, {
      browse: true,
      edit: false,
      projects: ['OPS'],
      securityLevels: ['Security'],
    });
    const opsOnly = await trendsAs(harness, OPS_ONLY);
    expect(opsOnly.report.sev1.current).toBe(2);
    expect(JSON.stringify(opsOnly)).not.toContain('Breach');
    expect(opsOnly.jql.incidents).toContain('level IS EMPTY');
  });
});

describe('global page months and projects are bounded (issue 12 item 8)', () => {
  it('answers InvalidInput, not Internal, for month 0000-01 and for months before the 36 kept', async () => {
    const harness = twoProjects();
    for (const month of ['0000-01', '1900-01', '2022-03']) {
      const answer = await harness.invoke('getTrends', { month, projectKeys: [] });
      expect(answer).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
    }
    expect(harness.takeRequests()).toEqual([]);
    // 36 months back from April 2025 is still served.
    expect((await harness.invoke('getTrends', { month: '2022-04', projectKeys: [] })).ok).toBe(true);
  });

  it('reads one project for ["inc", "INC", " inc "]: keys are normalised and de-duplicated', async () => {
    const harness = twoProjects();
    const trends = await trendsAs(harness, USER_ACCOUNT_ID, ['inc', 'INC', ' inc ']);
    expect(trends.projectKeys).toEqual(['INC']);
    expect(trends.projectsShown).toEqual(['INC']);
    expect(trends.report.sev1.current).toBe(2);
  });

  it('stores only keys Forge accepts, one aggregate per project and month', async () => {
    const harness = twoProjects();
    await trendsAs(harness, USER_ACCOUNT_ID);
    await trendsAs(harness, USER_ACCOUNT_ID, ['INC']);
    await trendsAs(harness, OPS_ONLY);
    const keys: string[] = [];
    for await (const { key } of harness.services().kv.listByPrefix('')) keys.push(key);
    for (const key of keys) expect(key).toMatch(/^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/);
    const aggregates = keys.filter((key) => key.startsWith('trends-agg:'));
    // Months with issues: INC in February and March 2025, OPS in March 2025.
    expect(aggregates.sort()).toEqual([
      'trends-agg:2025-02:INC',
      'trends-agg:2025-03:INC',
      'trends-agg:2025-03:OPS',
    ]);
  });
});
