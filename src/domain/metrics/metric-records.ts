import type { Severity } from '../postmortem';

// Plain data the adapter layer builds from `search/jql` results; the domain never sees Jira beans.

/** The indexed `postmortem-summary` issue property, as far as the metrics need it. */
export interface PostmortemSummaryRecord {
  readonly status: 'DRAFT' | 'IN_REVIEW' | 'FINAL' | string;
  readonly severity: Severity | null;
  readonly category: string | null;
  /** ISO instant the document became FINAL, or null while it is not. */
  readonly finalizedAt: string | null;
}

export interface IncidentRecord {
  readonly key: string;
  readonly projectKey: string;
  /** ISO instant (Jira `created`). */
  readonly created: string;
  /** ISO instant (Jira `resolutiondate`), null while unresolved. */
  readonly resolved: string | null;
  readonly labels: readonly string[];
  readonly priority: string | null;
  readonly components: readonly string[];
  readonly postmortem: PostmortemSummaryRecord | null;
  /** The postmortem's explicit Duration line, in minutes; overrides created → resolved. */
  readonly durationOverrideMinutes: number | null;
  /** Whether the trigger criteria require a postmortem (decided by isPostmortemRequired upstream). */
  readonly qualifiesForPostmortem: boolean;
}

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface ActionItemRecord {
  readonly key: string;
  readonly parentKey: string | null;
  /** ISO instant (Jira `created`). */
  readonly created: string;
  /** Jira `duedate`, a calendar date `YYYY-MM-DD`, or null. */
  readonly dueDate: string | null;
  readonly statusCategory: StatusCategory;
  /** ISO instant the item reached Done (`resolutiondate`), null while open. */
  readonly doneAt: string | null;
}

/** Maps a priority name (lower-case) to a severity; configurable on the settings page. */
export type PrioritySeverityMapping = Readonly<Record<string, Severity>>;
