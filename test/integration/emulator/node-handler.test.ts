import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJiraEmulator } from '../../emulator/create-jira-emulator';

describe('emulator over node:http', () => {
  const emulator = createJiraEmulator();
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => void emulator.nodeHandler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('seeds through /__emulator/issues, serves REST, and resets', async () => {
    const seed = await fetch(`${base}/__emulator/issues`, {
      method: 'POST',
      body: JSON.stringify([
        {
          key: 'OPS-7',
          fields: {
            summary: 'Disk full',
            issuetype: { name: 'Incident' },
            created: '2025-06-01T08:00:00.000+0000',
            changelog: undefined,
          },
        },
      ]),
    });
    expect(seed.status).toBe(201);
    const issue = await fetch(`${base}/rest/api/3/issue/OPS-7?fields=summary,created`);
    expect(await issue.json()).toMatchObject({
      key: 'OPS-7',
      fields: { summary: 'Disk full', created: '2025-06-01T08:00:00.000+0000' },
    });
    const created = await fetch(`${base}/rest/api/3/issue`, {
      method: 'POST',
      body: JSON.stringify({
        fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Next' },
      }),
    });
    // Keys continue after the highest seeded number, as a real project's counter would.
    expect(await created.json()).toMatchObject({ key: 'OPS-8' });
    expect((await fetch(`${base}/__emulator/reset`, { method: 'POST' })).status).toBe(204);
    expect((await fetch(`${base}/rest/api/3/issue/OPS-7`)).status).toBe(404);
  });

  it('acts as the account named in x-emulator-account-id', async () => {
    const me = await fetch(`${base}/rest/api/3/myself`, {
      headers: { 'x-emulator-account-id': '5b10ac8d82e05b22cc7d4ef5' },
    });
    expect(await me.json()).toMatchObject({
      accountId: '5b10ac8d82e05b22cc7d4ef5',
      displayName: 'Emma Richards',
    });
  });

  it('hangs a request when a hang fault is injected', async () => {
    emulator.faults.add({ pathPattern: '/myself', times: 1, response: { hang: true } });
    const outcome = await Promise.race([
      emulator.handle({ method: 'GET', path: '/rest/api/3/myself' }).then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('timed out'), 50)),
    ]);
    expect(outcome).toBe('timed out');
    expect((await emulator.handle({ method: 'GET', path: '/rest/api/3/myself' })).status).toBe(200);
  });
});
