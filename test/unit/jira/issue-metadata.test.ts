import {
  findSubtaskIssueType,
  getCreateMetaIssueTypes,
  pickSubtaskType,
} from '../../../src/jira/issue-metadata';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { openApiExample } from '../../helpers/jira-fixtures';

const PATH = '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes';
const CREATEMETA = '/rest/api/3/issue/createmeta/INC/issuetypes';

describe('create metadata', () => {
  it("reads Atlassian's example and finds no sub-task type in it", async () => {
    const jira = fakeJiraPort().on('GET', CREATEMETA, {
      status: 200,
      body: openApiExample(PATH, 'get', '200'),
    });
    await expect(getCreateMetaIssueTypes(jira, { projectIdOrKey: 'INC' })).resolves.toEqual([
      { id: '1', name: 'Bug', subtask: false },
    ]);
    await expect(findSubtaskIssueType(jira, { projectIdOrKey: 'INC' })).resolves.toBeUndefined();
  });

  it('follows startAt until total and picks the sub-task type', async () => {
    const example = openApiExample<{ issueTypes: Array<Record<string, unknown>> }>(PATH, 'get', '200');
    const bug = example.issueTypes[0];
    const subtask = { ...bug, id: '10003', name: 'Subtask', subtask: true };
    const jira = fakeJiraPort().sequence('GET', CREATEMETA, [
      { status: 200, body: { issueTypes: [bug], startAt: 0, maxResults: 1, total: 2 } },
      { status: 200, body: { issueTypes: [subtask], startAt: 1, maxResults: 1, total: 2 } },
    ]);
    await expect(findSubtaskIssueType(jira, { projectIdOrKey: 'INC' })).resolves.toEqual({
      id: '10003',
      name: 'Subtask',
      subtask: true,
    });
    expect(jira.requests.map((r) => r.query.get('startAt'))).toEqual(['0', '1']);
  });

  it('prefers the type named Sub-task over other sub-task types', () => {
    expect(
      pickSubtaskType([
        { id: '1', name: 'Task', subtask: false },
        { id: '2', name: 'QA check', subtask: true },
        { id: '3', name: 'Sub-task', subtask: true },
      ])?.id,
    ).toBe('3');
  });
});
