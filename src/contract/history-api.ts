/**
 * The issue panel's calls that learn from Jira's own history (issue 15): timeline rows proposed from
 * the incident's changelog, comments and links, and the related FINAL postmortems "Seen before".
 */
import { z } from 'zod';
import { postmortemDocumentSchema } from '../domain/postmortem';
import type { TimelineProposals } from '../domain/timeline-proposals';
import { issueKeySchema } from './issue-key';
import { answering, type ApiOf } from './resolver-contract';

export type { TimelineProposal, TimelineProposals } from '../domain/timeline-proposals';
// The panel adds the chosen rows where their time puts them, by the rule the proposals are made with.
export { mergeProposals } from '../domain/timeline-proposals';

/** Both calls read the document being written: its zone, its rows, its category and root cause. */
export const historyPayloadSchema = z.object({
  issueKey: issueKeySchema,
  document: postmortemDocumentSchema,
});
export type HistoryPayload = z.infer<typeof historyPayloadSchema>;

export interface ActionItemsStatus {
  done: number;
  open: number;
  /** Open with a due date already past (in the site's settings zone). */
  overdue: number;
  /** Not done when this incident began: the earlier fix was still open when it recurred. */
  openWhenThisBegan: number;
}

export interface SeenBeforeItem {
  key: string;
  url: string;
  summary: string;
  category: string | null;
  finalizedAt: string | null;
  rootCause: string;
  /** Why it is listed: `Same category`, `Same component`, `Similar root cause`… */
  reasons: string[];
  actionItems: ActionItemsStatus;
}

export interface SeenBeforeView {
  items: SeenBeforeItem[];
  /** The search, to open in Jira's issue search. */
  jql: string;
  /** False when neither a category nor a component says what kind of incident this is. */
  searched: boolean;
}

export const historyContract = {
  proposeTimeline: answering<TimelineProposals>()(historyPayloadSchema, 'viewed-issue'),
  findSeenBefore: answering<SeenBeforeView>()(historyPayloadSchema, 'viewed-issue'),
};

export type HistoryApi = ApiOf<typeof historyContract>;
