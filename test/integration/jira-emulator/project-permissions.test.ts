import { createJiraEmulator, type JiraEmulator } from '../../../emulator/jira-emulator';

const RESTRICTED = '6a20bb1c93f06d33dd1e5f02';

async function get(emulator: JiraEmulator, path: string, accountId = RESTRICTED) {
  const response = await emulator.handle({ method: 'GET', path: `/rest/api/3${path}`, accountId });
  return { status: response.status, json: JSON.parse(response.body) as Record<string, unknown> };
}

async function searchKeys(emulator: JiraEmulator, jql: string, accountId = RESTRICTED): Promise<string[]> {
  const response = await emulator.handle({
    method: 'POST',
    path: '/rest/api/3/search/jql',
    accountId,
    body: JSON.stringify({ jql, fields: ['summary'] }),
  });
  return (JSON.parse(response.body) as { issues: Array<{ key: string }> }).issues.map((issue) => issue.key);
}

function seeded(): JiraEmulator {
  const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', now: () => new Date('2025-04-10') });
  const bean = (key: string, project: string, security?: string) => ({
    key,
    fields: {
      summary: key,
      issuetype: { name: 'Incident' },
      project: { key: project },
      created: '2025-03-03T10:00:00.000+0000',
      ...(security ? { security: { id: '10100', name: security } } : {}),
    },
  });
  emulator.seed([bean('INC-1', 'INC'), bean('INC-2', 'INC', 'Security incidents'), bean('OPS-1', 'OPS')]);
  emulator.setPermissions(RESTRICTED, { browse: true, edit: false, projects: ['INC'] });
  return emulator;
}

describe('emulator: Browse Projects per project and issue security levels', () => {
  it('lists only the projects the caller may browse in project/search', async () => {
    const emulator = seeded();
    const restricted = await get(emulator, '/project/search?maxResults=100');
    expect(restricted.status).toBe(200);
    expect(restricted.json).toMatchObject({ startAt: 0, total: 1, isLast: true });
    expect((restricted.json.values as Array<{ key: string }>).map((project) => project.key)).toEqual(['INC']);
    const everyone = await get(emulator, '/project/search', '5b10ac8d82e05b22cc7d4ef5');
    expect((everyone.json.values as Array<{ key: string }>).map((project) => project.key)).toEqual([
      'INC',
      'OPS',
    ]);
  });

  it('pages project/search by startAt and caps maxResults at 100', async () => {
    const emulator = seeded();
    const first = await get(emulator, '/project/search?maxResults=1', '5b10ac8d82e05b22cc7d4ef5');
    expect(first.json).toMatchObject({ isLast: false, maxResults: 1, total: 2 });
    expect(first.json.nextPage).toContain('startAt=1');
    const capped = await get(emulator, '/project/search?maxResults=500');
    expect(capped.json.maxResults).toBe(100);
  });

  it('hides issues of other projects and of security levels the caller is not in from search', async () => {
    const emulator = seeded();
    expect(await searchKeys(emulator, 'issuetype = Incident ORDER BY key ASC')).toEqual(['INC-1']);
    emulator.setPermissions(RESTRICTED, {
      browse: true,
      edit: false,
      projects: ['INC'],
      securityLevels: ['Security incidents'],
    });
    expect(await searchKeys(emulator, 'issuetype = Incident ORDER BY key ASC')).toEqual(['INC-1', 'INC-2']);
  });

  it('answers mypermissions for one project', async () => {
    const emulator = seeded();
    const ops = await get(emulator, '/mypermissions?permissions=BROWSE_PROJECTS&projectKey=OPS');
    expect(ops.json).toMatchObject({ permissions: { BROWSE_PROJECTS: { havePermission: false } } });
    const inc = await get(emulator, '/mypermissions?permissions=BROWSE_PROJECTS&projectKey=INC');
    expect(inc.json).toMatchObject({ permissions: { BROWSE_PROJECTS: { havePermission: true } } });
  });

  it('finds issues without a security level with `level IS EMPTY`', async () => {
    const emulator = seeded();
    emulator.setPermissions(RESTRICTED, {
      browse: true,
      edit: false,
      securityLevels: ['Security incidents'],
    });
    expect(await searchKeys(emulator, 'project = INC AND level IS EMPTY')).toEqual(['INC-1']);
  });
});
