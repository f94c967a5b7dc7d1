import type { PostmortemDocument } from '../postmortem';
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
 * What stops a postmortem from being finalized: only the reference's hard rule, every action item has
 * an owner and a due date. `now` is accepted so callers can treat all checks alike.
 */
export function finalizationBlockers(doc: PostmortemDocument, _now: Date): Finding[] {
  return actionItemsHaveOwnerAndDueDate(doc);
}
