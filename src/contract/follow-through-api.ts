import { z } from 'zod';
import type { FollowThroughCounts, StatusCategoryKey } from '../domain/follow-through';
import { issueKeySchema } from './issue-key';
import { answering, type ApiOf } from './resolver-contract';

export type { FollowThroughCounts, StatusCategoryKey };

/** The child issue of an action item, as the viewer sees it in Jira now. */
export interface VisibleActionItemStatus {
  rowId: string;
  key: string;
  url: string;
  visible: true;
  status: { name: string; category: StatusCategoryKey };
  /** The assignee's display name; null when unassigned. */
  assignee: string | null;
  /** Jira `duedate` (a calendar day); null when the child has none. */
  dueDate: string | null;
  /** Local days past the due day (team zone) of an item not done; 0 when not overdue. */
  daysOverdue: number;
}

/** A child the viewer may not browse: its key is the incident's (the panel lists it), nothing else is told. */
export interface HiddenActionItemStatus {
  rowId: string;
  key: string;
  url: string;
  visible: false;
}

export type ActionItemStatus = VisibleActionItemStatus | HiddenActionItemStatus;

export interface ActionItemStatusView {
  items: ActionItemStatus[];
  counts: FollowThroughCounts;
  /** When Jira was read: the status is live, never a copy taken at finalization. */
  readAt: string;
}

/** Issue 17's calls, offered by the issue panel and the glance. */
export const followThroughContract = {
  /** Each action item's child as the viewer sees it in Jira now: status, assignee, due date, overdue. */
  getActionItemStatus: answering<ActionItemStatusView>()(
    z.object({ issueKey: issueKeySchema }),
    'viewed-issue',
  ),
};

export type FollowThroughApi = ApiOf<typeof followThroughContract>;
