import type { PostmortemIndexSummary, Severity } from '../postmortem';

/** One incident issue as the global page reads it from `search/jql` (plain data, built by the caller). */
export interface IncidentRecord {
  key: string;
  projectKey: string;
  /** ISO 8601 instant (Jira's `+0000` offsets are accepted). */
  created: string;
  resolved: string | null;
  labels: readonly string[];
  priority: string | null;
  /**
   * The severity read from the admin's configured source (labels, priority mapping or a
   * custom field) by the caller; when left out, DESIGN's default (SEV label, else priority).
   */
  severity?: Severity | null;
  components: readonly string[];
  /** The category read from the admin's configured source by the caller; when left out, DESIGN's default. */
  category?: string | null;
  /** The `postmortem-summary` issue property, when the incident has a postmortem. */
  postmortem: PostmortemIndexSummary | null;
  /** Reference Step 1 trigger criteria, decided by the caller (`isPostmortemRequired`). */
  qualifies: boolean;
  /**
   * Minutes between the postmortem's explicit start and end (`incidentWindow(doc).minutes`); DESIGN
   * "Incident duration" lets that win over created → resolved. Omitted when the document has none.
   */
  postmortemDurationMinutes?: number | null;
}

/** One action-item issue (child of an incident, labelled `postmortem-action`). */
export interface ActionItemRecord {
  key: string;
  /** The action item's own project (whose Browse permission governs it); its key's prefix when left out. */
  projectKey?: string;
  incidentKey: string;
  created: string;
  /** Jira `duedate`, a calendar day without a zone. */
  dueDate: string | null;
  statusCategory: 'new' | 'indeterminate' | 'done';
  resolved: string | null;
  /** Jira `statuscategorychangedate`; left out in records cached before it was read. */
  statusCategoryChanged?: string | null;
}
