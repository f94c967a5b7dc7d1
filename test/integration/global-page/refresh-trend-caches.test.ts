import { postmortemJobsConsumer } from '../../../src/handlers/consumers/postmortem-jobs-consumer';
import { editIssue } from '../../../src/jira/issues';
import { loadSettings, saveSettings } from '../../../src/storage/settings-store';
import { trendsCacheKey } from '../../../src/usecases/trends/load-trends';
import { refreshTrendCaches } from '../../../src/usecases/trends/refresh-trend-caches';
import { february2025AndMarch2025, NOW } from './march-2025';
import { trendsHarness, USER_ACCOUNT_ID, type TrendsHarness } from './trends-harness';

const DAY_MS = 86_400_000;

async function cachedReport(harness: TrendsHarness, month: string) {
  const answer = await harness.invoke('getTrends', { month, projectKeys: [] });
  if (!answer.ok || answer.data.state !== 'ready') throw new Error(`no report for ${month}`);
  return answer.data.trends;
}

/** March 2025 (closed on NOW, 2025-04-10) and April 2025 (open) cached by a user's visit on NOW. */
async function cachedMonths(): Promise<TrendsHarness> {
  const harness = trendsHarness(NOW);
  harness.emulator.seed(february2025AndMarch2025());
  await cachedReport(harness, '2025-03');
  await cachedReport(harness, '2025-04');
  harness.takeRequests();
  return harness;
}

const paths = (harness: TrendsHarness) => harness.takeRequests().map((request) => request.path);
const SEARCH = '/rest/api/3/search/jql';
const COUNT = '/rest/api/3/search/approximate-count';

describe('daily refresh of the cached trend reports (through the Jira emulator)', () => {
  it('leaves a closed month whose issues did not change: two approximate counts, no search', async () => {
    const harness = await cachedMonths();
    harness.clock.advance(DAY_MS);
    const march = await cachedReport(harness, '2025-03');
    harness.takeRequests();

    const summary = await refreshTrendCaches(harness.services());

    expect(summary).toMatchObject({ unchanged: 1, recomputed: 1, queued: 0, failed: 0 });
    const requests = harness.takeRequests();
    const marchRequests = requests.filter((request) => String(request.body).includes('2025-04-02'));
    expect(marchRequests.map((request) => request.path)).toEqual([COUNT, COUNT]);
    for (const request of marchRequests) {
      // 12 hours before the data was read, so no zone Jira reads the literal in can skip a change.
      expect(String(request.body)).toContain('AND updated >= \\"2025-04-09 21:00\\"');
    }
    expect(await cachedReport(harness, '2025-03')).toEqual(march);
  });

  it('recomputes a closed month when one of its issues changed since the last refresh', async () => {
    const harness = await cachedMonths();
    harness.clock.advance(3_600_000);
    // INC-6 was SEV-2; someone raises it to SEV-1 in Jira.
    await editIssue(harness.emulator.jiraPort(USER_ACCOUNT_ID), {
      issueIdOrKey: 'INC-6',
      labels: { remove: ['SEV-2'], add: ['SEV-1'] },
    });
    harness.clock.advance(DAY_MS);
    harness.takeRequests();

    const summary = await refreshTrendCaches(harness.services());

    expect(summary).toMatchObject({ unchanged: 0, recomputed: 2, failed: 0 });
    expect(paths(harness).filter((path) => path === SEARCH).length).toBeGreaterThanOrEqual(4);
    const march = await cachedReport(harness, '2025-03');
    expect(march.report.sev1.current).toBe(3);
    expect(march.report.sev2.current).toBe(0);
    expect(march.computedAt).toBe(harness.clock.now().toISOString());
  });

  it('always recomputes the open month, even when nothing changed', async () => {
    const harness = await cachedMonths();
    harness.clock.advance(DAY_MS);
    harness.takeRequests();

    await refreshTrendCaches(harness.services());

    const aprilSearches = harness
      .takeRequests()
      .filter((request) => request.path === SEARCH && String(request.body).includes('2025-05-02'));
    expect(aprilSearches).toHaveLength(2);
    expect((await cachedReport(harness, '2025-04')).computedAt).toBe(harness.clock.now().toISOString());
  });

  it('is idempotent: a second run at once (the trigger fired twice) reads nothing and changes nothing', async () => {
    const harness = await cachedMonths();
    harness.clock.advance(DAY_MS);
    await refreshTrendCaches(harness.services());
    const march = await cachedReport(harness, '2025-03');
    const april = await cachedReport(harness, '2025-04');
    harness.takeRequests();

    const again = await refreshTrendCaches(harness.services());

    expect(again).toEqual({ recomputed: 0, queued: 0, unchanged: 0, fresh: 2, failed: 0 });
    expect(harness.takeRequests()).toEqual([]);
    expect(await cachedReport(harness, '2025-03')).toEqual(march);
    expect(await cachedReport(harness, '2025-04')).toEqual(april);
    expect(harness.jobs).toEqual([]);
  });

  it('recomputes a closed month when the incident JQL changed in the settings', async () => {
    const harness = await cachedMonths();
    const services = harness.services();
    await saveSettings(services.kv, {
      ...(await loadSettings(services.kv)),
      incidentJql: 'issuetype = Incident AND project = INC',
    });
    harness.clock.advance(DAY_MS);
    harness.takeRequests();

    const summary = await refreshTrendCaches(services);

    expect(summary).toMatchObject({ recomputed: 2, unchanged: 0 });
    expect((await cachedReport(harness, '2025-03')).jql.incidents).toContain('project = INC');
  });

  it('hands a large month to the async consumer, once, and keeps serving the cached report meanwhile', async () => {
    const harness = await cachedMonths();
    harness.emulator.seed(
      Array.from({ length: 4_000 }, (_, index) => ({
        key: `INC-${100 + index}`,
        fields: {
          issuetype: { name: 'Incident' },
          project: { key: 'INC' },
          labels: ['SEV-3'],
          created: '2025-03-20T10:00:00.000+0000',
        },
      })),
    );
    const before = await cachedReport(harness, '2025-03');
    harness.clock.advance(DAY_MS);

    const summary = await refreshTrendCaches(harness.services());
    const second = await refreshTrendCaches(harness.services());

    expect(summary).toMatchObject({ queued: 2, recomputed: 0 });
    expect(second).toMatchObject({ queued: 2 });
    expect(harness.jobs).toEqual([
      { type: 'refresh-trends', month: '2025-03', projectKeys: [] },
      { type: 'refresh-trends', month: '2025-04', projectKeys: [] },
    ]);
    expect(await cachedReport(harness, '2025-03')).toEqual(before);

    await postmortemJobsConsumer(harness.jobs[0], harness.services());
    expect((await cachedReport(harness, '2025-03')).report.incidents.current).toBe(4 + 4_000);
    expect(await refreshTrendCaches(harness.services())).toMatchObject({ fresh: 1, queued: 1 });
    expect(harness.jobs).toHaveLength(2);
  });

  it('never throws when Jira keeps failing: counts the failures and keeps the cached reports', async () => {
    const harness = await cachedMonths();
    const march = await cachedReport(harness, '2025-03');
    harness.clock.advance(DAY_MS);
    harness.emulator.faults.add({ method: 'POST', path: /approximate-count$/, response: { status: 503 } });

    const summary = await refreshTrendCaches(harness.services());

    expect(summary).toEqual({ recomputed: 0, queued: 0, unchanged: 0, fresh: 0, failed: 2 });
    expect(await cachedReport(harness, '2025-03')).toEqual(march);
  });

  it('indexes a report cached before the index existed, then treats it like any other', async () => {
    const harness = await cachedMonths();
    const services = harness.services();
    await services.kv.delete(`trends-index:${trendsCacheKey('2025-03', [])}`);
    harness.clock.advance(DAY_MS);

    const summary = await refreshTrendCaches(services);

    expect(summary).toMatchObject({ unchanged: 1, recomputed: 1, failed: 0 });
    expect(await services.kv.get(`trends-index:${trendsCacheKey('2025-03', [])}`)).toMatchObject({
      month: '2025-03',
      projectKeys: [],
      dataAsOf: harness.clock.now().toISOString(),
    });
  });
});
