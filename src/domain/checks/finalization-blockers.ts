import type { PostmortemDocument } from '../postmortem';
import { approvalsBlocker } from '../review/review-state';
import type { ApprovalsRequired } from '../review/review-record';
import type { Finding } from './finding';

function label(action: string, index: number): string {
  const text = action.trim().split('\n')[0] ?? '';
  return text === '' ? `Action item ${index + 1}` : `Action item ${index + 1} ("${text.slice(0, 60)}")`;
}

// Reference "Step 1 … Timeline" and "Common Anti-Patterns": action items need an owner and a due date.
export function actionItemsHaveOwnerAndDueDate(doc: PostmortemDocument): Finding[] {
  const findings: Finding[] = [];
  doc.actionItems.forEach((item, index) => {
    if (item.owner === null) {
      findings.push({
        code: 'action-item-without-owner',
        severity: 'error',
        message: `${label(item.action, index)} has no owner; assign one before finalizing.`,
        path: `actionItems.${item.id}.owner`,
      });
    }
    if (item.dueDate === null) {
      findings.push({
        code: 'action-item-without-due-date',
        severity: 'error',
        message: `${label(item.action, index)} has no due date; set one before finalizing.`,
        path: `actionItems.${item.id}.dueDate`,
      });
    }
  });
  return findings;
}

/**
 * What stops a postmortem from being finalized: the reference's hard rule (every action item has an
 * owner and a due date) and the approvals the settings ask for, read from `doc.review` (merged in
 * by `withReview`). `now` is accepted so
 * callers can treat all checks alike.
 */
export function finalizationBlockers(
  doc: PostmortemDocument,
  _now: Date,
  rules: { approvalsRequired: ApprovalsRequired },
): Finding[] {
  return [...actionItemsHaveOwnerAndDueDate(doc), ...approvalsBlocker(doc, rules.approvalsRequired)];
}
