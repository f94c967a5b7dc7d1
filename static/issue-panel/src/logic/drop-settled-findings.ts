import type { CheckView, Finding } from '../../../../src/contract/issue-panel-api';
import type { ActionItem } from './panel-types';

const FIELD_OF_CODE: Partial<Record<Finding['code'], 'owner' | 'dueDate'>> = {
  'action-item-without-owner': 'owner',
  'action-item-without-due-date': 'dueDate',
};

/** The parts of the document the edit itself can settle, without waiting for the checks. */
export interface EditedRows {
  actionItems: readonly ActionItem[];
  timeline: readonly unknown[];
}

function isSettled(finding: Finding, rows: EditedRows): boolean {
  if (finding.code === 'missing-section') {
    if (finding.path === 'timeline') return rows.timeline.length > 0;
    if (finding.path === 'actionItems') return rows.actionItems.length > 0;
    return false;
  }
  const field = FIELD_OF_CODE[finding.code];
  const match = /^actionItems\.([^.]+)\./.exec(finding.path);
  if (!field || !match) return false;
  const item = rows.actionItems.find((candidate) => candidate.id === match[1]);
  return item === undefined || item[field] !== null;
}

/**
 * Live checks answer ~600 ms after an edit. A hint the edit already answered ("no owner" for a row that
 * now has one, "Timeline is empty" once a row is added) would vanish only then, pulling everything below
 * it (the Finalize button) up under a pointer already on its way there; so it goes with the edit itself.
 */
export function dropSettledFindings(checks: CheckView, rows: EditedRows): CheckView {
  const keep = (finding: Finding) => !isSettled(finding, rows);
  return { findings: checks.findings.filter(keep), blockers: checks.blockers.filter(keep) };
}
