import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { getChangelogs } from '../../src/jira/changelog';
import { approximateCount, searchJqlAll } from '../../src/jira/search-jql';
import { bulkCreateIssues, createIssue, editIssue, getIssue } from '../../src/jira/issues';
import { deleteIssueProperty, getIssueProperty, setIssueProperty } from '../../src/jira/issue-properties';
import { parseJql } from '../../src/jira/jql';
import { getMyself } from '../../src/jira/users';
import { fakeJiraPort, type RecordedRequest } from '../helpers/fake-jira-port';

/**
 * Every request the endpoints send is checked against Atlassian's OpenAPI spec (the subset with
 * the paths this app uses), so a misspelt body field fails here instead of in Jira.
 */
const specFile =
  process.env.JIRA_OPENAPI_SUBSET ??
  join(__dirname, '..', '..', '..', 'shared', 'jira-openapi', 'jira-platform-v3.subset.json');

// openapi-backend's ref parser ships as ESM, which this Jest setup does not transform; Node loads
// it natively, so the validation runs in a child process.
const VALIDATOR = `
const OpenAPIBackend = require('openapi-backend').default;
const requests = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const api = new OpenAPIBackend({ definition: process.argv[1], quick: false, validate: true, ajvOpts: { logger: false } });
api.init().then(() => {
  const problems = requests.flatMap((r) => (api.validateRequest(r).errors || []).map(
    (e) => r.method.toUpperCase() + ' ' + r.path + ' ' + e.instancePath + ' ' + (e.message || '')));
  process.stdout.write(JSON.stringify(problems));
});`;

function violations(requests: RecordedRequest[]): string[] {
  const input = requests.map((request) => ({
    method: request.method.toLowerCase(),
    path: decodeURIComponent(request.path),
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
    query: Object.fromEntries(request.query.entries()),
    body: request.body,
  }));
  const output = execFileSync(process.execPath, ['-e', VALIDATOR, specFile], {
    input: JSON.stringify(input),
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return JSON.parse(output) as string[];
}

describe('requests against the Jira OpenAPI spec', () => {
  it('are valid for every endpoint the spec subset covers', async () => {
    const jira = fakeJiraPort()
      .on('GET', /^\/rest\/api\/3\/issue\/[^/]+$/, {
        status: 200,
        body: { id: '1', key: 'INC-1', fields: {} },
      })
      .on('PUT', /^\/rest\/api\/3\/issue\/[^/]+$/, { status: 204 })
      .on('POST', '/rest/api/3/issue', { status: 201, body: { id: '2', key: 'INC-2' } })
      .on('POST', '/rest/api/3/issue/bulk', {
        status: 201,
        body: { issues: [{ id: '3', key: 'INC-3' }], errors: [] },
      })
      .on('POST', '/rest/api/3/search/jql', { status: 200, body: { issues: [], isLast: true } })
      .on('POST', '/rest/api/3/search/approximate-count', { status: 200, body: { count: 0 } })
      .on('GET', /\/properties\//, { status: 200, body: { key: 'p', value: 1 } })
      .on('PUT', /\/properties\//, { status: 200 })
      .on('DELETE', /\/properties\//, { status: 204 })
      .on('POST', '/rest/api/3/jql/parse', { status: 200, body: { queries: [{ query: 'project = INC' }] } })
      .on('GET', '/rest/api/3/myself', {
        status: 200,
        body: { accountId: 'a', displayName: 'A', active: true },
      })
      .on('GET', /\/changelog$/, { status: 200, body: { startAt: 0, total: 0, isLast: true, values: [] } });

    const fields = {
      project: { key: 'INC' },
      issuetype: { id: '10003' },
      summary: 'Add pool monitoring',
      parent: { key: 'INC-1' },
    };
    await getIssue(jira, { issueIdOrKey: 'INC-1', fields: ['summary', 'labels'], expand: ['changelog'] });
    await editIssue(jira, {
      issueIdOrKey: 'INC-1',
      fields: { duedate: '2026-04-01' },
      labels: { add: ['POSTMORTEM-FINAL'] },
    });
    await createIssue(jira, { fields, properties: [{ key: 'postmortem.row', value: { rowId: 'r1' } }] });
    await bulkCreateIssues(jira, {
      issues: [{ fields, properties: [{ key: 'postmortem.row', value: { rowId: 'r1' } }] }],
    });
    await searchJqlAll(jira, {
      jql: 'project = INC AND created >= -30d',
      fields: ['summary'],
      maxResults: 100,
      expand: 'changelog',
    });
    await approximateCount(jira, { jql: 'project = INC' });
    await getIssueProperty(jira, { issueIdOrKey: 'INC-1', propertyKey: 'postmortem.summary' });
    await setIssueProperty(jira, {
      issueIdOrKey: 'INC-1',
      propertyKey: 'postmortem.summary',
      value: { status: 'FINAL' },
    });
    await deleteIssueProperty(jira, { issueIdOrKey: 'INC-1', propertyKey: 'postmortem.summary' });
    await parseJql(jira, { queries: ['project = INC'] });
    await getMyself(jira);
    for await (const page of getChangelogs(jira, { issueIdOrKey: 'INC-1' })) expect(page.isLast).toBe(true);

    expect(jira.requests).toHaveLength(12);
    expect(violations(jira.requests)).toEqual([]);
  });

  it('catch a body field Jira does not know', () => {
    const bad: RecordedRequest = {
      method: 'POST',
      path: '/rest/api/3/search/jql',
      query: new URLSearchParams(),
      headers: { 'Content-Type': 'application/json' },
      body: { jql: 'project = INC', startAt: 50 },
    };
    expect(violations([bad])).not.toEqual([]);
  });
});
