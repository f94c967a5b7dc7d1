import { createIssueLink } from '../../../src/jira/issue-links';
import { fakeJiraPort } from '../../helpers/fake-jira-port';

describe('createIssueLink', () => {
  it('posts the LinkIssueRequestJsonBean shape', async () => {
    const jira = fakeJiraPort().on('POST', '/rest/api/3/issueLink', { status: 201 });
    await createIssueLink(jira, { type: 'Relates', inwardIssueKey: 'INC-34', outwardIssueKey: 'INC-35' });
    expect(jira.requests[0]?.body).toEqual({
      type: { name: 'Relates' },
      inwardIssue: { key: 'INC-34' },
      outwardIssue: { key: 'INC-35' },
    });
  });

  it('maps 404 (linking disabled or issue hidden) to NotFound', async () => {
    const jira = fakeJiraPort().on('POST', '/rest/api/3/issueLink', {
      status: 404,
      body: { errorMessages: ['No issue link type with name Relates found.'] },
    });
    await expect(
      createIssueLink(jira, { type: 'Relates', inwardIssueKey: 'INC-34', outwardIssueKey: 'INC-35' }),
    ).rejects.toMatchObject({ kind: 'NotFound', message: expect.stringContaining('No issue link type') });
  });
});
