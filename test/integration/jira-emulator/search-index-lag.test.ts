import { createJiraEmulator, DEFAULT_INDEX_LAG_MS, type JiraEmulator } from '../../../emulator/jira-emulator';
import type { IndexLag } from '../../../emulator/search-index';
import { fakeClock, type FakeClock } from '../../helpers/fake-clock';

interface Found {
  status: number;
  keys: string[];
  summaries: string[];
  body: unknown;
}

async function search(
  emulator: JiraEmulator,
  jql: string,
  extra: Record<string, unknown> = {},
  accountId?: string,
): Promise<Found> {
  const response = await emulator.handle({
    method: 'POST',
    path: '/rest/api/3/search/jql',
    body: JSON.stringify({ jql, fields: ['summary'], ...extra }),
    ...(accountId ? { accountId } : {}),
  });
  const body = JSON.parse(response.body) as {
    issues?: Array<{ key: string; fields: { summary: string } }>;
  };
  return {
    status: response.status,
    keys: (body.issues ?? []).map((issue) => issue.key),
    summaries: (body.issues ?? []).map((issue) => issue.fields.summary),
    body,
  };
}

async function count(emulator: JiraEmulator, jql: string): Promise<number> {
  const response = await emulator.handle({
    method: 'POST',
    path: '/rest/api/3/search/approximate-count',
    body: JSON.stringify({ jql }),
  });
  return (JSON.parse(response.body) as { count: number }).count;
}

async function send(emulator: JiraEmulator, method: string, path: string, body?: unknown) {
  const response = await emulator.handle({
    method,
    path: `/rest/api/3${path}`,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    json: response.body ? (JSON.parse(response.body) as unknown) : undefined,
  };
}

async function createIncident(emulator: JiraEmulator, summary: string): Promise<{ id: string; key: string }> {
  const created = await send(emulator, 'POST', '/issue', {
    fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary, labels: ['outage'] },
  });
  return created.json as { id: string; key: string };
}

function emulatorWithLag(lag?: IndexLag): { emulator: JiraEmulator; clock: FakeClock } {
  const clock = fakeClock('2026-03-10T12:00:00.000Z');
  const emulator = createJiraEmulator({
    now: () => clock.now(),
    ...(lag === undefined ? {} : { indexLag: lag }),
  });
  return { emulator, clock };
}

describe('Jira emulator search index: eventual consistency on the emulator clock', () => {
  it('keeps a new issue out of search/jql and approximate-count until the default lag has passed', async () => {
    const { emulator, clock } = emulatorWithLag();
    const created = await createIncident(emulator, 'Payments down');
    expect((await search(emulator, 'labels = outage')).keys).toEqual([]);
    expect(await count(emulator, 'labels = outage')).toBe(0);
    // A read by key is strongly consistent.
    expect((await send(emulator, 'GET', `/issue/${created.key}?fields=summary`)).status).toBe(200);
    clock.advance(DEFAULT_INDEX_LAG_MS - 1);
    expect((await search(emulator, 'labels = outage')).keys).toEqual([]);
    clock.advance(1);
    expect((await search(emulator, 'labels = outage')).keys).toEqual([created.key]);
    expect(await count(emulator, 'labels = outage')).toBe(1);
  });

  it('answers with the indexed (stale) fields of an issue edited since, until the edit is indexed', async () => {
    const { emulator, clock } = emulatorWithLag(1000);
    const created = await createIncident(emulator, 'Payments down');
    clock.advance(1000);
    await send(emulator, 'PUT', `/issue/${created.key}`, { fields: { summary: 'Payments back' } });
    expect((await search(emulator, 'labels = outage')).summaries).toEqual(['Payments down']);
    expect((await search(emulator, 'summary ~ back')).keys).toEqual([]);
    clock.advance(1000);
    expect((await search(emulator, 'labels = outage')).summaries).toEqual(['Payments back']);
  });

  it('indexes entity properties and labels after the same lag', async () => {
    const { emulator, clock } = emulatorWithLag(2000);
    emulator.seed([
      { key: 'INC-1', fields: { summary: 'one' } },
      { key: 'INC-2', fields: { summary: 'two' } },
    ]);
    await send(emulator, 'PUT', '/issue/INC-1/properties/postmortem-summary', { status: 'FINAL' });
    await send(emulator, 'PUT', '/issue/INC-2', { update: { labels: [{ add: 'POSTMORTEM-FINAL' }] } });
    const visible = async () => ({
      byProperty: (await search(emulator, 'postmortemStatus = FINAL')).keys,
      byLabel: (await search(emulator, 'labels = POSTMORTEM-FINAL')).keys,
    });
    expect(await visible()).toEqual({ byProperty: [], byLabel: [] });
    clock.advance(2000);
    expect(await visible()).toEqual({ byProperty: ['INC-1'], byLabel: ['INC-2'] });
    await send(emulator, 'DELETE', '/issue/INC-1/properties/postmortem-summary');
    expect((await search(emulator, 'postmortemStatus = FINAL')).keys).toEqual(['INC-1']);
    clock.advance(2000);
    expect((await search(emulator, 'postmortemStatus = FINAL')).keys).toEqual([]);
  });

  it('shows a new sub-task and a new link on GET issue at once, however far behind search is', async () => {
    const { emulator } = emulatorWithLag(60_000);
    emulator.seed([{ key: 'INC-1', fields: { summary: 'incident', issuetype: { name: 'Incident' } } }]);
    const subtask = await send(emulator, 'POST', '/issue', {
      fields: {
        project: { key: 'INC' },
        issuetype: { name: 'Subtask' },
        parent: { key: 'INC-1' },
        summary: 'action',
      },
    });
    const task = await createIncident(emulator, 'linked');
    await send(emulator, 'POST', '/issueLink', {
      type: { name: 'Relates' },
      inwardIssue: { key: 'INC-1' },
      outwardIssue: { key: task.key },
    });
    const incident = await send(emulator, 'GET', '/issue/INC-1?fields=subtasks,issuelinks');
    expect(incident.json).toMatchObject({
      fields: {
        subtasks: [{ key: (subtask.json as { key: string }).key }],
        issuelinks: [{ outwardIssue: { key: task.key } }],
      },
    });
    expect((await search(emulator, 'parent = INC-1')).keys).toEqual([]);
    emulator.index.flush();
    expect((await search(emulator, 'parent = INC-1')).keys).toEqual([(subtask.json as { key: string }).key]);
  });

  it('shows seeded issues at once: they are the site’s history', async () => {
    const { emulator } = emulatorWithLag();
    emulator.seed([{ key: 'INC-7', fields: { summary: 'old', labels: ['outage'] } }]);
    expect((await search(emulator, 'labels = outage')).keys).toEqual(['INC-7']);
  });

  it('is instant with lag 0, and setLag changes the lag of later writes only', async () => {
    const { emulator, clock } = emulatorWithLag(0);
    const first = await createIncident(emulator, 'first');
    expect((await search(emulator, 'labels = outage')).keys).toEqual([first.key]);
    emulator.index.setLag(60_000);
    const second = await createIncident(emulator, 'second');
    expect((await search(emulator, 'labels = outage')).keys).toEqual([first.key]);
    expect(emulator.index.pending()).toBe(1);
    clock.advance(60_000);
    expect((await search(emulator, 'labels = outage ORDER BY key ASC')).keys).toEqual([
      first.key,
      second.key,
    ]);
  });

  it('flush() makes every waiting write searchable; freeze() holds them however long the clock runs', async () => {
    const { emulator, clock } = emulatorWithLag(1000);
    emulator.index.freeze();
    const created = await createIncident(emulator, 'held');
    clock.advance(24 * 60 * 60 * 1000);
    expect((await search(emulator, 'labels = outage')).keys).toEqual([]);
    emulator.index.flush();
    expect((await search(emulator, 'labels = outage')).keys).toEqual([created.key]);
    expect(emulator.index.pending()).toBe(0);
  });

  it('draws a random lag per write from a seed, the same on every run, never showing an older state over a newer one', async () => {
    const lags = async (): Promise<number[]> => {
      const { emulator, clock } = emulatorWithLag({ minMs: 100, maxMs: 10_000, seed: 42 });
      const created = await Promise.all([1, 2, 3, 4, 5].map((n) => createIncident(emulator, `n${n}`)));
      const shownAt: number[] = [];
      for (let elapsed = 0; elapsed <= 10_000; elapsed += 100) {
        const found = new Set((await search(emulator, 'labels = outage')).keys);
        created.forEach((issue, index) => {
          if (found.has(issue.key) && shownAt[index] === undefined) shownAt[index] = elapsed;
        });
        clock.advance(100);
      }
      return shownAt;
    };
    const first = await lags();
    expect(first).toHaveLength(5);
    expect(first.every((ms) => ms >= 100 && ms <= 10_000)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(await lags()).toEqual(first);

    // Two edits of one issue whose lags come out in reverse order: the older state never returns.
    const { emulator, clock } = emulatorWithLag(5000);
    const issue = await createIncident(emulator, 'v1');
    emulator.index.setLag(3000);
    await send(emulator, 'PUT', `/issue/${issue.key}`, { fields: { summary: 'v2' } });
    clock.advance(3000);
    expect((await search(emulator, 'labels = outage')).summaries).toEqual(['v2']);
    clock.advance(2000);
    expect((await search(emulator, 'labels = outage')).summaries).toEqual(['v2']);
  });

  it('refuses an invalid lag', () => {
    expect(() => createJiraEmulator({ indexLag: -1 })).toThrow(/non-negative/);
    expect(() => createJiraEmulator({ indexLag: { minMs: 10, maxMs: 5, seed: 1 } })).toThrow(
      /minMs <= maxMs/,
    );
  });
});

describe('Jira emulator search/jql reconcileIssues (strongly consistent for up to 50 ids)', () => {
  it('finds a reconciled issue created a moment ago, with its current fields, and drops one that no longer matches', async () => {
    const { emulator, clock } = emulatorWithLag(60_000);
    const old = await createIncident(emulator, 'old');
    clock.advance(60_000);
    const fresh = await createIncident(emulator, 'fresh');
    await send(emulator, 'PUT', `/issue/${old.key}`, { update: { labels: [{ remove: 'outage' }] } });
    expect((await search(emulator, 'labels = outage')).keys).toEqual([old.key]);
    const reconciled = await search(emulator, 'labels = outage', {
      reconcileIssues: [Number(fresh.id), Number(old.id)],
    });
    expect(reconciled.keys).toEqual([fresh.key]);
    expect(reconciled.summaries).toEqual(['fresh']);
  });

  it('reads reconcileIssues from the query string of GET too', async () => {
    const { emulator } = emulatorWithLag(60_000);
    const fresh = await createIncident(emulator, 'fresh');
    const response = await emulator.handle({
      method: 'GET',
      path: `/rest/api/3/search/jql?jql=labels%20%3D%20outage&reconcileIssues=${fresh.id}`,
    });
    expect(JSON.parse(response.body)).toMatchObject({ issues: [{ id: fresh.id }] });
  });

  it('refuses more than 50 ids and ids that are not numbers, with 400', async () => {
    const { emulator } = emulatorWithLag();
    const tooMany = await search(emulator, 'project = INC', {
      reconcileIssues: Array.from({ length: 51 }, (_, i) => 10000 + i),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ errorMessages: [expect.stringContaining('at most 50')] });
    const fifty = await search(emulator, 'project = INC', {
      reconcileIssues: Array.from({ length: 50 }, (_, i) => 10000 + i),
    });
    expect(fifty.status).toBe(200);
    expect((await search(emulator, 'project = INC', { reconcileIssues: ['INC-1'] })).status).toBe(400);
  });

  it('does not show reconciled issues to a caller who may not browse them', async () => {
    const { emulator } = emulatorWithLag(60_000);
    const fresh = await createIncident(emulator, 'fresh');
    emulator.setPermissions('5b109f2e9729b51b54dc274d', { browse: false, edit: false });
    const found = await search(
      emulator,
      'labels = outage',
      { reconcileIssues: [Number(fresh.id)] },
      '5b109f2e9729b51b54dc274d',
    );
    expect(found.keys).toEqual([]);
  });
});

describe('Jira emulator JQL dates in the caller’s time zone', () => {
  it('reads a date literal in the searching user’s zone (UTC-12 sees the same literal 12 h later)', async () => {
    const { emulator } = emulatorWithLag(0);
    emulator.addUser({
      accountId: 'user-at-utc-12',
      displayName: 'Baker Island',
      active: true,
      timeZone: 'Etc/GMT+12',
    });
    emulator.seed([{ key: 'INC-1', fields: { summary: 'x', updated: '2026-03-01T06:00:00.000+0000' } }]);
    const jql = 'updated >= "2026-03-01 00:00"';
    expect((await search(emulator, jql)).keys).toEqual(['INC-1']);
    // 2026-03-01 00:00 at UTC-12 is 12:00 UTC, after the update at 06:00 UTC.
    expect((await search(emulator, jql, {}, 'user-at-utc-12')).keys).toEqual([]);
  });
});
