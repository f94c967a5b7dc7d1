import { z } from 'zod';
import type { Finding } from '../domain/checks';
import {
  editablePostmortemSchema,
  postmortemDocumentSchema,
  type ImportReport,
  type PostmortemDocument,
  type Severity,
} from '../domain/postmortem';
import { historyContract } from './history-api';
import { followThroughContract } from './follow-through-api';
import { reviewContract } from './review-api';
import { issueKeySchema } from './issue-key';
import { answering, type ApiOf } from './resolver-contract';

export type { Finding, ImportReport, PostmortemDocument };

export interface DeadlineView {
  dueAt: string;
  state: 'on-track' | 'due-soon' | 'overdue';
  remainingMs: number;
}

export interface PolicyView {
  required: boolean;
  reasons: string[];
  /** Null while the incident is unresolved: both deadlines run from resolution. */
  meeting: DeadlineView | null;
  document: DeadlineView | null;
}

export interface AutomationView {
  lastRunAt: string;
  children: Array<{ rowId: string; key: string; url: string }>;
  childIssueType: 'sub-task' | 'linked task' | null;
  unresolvedOwners: string[];
  failures: Array<{ rowId: string; message: string }>;
  /** Blocking rules skipped because the label was added in Jira rather than by Finalize. */
  skippedRules: Array<{ rule: string; message: string }>;
  slack: { state: 'sent' | 'failed' | 'not-configured'; at: string; error?: string } | null;
  /** The finalization job ran out of the platform's retries (Jira stayed down): nothing more will happen. */
  jobFailure: { at: string; message: string } | null;
}

export interface IncidentView {
  key: string;
  summary: string;
  status: string;
  created: string;
  resolved: string | null;
  severity: string | null;
  url: string;
}

export interface PanelView {
  issue: IncidentView;
  document: PostmortemDocument;
  /** False while the document is only pre-filled from the issue and has never been saved. */
  saved: boolean;
  canEdit: boolean;
  policy: PolicyView;
  findings: Finding[];
  /** The reference's hard rules: finalization is refused while any is present. */
  blockers: Finding[];
  automation: AutomationView | null;
  slackConfigured: boolean;
  finalizationLabel: string;
  /** Severities written with the short template (settings); the panel follows severity edits with it. */
  shortTemplateSeverities: Severity[];
}

export interface ImportPreview {
  document: PostmortemDocument;
  mapped: string[];
  unmapped: string[];
  /** What went where, what went to Other notes and why, and what was guessed (issue 18). */
  report: ImportReport;
}

export interface CheckView {
  findings: Finding[];
  blockers: Finding[];
}

const withIssue = z.object({ issueKey: issueKeySchema });
// What a user saves, checks, finalizes or exports to Jira: every field within the document's limits.
const withDocument = z.object({ issueKey: issueKeySchema, document: editablePostmortemSchema });
// Pasted postmortems are documents, not archives: 1 MB of Markdown is far beyond any real one.
const markdown = z.string().max(1_000_000, 'at most 1,000,000 characters');

/** Resolver calls behind the `jira:issuePanel` (Custom UI, static/issue-panel). */
export const issuePanelContract = {
  getPanel: answering<PanelView>()(withIssue, 'viewed-issue'),
  checkDraft: answering<CheckView>()(withDocument, 'viewed-issue'),
  saveDraft: answering<CheckView & { document: PostmortemDocument; savedAt: string }>()(
    withDocument,
    'edited-issue',
  ),
  finalize: answering<{ document: PostmortemDocument }>()(withDocument, 'edited-issue'),
  reopen: answering<{ document: PostmortemDocument }>()(withIssue, 'edited-issue'),
  getAutomation: answering<AutomationView | null>()(withIssue, 'viewed-issue'),
  importMarkdown: answering<ImportPreview>()(
    z.object({ issueKey: issueKeySchema, markdown }),
    'viewed-issue',
  ),
  importDescription: answering<ImportPreview>()(withIssue, 'viewed-issue'),
  exportToDescription: answering<{ written: true }>()(withDocument, 'edited-issue'),
  // Renders the document it is sent, stored nowhere: no issue is read, so none needs checking.
  // Renders the document it is sent. With `issueKey` (checked against the viewed issue by the
  // handler), the stored review history is written in too, whatever review the client's copy holds.
  exportMarkdown: answering<{ markdown: string }>()(
    z.object({ document: postmortemDocumentSchema, issueKey: issueKeySchema.optional() }),
    'signed-in',
  ),
  searchUsers: answering<Array<{ accountId: string; displayName: string }>>()(
    z.object({ query: z.string().trim().min(1).max(100) }),
    'signed-in',
  ),
  proposeTimeline: historyContract.proposeTimeline,
  findSeenBefore: historyContract.findSeenBefore,
  getActionItemStatus: followThroughContract.getActionItemStatus,
  getReview: reviewContract.getReview,
  requestReview: reviewContract.requestReview,
  decideReview: reviewContract.decideReview,
};

export type IssuePanelApi = ApiOf<typeof issuePanelContract>;
