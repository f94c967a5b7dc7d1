import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJiraEmulator } from '../../../emulator/jira-emulator';

describe('Jira emulator over HTTP (nodeHandler)', () => {
  const emulator = createJiraEmulator({ baseUrl: 'http://localhost:8080' });
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => emulator.nodeHandler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    emulator.reset();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => emulator.reset());

  it('seeds issue beans through POST /__emulator/issues and serves them under /rest/api/3', async () => {
    const seeded = await fetch(`${base}/__emulator/issues`, {
      method: 'POST',
      body: JSON.stringify([
        {
          key: 'INC-7',
          fields: {
            summary: 'Old outage',
            created: '2025-01-02T03:04:05.000+0000',
            resolutiondate: '2025-01-02T05:00:00.000+0000',
          },
        },
      ]),
    });
    expect(seeded.status).toBe(201);
    const read = await fetch(`${base}/rest/api/3/issue/INC-7?fields=summary,created,resolutiondate`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await read.json()).toMatchObject({
      key: 'INC-7',
      self: expect.stringMatching(/^http:\/\/localhost:8080\/rest\/api\/3\/issue\/\d+$/),
      fields: {
        summary: 'Old outage',
        created: '2025-01-02T03:04:05.000+0000',
        resolutiondate: '2025-01-02T05:00:00.000+0000',
      },
    });
    const badSeed = await fetch(`${base}/__emulator/issues`, {
      method: 'POST',
      body: JSON.stringify([{ fields: {} }]),
    });
    expect(badSeed.status).toBe(400);
  });

  it('acts as the account named in x-emulator-account-id, or as the app', async () => {
    const asUser = await fetch(`${base}/rest/api/3/myself`, {
      headers: { 'x-emulator-account-id': '5b10a2844c20165700ede21g' },
    });
    expect(await asUser.json()).toMatchObject({ displayName: 'Maria Chen' });
    const asApp = await fetch(`${base}/rest/api/3/myself`, { headers: { 'x-emulator-as-app': 'true' } });
    expect(await asApp.json()).toMatchObject({ accountType: 'app' });
    expect(emulator.requests.map((r) => r.asApp)).toEqual([false, true]);
  });

  it('clears state with POST /__emulator/reset', async () => {
    emulator.seed([{ key: 'INC-1', fields: { summary: 'x' } }]);
    expect((await fetch(`${base}/__emulator/reset`, { method: 'POST' })).status).toBe(204);
    expect((await fetch(`${base}/rest/api/3/issue/INC-1`)).status).toBe(404);
  });

  it('makes waiting writes searchable with POST /__emulator/index/flush', async () => {
    emulator.seed([{ key: 'INC-1', fields: { summary: 'x' } }]);
    const labelled = await fetch(`${base}/rest/api/3/issue/INC-1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ update: { labels: [{ add: 'flushed' }] } }),
    });
    expect(labelled.status).toBe(204);
    expect(emulator.index.pending()).toBe(1);
    expect((await fetch(`${base}/__emulator/index/flush`, { method: 'POST' })).status).toBe(204);
    const found = await fetch(`${base}/rest/api/3/search/jql?jql=labels%3Dflushed`);
    expect(await found.json()).toMatchObject({ issues: [{ id: expect.any(String) }] });
  });

  it('releases a hanging request when the client gives up', async () => {
    emulator.seed([{ key: 'INC-1', fields: { summary: 'x' } }]);
    emulator.faults.add({ path: /\/issue\/INC-1$/, times: 1, response: { hang: true } });
    await expect(
      fetch(`${base}/rest/api/3/issue/INC-1`, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect((await fetch(`${base}/rest/api/3/issue/INC-1`)).status).toBe(200);
  });

  it('serves the Slack sink under /__slack', async () => {
    const posted = await fetch(`${base}/__slack/webhook`, {
      method: 'POST',
      body: JSON.stringify({ text: 'hello' }),
    });
    expect(await posted.text()).toBe('ok');
    expect(emulator.slack.messages()).toHaveLength(1);
  });
});
