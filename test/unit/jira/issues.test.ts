import {
  bulkCreateIssues,
  createIssue,
  editIssue,
  getIssue,
  type IssueUpdate,
} from '../../../src/jira/issues';
import { z } from 'zod';
import { fakeClock } from '../../helpers/fake-clock';
import { fakeJiraPort, type RecordedRequest } from '../../helpers/fake-jira-port';
import { jiraFixture } from '../../helpers/jira-fixtures';
import { retryingJiraPort } from '../../../src/runtime/retrying-jira-port';

const BULK = '/rest/api/3/issue/bulk';

function actionItem(n: number): IssueUpdate {
  return {
    fields: {
      project: { key: 'INC' },
      parent: { key: 'INC-34' },
      issuetype: { id: '10003' },
      summary: `Action item ${n}`,
      labels: ['postmortem-action'],
    },
    properties: [{ key: 'postmortem.actionItem', value: { rowId: `row-${n}` } }],
  };
}

/** Answers a bulk request like Jira: one created issue per element, keys counting up. */
function createAll(request: RecordedRequest) {
  const { issueUpdates } = request.body as { issueUpdates: IssueUpdate[] };
  return {
    status: 201,
    body: {
      issues: issueUpdates.map((u) => ({
        id: String(20000 + Number(/\d+$/.exec(String(u.fields.summary))?.[0])),
        key: `INC-${1000 + Number(/\d+$/.exec(String(u.fields.summary))?.[0])}`,
        self: 'https://your-domain.atlassian.net/rest/api/3/issue/1',
      })),
      errors: [],
    },
  };
}

describe('getIssue', () => {
  it('asks only for the fields and expansions requested and validates them', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/issue/ED-1', {
      status: 200,
      body: jiraFixture('openapi-examples/getIssue.response.200.json'),
    });
    const issue = await getIssue(jira, {
      issueIdOrKey: 'ED-1',
      fields: ['updated', 'description'],
      expand: ['changelog'],
      fieldsSchema: z.looseObject({ updated: z.number() }),
    });
    expect(issue).toMatchObject({ id: '10002', key: 'ED-1', fields: { updated: 1 } });
    const [request] = jira.requests;
    expect(request?.query.get('fields')).toBe('updated,description');
    expect(request?.query.get('expand')).toBe('changelog');
  });

  it('encodes the key into the path', async () => {
    const jira = fakeJiraPort().on('GET', /^\/rest\/api\/3\/issue\//, {
      status: 200,
      body: jiraFixture('jira-cli/issue.json'),
    });
    await getIssue(jira, { issueIdOrKey: 'TEST-1/../x' });
    expect(jira.requests[0]?.path).toBe('/rest/api/3/issue/TEST-1%2F..%2Fx');
  });

  it('reports a response without a key as an Internal error, not a crash', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/issue/ED-1', { status: 200, body: { fields: {} } });
    await expect(getIssue(jira, { issueIdOrKey: 'ED-1' })).rejects.toMatchObject({
      kind: 'Internal',
      message: expect.stringContaining('key'),
    });
  });

  it('reports a body that is not JSON as an Internal error', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/issue/ED-1', {
      status: 200,
      rawBody: '<html>login</html>',
    });
    await expect(getIssue(jira, { issueIdOrKey: 'ED-1' })).rejects.toMatchObject({ kind: 'Internal' });
  });

  it('maps 404 to NotFound', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/issue/NOPE-1', {
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
    await expect(getIssue(jira, { issueIdOrKey: 'NOPE-1' })).rejects.toMatchObject({ kind: 'NotFound' });
  });
});

describe('editIssue', () => {
  it('sends label changes as update.labels add/remove verbs like the spec example', async () => {
    const jira = fakeJiraPort().on('PUT', '/rest/api/3/issue/INC-34', { status: 204 });
    await editIssue(jira, {
      issueIdOrKey: 'INC-34',
      fields: { summary: 'Completed orders still displaying in pending' },
      labels: { add: ['triaged'], remove: ['blocker'] },
    });
    const expected = jiraFixture<{ update: { labels: unknown } }>('openapi-examples/editIssue.request.json');
    expect(jira.requests[0]?.body).toEqual({
      fields: { summary: 'Completed orders still displaying in pending' },
      update: { labels: expected.update.labels },
    });
    expect(jira.requests[0]?.headers['Content-Type']).toBe('application/json');
  });

  it('maps 409 to Conflict', async () => {
    const jira = fakeJiraPort().on('PUT', '/rest/api/3/issue/INC-34', { status: 409 });
    await expect(editIssue(jira, { issueIdOrKey: 'INC-34', labels: { add: ['x'] } })).rejects.toMatchObject({
      kind: 'Conflict',
    });
  });

  it('sends nothing when there is nothing to change', async () => {
    const jira = fakeJiraPort();
    await editIssue(jira, { issueIdOrKey: 'INC-34', labels: {} });
    expect(jira.requests).toHaveLength(0);
  });
});

describe('createIssue', () => {
  it("posts the fields and returns the created key from Jira's 201 example", async () => {
    const jira = fakeJiraPort().on('POST', '/rest/api/3/issue', {
      status: 201,
      body: jiraFixture('openapi-examples/createIssue.response.201.json'),
    });
    const request = jiraFixture<IssueUpdate>('openapi-examples/createIssue.request.json');
    await expect(createIssue(jira, request)).resolves.toEqual({
      id: '10000',
      key: 'ED-24',
      self: 'https://your-domain.atlassian.net/rest/api/3/issue/10000',
    });
    expect(jira.requests[0]?.body).toEqual(request);
  });

  it("maps Jira's 400 example to InvalidInput with its message", async () => {
    const jira = fakeJiraPort().on('POST', '/rest/api/3/issue', {
      status: 400,
      body: jiraFixture('openapi-examples/createIssue.response.400.json'),
    });
    await expect(createIssue(jira, actionItem(1))).rejects.toMatchObject({
      kind: 'InvalidInput',
      message: expect.stringContaining("Field 'priority' is required"),
    });
  });
});

describe('bulkCreateIssues', () => {
  it('creates 120 issues in 3 calls of at most 50, in order', async () => {
    const jira = fakeJiraPort().on('POST', BULK, createAll);
    const items = Array.from({ length: 120 }, (_, i) => actionItem(i));
    const result = await bulkCreateIssues(jira, { issues: items });
    const sizes = jira.requests.map((r) => (r.body as { issueUpdates: unknown[] }).issueUpdates.length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(result.failed).toEqual([]);
    expect(result.created).toHaveLength(120);
    expect(result.created[119]).toMatchObject({ index: 119, key: 'INC-1119' });
    expect((jira.requests[2]?.body as { issueUpdates: IssueUpdate[] }).issueUpdates[0]).toEqual(items[100]);
  });

  it("maps the spec's 201 example onto the input indexes", async () => {
    const jira = fakeJiraPort().on('POST', BULK, {
      status: 201,
      body: jiraFixture('openapi-examples/createIssues.response.201.json'),
    });
    const result = await bulkCreateIssues(jira, { issues: [actionItem(0), actionItem(1)] });
    expect(result.created.map((c) => [c.index, c.key])).toEqual([
      [0, 'ED-24'],
      [1, 'ED-25'],
    ]);
  });

  it('reads the all-failed 400 example as per-element errors, not an exception', async () => {
    const jira = fakeJiraPort().on('POST', BULK, {
      status: 400,
      body: jiraFixture('openapi-examples/createIssues.response.400.json'),
    });
    const result = await bulkCreateIssues(jira, { issues: [actionItem(0), actionItem(1)] });
    expect(result.created).toEqual([]);
    expect(result.failed).toHaveLength(2);
    expect(result.failed[1]).toMatchObject({
      index: 1,
      status: 400,
      kind: 'InvalidInput',
      fields: { issuetype: 'The issue type selected is invalid.' },
      message: expect.stringContaining('Sub-tasks must be created in the same project as the parent.'),
    });
  });

  it('maps failedElementNumber of a later batch back to the caller index', async () => {
    const jira = fakeJiraPort().on('POST', BULK, (request, call) => {
      if (call === 0) return createAll(request);
      const { issueUpdates } = request.body as { issueUpdates: IssueUpdate[] };
      return {
        status: 201,
        body: {
          issues: issueUpdates.slice(0, 2).map((_, i) => ({ id: String(30000 + i), key: `INC-${2000 + i}` })),
          errors: [
            {
              elementErrors: { errorMessages: [], errors: { assignee: 'User cannot be assigned' } },
              failedElementNumber: 2,
              status: 400,
            },
          ],
        },
      };
    });
    const result = await bulkCreateIssues(jira, {
      issues: Array.from({ length: 53 }, (_, i) => actionItem(i)),
    });
    expect(result.failed.map((f) => f.index)).toEqual([52]);
    expect(result.created.slice(-2).map((c) => [c.index, c.key])).toEqual([
      [50, 'INC-2000'],
      [51, 'INC-2001'],
    ]);
  });

  it('keeps what the first batch created when a later batch stays rate-limited', async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('POST', BULK, (request, call) =>
      call === 0 ? createAll(request) : { status: 429, headers: { 'Retry-After': '30' } },
    );
    const result = await bulkCreateIssues(
      retryingJiraPort(jira, { clock, budgetMs: 45_000, maxAttempts: 4 }),
      {
        issues: Array.from({ length: 120 }, (_, i) => actionItem(i)),
      },
    );
    expect(result.created).toHaveLength(50);
    expect(result.failed).toHaveLength(70);
    expect(result.failed[0]).toMatchObject({ index: 50, kind: 'RateLimited', retryAfterMs: 30_000 });
    // One 30 s wait fits the 45 s budget, a second would not; the third batch is never sent.
    expect(jira.requests).toHaveLength(3);
  });

  it('sends nothing for no issues', async () => {
    const jira = fakeJiraPort();
    await expect(bulkCreateIssues(jira, { issues: [] })).resolves.toEqual({ created: [], failed: [] });
    expect(jira.requests).toHaveLength(0);
  });
});
