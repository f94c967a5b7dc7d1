import { createJiraEmulator, DEFAULT_INDEX_LAG_MS, type JiraEmulator } from '../../../emulator/jira-emulator';
import { SEARCH_REMOVED_MESSAGE, UNBOUNDED_JQL_MESSAGE } from '../../../emulator/search-routes';

const NOW = new Date('2026-03-10T12:00:00.000Z');

async function call(
  emulator: JiraEmulator,
  method: string,
  path: string,
  body?: unknown,
  accountId?: string,
): Promise<{ status: number; json: unknown; headers: Record<string, string> }> {
  const response = await emulator.handle({
    method,
    path: `/rest/api/3${path}`,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(accountId ? { accountId } : {}),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: response.body === '' ? undefined : (JSON.parse(response.body) as unknown),
  };
}

function newIssue(summary: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { fields: { project: { key: 'INC' }, issuetype: { name: 'Incident' }, summary, ...extra } };
}

function seedIncidents(emulator: JiraEmulator, count: number): void {
  emulator.seed(
    Array.from({ length: count }, (_, i) => ({
      key: `INC-${i + 1}`,
      fields: {
        summary: `Incident ${i + 1}`,
        issuetype: { name: 'Incident' },
        labels: i % 2 === 0 ? ['even'] : ['odd'],
        created: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      },
    })),
  );
}

describe('Jira emulator REST API', () => {
  let emulator: JiraEmulator;
  let now: Date;
  /** Search is eventually consistent: a reader who searches after a write waits for the index. */
  const waitForIndex = () => {
    now = new Date(now.getTime() + DEFAULT_INDEX_LAG_MS);
  };
  beforeEach(() => {
    now = NOW;
    emulator = createJiraEmulator({ now: () => now });
  });

  describe('issues', () => {
    it('creates an issue (201 id/key/self) and reads it back with chosen fields', async () => {
      const created = await call(
        emulator,
        'POST',
        '/issue',
        newIssue('Payments down', { labels: ['SEV-1'] }),
      );
      expect(created).toMatchObject({
        status: 201,
        json: { id: '10000', key: 'INC-1', self: 'http://localhost:8080/rest/api/3/issue/10000' },
      });
      const read = await call(emulator, 'GET', '/issue/INC-1?fields=summary,labels');
      expect(read.status).toBe(200);
      expect(read.json).toMatchObject({
        id: '10000',
        key: 'INC-1',
        self: 'http://localhost:8080/rest/api/3/issue/10000',
      });
      expect((read.json as { fields: unknown }).fields).toEqual({
        summary: 'Payments down',
        labels: ['SEV-1'],
      });
    });

    it('answers every field by default, including the calling reporter and Jira timestamps', async () => {
      await call(emulator, 'POST', '/issue', newIssue('x'), '5b109f2e9729b51b54dc274d');
      const read = await call(emulator, 'GET', '/issue/INC-1?');
      const fields = (read.json as { fields: Record<string, unknown> }).fields;
      expect(fields.reporter).toMatchObject({
        accountId: '5b109f2e9729b51b54dc274d',
        displayName: 'Alex Rivera',
      });
      expect(fields.created).toBe('2026-03-10T12:00:00.000+0000');
      expect(fields.status).toMatchObject({ name: 'To Do', statusCategory: { key: 'new' } });
      expect(fields.project).toMatchObject({ key: 'INC', id: '10000' });
    });

    it('answers Jira 404 for an unknown issue', async () => {
      const read = await call(emulator, 'GET', '/issue/NOPE-9');
      expect(read).toMatchObject({
        status: 404,
        json: {
          errorMessages: ['Issue does not exist or you do not have permission to see it.'],
          errors: {},
        },
      });
    });

    it('rejects a create without a summary and a sub-task without a parent', async () => {
      const noSummary = await call(emulator, 'POST', '/issue', newIssue(''));
      expect(noSummary.status).toBe(400);
      expect(noSummary.json).toMatchObject({
        errors: { summary: 'You must specify a summary of the issue.' },
      });
      const orphan = await call(emulator, 'POST', '/issue', {
        fields: { project: { key: 'INC' }, issuetype: { name: 'Subtask' }, summary: 'child' },
      });
      expect(orphan.status).toBe(400);
      expect(Object.keys((orphan.json as { errors: object }).errors)).toEqual(['parentId']);
    });

    it('edits fields and labels with add/remove/set verbs (204) and records the changelog', async () => {
      await call(emulator, 'POST', '/issue', newIssue('before', { labels: ['a', 'b'] }));
      const edit = await call(emulator, 'PUT', '/issue/INC-1?notifyUsers=false', {
        fields: { summary: 'after' },
        update: { labels: [{ add: 'c' }, { remove: 'a' }] },
      });
      expect(edit.status).toBe(204);
      await call(emulator, 'PUT', '/issue/INC-1', { update: { labels: [{ set: ['z'] }] } });
      expect(emulator.getIssue('INC-1')?.fields.labels).toEqual(['z']);
      const page = await call(emulator, 'GET', '/issue/INC-1/changelog?startAt=0&maxResults=1');
      expect(page.json).toMatchObject({ startAt: 0, maxResults: 1, total: 2, isLast: false });
      const first = (page.json as { values: Array<{ items: unknown[] }> }).values[0];
      expect(first?.items).toEqual([
        {
          field: 'summary',
          fieldtype: 'jira',
          fieldId: 'summary',
          from: null,
          fromString: 'before',
          to: null,
          toString: 'after',
        },
        {
          field: 'labels',
          fieldtype: 'jira',
          fieldId: 'labels',
          from: null,
          fromString: 'a b',
          to: null,
          toString: 'b c',
        },
      ]);
      const second = await call(emulator, 'GET', '/issue/INC-1/changelog?startAt=1&maxResults=1');
      expect(second.json).toMatchObject({ startAt: 1, total: 2, isLast: true });
      const expanded = await call(emulator, 'GET', '/issue/INC-1?fields=labels&expand=changelog');
      expect(expanded.json).toMatchObject({
        changelog: { total: 2, histories: [{ id: '10000' }, { id: '10001' }] },
      });
    });

    it('keeps a seeded changelog and continues its ids', async () => {
      emulator.seed([
        {
          key: 'INC-5',
          fields: { summary: 'Old', labels: ['SEV-2'] },
          changelog: {
            histories: [
              {
                id: '20001',
                created: '2025-01-01T10:00:00.000+0000',
                items: [
                  {
                    field: 'labels',
                    fieldtype: 'jira',
                    fieldId: 'labels',
                    from: null,
                    fromString: '',
                    to: null,
                    toString: 'SEV-2',
                  },
                ],
              },
            ],
          },
        },
      ]);
      await call(emulator, 'PUT', '/issue/INC-5', { update: { labels: [{ add: 'POSTMORTEM-FINAL' }] } });
      const page = await call(emulator, 'GET', '/issue/INC-5/changelog');
      const values = (page.json as { values: Array<{ id: string; created: string }> }).values;
      expect(values.map((v) => v.created)).toEqual([
        '2025-01-01T10:00:00.000+0000',
        '2026-03-10T12:00:00.000+0000',
      ]);
      expect(Number(values[1]?.id)).toBeGreaterThan(Number(values[0]?.id));
    });

    it('refuses edits from a read-only account and hides issues from one without browse', async () => {
      await call(emulator, 'POST', '/issue', newIssue('x'));
      emulator.setPermissions('6a20bb1c93f06d33dd1e5f02', { browse: true, edit: false });
      emulator.setPermissions('6a20bb1c93f06d33dd1e5f03', { browse: false, edit: false });
      const edit = await call(
        emulator,
        'PUT',
        '/issue/INC-1',
        { fields: { summary: 'y' } },
        '6a20bb1c93f06d33dd1e5f02',
      );
      expect(edit.status).toBe(403);
      expect(emulator.getIssue('INC-1')?.fields.summary).toBe('x');
      const perms = await call(
        emulator,
        'GET',
        '/mypermissions?permissions=EDIT_ISSUES,BROWSE_PROJECTS&issueKey=INC-1',
        undefined,
        '6a20bb1c93f06d33dd1e5f02',
      );
      expect(perms.json).toMatchObject({
        permissions: { EDIT_ISSUES: { havePermission: false }, BROWSE_PROJECTS: { havePermission: true } },
      });
      const hidden = await call(emulator, 'GET', '/issue/INC-1', undefined, '6a20bb1c93f06d33dd1e5f03');
      expect(hidden.status).toBe(404);
    });
  });

  describe('bulk create', () => {
    it('creates up to 50 and reports per-element failures with failedElementNumber', async () => {
      await call(emulator, 'POST', '/issue', newIssue('parent'));
      const response = await call(emulator, 'POST', '/issue/bulk', {
        issueUpdates: [
          {
            fields: {
              project: { key: 'INC' },
              issuetype: { name: 'Subtask' },
              summary: 'one',
              parent: { key: 'INC-1' },
            },
            properties: [{ key: 'postmortem-action-source', value: { rowId: 'r1', incidentKey: 'INC-1' } }],
          },
          newIssue('two', { assignee: { accountId: 'no-such-user' } }),
          newIssue(''),
          newIssue('four', { assignee: { accountId: '5b10ac8d82e05b22cc7d4ef5' } }),
        ],
      });
      expect(response.status).toBe(201);
      const body = response.json as {
        issues: Array<{ key: string }>;
        errors: Array<Record<string, unknown>>;
      };
      expect(body.issues.map((i) => i.key)).toEqual(['INC-2', 'INC-3']);
      expect(body.errors.map((e) => e.failedElementNumber)).toEqual([1, 2]);
      expect(body.errors[0]).toMatchObject({
        status: 400,
        elementErrors: { errors: { assignee: expect.any(String) } },
      });
      expect(emulator.getIssue('INC-2')?.properties).toEqual({
        'postmortem-action-source': { rowId: 'r1', incidentKey: 'INC-1' },
      });
      expect(emulator.getIssue('INC-2')?.fields.parent).toMatchObject({ key: 'INC-1' });
      expect(emulator.getIssue('INC-3')?.fields.assignee).toMatchObject({ displayName: 'Mia Krystof' });
    });

    it('answers 400 above 50 issues and when every element fails', async () => {
      const tooMany = await call(emulator, 'POST', '/issue/bulk', {
        issueUpdates: Array.from({ length: 51 }, (_, i) => newIssue(`n${i}`)),
      });
      expect(tooMany.status).toBe(400);
      expect(emulator.getIssue('INC-1')).toBeUndefined();
      const exactly50 = await call(emulator, 'POST', '/issue/bulk', {
        issueUpdates: Array.from({ length: 50 }, (_, i) => newIssue(`n${i}`)),
      });
      expect(exactly50.status).toBe(201);
      const allFail = await call(emulator, 'POST', '/issue/bulk', {
        issueUpdates: [newIssue(''), newIssue('')],
      });
      expect(allFail.status).toBe(400);
      expect(allFail.json).toMatchObject({
        issues: [],
        errors: [{ failedElementNumber: 0 }, { failedElementNumber: 1 }],
      });
    });

    const elementErrors = (body: unknown) =>
      (body as { errors: Array<{ failedElementNumber: number; status: number; elementErrors: unknown }> })
        .errors;
    /** One element's refusal, as Jira's bulk create answers it. */
    const refusal = (failedElementNumber: number, errors: Record<string, string>) => ({
      status: 400,
      failedElementNumber,
      elementErrors: { errorMessages: [], errors },
    });

    it('refuses, per element, a field that is not on the project’s create screen', async () => {
      emulator.setCreateScreen('INC', ['project', 'issuetype', 'summary', 'labels']);
      const response = await call(emulator, 'POST', '/issue/bulk', {
        issueUpdates: [
          newIssue('fits', { labels: ['postmortem-action'] }),
          newIssue('dated', { duedate: '2026-04-01' }),
          newIssue('typo', { dueDate: '2026-04-01' }),
        ],
      });
      expect(response.status).toBe(201);
      const offScreen = (field: string) =>
        `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
      expect(elementErrors(response.json)).toEqual([
        refusal(1, { duedate: offScreen('duedate') }),
        refusal(2, { dueDate: offScreen('dueDate') }),
      ]);
      // The default screen has no such field either.
      emulator.setCreateScreen('INC', undefined);
      const typo = await call(emulator, 'POST', '/issue', newIssue('typo', { dueDate: '2026-04-01' }));
      expect(typo.status).toBe(400);
    });

    it('refuses, per element, an assignee who may not be assigned issues (and so does an edit)', async () => {
      emulator.setPermissions('5b109f2e9729b51b54dc274d', { browse: true, edit: true, assignable: false });
      emulator.setPermissions('6a20bb1c93f06d33dd1e5f01', { browse: true, edit: true, projects: ['OPS'] });
      const response = await call(emulator, 'POST', '/issue/bulk', {
        issueUpdates: [
          newIssue('alex', { assignee: { accountId: '5b109f2e9729b51b54dc274d' } }),
          newIssue('db engineer, no INC access', { assignee: { accountId: '6a20bb1c93f06d33dd1e5f01' } }),
          newIssue('mia', { assignee: { accountId: '5b10ac8d82e05b22cc7d4ef5' } }),
        ],
      });
      expect(response.status).toBe(201);
      expect(elementErrors(response.json)).toEqual([
        refusal(0, { assignee: "User '5b109f2e9729b51b54dc274d' cannot be assigned issues." }),
        refusal(1, { assignee: "User '6a20bb1c93f06d33dd1e5f01' cannot be assigned issues." }),
      ]);
      const edit = await call(emulator, 'PUT', '/issue/INC-1', {
        fields: { assignee: { accountId: '5b109f2e9729b51b54dc274d' } },
      });
      expect(edit).toMatchObject({
        status: 400,
        json: { errors: { assignee: "User '5b109f2e9729b51b54dc274d' cannot be assigned issues." } },
      });
    });

    it('refuses every element of a caller without Create Issues, but not the app', async () => {
      const maria = '5b10a2844c20165700ede21g';
      emulator.setPermissions(maria, { browse: true, edit: true, create: false });
      const body = { issueUpdates: [newIssue('one'), newIssue('two')] };
      const refused = await call(emulator, 'POST', '/issue/bulk', body, maria);
      expect(refused.status).toBe(400);
      expect(refused.json).toEqual({
        issues: [],
        errors: [0, 1].map((n) =>
          refusal(n, { project: 'You do not have permission to create issues in this project.' }),
        ),
      });
      const permissions = await call(
        emulator,
        'GET',
        '/mypermissions?permissions=CREATE_ISSUES',
        undefined,
        maria,
      );
      expect(permissions.json).toMatchObject({ permissions: { CREATE_ISSUES: { havePermission: false } } });
      const asApp = await emulator.handle({
        method: 'POST',
        path: '/rest/api/3/issue/bulk',
        body: JSON.stringify(body),
        asApp: true,
      });
      expect(asApp.status).toBe(201);
    });
  });

  describe('issue properties', () => {
    it('stores, lists, reads and deletes a property', async () => {
      await call(emulator, 'POST', '/issue', newIssue('x'));
      expect((await call(emulator, 'PUT', '/issue/INC-1/properties/p1', { a: 1 })).status).toBe(201);
      expect((await call(emulator, 'PUT', '/issue/INC-1/properties/p1', { a: 2 })).status).toBe(200);
      expect((await call(emulator, 'GET', '/issue/INC-1/properties/p1')).json).toEqual({
        key: 'p1',
        value: { a: 2 },
      });
      expect((await call(emulator, 'GET', '/issue/INC-1/properties')).json).toMatchObject({
        keys: [{ key: 'p1' }],
      });
      expect((await call(emulator, 'DELETE', '/issue/INC-1/properties/p1')).status).toBe(204);
      expect((await call(emulator, 'GET', '/issue/INC-1/properties/p1')).status).toBe(404);
      expect((await call(emulator, 'DELETE', '/issue/INC-1/properties/p1')).status).toBe(404);
    });

    it('accepts a value of exactly 32,768 characters and refuses one more', async () => {
      await call(emulator, 'POST', '/issue', newIssue('x'));
      const fits = JSON.stringify('a'.repeat(32_766));
      expect(fits).toHaveLength(32_768);
      expect((await call(emulator, 'PUT', '/issue/INC-1/properties/big', fits)).status).toBe(201);
      const tooLong = JSON.stringify('a'.repeat(32_767));
      const refused = await call(emulator, 'PUT', '/issue/INC-1/properties/big', tooLong);
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ errorMessages: [expect.stringContaining('32768')] });
    });
  });

  describe('search/jql', () => {
    it('pages by opaque nextPageToken until isLast, returning only ids by default', async () => {
      seedIncidents(emulator, 7);
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await call(emulator, 'POST', '/search/jql', {
          jql: 'project = INC ORDER BY key ASC',
          maxResults: 3,
          ...(token ? { nextPageToken: token } : {}),
        });
        const body = page.json as {
          issues: Array<Record<string, unknown>>;
          isLast: boolean;
          nextPageToken?: string;
        };
        for (const issue of body.issues) expect(Object.keys(issue)).toEqual(['id']);
        seen.push(...body.issues.map((i) => String(i.id)));
        token = body.isLast ? undefined : body.nextPageToken;
        if (!body.isLast) expect(token).toEqual(expect.any(String));
        pages += 1;
      } while (token);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    });

    it('returns fields, *all and properties per issue, with GET as with POST', async () => {
      seedIncidents(emulator, 2);
      await call(emulator, 'PUT', '/issue/INC-1/properties/postmortem-summary', { status: 'FINAL' });
      waitForIndex();
      const page = await call(
        emulator,
        'GET',
        '/search/jql?jql=labels%20%3D%20even&fields=summary&properties=postmortem-summary',
      );
      expect(page.json).toMatchObject({
        isLast: true,
        issues: [
          {
            key: 'INC-1',
            fields: { summary: 'Incident 1' },
            properties: { 'postmortem-summary': { status: 'FINAL' } },
          },
        ],
      });
      const all = await call(emulator, 'POST', '/search/jql', { jql: 'project = INC', fields: ['*all'] });
      const issue = (all.json as { issues: Array<{ fields: Record<string, unknown> }> }).issues[0];
      expect(Object.keys(issue?.fields ?? {})).toEqual(
        expect.arrayContaining(['summary', 'labels', 'created', 'status']),
      );
    });

    it('caps maxResults at 100 with fields and 5000 for ids only; default 50', async () => {
      seedIncidents(emulator, 120);
      const withFields = await call(emulator, 'POST', '/search/jql', {
        jql: 'project = INC',
        fields: ['summary'],
        maxResults: 500,
      });
      expect((withFields.json as { issues: unknown[] }).issues).toHaveLength(100);
      const idsOnly = await call(emulator, 'POST', '/search/jql', { jql: 'project = INC', maxResults: 500 });
      expect((idsOnly.json as { issues: unknown[]; isLast: boolean }).issues).toHaveLength(120);
      const byDefault = await call(emulator, 'POST', '/search/jql', { jql: 'project = INC' });
      expect((byDefault.json as { issues: unknown[] }).issues).toHaveLength(50);
    });

    it('answers 400 for unbounded JQL, a bad token and bad syntax', async () => {
      const unbounded = await call(emulator, 'POST', '/search/jql', { jql: 'ORDER BY created DESC' });
      expect(unbounded).toMatchObject({
        status: 400,
        json: { errorMessages: [UNBOUNDED_JQL_MESSAGE], errors: {} },
      });
      const badToken = await call(emulator, 'POST', '/search/jql', {
        jql: 'project = INC',
        nextPageToken: 'garbage',
      });
      expect(badToken.status).toBe(400);
      const syntax = await call(emulator, 'POST', '/search/jql', { jql: 'project = = INC' });
      expect(syntax.status).toBe(400);
      expect((syntax.json as { errorMessages: string[] }).errorMessages.length).toBeGreaterThan(0);
    });

    it('counts with approximate-count and reports JQL errors from jql/parse', async () => {
      seedIncidents(emulator, 5);
      expect(
        (await call(emulator, 'POST', '/search/approximate-count', { jql: 'labels = even' })).json,
      ).toEqual({ count: 3 });
      const parsed = await call(emulator, 'POST', '/jql/parse?validation=strict', {
        queries: ['project = INC', 'project = = INC'],
      });
      const queries = (parsed.json as { queries: Array<{ query: string; errors?: string[] }> }).queries;
      expect(queries[0]?.errors).toBeUndefined();
      expect(queries[1]?.errors?.length).toBeGreaterThan(0);
    });

    it('answers the removed /search with 410 Gone and Jira’s body', async () => {
      for (const method of ['GET', 'POST']) {
        const gone = await call(
          emulator,
          method,
          '/search?jql=project%20%3D%20INC',
          method === 'POST' ? { jql: 'x' } : undefined,
        );
        expect(gone).toMatchObject({
          status: 410,
          json: { errorMessages: [SEARCH_REMOVED_MESSAGE], errors: {} },
        });
      }
    });

    it('finds issues by the manifest’s indexed property aliases', async () => {
      seedIncidents(emulator, 3);
      await call(emulator, 'PUT', '/issue/INC-2/properties/postmortem-summary', {
        status: 'FINAL',
        severity: 'SEV-1',
      });
      waitForIndex();
      const page = await call(emulator, 'POST', '/search/jql', {
        jql: 'postmortemStatus = FINAL',
        fields: ['summary'],
      });
      expect((page.json as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toEqual(['INC-2']);
    });

    it('sees writes made between pages of the same query', async () => {
      seedIncidents(emulator, 3);
      const search = async () =>
        (
          (
            await call(emulator, 'POST', '/search/jql', {
              jql: 'postmortemStatus = FINAL',
              fields: ['summary'],
            })
          ).json as {
            issues: unknown[];
          }
        ).issues.length;
      expect(await search()).toBe(0);
      await call(emulator, 'PUT', '/issue/INC-1/properties/postmortem-summary', { status: 'FINAL' });
      waitForIndex();
      expect(await search()).toBe(1);
      await call(emulator, 'PUT', '/issue/INC-3', { update: { labels: [{ add: 'extra' }] } });
      await call(emulator, 'DELETE', '/issue/INC-1/properties/postmortem-summary');
      waitForIndex();
      expect(await search()).toBe(0);
    });

    it('uses an injected compileJql', async () => {
      const custom = createJiraEmulator({
        compileJql: () => ({ matches: (issue) => issue.key === 'INC-2', compare: () => 0, bounded: true }),
      });
      custom.seed([
        { key: 'INC-1', fields: { summary: 'a' } },
        { key: 'INC-2', fields: { summary: 'b' } },
      ]);
      const page = await call(custom, 'POST', '/search/jql', { jql: 'anything', fields: ['summary'] });
      expect(page.json).toMatchObject({ issues: [{ key: 'INC-2' }], isLast: true });
    });
  });

  describe('users, projects and links', () => {
    it('finds users by display-name word or email prefix, ignoring case', async () => {
      const byWord = await call(emulator, 'GET', '/user/search?query=chen');
      expect((byWord.json as Array<{ displayName: string }>).map((u) => u.displayName)).toEqual([
        'Maria Chen',
      ]);
      const byEmail = await call(emulator, 'GET', '/user/search?query=ALEX.R');
      expect((byEmail.json as Array<{ displayName: string }>).map((u) => u.displayName)).toEqual([
        'Alex Rivera',
      ]);
      expect((await call(emulator, 'GET', '/user/search?query=hen')).json).toEqual([]);
      const one = await call(emulator, 'GET', '/user?accountId=5b10ac8d82e05b22cc7d4ef5');
      expect(one.json).toMatchObject({ displayName: 'Mia Krystof' });
      expect((await call(emulator, 'GET', '/user?accountId=nobody')).status).toBe(404);
    });

    it('hides an email address the profile keeps private, from search, user reads and issue fields alike', async () => {
      // Maria Chen keeps Atlassian's default (private); Alex Rivera shows his address to anyone.
      const maria = '5b10a2844c20165700ede21g';
      const search = (await call(emulator, 'GET', '/user/search?query=maria')).json as Array<
        Record<string, unknown>
      >;
      expect(search).toHaveLength(1);
      expect(search[0]).not.toHaveProperty('emailAddress');
      expect((await call(emulator, 'GET', '/user/search?query=maria.chen@')).json).toEqual([]);
      expect((await call(emulator, 'GET', `/user?accountId=${maria}`)).json).not.toHaveProperty(
        'emailAddress',
      );
      expect((await call(emulator, 'GET', '/user?accountId=5b109f2e9729b51b54dc274d')).json).toMatchObject({
        emailAddress: 'alex.rivera@example.com',
      });
      const created = await call(
        emulator,
        'POST',
        '/issue',
        newIssue('Owned', { assignee: { accountId: maria } }),
      );
      const issue = await call(
        emulator,
        'GET',
        `/issue/${(created.json as { key: string }).key}?fields=assignee`,
      );
      expect((issue.json as { fields: { assignee: Record<string, unknown> } }).fields.assignee).toMatchObject(
        {
          accountId: maria,
        },
      );
      expect(
        (issue.json as { fields: { assignee: Record<string, unknown> } }).fields.assignee,
      ).not.toHaveProperty('emailAddress');
      // Her own profile shows her the address.
      expect((await call(emulator, 'GET', '/myself', undefined, maria)).json).toMatchObject({
        emailAddress: 'maria.chen@example.com',
      });
    });

    it('answers myself as the calling account', async () => {
      expect((await call(emulator, 'GET', '/myself')).json).toMatchObject({
        accountId: '5b10ac8d82e05b22cc7d4ef5',
      });
      const other = await call(emulator, 'GET', '/myself', undefined, '6a20bb1c93f06d33dd1e5f01');
      expect(other.json).toMatchObject({ displayName: 'DB Engineer' });
    });

    it('lists issue types: INC has a sub-task type, OPS none; paged', async () => {
      const inc = await call(emulator, 'GET', '/issue/createmeta/INC/issuetypes?startAt=0&maxResults=2');
      expect(inc.json).toMatchObject({ startAt: 0, maxResults: 2, total: 4 });
      const rest = await call(emulator, 'GET', '/issue/createmeta/INC/issuetypes?startAt=2&maxResults=2');
      const names = [
        ...(inc.json as { issueTypes: Array<{ name: string; subtask: boolean }> }).issueTypes,
        ...(rest.json as { issueTypes: Array<{ name: string; subtask: boolean }> }).issueTypes,
      ];
      expect(names.filter((t) => t.subtask).map((t) => t.name)).toEqual(['Subtask']);
      const ops = await call(emulator, 'GET', '/issue/createmeta/OPS/issuetypes');
      expect(
        (ops.json as { issueTypes: Array<{ subtask: boolean }> }).issueTypes.some((t) => t.subtask),
      ).toBe(false);
      expect((await call(emulator, 'GET', '/issue/createmeta/NOPE/issuetypes')).status).toBe(404);
    });

    it('links two issues (201, empty body) and shows the link on both', async () => {
      await call(emulator, 'POST', '/issue', {
        fields: { project: { key: 'OPS' }, issuetype: { name: 'Incident' }, summary: 'a' },
      });
      await call(emulator, 'POST', '/issue', {
        fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'b' },
      });
      const link = await emulator.handle({
        method: 'POST',
        path: '/rest/api/3/issueLink',
        body: JSON.stringify({
          type: { name: 'Relates' },
          inwardIssue: { key: 'OPS-1' },
          outwardIssue: { key: 'OPS-2' },
        }),
      });
      expect(link).toMatchObject({ status: 201, body: '' });
      expect(emulator.getIssue('OPS-1')?.fields.issuelinks).toMatchObject([
        { outwardIssue: { key: 'OPS-2' } },
      ]);
      expect(emulator.getIssue('OPS-2')?.fields.issuelinks).toMatchObject([
        { inwardIssue: { key: 'OPS-1' } },
      ]);
      const missing = await call(emulator, 'POST', '/issueLink', {
        type: { name: 'Relates' },
        inwardIssue: { key: 'OPS-1' },
        outwardIssue: { key: 'OPS-9' },
      });
      expect(missing.status).toBe(404);
    });
  });

  it('logs every request with method, path, body, caller and the answer', async () => {
    await emulator.appJiraPort().requestJira({ value: '/rest/api/3/myself' }, { method: 'GET' });
    await emulator.jiraPort('5b109f2e9729b51b54dc274d').requestJira({ value: '/rest/api/3/issue/INC-1?' });
    expect(emulator.requests).toEqual([
      {
        method: 'GET',
        path: '/rest/api/3/myself',
        body: undefined,
        asApp: true,
        accountId: '5b10ac8d82e05b22cc7d4ef5',
        response: expect.objectContaining({ status: 200 }),
      },
      {
        method: 'GET',
        path: '/rest/api/3/issue/INC-1?',
        body: undefined,
        asApp: false,
        accountId: '5b109f2e9729b51b54dc274d',
        response: expect.objectContaining({
          status: 404,
          body: expect.stringContaining('Issue does not exist or you do not have permission to see it.'),
        }),
      },
    ]);
  });
});
