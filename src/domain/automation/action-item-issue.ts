import type { DocNode } from '@atlaskit/adf-schema';
import { doc, link, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { ActionItem } from '../postmortem';

/** The issue property on each child that ties it to its source row, so no row gets a second child. */
export const ACTION_SOURCE_PROPERTY = 'postmortem-action-source';

export interface ActionSource {
  incidentKey: string;
  rowId: string;
}

export type ChildIssueType = { kind: 'sub-task'; id: string } | { kind: 'linked task'; name: string };

export interface ActionItemIssueInput {
  incident: { key: string; projectKey: string; url: string };
  item: ActionItem;
  assigneeAccountId: string | null;
  issueType: ChildIssueType;
  label: string;
}

// Jira rejects summaries longer than 255 characters.
const SUMMARY_LIMIT = 255;

function summaryOf(action: string): string {
  const oneLine = action.replace(/\s+/g, ' ').trim() || 'Postmortem action item';
  const points = Array.from(oneLine);
  return points.length <= SUMMARY_LIMIT ? oneLine : `${points.slice(0, SUMMARY_LIMIT - 1).join('')}…`;
}

function descriptionOf(input: ActionItemIssueInput): DocNode {
  const { incident, item } = input;
  const lines = [
    p(text('Action item from the postmortem of '), link({ href: incident.url })(incident.key), text('.')),
    p(strong('Action: '), text(item.action.trim() || '(empty)')),
  ];
  if (item.externalRef) lines.push(p(strong('External reference: '), text(item.externalRef)));
  return doc(...lines);
}

/** Step 3 of the reference: one child issue per action-item row (`IssueUpdateDetails` for issue/bulk). */
export function actionItemIssue(input: ActionItemIssueInput) {
  const { incident, item, issueType } = input;
  const source: ActionSource = { incidentKey: incident.key, rowId: item.id };
  return {
    fields: {
      project: { key: incident.projectKey },
      issuetype: issueType.kind === 'sub-task' ? { id: issueType.id } : { name: issueType.name },
      ...(issueType.kind === 'sub-task' ? { parent: { key: incident.key } } : {}),
      summary: summaryOf(item.action),
      description: descriptionOf(input),
      labels: [input.label],
      ...(input.assigneeAccountId ? { assignee: { accountId: input.assigneeAccountId } } : {}),
      ...(item.dueDate ? { duedate: item.dueDate } : {}),
    },
    properties: [{ key: ACTION_SOURCE_PROPERTY, value: source }],
    // A linked task is linked to the incident in its own create (`update.issuelinks`, the incident as
    // the inward issue), so the incident's `issuelinks` shows it at once: a lost answer is recovered
    // from the incident, strongly consistent, as a sub-task is from `subtasks`.
    ...(issueType.kind === 'linked task'
      ? {
          update: {
            issuelinks: [{ add: { type: { name: 'Relates' }, inwardIssue: { key: incident.key } } }],
          },
        }
      : {}),
  };
}
