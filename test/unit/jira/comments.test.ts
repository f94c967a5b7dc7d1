import { getComments } from '../../../src/jira/comments';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { openApiExample } from '../../helpers/jira-fixtures';

const PATH = '/rest/api/3/issue/INC-1/comment';
const example = openApiExample<{ comments: Array<Record<string, unknown>> }>(
  '/rest/api/3/issue/{issueIdOrKey}/comment',
  'get',
  '200',
);

describe('getComments', () => {
  it("reads Atlassian's example page: id, created, the author's name and the ADF body", async () => {
    const jira = fakeJiraPort().on('GET', PATH, { status: 200, body: example });
    const pages = [];
    for await (const page of getComments(jira, { issueIdOrKey: 'INC-1' })) pages.push(page);
    expect(pages).toEqual([
      [
        {
          id: '10000',
          created: '2021-01-17T12:34:00.000+0000',
          authorName: 'Mia Krystof',
          body: example.comments[0]?.body,
        },
      ],
    ]);
    expect(jira.requests[0]?.query.get('orderBy')).toBe('created');
  });

  it('follows startAt until total: 3 comments at 2 per page take 2 requests', async () => {
    const comment = (id: string) => ({ ...example.comments[0], id });
    const jira = fakeJiraPort().sequence('GET', PATH, [
      { status: 200, body: { startAt: 0, maxResults: 2, total: 3, comments: [comment('1'), comment('2')] } },
      { status: 200, body: { startAt: 2, maxResults: 2, total: 3, comments: [comment('3')] } },
    ]);
    const ids = [];
    for await (const page of getComments(jira, { issueIdOrKey: 'INC-1', maxResults: 2 }))
      ids.push(...page.map((c) => c.id));
    expect(ids).toEqual(['1', '2', '3']);
    expect(jira.requests.map((r) => r.query.get('startAt'))).toEqual(['0', '2']);
  });
});
