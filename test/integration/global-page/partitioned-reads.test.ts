import type { JiraPort } from '../../../src/ports';
import { AdaptiveConcurrency } from '../../../src/usecases/trends/adaptive-concurrency';
import { readPartitions } from '../../../src/usecases/trends/read-partitions';
import { fakeClock } from '../../helpers/fake-clock';
import { createJiraEmulator } from '../../../emulator/jira-emulator';

const NOW = '2025-04-10T09:00:00.000Z';

function seededEmulator(count: number) {
  const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', now: () => new Date(NOW) });
  emulator.seed(
    Array.from({ length: count }, (_, index) => ({
      key: `INC-${index + 1}`,
      fields: {
        summary: `Incident ${index + 1}`,
        issuetype: { name: 'Incident' },
        project: { key: 'INC' },
        created: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
      },
    })),
  );
  return emulator;
}

const search = (partitions: string[]) => ({
  partitions,
  params: { fields: ['created'], maxResults: 100 },
  toRecord: (issue: { key: string }) => issue.key,
});

const tokenOf = (body: string | undefined) =>
  (JSON.parse(body ?? '{}') as { nextPageToken?: string }).nextPageToken;

describe('reading trend partitions concurrently', () => {
  it('retries a failed page with its own token instead of starting the partition again', async () => {
    const emulator = seededEmulator(450);
    const clock = fakeClock(NOW);
    let searches = 0;
    const jira: JiraPort = {
      requestJira(path, init) {
        searches += 1;
        // The third page is rate limited once.
        if (searches === 3)
          emulator.faults.add({
            path: /search\/jql$/,
            times: 1,
            response: { status: 429, retryAfterSeconds: 1 },
          });
        return emulator.appJiraPort().requestJira(path, init);
      },
    };
    const limiter = new AdaptiveConcurrency({ initial: 4, max: 4 });
    const keys: string[] = [];
    await readPartitions(
      search(['project = INC ORDER BY created ASC']),
      { jira: limiter.observe(jira), clock, limiter, deadlineMs: Date.parse(NOW) + 60_000 },
      (key) => keys.push(key),
    );
    expect(new Set(keys).size).toBe(450);
    const bodies = emulator.requests.map((request) => ({
      status: request.response?.status,
      token: tokenOf(request.body),
    }));
    expect(bodies.map((body) => body.status)).toEqual([200, 200, 429, 200, 200, 200]);
    // The retry asked for the page that failed, not page 1.
    expect(bodies[3]?.token).toBe(bodies[2]?.token);
    expect(bodies[3]?.token).toBeDefined();
    expect(clock.sleeps).toContain(1_000);
    expect(limiter.slowdowns).toBe(1);
  });

  it('runs partitions at once up to the limit, and fewer after a rate-limit signal', async () => {
    const emulator = seededEmulator(10);
    let inFlight = 0;
    let peak = 0;
    const slow: JiraPort = {
      async requestJira(path, init) {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return emulator.appJiraPort().requestJira(path, init);
      },
    };
    const partitions = Array.from({ length: 10 }, (_, index) => `key = INC-${index + 1}`);
    const limiter = new AdaptiveConcurrency({ initial: 3, max: 3 });
    await readPartitions(
      search(partitions),
      { jira: slow, clock: fakeClock(NOW), limiter, deadlineMs: Date.parse(NOW) + 60_000 },
      () => undefined,
    );
    expect(peak).toBe(3);
    limiter.slowDown();
    expect(limiter.limit).toBe(1);
  });

  it('slows down when Jira says the rate-limit budget is nearly spent', async () => {
    const limiter = new AdaptiveConcurrency({ initial: 8, max: 8 });
    const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
    const answering = (values: Record<string, string>): JiraPort => ({
      requestJira: async () => ({
        ok: true,
        status: 200,
        headers: headers(values),
        text: async () => '{}',
        json: async () => ({}),
      }),
    });
    const route = { value: '/rest/api/3/search/jql' } as Parameters<JiraPort['requestJira']>[0];
    await limiter.observe(answering({ 'X-RateLimit-NearLimit': 'true' })).requestJira(route);
    expect(limiter.limit).toBe(4);
    await limiter
      .observe(answering({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '10' }))
      .requestJira(route);
    expect(limiter.limit).toBe(2);
    await limiter
      .observe(answering({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '90' }))
      .requestJira(route);
    expect(limiter.limit).toBe(2);
  });
});
