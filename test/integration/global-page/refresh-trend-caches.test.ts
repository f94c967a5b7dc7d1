import { editIssue } from '../../../src/jira/issues';
import { refreshTrendCaches } from '../../../src/usecases/trends/refresh-trend-caches';
import { february2025AndMarch2025, NOW } from './march-2025';
import { trendsHarness, USER_ACCOUNT_ID, type TrendsHarness } from './trends-harness';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SEARCH = '/rest/api/3/search/jql';

async function stored(harness: TrendsHarness, month: string, projectKeys: string[] = []) {
  const answer = await harness.invoke('getTrends', { month, projectKeys });
  if (!answer.ok || answer.data.state !== 'ready') throw new Error(`no report for ${month}`);
  return answer.data.trends;
}

/** February–April 2025 stored by a viewer's visit on NOW (2025-04-10), OPS with one March incident. */
async function storedMonths(): Promise<TrendsHarness> {
  const harness = trendsHarness(NOW);
  harness.emulator.seed(february2025AndMarch2025());
  harness.emulator.seed([
    {
      key: 'OPS-1',
      fields: {
        summary: 'Queue backlog',
        issuetype: { name: 'Incident' },
        project: { key: 'OPS' },
        labels: ['SEV-2'],
        created: '2025-03-12T10:00:00.000+0000',
        updated: '2025-03-12T11:00:00.000+0000',
        resolutiondate: '2025-03-12T11:00:00.000+0000',
      },
    },
  ]);
  await stored(harness, '2025-04');
  harness.takeRequests();
  return harness;
}

const searchBodies = (harness: TrendsHarness) =>
  harness
    .takeRequests()
    .filter((request) => request.path === SEARCH)
    .map((request) => (JSON.parse(String(request.body)) as { jql: string }).jql);

/** INC-6 goes from SEV-2 to SEV-1, an hour after the months were read. */
async function raiseInc6(harness: TrendsHarness): Promise<void> {
  harness.clock.advance(HOUR_MS);
  await editIssue(harness.emulator.jiraPort(USER_ACCOUNT_ID), {
    issueIdOrKey: 'INC-6',
    labels: { remove: ['SEV-2'], add: ['SEV-1'] },
  });
}

describe('daily refresh of the stored trend aggregates (through the Jira emulator)', () => {
  it('reads nothing again when nothing changed: one change search per kind, in relative time', async () => {
    const harness = await storedMonths();
    harness.clock.advance(DAY_MS);
    const summary = await refreshTrendCaches(harness.services());
    expect(summary).toEqual({ changedIssues: 0, recomputed: 0, pruned: 0, failed: 0 });
    const searches = searchBodies(harness);
    expect(searches).toHaveLength(2);
    // Since the months were read (a day ago) less 6 h for index lag: 30 h, a relative time Jira
    // reads as the same instant in every user's zone (a date literal it would read in the app user's zone).
    for (const jql of searches) expect(jql).toContain('AND updated >= "-1800m"');
  });

  it('is idempotent: a second run at once (the trigger fired twice) reads nothing', async () => {
    const harness = await storedMonths();
    await raiseInc6(harness);
    harness.clock.advance(DAY_MS);
    await refreshTrendCaches(harness.services());
    harness.takeRequests();
    harness.clock.advance(60_000);
    expect(await refreshTrendCaches(harness.services())).toMatchObject({ changedIssues: 0, recomputed: 0 });
    expect(harness.takeRequests()).toEqual([]);
  });

  it('reads again only the project and month an issue changed in', async () => {
    const harness = await storedMonths();
    await raiseInc6(harness);
    harness.clock.advance(DAY_MS);
    const summary = await refreshTrendCaches(harness.services());
    expect(summary).toMatchObject({ changedIssues: 1, recomputed: 1, failed: 0 });
    const recomputed = searchBodies(harness).filter((jql) => !jql.includes('updated >='));
    expect(recomputed.length).toBeGreaterThan(0);
    for (const jql of recomputed) {
      expect(jql).toContain('project in ("INC")');
      expect(jql).toContain('created >= "2025-02-28" AND created < "2025-04-02"');
    }
    const march = await stored(harness, '2025-03');
    expect(march.report.sev1.current).toBe(3);
    expect(march.report.sev2.current).toBe(1); // OPS-1, untouched and still counted
  });

  it('finds an update the search index showed only after the last refresh had run', async () => {
    const harness = await storedMonths();
    // The index stops taking writes: INC-6's edit is in Jira but not yet in search.
    harness.emulator.index.freeze();
    await raiseInc6(harness);
    harness.clock.advance(HOUR_MS);
    await refreshTrendCaches(harness.services());
    expect((await stored(harness, '2025-03')).report.sev1.current).toBe(2);
    // The next day the index has caught up: the change search reaches back past the last run's start.
    harness.emulator.index.unfreeze();
    harness.clock.advance(DAY_MS);
    const summary = await refreshTrendCaches(harness.services());
    expect(summary).toMatchObject({ changedIssues: 1, recomputed: 1 });
    expect((await stored(harness, '2025-03')).report.sev1.current).toBe(3);
  });

  it('finds an edit indexed after the month was read even where Jira reads dates at UTC−12', async () => {
    const harness = trendsHarness(NOW);
    harness.emulator.seed(february2025AndMarch2025());
    // INC-6 is raised a minute before the page reads March, but the index shows it only 10 minutes later.
    harness.emulator.index.setLag(10 * 60_000);
    await editIssue(harness.emulator.jiraPort(USER_ACCOUNT_ID), {
      issueIdOrKey: 'INC-6',
      labels: { remove: ['SEV-2'], add: ['SEV-1'] },
    });
    harness.clock.advance(60_000);
    expect((await stored(harness, '2025-03')).report.sev1.current).toBe(2);
    // A site whose default zone is UTC−12 (the app searches in it): a date literal would be read 12 h late.
    harness.emulator.addUser({
      accountId: 'site-zone-utc-minus-12',
      displayName: 'Site zone UTC-12',
      active: true,
      timeZone: 'Etc/GMT+12',
    });
    harness.clock.advance(DAY_MS);
    const summary = await refreshTrendCaches({
      ...harness.services(),
      jiraAsApp: harness.emulator.jiraPort('site-zone-utc-minus-12'),
    });
    expect(summary).toMatchObject({ changedIssues: 1, recomputed: 1, failed: 0 });
    expect((await stored(harness, '2025-03')).report.sev1.current).toBe(3);
  });

  it('asks again from the same point after a run that failed, and never throws', async () => {
    const harness = await storedMonths();
    await raiseInc6(harness);
    harness.clock.advance(DAY_MS);
    harness.emulator.faults.add({ method: 'POST', path: /\/search\/jql$/, response: { status: 503 } });
    expect(await refreshTrendCaches(harness.services())).toMatchObject({ failed: 1 });
    harness.emulator.faults.clear();
    harness.takeRequests();
    harness.clock.advance(DAY_MS);
    expect(await refreshTrendCaches(harness.services())).toMatchObject({ changedIssues: 1, failed: 0 });
    expect((await stored(harness, '2025-03')).report.sev1.current).toBe(3);
  });

  it('runs as the daily scheduled trigger on the Forge platform, as the app, with no user', async () => {
    const harness = await storedMonths();
    await raiseInc6(harness);
    harness.clock.advance(DAY_MS);
    await harness.platform.runScheduledTrigger('daily-postmortem-maintenance');
    const run = harness.platform.invocations.at(-1);
    expect(run).toEqual({ functionKey: 'daily-maintenance', moduleKey: 'daily-postmortem-maintenance' });
    expect(harness.platform.logs.join('\n')).toMatch(
      /"message":"refreshed trend aggregates".*"recomputed":1/,
    );
    expect((await stored(harness, '2025-03')).report.sev1.current).toBe(3);
  });

  it('drops months older than any report can show, with their aggregates', async () => {
    const harness = await storedMonths();
    // Three years and a year of charts later, February–April 2025 are past what a report reads.
    harness.clock.advance(4 * 366 * DAY_MS);
    const summary = await refreshTrendCaches(harness.services());
    expect(summary.pruned).toBe(12);
    const keys: string[] = [];
    for await (const { key } of harness.services().kv.listByPrefix('trends-agg:')) keys.push(key);
    expect(keys).toEqual([]);
  });
});
