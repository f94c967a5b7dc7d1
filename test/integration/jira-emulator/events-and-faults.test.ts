import { editIssue } from '../../../src/jira/issues';
import type { IssueUpdatedEvent } from '../../../emulator/issue-events';
import { createJiraEmulator, type JiraEmulator } from '../../../emulator/jira-emulator';

function seedIncident(emulator: JiraEmulator): void {
  emulator.seed([
    {
      key: 'INC-1',
      fields: { summary: 'Payments down', labels: ['SEV-1'], issuetype: { name: 'Incident' } },
    },
  ]);
}

function record(emulator: JiraEmulator): Array<{ event: IssueUpdatedEvent; selfGenerated: boolean }> {
  const received: Array<{ event: IssueUpdatedEvent; selfGenerated: boolean }> = [];
  emulator.onIssueUpdated((event, meta) => {
    received.push({ event, selfGenerated: meta.selfGenerated });
  });
  return received;
}

describe('Jira emulator product events', () => {
  it('delivers avi:jira:updated:issue with the labels changelog, asynchronously', async () => {
    const emulator = createJiraEmulator();
    seedIncident(emulator);
    const received = record(emulator);
    await editIssue(emulator.jiraPort('5b109f2e9729b51b54dc274d'), {
      issueIdOrKey: 'INC-1',
      labels: { add: ['POSTMORTEM-FINAL'] },
    });
    expect(received).toHaveLength(0);
    await emulator.drainEvents();
    expect(received).toHaveLength(1);
    const { event, selfGenerated } = received[0] ?? { event: undefined, selfGenerated: true };
    expect(selfGenerated).toBe(false);
    expect(event).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      atlassianId: '5b109f2e9729b51b54dc274d',
      associatedUsers: [{ accountId: '5b109f2e9729b51b54dc274d' }],
      issue: {
        id: expect.any(String),
        key: 'INC-1',
        fields: { summary: 'Payments down', labels: ['SEV-1', 'POSTMORTEM-FINAL'] },
      },
      changelog: {
        id: expect.any(String),
        items: [
          {
            field: 'labels',
            fieldtype: 'jira',
            fieldId: 'labels',
            from: null,
            fromString: 'SEV-1',
            to: null,
            toString: 'SEV-1 POSTMORTEM-FINAL',
          },
        ],
      },
    });
    expect(emulator.getIssue('INC-1')?.histories).toHaveLength(1);
  });

  it('flags the app’s own edits as self-generated and sends nothing for a no-op edit', async () => {
    const emulator = createJiraEmulator();
    seedIncident(emulator);
    const received = record(emulator);
    await editIssue(emulator.appJiraPort(), { issueIdOrKey: 'INC-1', labels: { add: ['x'] } });
    await editIssue(emulator.appJiraPort(), { issueIdOrKey: 'INC-1', labels: { add: ['x'] } });
    await emulator.drainEvents();
    expect(received.map((r) => r.selfGenerated)).toEqual([true]);
  });

  it('duplicates and delays deliveries on request, with increasing changelog ids', async () => {
    const emulator = createJiraEmulator();
    seedIncident(emulator);
    const received = record(emulator);
    // Long enough that a loaded machine finishes both edits before any delivery is due.
    emulator.deliveryOptions({ duplicate: 2, delayMs: 500 });
    const port = emulator.jiraPort();
    await editIssue(port, { issueIdOrKey: 'INC-1', labels: { add: ['a'] } });
    await editIssue(port, { issueIdOrKey: 'INC-1', labels: { remove: ['a'] } });
    expect(received).toHaveLength(0);
    await emulator.drainEvents();
    expect(received).toHaveLength(6);
    const ids = [...new Set(received.map((r) => Number(r.event.changelog.id)))];
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBeGreaterThan(ids[0] ?? Infinity);
  });

  it('awaits events published by listeners while draining, and keeps listener errors', async () => {
    const emulator = createJiraEmulator();
    seedIncident(emulator);
    const received = record(emulator);
    emulator.onIssueUpdated(async (event) => {
      if (event.changelog.items.some((i) => i.toString?.includes('POSTMORTEM-FINAL'))) {
        await editIssue(emulator.appJiraPort(), { issueIdOrKey: 'INC-1', fields: { summary: 'Finalized' } });
      }
      throw new Error('listener failed');
    });
    await editIssue(emulator.jiraPort(), { issueIdOrKey: 'INC-1', labels: { add: ['POSTMORTEM-FINAL'] } });
    await emulator.drainEvents();
    expect(received).toHaveLength(2);
    expect(received[1]?.event.changelog.items[0]).toMatchObject({ field: 'summary', toString: 'Finalized' });
    expect(emulator.listenerErrors).toHaveLength(2);
  });
});

describe('Jira emulator fault injection', () => {
  it('answers 429 with Retry-After the given number of times, then serves normally', async () => {
    const emulator = createJiraEmulator();
    seedIncident(emulator);
    emulator.faults.add({
      method: 'GET',
      path: /^\/rest\/api\/3\/issue\/INC-1$/,
      times: 2,
      response: { status: 429, retryAfterSeconds: 7 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await emulator.handle({
        method: 'GET',
        path: '/rest/api/3/issue/INC-1?fields=summary',
      });
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers['retry-after']).toBe('7');
    }
    expect(statuses).toEqual([429, 429, 200]);
    expect(emulator.requests).toHaveLength(3);
  });

  it.each([
    ['Retry-After only', { retryAfterSeconds: 7 }, { 'retry-after': '7' }],
    [
      'X-RateLimit-Reset only, in minutes',
      { resetAfterSeconds: 90 },
      { 'x-ratelimit-reset': '2026-03-10T12:01Z' },
    ],
    [
      'both',
      { retryAfterSeconds: 7, resetAfterSeconds: 7 },
      { 'retry-after': '7', 'x-ratelimit-reset': '2026-03-10T12:00Z' },
    ],
    ['neither', {}, {}],
  ])('answers a 429 with %s, as Jira may', async (_name, fault, expected) => {
    const emulator = createJiraEmulator({ now: () => new Date('2026-03-10T12:00:20.000Z') });
    seedIncident(emulator);
    emulator.faults.add({ path: /\/issue\/INC-1$/, times: 1, response: { status: 429, ...fault } });
    const response = await emulator.handle({ method: 'GET', path: '/rest/api/3/issue/INC-1' });
    expect(response.status).toBe(429);
    const { 'content-type': _type, ...rateHeaders } = response.headers;
    expect(rateHeaders).toEqual(expected);
  });

  it('answers 5xx for matching method and path only', async () => {
    const emulator = createJiraEmulator();
    seedIncident(emulator);
    emulator.faults.add({ method: 'POST', path: /\/issue\/bulk$/, response: { status: 503 } });
    const bulk = await emulator.handle({
      method: 'POST',
      path: '/rest/api/3/issue/bulk',
      body: '{"issueUpdates":[]}',
    });
    expect(bulk.status).toBe(503);
    expect(JSON.parse(bulk.body)).toMatchObject({ errorMessages: [expect.any(String)], errors: {} });
    expect((await emulator.handle({ method: 'GET', path: '/rest/api/3/issue/INC-1' })).status).toBe(200);
  });

  it('hangs until aborted or until the faults are cleared', async () => {
    const emulator = createJiraEmulator();
    seedIncident(emulator);
    emulator.faults.add({ path: /\/issue\//, response: { hang: true } });
    const controller = new AbortController();
    const aborted = emulator.handle({
      method: 'GET',
      path: '/rest/api/3/issue/INC-1',
      signal: controller.signal,
    });
    const cleared = emulator.jiraPort().requestJira({ value: '/rest/api/3/issue/INC-1' });
    let settled = false;
    void cleared.catch(() => undefined).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    controller.abort();
    await expect(aborted).rejects.toThrow(/aborted/);
    emulator.faults.clear();
    await expect(cleared).rejects.toThrow(/released/);
    expect((await emulator.handle({ method: 'GET', path: '/rest/api/3/issue/INC-1' })).status).toBe(200);
  });

  it('reset clears issues, faults, listeners and the request log', async () => {
    const emulator = createJiraEmulator();
    seedIncident(emulator);
    const received = record(emulator);
    emulator.faults.add({ path: /myself/, response: { status: 500 } });
    emulator.reset();
    expect(emulator.getIssue('INC-1')).toBeUndefined();
    expect((await emulator.handle({ method: 'GET', path: '/rest/api/3/myself' })).status).toBe(200);
    seedIncident(emulator);
    await editIssue(emulator.jiraPort(), { issueIdOrKey: 'INC-1', labels: { add: ['b'] } });
    await emulator.drainEvents();
    expect(received).toHaveLength(0);
    expect(emulator.requests).toHaveLength(2);
  });
});
