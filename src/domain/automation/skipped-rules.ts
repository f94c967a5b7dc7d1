import { finalizationBlockers, type FindingCode } from '../checks';
import type { PostmortemDocument } from '../postmortem';
import type { ApprovalsRequired } from '../review/review-record';

export interface SkippedRule {
  rule: FindingCode;
  message: string;
}

/**
 * Adding the label in Jira cannot be refused, so a finalization the panel would have blocked still
 * happens; these are the panel's blocking rules it skipped, for Slack and the panel to say so. Any rule
 * added to `finalizationBlockers` (e.g. review approvals) is reported here without a change.
 */
export function skippedFinalizationRules(
  document: PostmortemDocument,
  now: Date,
  rules: { approvalsRequired: ApprovalsRequired },
): SkippedRule[] {
  return finalizationBlockers(document, now, rules).map((finding) => ({
    rule: finding.code,
    message: finding.message,
  }));
}
