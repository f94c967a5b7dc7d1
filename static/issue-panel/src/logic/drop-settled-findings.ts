import type { CheckView, Finding } from '../../../../src/contract/issue-panel-api';
import type { ActionItem } from './panel-types';

const FIELD_OF_CODE: Partial<Record<Finding['code'], 'owner' | 'dueDate'>> = {
  'action-item-without-owner': 'owner',
  'action-item-without-due-date': 'dueDate',
};

function isSettled(finding: Finding, items: readonly ActionItem[]): boolean {
  const field = FIELD_OF_CODE[finding.code];
  const match = /^actionItems\.([^.]+)\./.exec(finding.path);
  if (!field || !match) return false;
  const item = items.find((candidate) => candidate.id === match[1]);
  return item === undefined || item[field] !== null;
}

/**
 * Live checks answer ~600 ms after an edit. A "no owner" / "no due date" hint for a row that now has
 * one would vanish only then, pulling everything below it (the Finalize button) up under a pointer
 * already on its way there; the edit itself answers it, so it goes in the same render as the edit.
 */
export function dropSettledFindings(checks: CheckView, items: readonly ActionItem[]): CheckView {
  const keep = (finding: Finding) => !isSettled(finding, items);
  return { findings: checks.findings.filter(keep), blockers: checks.blockers.filter(keep) };
}
