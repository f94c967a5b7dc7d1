import { z } from 'zod';
import type { PostmortemStatus } from '../domain/postmortem';
import { followThroughContract } from './follow-through-api';
import { issueKeySchema } from './issue-key';
import type { DeadlineView } from './issue-panel-api';
import { answering, type ApiOf } from './resolver-contract';

export type { DeadlineView, PostmortemStatus };

/** The deadline to act on next: the earliest still ahead, else the document's (overdue). */
export interface GlanceDeadline extends DeadlineView {
  /** The review meeting (48 h after resolution) or the document (5 business days after it). */
  kind: 'meeting' | 'document';
}

export interface GlanceView {
  issueKey: string;
  /** Null: nobody has started a postmortem for this incident yet. */
  status: PostmortemStatus | null;
  /**
   * Where the status was read: the full document in app storage, or only the indexed summary
   * (`postmortem-summary` issue property) when storage has none, e.g. after a reinstall.
   */
  source: 'document' | 'summary' | null;
  required: boolean;
  reasons: string[];
  nearestDeadline: GlanceDeadline | null;
  /** Why there is no deadline to show: the incident is unresolved, or the postmortem is final. */
  noDeadlineBecause: 'unresolved' | 'final' | null;
  /** Null counts are unknown (only the summary is available). */
  actionItems: { total: number; withoutOwner: number | null; withoutDueDate: number | null };
}

/** Resolver calls behind the `jira:issueContext` glance (UI Kit, static/issue-context). */
export const issueContextContract = {
  getGlance: answering<GlanceView>()(z.object({ issueKey: issueKeySchema }), 'viewed-issue'),
  /** The same live status as the panel's, for the glance's open and overdue counts. */
  getActionItemStatus: followThroughContract.getActionItemStatus,
};

export type IssueContextApi = ApiOf<typeof issueContextContract>;
