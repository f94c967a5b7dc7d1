import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { saveSettings } from '../../../src/storage/settings-store';
import { february2025AndMarch2025, NOW } from './march-2025';
import { trendsHarness, type TrendsHarness } from './trends-harness';

function seeded(): TrendsHarness {
  const harness = trendsHarness(NOW);
  harness.emulator.seed(february2025AndMarch2025());
  return harness;
}

async function readyTrends(harness: TrendsHarness, month = '2025-03') {
  const answer = await harness.invoke('getTrends', { month, projectKeys: [] });
  if (!answer.ok) throw new Error(`getTrends failed: ${answer.error.message}`);
  if (answer.data.state !== 'ready') throw new Error(`getTrends is ${answer.data.state}`);
  return answer.data.trends;
}

const trend = (arrow: string, percent: number) => expect.objectContaining({ arrow, percent });

describe('global page: getTrends through the Jira emulator', () => {
  it("reports March 2025's SEV-1/SEV-2 counts, MTTR and action items against February", async () => {
    const { report } = await readyTrends(seeded());
    expect(report.month).toBe('2025-03');
    expect(report.previousMonth).toBe('2025-02');
    expect(report.incidents).toEqual({ current: 4, previous: 3, trend: trend('↑', 33) });
    expect(report.sev1).toEqual({ current: 2, previous: 1, trend: trend('↑', 100) });
    expect(report.sev2).toEqual({ current: 1, previous: 2, trend: trend('↓', 50) });
    expect(report.mttrMinutes).toEqual({ current: 49, previous: 70, trend: trend('↓', 30) });
    expect(report.actionItemsCreated).toEqual({ current: 4, previous: 2, trend: trend('↑', 100) });
    expect(report.actionItemsCompleted).toEqual({
      current: { done: 3, created: 4, percent: 75 },
      previous: { done: 1, created: 2, percent: 50 },
      trend: trend('↑', 50),
    });
    expect(report.topCategories).toEqual([
      { rank: 1, category: 'Database', count: 2 },
      { rank: 2, category: 'Config', count: 1 },
      { rank: 3, category: 'Network', count: 1 },
    ]);
  });

  it("counts severities from the admin's configured source (a custom field here)", async () => {
    const harness = trendsHarness(NOW);
    const beans = february2025AndMarch2025() as Array<{ key: string; fields: Record<string, unknown> }>;
    const inc7 = beans.find((bean) => bean.key === 'INC-7');
    if (inc7) inc7.fields.customfield_10050 = { value: 'SEV-1', id: '10100' };
    harness.emulator.seed(beans);
    await saveSettings(harness.services().kv, {
      ...DEFAULT_SETTINGS,
      severitySource: {
        ...DEFAULT_SETTINGS.severitySource,
        kind: 'custom-field',
        customFieldId: 'customfield_10050',
      },
    });
    const { report } = await readyTrends(harness);
    // INC-4 and INC-5 keep their reviewed SEV-1 (postmortem), INC-7 is SEV-1 by the field; the SEV labels no longer count.
    expect(report.sev1).toMatchObject({ current: 3, previous: 0 });
    expect(report.sev2).toMatchObject({ current: 0, previous: 0 });
    const [search] = harness.takeRequests().filter((request) => request.path === '/rest/api/3/search/jql');
    expect((JSON.parse(String(search?.body)) as { fields: string[] }).fields).toContain('customfield_10050');
  });

  it('computes the four process metrics of March 2025', async () => {
    const { processMetrics } = (await readyTrends(seeded())).report;
    expect(processMetrics.postmortemCompletionRate).toMatchObject({
      value: 67,
      numerator: 2,
      denominator: 3,
      met: false,
    });
    expect(processMetrics.timeToPostmortem).toMatchObject({
      value: 5.5,
      numerator: 11,
      denominator: 2,
      withinTarget: 1,
      met: false,
    });
    expect(processMetrics.actionItemCompletionByDueDate).toMatchObject({
      value: 33,
      numerator: 1,
      denominator: 3,
      withoutDueDate: 1,
      met: false,
    });
    expect(processMetrics.repeatIncidentRate).toMatchObject({
      value: 75,
      numerator: 3,
      denominator: 4,
      met: false,
    });
  });

  it("renders the reference's Markdown overview table for the month", async () => {
    const { markdown } = await readyTrends(seeded());
    expect(markdown).toContain('# Incident Trend Report – March 2025');
    expect(markdown).toContain('| Metric | Mar 2025 | Feb 2025 | Trend |');
    expect(markdown).toContain('| SEV-1 Incidents | 2 | 1 | ↑ 100% |');
    expect(markdown).toContain('| SEV-2 Incidents | 1 | 2 | ↓ 50% |');
    expect(markdown).toContain('| MTTR Average | 49 min | 70 min | ↓ 30% |');
    expect(markdown).toContain('| Action items created | 4 | 2 | ↑ |');
    expect(markdown).toContain('| Action items completed | 3/4 (75%) | 1/2 (50%) | ↑ |');
    expect(markdown).toContain('1. **Database** – 2 incidents');
  });

  it('answers a stored month with one batched storage read and one permission check as the viewer', async () => {
    const harness = seeded();
    const cold = await readyTrends(harness);
    // Past the brief per-account cache, so the viewer's projects are asked again.
    harness.clock.advance(31_000);
    harness.takeRequests();
    harness.platform.storageRequests.length = 0;
    const warm = await readyTrends(harness);
    // What @forge/kvs sent the platform's storage API: one batch read, nothing else.
    expect(harness.platform.storageRequests).toEqual(['/api/v1/batch/get']);
    const requests = harness.takeRequests();
    expect(requests.map((request) => request.path)).toEqual([
      '/rest/api/3/project/search?action=browse&startAt=0&maxResults=100',
    ]);
    expect(warm).toEqual(cold);
  });

  it('asks Jira only bounded JQL with the fields the metrics read, 100 issues a page', async () => {
    const harness = seeded();
    await readyTrends(harness);
    const searches = harness.takeRequests().filter((request) => request.path === '/rest/api/3/search/jql');
    expect(searches).toHaveLength(2);
    for (const search of searches) {
      const body = JSON.parse(String(search.body)) as { jql: string; maxResults: number; fields: string[] };
      expect(body.jql).toMatch(/created >= "2024-03-31" AND created < "2025-04-02"/);
      expect(body.maxResults).toBe(100);
      expect(body.fields).not.toContain('*all');
    }
  });

  it("links the overview to the month's incidents alone, not the report's 13-month window", async () => {
    const trends = await readyTrends(seeded());
    expect(trends.jql.monthIncidents).toBe(
      '(issuetype = Incident) AND level IS EMPTY AND created >= "2025-03-01" AND created < "2025-04-01" ORDER BY created ASC',
    );
  });

  it('refuses a month that has not begun yet, without asking Jira or caching anything', async () => {
    const harness = seeded();
    const answer = await harness.invoke('getTrends', { month: '2025-05', projectKeys: [] });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
    expect(harness.takeRequests()).toEqual([]);
    const thisMonth = await harness.invoke('getTrends', { month: '2025-04', projectKeys: [] });
    expect(thisMonth.ok).toBe(true);
  });

  it('retries a 429 after its Retry-After and still answers the report', async () => {
    const harness = seeded();
    harness.emulator.faults.add({
      method: 'POST',
      path: /\/search\/jql$/,
      times: 1,
      response: { status: 429, retryAfterSeconds: 1 },
    });
    const { report } = await readyTrends(harness);
    expect(report.sev1.current).toBe(2);
    // The app waits in its invocation (a real timer on the platform) before it asks for that page again.
    const searches = harness.takeRequests().filter((request) => request.path === '/rest/api/3/search/jql');
    const [limited, ...rest] = searches;
    expect(limited?.status).toBe(429);
    const retried = rest.find((request) => request.body === limited?.body);
    expect(retried?.status).toBe(200);
    expect((retried?.atMs ?? 0) - (limited?.atMs ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('answers Unavailable with what to do when Jira keeps failing with 503', async () => {
    const harness = seeded();
    harness.emulator.faults.add({ method: 'POST', path: /\/search\/jql$/, response: { status: 503 } });
    const answer = await harness.invoke('getTrends', { month: '2025-03', projectKeys: [] });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'Unavailable' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/Jira is unavailable \(HTTP 503\)/);
  });

  it('answers RateLimited when Jira keeps answering 429', async () => {
    const harness = seeded();
    harness.emulator.faults.add({
      method: 'POST',
      path: /\/search\/approximate-count$/,
      response: { status: 429, retryAfterSeconds: 30 },
    });
    const answer = await harness.invoke('getTrends', { month: '2025-03', projectKeys: [] });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'RateLimited' } });
  });

  it('rejects a malformed month with InvalidInput', async () => {
    const answer = await seeded().invoke('getTrends', { month: '2025-13', projectKeys: [] });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
  });
});

describe('global page: a cold month that does not fit a resolver call', () => {
  // Jira answering each search in 3 s (fake time): 13 pages outrun the 20 s a resolver may read for.
  function slowJira(): TrendsHarness {
    const harness = trendsHarness(NOW, { appSearchMs: 3_000 });
    harness.emulator.seed(february2025AndMarch2025());
    harness.emulator.seed(
      Array.from({ length: 1_200 }, (_, index) => ({
        key: `INC-${100 + index}`,
        fields: {
          summary: `Bulk ${index}`,
          issuetype: { name: 'Incident' },
          project: { key: 'INC' },
          labels: ['SEV-3'],
          created: `2025-01-${String((index % 28) + 1).padStart(2, '0')}T10:00:00.000+0000`,
          resolutiondate: `2025-01-${String((index % 28) + 1).padStart(2, '0')}T10:20:00.000+0000`,
        },
      })),
    );
    return harness;
  }

  it('goes to the async consumer, shows progress while it reads, then serves the report', async () => {
    const harness = slowJira();
    // The queue is busy: the job waits there until the test lets the platform deliver it.
    harness.holdQueuedJobs();
    const first = await harness.invoke('getTrends', { month: '2025-03', projectKeys: [] });
    expect(first).toMatchObject({
      ok: true,
      data: { state: 'computing', progress: { issuesRead: 0, issuesTotal: 1_213 } },
    });
    expect(harness.jobs).toEqual([{ type: 'refresh-trends', month: '2025-03', projectKeys: [] }]);
    harness.takeRequests();

    // Asking again while it is queued neither queues a second job nor reads Jira.
    await harness.invoke('getTrends', { month: '2025-03', projectKeys: [] });
    expect(harness.jobs).toHaveLength(1);
    expect(harness.takeRequests()).toEqual([]);

    // The platform delivers the job to the consumer, which reads page by page; the page polls in between
    // and sees the count grow.
    const seen: unknown[] = [];
    harness.onAppSearch(async () => {
      const answer = await harness.invoke('getTrends', { month: '2025-03', projectKeys: [] });
      if (answer.ok && answer.data.state === 'computing') seen.push(answer.data.progress?.issuesRead);
    });
    await harness.deliverQueuedJobs();
    harness.onAppSearch(null);
    expect(
      harness.platform.invocations.filter((call) => call.moduleKey === 'postmortem-jobs-consumer'),
    ).toEqual([{ functionKey: 'jobs-consumer', moduleKey: 'postmortem-jobs-consumer' }]);
    const progress = seen.filter((value): value is number => typeof value === 'number');
    expect(new Set(progress).size).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeGreaterThan(1_000);
    expect(progress.at(-1)).toBeLessThanOrEqual(1_213);

    const { report } = await readyTrends(harness);
    expect(report.sev1.current).toBe(2);
    expect(report.incidents.current).toBe(4);
  });
});
