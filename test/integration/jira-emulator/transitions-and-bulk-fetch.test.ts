import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiraEmulator, type JiraEmulator } from '../../../emulator/jira-emulator';
import { requiredScope } from '../../../forge-platform/product-scopes';
import { FULL_SPEC_FILE, validateExchanges, type Exchange } from './openapi-validator';

const VIEWER = '5b10ac8d82e05b22cc7d4ef5';
const INC_ONLY = '6a20bb1c93f06d33dd1e5f03';
const PATHS = ['/rest/api/3/issue/{issueIdOrKey}/transitions', '/rest/api/3/issue/bulkfetch'];

/** The spec with only these operations: the whole document takes the validator ~40 s to load. */
function specFile(): string {
  const full = JSON.parse(readFileSync(FULL_SPEC_FILE, 'utf8')) as { paths: Record<string, unknown> };
  const file = join(mkdtempSync(join(tmpdir(), 'transition-spec-')), 'spec.json');
  writeFileSync(
    file,
    JSON.stringify({ ...full, paths: Object.fromEntries(PATHS.map((p) => [p, full.paths[p]])) }),
  );
  return file;
}

let clock = new Date('2025-03-10T09:00:00Z');

function seeded(): JiraEmulator {
  clock = new Date('2025-03-10T09:00:00Z');
  const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', now: () => clock });
  emulator.addProject({
    id: '10100',
    key: 'TEAM',
    name: 'Team-managed',
    issueTypes: [{ id: '10000', name: 'Task', subtask: false }],
    setsResolution: false,
  });
  emulator.seed(
    ['INC-2', 'OPS-3', 'TEAM-4'].map((key) => ({
      key,
      fields: {
        summary: `Action ${key}`,
        issuetype: { name: 'Task' },
        created: '2025-03-01T10:00:00.000+0000',
      },
    })),
  );
  return emulator;
}

async function call(
  emulator: JiraEmulator,
  method: string,
  path: string,
  body?: unknown,
  accountId = VIEWER,
) {
  const response = await emulator.handle({
    method,
    path,
    accountId,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = response.body ? (JSON.parse(response.body) as Record<string, unknown>) : undefined;
  const exchange: Exchange = {
    method,
    path,
    ...(body === undefined ? {} : { requestBody: body }),
    status: response.status,
    ...(json === undefined ? {} : { responseBody: json }),
  };
  return { status: response.status, json, exchange };
}

const transition = (emulator: JiraEmulator, key: string, id: string, accountId = VIEWER) =>
  call(emulator, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id } }, accountId);

describe('emulator: workflow transitions', () => {
  it('lists the transitions to the other statuses and moves the issue, with its dates and changelog', async () => {
    const emulator = seeded();
    const listed = await call(emulator, 'GET', '/rest/api/3/issue/INC-2/transitions');
    expect(
      (listed.json?.transitions as Array<{ id: string; name: string }>).map((t) => [t.id, t.name]),
    ).toEqual([
      ['21', 'In Progress'],
      ['31', 'Done'],
    ]);

    clock = new Date('2025-03-12T15:00:00Z');
    const done = await transition(emulator, 'INC-2', '31');

    expect(done.status).toBe(204);
    const issue = emulator.getIssue('INC-2')!;
    expect(issue.fields).toMatchObject({
      status: { name: 'Done', statusCategory: { key: 'done' } },
      resolution: { name: 'Done' },
      resolutiondate: '2025-03-12T15:00:00.000+0000',
      statuscategorychangedate: '2025-03-12T15:00:00.000+0000',
    });
    expect(issue.histories.at(-1)?.items.map((item) => [item.field, item.toString])).toEqual([
      ['status', 'Done'],
      ['resolution', 'Done'],
    ]);
    expect(validateExchanges([listed.exchange, done.exchange], specFile()).problems).toEqual([]);
  });

  it('clears the resolution on reopening, and the category date moves with each category change only', async () => {
    const emulator = seeded();
    await transition(emulator, 'INC-2', '31');
    clock = new Date('2025-03-14T09:00:00Z');
    await transition(emulator, 'INC-2', '21');
    clock = new Date('2025-03-15T09:00:00Z');
    await transition(emulator, 'INC-2', '11');

    expect(emulator.getIssue('INC-2')!.fields).toMatchObject({
      status: { name: 'To Do' },
      resolution: null,
      resolutiondate: null,
      // In Progress → To Do stays outside Done but changes category (indeterminate → new).
      statuscategorychangedate: '2025-03-15T09:00:00.000+0000',
    });
  });

  it('sets no resolution in a project whose workflow sets none (team-managed)', async () => {
    const emulator = seeded();
    clock = new Date('2025-03-12T15:00:00Z');
    await transition(emulator, 'TEAM-4', '31');
    expect(emulator.getIssue('TEAM-4')!.fields).toMatchObject({
      status: { name: 'Done' },
      resolution: null,
      resolutiondate: null,
      statuscategorychangedate: '2025-03-12T15:00:00.000+0000',
    });
  });

  it('refuses an unknown transition, one to the current status, fields without a screen, and a caller without Transition Issues', async () => {
    const emulator = seeded();
    expect((await transition(emulator, 'INC-2', '99')).json).toEqual({
      errorMessages: ["Transition id '99' is not valid for this issue."],
      errors: {},
    });
    expect((await transition(emulator, 'INC-2', '11')).status).toBe(400);
    const withField = await call(emulator, 'POST', '/rest/api/3/issue/INC-2/transitions', {
      transition: { id: '31' },
      fields: { resolution: { name: 'Fixed' } },
    });
    expect(withField.status).toBe(400);
    expect(withField.json?.errors).toHaveProperty('resolution');

    emulator.setPermissions(INC_ONLY, { browse: true, edit: true, transition: false });
    const none = await call(emulator, 'GET', '/rest/api/3/issue/INC-2/transitions', undefined, INC_ONLY);
    expect(none.json?.transitions).toEqual([]);
    expect((await transition(emulator, 'INC-2', '31', INC_ONLY)).status).toBe(400);
    expect(emulator.getIssue('INC-2')!.fields.status).toMatchObject({ name: 'To Do' });
  });

  it('refuses an edit that names the status: statuses move only through transitions', async () => {
    const emulator = seeded();
    const edit = await call(emulator, 'PUT', '/rest/api/3/issue/INC-2', {
      fields: { status: { name: 'Done' } },
    });
    expect(edit.status).toBe(400);
    expect(edit.json?.errors).toEqual({
      status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.",
    });
    expect(emulator.getIssue('INC-2')!.fields.status).toMatchObject({ name: 'To Do' });
  });

  it('answers 404 to a caller who may not browse the issue', async () => {
    const emulator = seeded();
    emulator.setPermissions(INC_ONLY, { browse: true, edit: true, projects: ['INC'] });
    expect(
      (await call(emulator, 'GET', '/rest/api/3/issue/OPS-3/transitions', undefined, INC_ONLY)).status,
    ).toBe(404);
    expect((await transition(emulator, 'OPS-3', '31', INC_ONLY)).status).toBe(404);
  });
});

describe('emulator: bulk fetch', () => {
  it('answers the issues the caller may browse, in id order, leaving the others out without a word', async () => {
    const emulator = seeded();
    emulator.setPermissions(INC_ONLY, { browse: true, edit: true, projects: ['INC', 'TEAM'] });
    const fetched = await call(
      emulator,
      'POST',
      '/rest/api/3/issue/bulkfetch',
      { issueIdsOrKeys: ['TEAM-4', 'OPS-3', 'NOPE-1', 'inc-2'], fields: ['status', 'duedate'] },
      INC_ONLY,
    );

    expect(fetched.status).toBe(200);
    expect((fetched.json?.issues as Array<{ key: string }>).map((issue) => issue.key)).toEqual([
      'INC-2',
      'TEAM-4',
    ]);
    expect(fetched.json?.issueErrors).toEqual([]);
    expect(validateExchanges([fetched.exchange], specFile()).problems).toEqual([]);
    expect(requiredScope('POST', '/rest/api/3/issue/bulkfetch')).toBe('read:jira-work');
  });

  it('refuses no ids, more than 100, more than 5 properties, and a member the request bean does not have', async () => {
    const emulator = seeded();
    const fetch = (body: unknown) => call(emulator, 'POST', '/rest/api/3/issue/bulkfetch', body);
    const keys = Array.from({ length: 101 }, (_, i) => `INC-${i + 1}`);
    expect((await fetch({ issueIdsOrKeys: [] })).status).toBe(400);
    expect((await fetch({ issueIdsOrKeys: keys })).status).toBe(400);
    expect((await fetch({ issueIdsOrKeys: keys.slice(0, 100) })).status).toBe(200);
    expect(
      (await fetch({ issueIdsOrKeys: ['INC-2'], properties: ['a', 'b', 'c', 'd', 'e', 'f'] })).status,
    ).toBe(400);
    expect((await fetch({ issueIdsOrKeys: ['INC-2'], jql: 'project = INC' })).status).toBe(400);
  });
});
