import type { Finding } from '../../../../src/contract/issue-panel-api';
import type { ActionItem } from './panel-types';

/**
 * The DOM id of the input a blocker is about, so "Finalize" can focus the first thing to fix.
 * Owner problems go to the owner picker, due-date problems to the date picker.
 */
export function blockerFieldId(finding: Finding, items: readonly Pick<ActionItem, 'id'>[]): string {
  const match = /^actionItems\.([^.]+)/.exec(finding.path);
  if (match && items.some((item) => item.id === match[1])) {
    const field =
      finding.code === 'action-item-without-due-date'
        ? 'due'
        : finding.code === 'action-item-without-owner'
          ? 'owner'
          : 'action';
    return `action-item-${match[1]}-${field}`;
  }
  const section = finding.path.split('.')[0] ?? '';
  return `section-${section}`;
}
