import { z } from 'zod';
import { approximateCount, searchJql, searchJqlAll } from '../../../src/jira/search-jql';
import { fakeJiraPort, type RecordedRequest } from '../../helpers/fake-jira-port';
import { jiraFixture } from '../../helpers/jira-fixtures';

const SEARCH = '/rest/api/3/search/jql';

/** A Jira that holds `total` issues and pages them by token, like search/jql does. */
function pagedJira(total: number) {
  return fakeJiraPort().on('POST', SEARCH, (request: RecordedRequest) => {
    const body = request.body as { maxResults?: number; nextPageToken?: string };
    const size = body.maxResults ?? 50;
    const start = body.nextPageToken ? Number(body.nextPageToken.replace('tok-', '')) : 0;
    const end = Math.min(total, start + size);
    const issues = Array.from({ length: end - start }, (_, i) => ({
      id: String(10000 + start + i),
      key: `INC-${start + i + 1}`,
      fields: { summary: `Incident ${start + i + 1}` },
    }));
    return {
      status: 200,
      body: end >= total ? { issues, isLast: true } : { issues, isLast: false, nextPageToken: `tok-${end}` },
    };
  });
}

describe('searchJql', () => {
  it('follows nextPageToken across the jira-cli recorded pages until isLast', async () => {
    const jira = fakeJiraPort().sequence('POST', SEARCH, [
      { status: 200, body: jiraFixture('jira-cli/search_page1.json') },
      { status: 200, body: jiraFixture('jira-cli/search_page2.json') },
    ]);
    const keys: string[] = [];
    for await (const page of searchJql(jira, {
      jql: 'project = TEST',
      fields: ['summary', 'labels'],
      maxResults: 2,
    })) {
      keys.push(...page.issues.map((i) => i.key));
    }
    expect(keys).toEqual(['TEST-1', 'TEST-2', 'TEST-3']);
    expect(jira.requests.map((r) => r.body)).toEqual([
      { jql: 'project = TEST', fields: ['summary', 'labels'], maxResults: 2 },
      { jql: 'project = TEST', fields: ['summary', 'labels'], maxResults: 2, nextPageToken: 'token-page-2' },
    ]);
  });

  it.each([
    [0, 50, 1],
    [1, 50, 1],
    [100, 50, 2],
    [101, 50, 3],
    [1234, 100, 13],
  ])('reads %i issues at %i per page in %i requests', async (total, pageSize, requests) => {
    const jira = pagedJira(total);
    const issues = await searchJqlAll(jira, {
      jql: 'issuetype = Incident AND created >= -30d',
      maxResults: pageSize,
    });
    expect(issues).toHaveLength(total);
    expect(jira.requests).toHaveLength(Math.max(1, Math.ceil(total / pageSize)));
    expect(jira.requests).toHaveLength(requests);
  });

  it('stops requesting when the caller breaks out early', async () => {
    const jira = pagedJira(500);
    for await (const page of searchJql(jira, { jql: 'project = INC', maxResults: 50 })) {
      if (page.issues.length > 0) break;
    }
    expect(jira.requests).toHaveLength(1);
  });

  it('validates the fields the caller relies on', async () => {
    const jira = fakeJiraPort().on('POST', SEARCH, {
      status: 200,
      body: jiraFixture('jira-cli/search.json'),
    });
    const fieldsSchema = z.looseObject({
      summary: z.string(),
      labels: z.array(z.string()),
      created: z.string(),
    });
    const issues = await searchJqlAll(jira, {
      jql: 'project = TEST',
      fields: ['summary', 'labels', 'created'],
      fieldsSchema,
    });
    expect(issues[0]?.fields.created).toBe('2020-12-03T14:05:20.974+0100');

    const strict = z.looseObject({ resolutiondate: z.string() });
    await expect(searchJqlAll(jira, { jql: 'project = TEST', fieldsSchema: strict })).rejects.toMatchObject({
      kind: 'Internal',
      message: expect.stringContaining('resolutiondate'),
    });
  });

  it("reads Atlassian's own search/jql example", async () => {
    const jira = fakeJiraPort().on('POST', SEARCH, {
      status: 200,
      body: jiraFixture('openapi-examples/searchAndReconsileIssuesUsingJqlPost.response.200.json'),
    });
    const issues = await searchJqlAll(jira, { jql: 'project = EX' });
    expect(issues.map((i) => i.key)).toEqual(['ED-1']);
  });

  it('stops when a page claims more but carries no token, instead of looping', async () => {
    const jira = fakeJiraPort().on('POST', SEARCH, { status: 200, body: { issues: [], isLast: false } });
    await searchJqlAll(jira, { jql: 'project = INC' });
    expect(jira.requests).toHaveLength(1);
  });

  it('surfaces an unbounded-JQL 400 as InvalidInput', async () => {
    const jira = fakeJiraPort().on('POST', SEARCH, {
      status: 400,
      body: {
        errorMessages: [
          'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
        ],
        errors: {},
      },
    });
    await expect(searchJqlAll(jira, { jql: 'order by key' })).rejects.toMatchObject({
      kind: 'InvalidInput',
      message: expect.stringContaining('Unbounded JQL'),
    });
  });
});

describe('approximateCount', () => {
  it('posts the JQL and reads the count', async () => {
    const jira = fakeJiraPort().on('POST', '/rest/api/3/search/approximate-count', {
      status: 200,
      body: { count: 153 },
    });
    await expect(approximateCount(jira, { jql: 'project = HSP' })).resolves.toBe(153);
    expect(jira.requests[0]?.body).toEqual({ jql: 'project = HSP' });
  });
});
