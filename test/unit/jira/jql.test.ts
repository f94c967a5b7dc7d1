import { parseJql } from '../../../src/jira/jql';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { jiraFixture } from '../../helpers/jira-fixtures';
import { jqlString, projectScopeJql } from '../../../src/jira/jql-literal';

describe('parseJql', () => {
  it("sends the spec's request and reads its answer into valid/invalid queries", async () => {
    const jira = fakeJiraPort().on('POST', '/rest/api/3/jql/parse', {
      status: 200,
      body: jiraFixture('openapi-examples/parseJqlQueries.response.200.json'),
    });
    const { queries } = jiraFixture<{ queries: string[] }>('openapi-examples/parseJqlQueries.request.json');
    const parsed = await parseJql(jira, { queries });
    expect(jira.requests[0]?.body).toEqual({ queries });
    expect(jira.requests[0]?.query.get('validation')).toBe('strict');
    expect(parsed.map((p) => p.valid)).toEqual([true, true, false, false, false, true, false]);
    expect(parsed[5]?.warnings).toEqual(["The value 'INVALID' does not exist for the field 'project'."]);
    expect(parsed[2]?.errors[0]).toContain('Expecting operator');
  });

  it('does not call Jira for no queries', async () => {
    const jira = fakeJiraPort();
    await expect(parseJql(jira, { queries: [] })).resolves.toEqual([]);
    expect(jira.requests).toHaveLength(0);
  });
});

describe('jqlString', () => {
  it('quotes text as a JQL string literal, escaping quotes and backslashes', () => {
    expect(jqlString('postmortem-action')).toBe('"postmortem-action"');
    expect(jqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(jqlString('x" OR project = SECRET OR labels = "y')).toBe(
      '"x\\" OR project = SECRET OR labels = \\"y"',
    );
  });
});

describe('projectScopeJql', () => {
  it('quotes each key, so keys that are JQL words stay keys', () => {
    expect(projectScopeJql(['OPS', 'IS', 'ORDER'])).toBe('project in ("OPS", "IS", "ORDER")');
  });

  it('is empty when no project narrows the scope', () => {
    expect(projectScopeJql([])).toBe('');
  });
});
