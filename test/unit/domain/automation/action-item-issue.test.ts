import { actionItemIssue, ACTION_SOURCE_PROPERTY } from '../../../../src/domain/automation/action-item-issue';
import type { ActionItem } from '../../../../src/domain/postmortem';

const item: ActionItem = {
  id: 'ai-1',
  action: 'Add index on `payment_methods.user_id`',
  owner: { text: '@db-engineer' },
  dueDate: '2025-03-18',
  externalRef: 'PAY-456',
  createdIssueKey: null,
};
const incident = { key: 'INC-34', projectKey: 'INC', url: 'https://example.atlassian.net/browse/INC-34' };

describe('actionItemIssue (one child issue per action-item row)', () => {
  it('creates a sub-task of the incident with summary, assignee, due date and label', () => {
    const issue = actionItemIssue({
      incident,
      item,
      issueType: { kind: 'sub-task', id: '10003' },
      label: 'postmortem-action',
      assigneeAccountId: 'acc-1',
    });
    expect(issue.fields).toMatchObject({
      project: { key: 'INC' },
      issuetype: { id: '10003' },
      parent: { key: 'INC-34' },
      summary: 'Add index on `payment_methods.user_id`',
      labels: ['postmortem-action'],
      assignee: { accountId: 'acc-1' },
      duedate: '2025-03-18',
    });
  });

  it('records the source row on the child so a redelivery never creates a second one', () => {
    const issue = actionItemIssue({
      incident,
      item,
      issueType: { kind: 'sub-task', id: '10003' },
      label: 'x',
      assigneeAccountId: null,
    });
    expect(issue.properties).toEqual([
      { key: ACTION_SOURCE_PROPERTY, value: { incidentKey: 'INC-34', rowId: 'ai-1' } },
    ]);
  });

  it('links back to the incident and carries the external reference in the description', () => {
    const issue = actionItemIssue({
      incident,
      item,
      issueType: { kind: 'sub-task', id: '1' },
      label: 'x',
      assigneeAccountId: null,
    });
    const description = JSON.stringify(issue.fields.description);
    expect(description).toContain('"href":"https://example.atlassian.net/browse/INC-34"');
    expect(description).toContain('PAY-456');
  });

  it('uses a task without parent where the project has no sub-task type, and leaves unknown owners unassigned', () => {
    const issue = actionItemIssue({
      incident,
      item: { ...item, dueDate: null },
      issueType: { kind: 'linked task', name: 'Task' },
      label: 'x',
      assigneeAccountId: null,
    });
    expect(issue.fields.issuetype).toEqual({ name: 'Task' });
    expect(issue.fields).not.toHaveProperty('parent');
    expect(issue.fields).not.toHaveProperty('assignee');
    expect(issue.fields).not.toHaveProperty('duedate');
  });

  it('keeps summaries within Jira’s 255 characters on one line', () => {
    const issue = actionItemIssue({
      incident,
      item: { ...item, action: `line one\nline two ${'x'.repeat(400)}` },
      issueType: { kind: 'sub-task', id: '1' },
      label: 'x',
      assigneeAccountId: null,
    });
    expect(Array.from(issue.fields.summary)).toHaveLength(255);
    expect(issue.fields.summary).toMatch(/^line one line two x+…$/);
  });
});
