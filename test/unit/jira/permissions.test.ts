import { getMyPermissions } from '../../../src/jira/permissions';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { openApiExample } from '../../helpers/jira-fixtures';

describe('getMyPermissions', () => {
  it('asks for the named permissions on an issue and counts missing ones as not held', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/mypermissions', {
      status: 200,
      body: openApiExample('/rest/api/3/mypermissions', 'get', '200'),
    });
    const held = await getMyPermissions(jira, {
      permissions: ['EDIT_ISSUES', 'ADMINISTER'],
      issueKey: 'INC-34',
    });
    expect(held).toEqual({ EDIT_ISSUES: true, ADMINISTER: false });
    expect(jira.requests[0]?.query.get('permissions')).toBe('EDIT_ISSUES,ADMINISTER');
    expect(jira.requests[0]?.query.get('issueKey')).toBe('INC-34');
  });

  it('maps 404 (issue hidden) to NotFound', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/mypermissions', {
      status: 404,
      body: { errorMessages: ['Issue does not exist'], errors: {} },
    });
    await expect(
      getMyPermissions(jira, { permissions: ['BROWSE_PROJECTS'], issueKey: 'X-1' }),
    ).rejects.toMatchObject({
      kind: 'NotFound',
    });
  });
});
