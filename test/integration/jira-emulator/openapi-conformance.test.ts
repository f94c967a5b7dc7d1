import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getChangelogs } from '../../../src/jira/changelog';
import { createIssueLink } from '../../../src/jira/issue-links';
import { findSubtaskIssueType } from '../../../src/jira/issue-metadata';
import {
  deleteIssueProperty,
  getIssueProperty,
  getIssuePropertyKeys,
  setIssueProperty,
} from '../../../src/jira/issue-properties';
import { bulkCreateIssues, createIssue, editIssue, getIssue } from '../../../src/jira/issues';
import { parseJql } from '../../../src/jira/jql';
import { getMyPermissions } from '../../../src/jira/permissions';
import { approximateCount, searchJqlAll } from '../../../src/jira/search-jql';
import { getSiteBaseUrl } from '../../../src/jira/server-info';
import { getMyself, searchUsers } from '../../../src/jira/users';
import type { JiraPort } from '../../../src/ports';
import { SHARED_DIR } from '../../helpers/shared-files';
import type { EmulatorRequest } from '../../../emulator/emulator-types';
import { toJiraResponse } from '../../../emulator/jira-port-adapter';
import { createJiraEmulator, type JiraEmulator } from '../../../emulator/jira-emulator';
import { createPreviewApp, PREVIEW_ACCOUNT_ID } from '../../../preview/preview-app';
import { validateExchanges, type Exchange } from './openapi-validator';

const EXAMPLES = join(SHARED_DIR, 'corpus', 'jira-examples');

function example(name: string): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as unknown;
}

/** Every request and response that passes through the emulator, for validation afterwards. */
function recorder(emulator: JiraEmulator): {
  exchanges: Exchange[];
  send(request: EmulatorRequest): Promise<Exchange>;
  port: JiraPort;
} {
  const exchanges: Exchange[] = [];
  const send = async (request: EmulatorRequest): Promise<Exchange> => {
    const response = await emulator.handle(request);
    const exchange: Exchange = {
      method: request.method,
      path: request.path,
      ...(request.body ? { requestBody: JSON.parse(request.body) as unknown } : {}),
      status: response.status,
      ...(response.body ? { responseBody: JSON.parse(response.body) as unknown } : {}),
    };
    exchanges.push(exchange);
    return exchange;
  };
  const port: JiraPort = {
    async requestJira(path, init) {
      const request: EmulatorRequest = {
        method: init?.method ?? 'GET',
        path: path.value,
        ...(init?.body ? { body: init.body } : {}),
      };
      const response = await emulator.handle(request);
      exchanges.push({
        method: request.method,
        path: request.path,
        ...(request.body ? { requestBody: JSON.parse(request.body) as unknown } : {}),
        status: response.status,
        ...(response.body ? { responseBody: JSON.parse(response.body) as unknown } : {}),
      });
      return toJiraResponse(response);
    },
  };
  return { exchanges, send, port };
}

/** Drives every endpoint function of src/jira/ through the emulator (`waitForIndex` before searching writes). */
async function appScenario(port: JiraPort, waitForIndex: () => void): Promise<void> {
  const incident = await createIssue(port, {
    fields: {
      project: { key: 'INC' },
      issuetype: { name: 'Incident' },
      summary: 'Payments down',
      labels: ['SEV-1'],
    },
  });
  await editIssue(port, {
    issueIdOrKey: incident.key,
    labels: { add: ['POSTMORTEM-FINAL'] },
    fields: { summary: 'Payments outage' },
  });
  await getIssue(port, {
    issueIdOrKey: incident.key,
    fields: ['summary', 'labels'],
    expand: ['changelog'],
    properties: ['*all'],
  });
  const subtask = await findSubtaskIssueType(port, { projectIdOrKey: 'INC' });
  const bulk = await bulkCreateIssues(port, {
    issues: [1, 2, 3].map((n) => ({
      fields: {
        project: { key: 'INC' },
        issuetype: { id: subtask?.id ?? '' },
        parent: { key: incident.key },
        summary: `Action ${n}`,
        labels: ['postmortem-action'],
        assignee: { accountId: '5b109f2e9729b51b54dc274d' },
        duedate: '2026-04-01',
      },
      properties: [{ key: 'postmortem-action-source', value: { incidentKey: incident.key, rowId: `r${n}` } }],
    })),
  });
  expect(bulk.failed).toEqual([]);
  await setIssueProperty(port, {
    issueIdOrKey: incident.key,
    propertyKey: 'postmortem-summary',
    value: { status: 'FINAL' },
  });
  await getIssueProperty(port, { issueIdOrKey: incident.key, propertyKey: 'postmortem-summary' });
  await getIssuePropertyKeys(port, { issueIdOrKey: incident.key });
  await deleteIssueProperty(port, { issueIdOrKey: incident.key, propertyKey: 'postmortem-summary' });
  waitForIndex();
  const children = await searchJqlAll(port, {
    jql: `issue.property[postmortem-action-source].incidentKey = "${incident.key}"`,
    fields: ['summary'],
    properties: ['postmortem-action-source'],
    maxResults: 2,
  });
  expect(children).toHaveLength(3);
  await approximateCount(port, { jql: 'project = INC' });
  await parseJql(port, { queries: ['project = INC', 'project = = INC'] });
  await getMyself(port);
  expect(await getSiteBaseUrl(port)).toMatch(/^http:\/\/localhost:8080$/);
  await searchUsers(port, { query: 'maria' });
  await getMyPermissions(port, { permissions: ['EDIT_ISSUES'], issueKey: incident.key });
  await createIssueLink(port, {
    type: 'Relates',
    inwardIssueKey: incident.key,
    outwardIssueKey: bulk.created[0]?.key ?? '',
  });
  for await (const page of getChangelogs(port, { issueIdOrKey: incident.key, maxResults: 1 }))
    expect(page.values).toHaveLength(1);
}

// Loading the spec takes seconds, so every scenario's exchanges are validated together at the end.
const recorded: Array<{ scenario: string; exchanges: Exchange[] }> = [];

describe('Jira emulator against the OpenAPI spec', () => {
  it('answers every endpoint function of src/jira/ without errors', async () => {
    const emulator = createJiraEmulator();
    const { exchanges, port } = recorder(emulator);
    await appScenario(port, () => emulator.index.flush());
    await editIssue(port, { issueIdOrKey: 'INC-1', labels: { remove: ['SEV-1'] } });
    expect(exchanges.filter((x) => (x.status ?? 0) >= 400)).toEqual([]);
    recorded.push({ scenario: 'app endpoints', exchanges });
  });

  it('answers errors as Jira does (404, 400 bulk, 400 JQL)', async () => {
    const emulator = createJiraEmulator();
    const { exchanges, send } = recorder(emulator);
    await send({ method: 'GET', path: '/rest/api/3/issue/NOPE-1' });
    await send({
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: JSON.stringify({ jql: 'order by created' }),
    });
    await send({
      method: 'POST',
      path: '/rest/api/3/issue/bulk',
      body: JSON.stringify({
        issueUpdates: [{ fields: { project: { key: 'INC' }, issuetype: { name: 'Task' }, summary: '' } }],
      }),
    });
    expect(exchanges.map((x) => x.status)).toEqual([404, 400, 400]);
    recorded.push({ scenario: 'errors', exchanges });
  });

  it('accepts Atlassian’s createIssue and createIssues examples and answers like their 201 examples', async () => {
    const emulator = createJiraEmulator({ baseUrl: 'https://your-domain.atlassian.net' });
    emulator.seed([{ key: 'PROJ-123', fields: { summary: 'Parent' } }]);
    const request = example('openapi-examples/createIssue.request.json') as {
      fields: Record<string, unknown>;
    };
    // The examples' projects have all the examples' fields (custom ones, security, time tracking) on their create screens.
    emulator.addProject({
      id: '1000',
      key: 'ED',
      name: 'Editorial',
      issueTypes: [{ id: '10000', name: 'Task', subtask: false }],
      createScreen: Object.keys(request.fields),
    });
    emulator.setCreateScreen('10000', Object.keys(request.fields));
    const { exchanges, send } = recorder(emulator);
    const single = await send({
      method: 'POST',
      path: '/rest/api/3/issue',
      body: JSON.stringify(example('openapi-examples/createIssue.request.json')),
    });
    const bulk = await send({
      method: 'POST',
      path: '/rest/api/3/issue/bulk',
      body: JSON.stringify(example('openapi-examples/createIssues.request.json')),
    });
    expect(single.status).toBe(201);
    expect(bulk.status).toBe(201);
    const singleExample = example('openapi-examples/createIssue.response.201.json') as Record<
      string,
      unknown
    >;
    for (const key of ['id', 'key', 'self'])
      expect(typeof (single.responseBody as Record<string, unknown>)[key]).toBe(typeof singleExample[key]);
    expect((single.responseBody as { self: string }).self).toMatch(
      /^https:\/\/your-domain\.atlassian\.net\/rest\/api\/3\/issue\/\d+$/,
    );
    const bulkExample = example('openapi-examples/createIssues.response.201.json') as {
      issues: unknown[];
      errors: unknown[];
    };
    expect(bulk.responseBody).toMatchObject({
      issues: bulkExample.issues.map(() =>
        expect.objectContaining({
          id: expect.any(String),
          key: expect.any(String),
          self: expect.any(String),
        }),
      ),
      errors: [],
    });
    const created = emulator.getIssue((single.responseBody as { key: string }).key);
    expect(created?.fields).toMatchObject({
      summary: 'Main order flow broken',
      labels: ['bugfix', 'blitz_test'],
      parent: { key: 'PROJ-123' },
      assignee: { accountId: '5b109f2e9729b51b54dc274d' },
    });
    recorded.push({ scenario: 'corpus create examples', exchanges });
  });

  it('seeds jira-cli’s search fixtures and pages them back in the same shape', async () => {
    const emulator = createJiraEmulator();
    const pages = ['search_page1.json', 'search_page2.json', 'search_page3.json'].map(
      (name) =>
        example(`jira-cli/${name}`) as { issues: Array<{ key: string; fields: Record<string, unknown> }> },
    );
    const fixtures = pages.flatMap((page) => page.issues);
    emulator.seed(fixtures);
    const fields = Object.keys(fixtures[0]?.fields ?? {});
    const { exchanges, send } = recorder(emulator);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await send({
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: JSON.stringify({
          jql: 'project = TEST ORDER BY key ASC',
          fields,
          maxResults: 2,
          ...(token ? { nextPageToken: token } : {}),
        }),
      });
      const body = page.responseBody as {
        isLast: boolean;
        nextPageToken?: string;
        issues: Array<{ key: string; fields: Record<string, unknown> }>;
      };
      expect(Object.keys(body).sort()).toEqual(
        body.isLast ? ['isLast', 'issues'] : ['isLast', 'issues', 'nextPageToken'],
      );
      for (const issue of body.issues) {
        const fixture = fixtures.find((f) => f.key === issue.key);
        expect(Object.keys(issue.fields).sort()).toEqual(fields.sort());
        expect(issue.fields).toMatchObject({
          summary: fixture?.fields.summary,
          labels: fixture?.fields.labels,
          created: fixture?.fields.created,
        });
      }
      keys.push(...body.issues.map((i) => i.key));
      token = body.isLast ? undefined : body.nextPageToken;
    } while (token);
    expect(keys).toEqual(fixtures.map((f) => f.key));
    recorded.push({ scenario: 'jira-cli search pages', exchanges });
  });

  it("carries the app's own flows: panel, finalization automation, trends and search", async () => {
    const app = await createPreviewApp({
      baseUrl: 'http://jira.test',
      now: () => new Date('2026-11-20T10:00:00Z'),
      demo: true,
      quiet: true,
      retryDelayScale: 0.001,
    });
    const [outage] = await searchJqlAll(app.emulator.appJiraPort(), {
      jql: 'summary ~ "Payment Service Outage"',
      fields: ['summary'],
    });
    const issueKey = outage?.key ?? '';
    const context = { accountId: PREVIEW_ACCOUNT_ID, issueKey, siteUrl: 'http://jira.test' };
    const panel = app.resolvers['issue-panel'];
    const call = async (name: string, payload: unknown) => {
      const result = (await panel[name]?.({ payload, context })) as { ok: boolean; data?: unknown };
      expect({ name, ok: result.ok }).toEqual({ name, ok: true });
      return result.data as Record<string, unknown>;
    };
    app.emulator.requests.length = 0;
    const view = await call('getPanel', { issueKey });
    await call('searchUsers', { query: 'a' });
    const saved = await call('saveDraft', { issueKey, document: view.document });
    await call('exportToDescription', { issueKey, document: saved.document });
    await call('finalize', { issueKey, document: saved.document });
    await app.emulator.drainEvents();
    await app.queue.drain();
    expect(await call('getAutomation', { issueKey })).toMatchObject({ children: expect.any(Array) });
    const trends = app.resolvers['global-page'];
    for (const [name, payload] of [
      ['getTrends', { month: '2026-10', projectKeys: [] }],
      ['searchPostmortems', { text: 'database' }],
    ] as const) {
      const result = (await trends[name]?.({ payload, context })) as { ok: boolean };
      expect({ name, ok: result.ok }).toEqual({ name, ok: true });
    }

    const exchanges: Exchange[] = app.emulator.requests
      .filter((request) => request.path.startsWith('/rest/api/3/'))
      .map((request) => ({
        method: request.method,
        path: request.path,
        ...(request.body ? { requestBody: JSON.parse(request.body) as unknown } : {}),
        status: request.response?.status ?? 0,
        ...(request.response?.body ? { responseBody: JSON.parse(request.response.body) as unknown } : {}),
      }));
    expect(exchanges.filter((x) => (x.status ?? 0) >= 400)).toEqual([]);
    // Finalization went through: bulk create, the trigger's label edit, and the trend search all happened.
    const paths = new Set(exchanges.map((x) => `${x.method} ${x.path.split('?')[0] ?? ''}`));
    for (const expected of ['POST /rest/api/3/issue/bulk', 'POST /rest/api/3/search/jql'])
      expect([...paths]).toContain(expected);
    recorded.push({ scenario: 'app flows', exchanges });
  });

  it('sent only requests, and gave only responses, that the spec allows', () => {
    const all = recorded.flatMap(({ scenario, exchanges }) =>
      exchanges.map((exchange) => ({ scenario, exchange })),
    );
    expect(new Set(recorded.map((r) => r.scenario)).size).toBe(5);
    const report = validateExchanges(all.map((entry) => entry.exchange));
    const problems = report.problems.map((p) => `${all[p.index]?.scenario ?? '?'}: ${p.message}`);
    expect(problems).toEqual([]);
    // Most of what the app calls is in the spec subset (createmeta, user search, mypermissions, issueLink are not).
    const covered = new Set(
      all
        .filter((_, i) => report.matched[i])
        .map(
          (e) =>
            `${e.exchange.method} ${e.exchange.path.split('?')[0]?.replace(/INC-\d+|[A-Z]+-\d+/, '{key}')}`,
        ),
    );
    expect(covered.size).toBeGreaterThanOrEqual(13);
  }, 120_000);
});
