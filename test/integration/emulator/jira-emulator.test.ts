import { createJiraEmulator, type IssueUpdatedEvent } from '../../emulator/create-jira-emulator';
import { route } from '../../../src/jira/route';

const NOW = new Date('2026-03-15T12:00:00.000Z');

function seeded() {
  const emulator = createJiraEmulator({ now: () => NOW });
  emulator.seed(
    Array.from({ length: 7 }, (_, index) => ({
      key: `INC-${index + 1}`,
      fields: {
        summary: `Outage ${index + 1}`,
        issuetype: { name: 'Incident' },
        labels: index === 0 ? ['SEV-1'] : [],
        created: `2026-03-0${index + 1}T10:00:00.000+0000`,
      },
    })),
  );
  return emulator;
}

async function call(
  emulator: ReturnType<typeof createJiraEmulator>,
  method: string,
  path: string,
  body?: unknown,
) {
  const answer = await emulator.handle({
    method,
    path,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: answer.status,
    headers: answer.headers,
    json: answer.body ? (JSON.parse(answer.body) as Record<string, unknown>) : {},
  };
}

describe('Jira emulator', () => {
  it('answers GET issue with Jira beans and 404 with Jira body for unknown issues', async () => {
    const emulator = seeded();
    const found = await call(emulator, 'GET', '/rest/api/3/issue/INC-1?fields=summary,labels');
    expect(found.status).toBe(200);
    expect(found.json.fields).toEqual({ summary: 'Outage 1', labels: ['SEV-1'] });
    const missing = await call(emulator, 'GET', '/rest/api/3/issue/INC-99');
    expect(missing).toMatchObject({
      status: 404,
      json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
  });

  it('edits labels with add/remove, records the changelog and delivers the update event', async () => {
    const emulator = seeded();
    const events: IssueUpdatedEvent[] = [];
    emulator.onIssueUpdated((event) => void events.push(event));
    const put = await call(emulator, 'PUT', '/rest/api/3/issue/INC-1', {
      update: { labels: [{ add: 'POSTMORTEM-FINAL' }, { remove: 'SEV-1' }] },
    });
    expect(put.status).toBe(204);
    await emulator.settle();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: false,
      issue: { key: 'INC-1', fields: { labels: ['POSTMORTEM-FINAL'] } },
      changelog: {
        items: [
          {
            field: 'labels',
            fieldtype: 'jira',
            fieldId: 'labels',
            from: null,
            fromString: 'SEV-1',
            to: null,
            toString: 'POSTMORTEM-FINAL',
          },
        ],
      },
    });
    const changelog = await call(emulator, 'GET', '/rest/api/3/issue/INC-1/changelog');
    expect(changelog.json).toMatchObject({ total: 1, isLast: true });
    const expanded = await call(emulator, 'GET', '/rest/api/3/issue/INC-1?expand=changelog');
    expect(expanded.json).toMatchObject({ changelog: { total: 1 } });
  });

  it('flags edits made as the app and duplicates deliveries when asked', async () => {
    const emulator = seeded();
    const events: IssueUpdatedEvent[] = [];
    emulator.onIssueUpdated((event) => void events.push(event));
    emulator.setDelivery({ duplicate: 1, delayMs: 1 });
    const port = emulator.appJiraPort();
    const response = await port.requestJira(route`/rest/api/3/issue/${'INC-2'}`, {
      method: 'PUT',
      body: JSON.stringify({ fields: { summary: 'Renamed' } }),
    });
    expect(response.status).toBe(204);
    await emulator.settle();
    expect(events).toHaveLength(2);
    expect(events.every((event) => event.selfGenerated)).toBe(true);
    expect(events[0]?.changelog.items[0]).toMatchObject({
      fieldId: 'summary',
      fromString: 'Outage 2',
      toString: 'Renamed',
    });
  });

  it('does not deliver events for edits that change nothing', async () => {
    const emulator = seeded();
    const listener = jest.fn();
    emulator.onIssueUpdated(listener);
    await call(emulator, 'PUT', '/rest/api/3/issue/INC-1', { update: { labels: [{ add: 'SEV-1' }] } });
    await emulator.settle();
    expect(listener).not.toHaveBeenCalled();
  });

  it('pages search/jql with opaque tokens, id-only by default, and rejects unbounded JQL', async () => {
    const emulator = seeded();
    const first = await call(emulator, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = INC ORDER BY key ASC',
      maxResults: 5,
    });
    expect(first.status).toBe(200);
    expect(first.json.isLast).toBe(false);
    expect((first.json.issues as unknown[])[0]).toEqual({ id: expect.any(String) });
    const second = await call(emulator, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = INC ORDER BY key ASC',
      maxResults: 5,
      nextPageToken: first.json.nextPageToken,
      fields: ['summary'],
    });
    expect(second.json.isLast).toBe(true);
    expect((second.json.issues as Array<{ key: string }>).map((issue) => issue.key)).toEqual([
      'INC-6',
      'INC-7',
    ]);
    const unbounded = await call(
      emulator,
      'GET',
      '/rest/api/3/search/jql?jql=' + encodeURIComponent('order by created'),
    );
    expect(unbounded.status).toBe(400);
    const removed = await call(emulator, 'GET', '/rest/api/3/search?jql=project%3DINC');
    expect(removed.status).toBe(410);
    const count = await call(emulator, 'POST', '/rest/api/3/search/approximate-count', {
      jql: 'labels = SEV-1',
    });
    expect(count.json).toEqual({ count: 1 });
  });

  it('sees writes made between searches (the sorted-hit cache is invalidated)', async () => {
    const emulator = seeded();
    const jql = { jql: 'labels = SEV-1', fields: ['summary'] };
    expect(
      ((await call(emulator, 'POST', '/rest/api/3/search/jql', jql)).json.issues as unknown[]).length,
    ).toBe(1);
    await call(emulator, 'PUT', '/rest/api/3/issue/INC-3', { update: { labels: [{ add: 'SEV-1' }] } });
    expect(
      ((await call(emulator, 'POST', '/rest/api/3/search/jql', jql)).json.issues as unknown[]).length,
    ).toBe(2);
  });

  it('creates issues in bulk with partial failures and refuses more than 50', async () => {
    const emulator = seeded();
    const ok = {
      fields: {
        project: { key: 'INC' },
        issuetype: { name: 'Sub-task' },
        parent: { key: 'INC-1' },
        summary: 'Fix it',
      },
    };
    const bad = {
      fields: { project: { key: 'NOSUB' }, issuetype: { name: 'Sub-task' }, summary: 'No such type' },
    };
    const bulk = await call(emulator, 'POST', '/rest/api/3/issue/bulk', { issueUpdates: [ok, bad] });
    expect(bulk.status).toBe(201);
    expect(bulk.json.issues).toEqual([expect.objectContaining({ key: 'INC-8' })]);
    expect(bulk.json.errors).toEqual([expect.objectContaining({ failedElementNumber: 1, status: 400 })]);
    const tooMany = await call(emulator, 'POST', '/rest/api/3/issue/bulk', {
      issueUpdates: Array.from({ length: 51 }, () => ok),
    });
    expect(tooMany.status).toBe(400);
    expect(emulator.issue('INC-1')?.fields.subtasks).toHaveLength(1);
  });

  it('enforces the 32,768-character entity property limit', async () => {
    const emulator = seeded();
    const put = await call(emulator, 'PUT', '/rest/api/3/issue/INC-1/properties/postmortem', {
      status: 'DRAFT',
    });
    expect(put.status).toBe(201);
    const tooBig = await call(emulator, 'PUT', '/rest/api/3/issue/INC-1/properties/postmortem', {
      text: 'x'.repeat(32768),
    });
    expect(tooBig.status).toBe(400);
    const got = await call(emulator, 'GET', '/rest/api/3/issue/INC-1/properties/postmortem');
    expect(got.json).toEqual({ key: 'postmortem', value: { status: 'DRAFT' } });
  });

  it('injects 429 with Retry-After, then answers normally, and logs requests', async () => {
    const emulator = seeded();
    emulator.faults.add({
      method: 'GET',
      pathPattern: /\/issue\/INC-1/,
      times: 1,
      response: { status: 429, retryAfterSeconds: 3 },
    });
    const port = emulator.jiraPort();
    const limited = await port.requestJira(route`/rest/api/3/issue/${'INC-1'}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('3');
    expect((await port.requestJira(route`/rest/api/3/issue/${'INC-1'}`)).status).toBe(200);
    expect(emulator.requests.filter((request) => request.method === 'GET')).toHaveLength(2);
  });

  it('hides issues from users without browse permission', async () => {
    const emulator = seeded();
    emulator.setPermissions('5b10ac8d82e05b22cc7d4ef5', { browse: false });
    const response = await emulator
      .jiraPort('5b10ac8d82e05b22cc7d4ef5')
      .requestJira(route`/rest/api/3/issue/${'INC-1'}`);
    expect(response.status).toBe(404);
  });

  it('sinks Slack webhooks like Slack does', async () => {
    const emulator = seeded();
    expect(
      (
        await emulator.handle({
          method: 'POST',
          path: '/__slack/webhook',
          body: JSON.stringify({ text: 'hi' }),
        })
      ).body,
    ).toBe('ok');
    const tooMany = { blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) };
    expect(
      await emulator.handle({ method: 'POST', path: '/__slack/webhook', body: JSON.stringify(tooMany) }),
    ).toMatchObject({ status: 400, body: 'invalid_blocks' });
    expect(
      await emulator.handle({ method: 'POST', path: '/__slack/webhook', body: 'not json' }),
    ).toMatchObject({ status: 400, body: 'invalid_payload' });
    const listed = await call(emulator, 'GET', '/__slack/messages');
    expect(listed.json).toHaveLength(1);
  });
});
