import { listFields } from '../../../src/jira/fields';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { openApiExample } from '../../helpers/jira-fixtures';

describe('listFields', () => {
  it("reads Atlassian's example answer of GET /rest/api/3/field", async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/field', {
      status: 200,
      body: openApiExample('/rest/api/3/field', 'get', '200'),
    });
    expect(await listFields(jira)).toEqual([
      { id: 'description', name: 'Description', custom: false, type: 'string' },
      { id: 'summary', name: 'Summary', custom: false, type: 'string' },
    ]);
    expect(jira.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /rest/api/3/field']);
  });

  it('marks custom fields and tolerates a field without a schema', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/field', {
      status: 200,
      body: [
        { id: 'customfield_10050', name: 'Severity', custom: true, schema: { type: 'option' } },
        { id: 'issuekey', name: 'Key' },
      ],
    });
    expect(await listFields(jira)).toEqual([
      { id: 'customfield_10050', name: 'Severity', custom: true, type: 'option' },
      { id: 'issuekey', name: 'Key', custom: false, type: null },
    ]);
  });

  it('maps 401 to an error the admin can act on', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/field', {
      status: 401,
      body: { errorMessages: ['You are not logged in.'], errors: {} },
    });
    await expect(listFields(jira)).rejects.toMatchObject({ kind: 'Forbidden' });
  });
});
