import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createJiraEmulator, type JiraEmulator } from '../../emulator/create-jira-emulator';
import { createSpecValidator, specPath, type SpecValidator } from '../../emulator/spec-validator';

const corpus = path.resolve(path.dirname(specPath()), '../corpus/jira-examples');
const example = (name: string): unknown => JSON.parse(readFileSync(path.join(corpus, name), 'utf8'));

let validator: SpecValidator;
beforeAll(async () => {
  validator = await createSpecValidator();
}, 30_000);

function seeded(): JiraEmulator {
  const emulator = createJiraEmulator({ now: () => new Date('2026-03-15T12:00:00.000Z') });
  emulator.seed([
    {
      key: 'INC-1',
      fields: {
        summary: 'Payment outage',
        issuetype: { name: 'Incident' },
        labels: ['SEV-1'],
        created: '2026-03-01T10:00:00.000+0000',
        assignee: { accountId: '5b10a2844c20165700ede21g' },
      },
    },
    {
      key: 'INC-2',
      fields: {
        summary: 'Search slow',
        issuetype: { name: 'Incident' },
        created: '2026-03-02T10:00:00.000+0000',
        resolutiondate: '2026-03-02T12:00:00.000+0000',
        status: { name: 'Done' },
      },
    },
  ]);
  return emulator;
}

/** Sends a request, checks both directions against the spec, returns the parsed answer. */
async function exchange(emulator: JiraEmulator, method: string, pathWithQuery: string, body?: unknown) {
  const request = validator.validateRequest(method, pathWithQuery, body);
  // Endpoints outside the subset spec (user, issueLink, createmeta, mypermissions) cannot be checked.
  if (request.known)
    expect({ request: `${method} ${pathWithQuery}`, ...request }).toEqual({
      request: `${method} ${pathWithQuery}`,
      known: true,
      valid: true,
      errors: [],
    });
  const answer = await emulator.handle({
    method,
    path: pathWithQuery,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed: unknown = answer.body === '' ? undefined : JSON.parse(answer.body);
  if (parsed !== undefined && request.known) {
    const response = validator.validateResponse(method, pathWithQuery, answer.status, parsed);
    expect({ response: `${method} ${pathWithQuery} ${answer.status}`, ...response }).toMatchObject({
      valid: true,
    });
  }
  return { status: answer.status, body: parsed };
}

describe('emulator responses conform to the Jira OpenAPI spec', () => {
  it('covers issue read, edit, create, bulk, links and properties', async () => {
    const emulator = seeded();
    expect((await exchange(emulator, 'GET', '/rest/api/3/issue/INC-1')).status).toBe(200);
    expect(
      (await exchange(emulator, 'GET', '/rest/api/3/issue/INC-1?fields=summary,labels&expand=changelog'))
        .status,
    ).toBe(200);
    expect((await exchange(emulator, 'GET', '/rest/api/3/issue/NOPE-1')).status).toBe(404);
    expect(
      (
        await exchange(emulator, 'PUT', '/rest/api/3/issue/INC-1', {
          update: { labels: [{ add: 'POSTMORTEM-FINAL' }] },
        })
      ).status,
    ).toBe(204);
    expect((await exchange(emulator, 'GET', '/rest/api/3/issue/INC-1/changelog')).status).toBe(200);
    const child = {
      fields: {
        project: { key: 'INC' },
        issuetype: { name: 'Sub-task' },
        parent: { key: 'INC-1' },
        summary: 'Add alert',
        labels: ['postmortem-action'],
        duedate: '2026-04-01',
      },
    };
    expect((await exchange(emulator, 'POST', '/rest/api/3/issue', child)).status).toBe(201);
    expect(
      (await exchange(emulator, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'INC' } } })).status,
    ).toBe(400);
    const bulk = await exchange(emulator, 'POST', '/rest/api/3/issue/bulk', {
      issueUpdates: [
        child,
        { fields: { project: { key: 'NOSUB' }, issuetype: { name: 'Sub-task' }, summary: 'x' } },
      ],
    });
    expect(bulk.status).toBe(201);
    expect(
      (
        await exchange(emulator, 'POST', '/rest/api/3/issueLink', {
          type: { name: 'Relates' },
          inwardIssue: { key: 'INC-1' },
          outwardIssue: { key: 'INC-2' },
        })
      ).status,
    ).toBe(201);
    expect(
      (await exchange(emulator, 'PUT', '/rest/api/3/issue/INC-1/properties/postmortem', { status: 'FINAL' }))
        .status,
    ).toBe(201);
    expect((await exchange(emulator, 'GET', '/rest/api/3/issue/INC-1/properties/postmortem')).status).toBe(
      200,
    );
    expect((await exchange(emulator, 'GET', '/rest/api/3/issue/INC-1/properties')).status).toBe(200);
    expect((await exchange(emulator, 'DELETE', '/rest/api/3/issue/INC-1/properties/postmortem')).status).toBe(
      204,
    );
    expect((await exchange(emulator, 'GET', '/rest/api/3/issue/createmeta/INC/issuetypes')).status).toBe(200);
  });

  it('covers search, counts, JQL parse, users and permissions', async () => {
    const emulator = seeded();
    const jql = 'project = INC AND created >= "2026-03-01" ORDER BY created DESC';
    const page = await exchange(emulator, 'POST', '/rest/api/3/search/jql', {
      jql,
      maxResults: 1,
      fields: ['summary', 'labels', 'status'],
      expand: 'changelog',
    });
    expect(page.body).toMatchObject({ isLast: false });
    expect(
      (await exchange(emulator, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=*all`))
        .status,
    ).toBe(200);
    expect(
      (await exchange(emulator, 'POST', '/rest/api/3/search/jql', { jql: 'order by created' })).status,
    ).toBe(400);
    expect((await exchange(emulator, 'POST', '/rest/api/3/search/approximate-count', { jql })).body).toEqual({
      count: 2,
    });
    expect(
      (
        await exchange(emulator, 'POST', '/rest/api/3/jql/parse?validation=strict', {
          queries: [jql, 'project = = x'],
        })
      ).status,
    ).toBe(200);
    expect((await exchange(emulator, 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect(
      (await exchange(emulator, 'GET', '/rest/api/3/user?accountId=5b10a2844c20165700ede21g')).status,
    ).toBe(200);
    expect((await exchange(emulator, 'GET', '/rest/api/3/user/search?query=mia')).status).toBe(200);
    expect(
      (
        await exchange(
          emulator,
          'GET',
          '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES&issueKey=INC-1',
        )
      ).status,
    ).toBe(200);
  });
});

describe('Atlassian example payloads', () => {
  it('accepts the createIssue example and answers shaped like its 201 example', async () => {
    const emulator = seeded();
    const body = example('openapi-examples/createIssue.request.json');
    expect(validator.validateRequest('POST', '/rest/api/3/issue', body).valid).toBe(true);
    const created = await exchange(emulator, 'POST', '/rest/api/3/issue', body);
    expect(created.status).toBe(201);
    const expected = example('openapi-examples/createIssue.response.201.json') as Record<string, unknown>;
    expect(Object.keys(created.body as object)).toEqual(expect.arrayContaining(['id', 'key', 'self']));
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['id', 'key', 'self']));
  });

  it('accepts the createIssues (bulk) example', async () => {
    const emulator = seeded();
    const created = await exchange(
      emulator,
      'POST',
      '/rest/api/3/issue/bulk',
      example('openapi-examples/createIssues.request.json'),
    );
    expect(created).toMatchObject({ status: 201, body: { errors: [] } });
    expect((created.body as { issues: unknown[] }).issues).toHaveLength(2);
  });

  it.each(readdirSync(path.join(corpus, 'jira-cli')).filter((name) => name.startsWith('search_page')))(
    'jira-cli %s is a valid search/jql page',
    (name) => {
      expect(
        validator.validateResponse('POST', '/rest/api/3/search/jql', 200, example(`jira-cli/${name}`)),
      ).toMatchObject({ valid: true });
    },
  );

  it.each([
    ['GET', '/rest/api/3/issue/ED-1', 'getIssue.response.200.json'],
    ['GET', '/rest/api/3/issue/ED-1/changelog', 'getChangeLogs.response.200.json'],
    ['GET', '/rest/api/3/issue/ED-1/properties/p', 'getIssueProperty.response.200.json'],
    ['GET', '/rest/api/3/issue/ED-1/properties', 'getIssuePropertyKeys.response.200.json'],
    ['POST', '/rest/api/3/search/jql', 'searchAndReconsileIssuesUsingJqlPost.response.200.json'],
  ])('Atlassian example %s %s validates with nullable relaxed', (method, url, file) => {
    expect(validator.validateResponse(method, url, 200, example(`openapi-examples/${file}`))).toMatchObject({
      valid: true,
    });
  });

  it('jira-cli search.json validates apart from its top-level expand, which the spec schema omits', () => {
    const { expand, ...page } = example('jira-cli/search.json') as Record<string, unknown>;
    expect(expand).toBe('schema,names');
    expect(validator.validateResponse('POST', '/rest/api/3/search/jql', 200, page)).toMatchObject({
      valid: true,
    });
  });

  it('rejects a request the spec forbids (strict requests)', () => {
    expect(validator.validateRequest('POST', '/rest/api/3/search/jql', { jql: 42 }).valid).toBe(false);
  });
});
