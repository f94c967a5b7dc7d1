import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMENTS_PAGE_LIMIT } from '../../../emulator/comment-routes';
import { createJiraEmulator, type JiraEmulator } from '../../../emulator/jira-emulator';
import { requiredScope } from '../../../forge-platform/product-scopes';
import { reviewRequestComment } from '../../../src/domain/review';
import { addComment } from '../../../src/jira/comments';
import { FULL_SPEC_FILE, validateExchanges, type Exchange } from './openapi-validator';

const AUTHOR = '5b10ac8d82e05b22cc7d4ef5';
const REVIEWER = '6a20bb1c93f06d33dd1e5f02';
const OUTSIDER = '6a20bb1c93f06d33dd1e5f03';

const COMMENT_PATH = '/rest/api/3/issue/{issueIdOrKey}/comment';

interface CommentOperations {
  post: {
    requestBody: { content: { 'application/json': { example: { body: unknown; visibility: unknown } } } };
  };
}

const fullSpec = JSON.parse(readFileSync(FULL_SPEC_FILE, 'utf8')) as {
  paths: Record<string, CommentOperations>;
};

/** The request example of `addComment` in Atlassian's OpenAPI document. */
function specExampleRequest(): { body: unknown; visibility: unknown } {
  return fullSpec.paths[COMMENT_PATH]!.post.requestBody.content['application/json'].example;
}

/** The spec with only the comment operations: the whole document takes the validator ~40 s to load. */
function commentSpecFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'comment-spec-')), 'spec.json');
  writeFileSync(
    file,
    JSON.stringify({ ...fullSpec, paths: { [COMMENT_PATH]: fullSpec.paths[COMMENT_PATH] } }),
  );
  return file;
}

function mentionBody(...accountIds: string[]): unknown {
  return {
    type: 'doc',
    version: 1,
    content: [
      {
        type: 'paragraph',
        content: [
          ...accountIds.map((id) => ({ type: 'mention', attrs: { id, text: `@${id}` } })),
          { type: 'text', text: ' please review the postmortem.' },
        ],
      },
    ],
  };
}

function seeded(): JiraEmulator {
  const emulator = createJiraEmulator({
    baseUrl: 'http://jira.test',
    now: () => new Date('2025-04-10T09:00:00Z'),
  });
  emulator.seed([
    {
      key: 'INC-1',
      fields: {
        summary: 'Checkout outage',
        issuetype: { name: 'Incident' },
        project: { key: 'INC' },
        created: '2025-03-03T10:00:00.000+0000',
      },
    },
    {
      key: 'OPS-1',
      fields: { summary: 'Ops', issuetype: { name: 'Incident' }, project: { key: 'OPS' } },
    },
  ]);
  return emulator;
}

async function post(emulator: JiraEmulator, key: string, body: unknown, accountId = AUTHOR) {
  const path = `/rest/api/3/issue/${key}/comment`;
  const response = await emulator.handle({ method: 'POST', path, accountId, body: JSON.stringify(body) });
  const json = (response.body ? JSON.parse(response.body) : undefined) as Record<string, unknown>;
  return {
    status: response.status,
    json,
    exchange: {
      method: 'POST',
      path,
      requestBody: body,
      status: response.status,
      responseBody: json,
    } satisfies Exchange,
  };
}

async function list(emulator: JiraEmulator, key: string, query = '', accountId = AUTHOR) {
  const path = `/rest/api/3/issue/${key}/comment${query}`;
  const response = await emulator.handle({ method: 'GET', path, accountId });
  const json = JSON.parse(response.body) as Record<string, unknown>;
  return {
    status: response.status,
    json,
    exchange: { method: 'GET', path, status: response.status, responseBody: json } satisfies Exchange,
  };
}

describe('emulator: issue comments', () => {
  it("stores the spec's example body and answers with author, created and updated", async () => {
    const emulator = seeded();
    const { body } = specExampleRequest();
    const added = await post(emulator, 'INC-1', { body });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({
      id: expect.any(String),
      self: expect.stringMatching(/^http:\/\/jira\.test\/rest\/api\/3\/issue\/\d+\/comment\/\d+$/),
      author: { accountId: AUTHOR, displayName: 'Mia Krystof' },
      updateAuthor: { accountId: AUTHOR },
      body,
      created: '2025-04-10T09:00:00.000+0000',
      updated: '2025-04-10T09:00:00.000+0000',
    });
    const page = await list(emulator, 'INC-1');
    expect(page.json).toMatchObject({ startAt: 0, maxResults: COMMENTS_PAGE_LIMIT, total: 1 });
    expect(page.json.comments).toEqual([added.json]);
    expect(validateExchanges([added.exchange, page.exchange], commentSpecFile()).problems).toEqual([]);
  });

  it("keeps comments out of the changelog and bumps the issue's updated time", async () => {
    const emulator = seeded();
    await post(emulator, 'INC-1', { body: mentionBody(REVIEWER) });
    const issue = emulator.getIssue('INC-1')!;
    expect(issue.histories).toEqual([]);
    expect(issue.fields.updated).toBe('2025-04-10T09:00:00.000+0000');
    expect(emulator.getComments('INC-1')).toHaveLength(1);
    expect(emulator.getComments('INC-1')[0]).toMatchObject({ author: { accountId: AUTHOR, asApp: false } });
  });

  it('accepts mentions of existing accounts and refuses a mention of an unknown one', async () => {
    const emulator = seeded();
    expect((await post(emulator, 'INC-1', { body: mentionBody(REVIEWER, OUTSIDER) })).status).toBe(201);
    const unknown = await post(emulator, 'INC-1', { body: mentionBody(REVIEWER, 'no-such-account') });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual({ comment: expect.stringContaining('no-such-account') });
    expect(emulator.getComments('INC-1')).toHaveLength(1);
  });

  it.each([
    ['a plain string (API v2 style)', 'please review'],
    ['a doc of another version', { type: 'doc', version: 2, content: [] }],
    [
      'a doc with text directly under it',
      { type: 'doc', version: 1, content: [{ type: 'text', text: 'x' }] },
    ],
    ['a mention without an id', mentionBodyWithoutId()],
  ])('refuses a body that is not valid ADF: %s', async (_name, body) => {
    const emulator = seeded();
    const refused = await post(emulator, 'INC-1', { body });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual({ comment: expect.stringContaining('Atlassian Document') });
  });

  it('refuses an empty document, a missing body and a visibility the site cannot model', async () => {
    const emulator = seeded();
    expect((await post(emulator, 'INC-1', { body: { type: 'doc', version: 1, content: [] } })).status).toBe(
      400,
    );
    expect((await post(emulator, 'INC-1', {})).status).toBe(400);
    expect((await post(emulator, 'INC-1', specExampleRequest())).status).toBe(400);
    expect(emulator.getComments('INC-1')).toEqual([]);
  });

  it('answers 404 for an issue the caller cannot browse and 403 without Add Comments', async () => {
    const emulator = seeded();
    emulator.setPermissions(OUTSIDER, { browse: true, edit: true, projects: ['INC'] });
    expect((await post(emulator, 'OPS-1', { body: mentionBody() }, OUTSIDER)).status).toBe(404);
    expect((await list(emulator, 'OPS-1', '', OUTSIDER)).status).toBe(404);
    emulator.setPermissions(OUTSIDER, { browse: true, edit: true, comment: false });
    const refused = await post(emulator, 'INC-1', { body: mentionBody() }, OUTSIDER);
    expect(refused.status).toBe(403);
    expect((await list(emulator, 'INC-1', '', OUTSIDER)).status).toBe(200);
    const permissions = await emulator.handle({
      method: 'GET',
      path: '/rest/api/3/mypermissions?permissions=ADD_COMMENTS&issueKey=INC-1',
      accountId: OUTSIDER,
    });
    expect(JSON.parse(permissions.body)).toMatchObject({
      permissions: { ADD_COMMENTS: { havePermission: false } },
    });
  });

  it('pages by startAt and maxResults, caps maxResults, and orders by created either way', async () => {
    let clock = Date.parse('2025-04-10T09:00:00Z');
    const emulator = createJiraEmulator({ now: () => new Date((clock += 60_000)) });
    emulator.seed([
      { key: 'INC-1', fields: { summary: 'x', issuetype: { name: 'Incident' }, project: { key: 'INC' } } },
    ]);
    for (let i = 0; i < 3; i++) await post(emulator, 'INC-1', { body: mentionBody() });
    const ids = emulator.getComments('INC-1').map((comment) => comment.id);
    const second = await list(emulator, 'INC-1', '?startAt=1&maxResults=1');
    expect(second.json).toMatchObject({ startAt: 1, maxResults: 1, total: 3 });
    expect((second.json.comments as Array<{ id: string }>).map((c) => c.id)).toEqual([ids[1]]);
    const newest = await list(emulator, 'INC-1', '?orderBy=-created');
    expect((newest.json.comments as Array<{ id: string }>).map((c) => c.id)).toEqual([...ids].reverse());
    expect((await list(emulator, 'INC-1', '?maxResults=5000')).json.maxResults).toBe(COMMENTS_PAGE_LIMIT);
    expect((await list(emulator, 'INC-1', '?orderBy=updated')).status).toBe(400);
  });

  it("takes the app's review request as it is sent: valid ADF, a mention per reviewer, a request the spec accepts", async () => {
    const emulator = seeded();
    const body = reviewRequestComment({
      reviewers: [
        { accountId: REVIEWER, displayName: 'Priya Nair' },
        { accountId: OUTSIDER, displayName: 'Sam Okafor' },
      ],
      issueKey: 'INC-1',
      note: 'Please look at the action items.',
    });
    const added = await addComment(emulator.jiraPort(AUTHOR), { issueIdOrKey: 'INC-1', body });
    expect(added.id).toBe(emulator.getComments('INC-1')[0]?.id);
    const sent = emulator.requests.find((r) => r.method === 'POST')!;
    const exchange: Exchange = {
      method: 'POST',
      path: sent.path,
      requestBody: JSON.parse(sent.body ?? 'null') as unknown,
      status: sent.response?.status,
      responseBody: JSON.parse(sent.response?.body ?? 'null') as unknown,
    };
    expect(validateExchanges([exchange], commentSpecFile()).problems).toEqual([]);
  });

  it('needs read:jira-work to list comments and write:jira-work to add one', () => {
    expect(requiredScope('GET', '/rest/api/3/issue/INC-1/comment?orderBy=-created')).toBe('read:jira-work');
    expect(requiredScope('POST', '/rest/api/3/issue/INC-1/comment')).toBe('write:jira-work');
  });
});

function mentionBodyWithoutId(): unknown {
  return {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { text: '@someone' } }] }],
  };
}
