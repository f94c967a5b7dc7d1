import type { DocNode } from '@atlaskit/adf-schema';
import { doc, mention, p, text } from '@atlaskit/adf-utils/builders';
import type { Reviewer } from './review-record';

/**
 * The Jira comment that asks the reviewers: one ADF `mention` per reviewer
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/mention/), so Jira's own
 * notifications reach them, then what to do and where.
 */
export function reviewRequestComment(input: {
  reviewers: readonly Reviewer[];
  issueKey: string;
  note: string | null;
}): DocNode {
  const mentions = input.reviewers.flatMap((reviewer, index) => [
    ...(index > 0 ? [text(' ')] : []),
    mention({ id: reviewer.accountId, text: `@${reviewer.displayName}` }),
  ]);
  const ask = text(
    ` please review the postmortem of ${input.issueKey} in its Postmortem panel: approve it or request changes.`,
  );
  const note = input.note?.trim();
  return doc(p(...mentions, ask), ...(note ? [p(text(note))] : []));
}
