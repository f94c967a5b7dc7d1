import type { Finding } from '../domain/checks';
import type { ImportReport, PostmortemDocument } from '../domain/postmortem';
import type { Result } from './errors';
import type { FollowThroughApi } from './follow-through-api';
import type { HistoryApi } from './history-api';

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

/** Resolver calls behind the `jira:issuePanel` (Custom UI, static/issue-panel). */
export type IssuePanelApi = {
  getPanel: (payload: { issueKey: string }) => Result<PanelView>;
  checkDraft: (payload: { issueKey: string; document: PostmortemDocument }) => Result<CheckView>;
  saveDraft: (payload: {
    issueKey: string;
    document: PostmortemDocument;
  }) => Result<CheckView & { document: PostmortemDocument; savedAt: string }>;
  finalize: (payload: {
    issueKey: string;
    document: PostmortemDocument;
  }) => Result<{ document: PostmortemDocument }>;
  reopen: (payload: { issueKey: string }) => Result<{ document: PostmortemDocument }>;
  getAutomation: (payload: { issueKey: string }) => Result<AutomationView | null>;
  importMarkdown: (payload: { issueKey: string; markdown: string }) => Result<ImportPreview>;
  importDescription: (payload: { issueKey: string }) => Result<ImportPreview>;
  exportToDescription: (payload: {
    issueKey: string;
    document: PostmortemDocument;
  }) => Result<{ written: true }>;
  exportMarkdown: (payload: { document: PostmortemDocument }) => Result<{ markdown: string }>;
  searchUsers: (payload: { query: string }) => Result<Array<{ accountId: string; displayName: string }>>;
  proposeTimeline: HistoryApi['proposeTimeline'];
  getActionItemStatus: FollowThroughApi['getActionItemStatus'];
  findSeenBefore: HistoryApi['findSeenBefore'];
};
