export type FindingCode =
  | 'missing-section'
  | 'action-item-without-owner'
  | 'action-item-without-due-date'
  | 'action-item-due-date-passed'
  | 'timeline-out-of-order'
  | 'blame-language'
  | 'approvals-missing';

export interface Finding {
  code: FindingCode;
  /** `error` blocks finalization; `warning` is advice. */
  severity: 'error' | 'warning';
  message: string;
  /** Model path the finding is about, e.g. `actionItems.ai-2` or `rootCause`. */
  path: string;
  /** For text findings (blame language): where in the text at `path` the phrase is, end exclusive. */
  range?: { start: number; end: number };
}
