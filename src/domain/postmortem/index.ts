export * from './postmortem-document';
export { migratePostmortem, InvalidPostmortemError } from './migrate-postmortem';
export {
  renderMarkdown,
  formatDuration,
  formatOwner,
  STATUS_LABELS,
  type RenderMarkdownOptions,
} from './render-markdown';
export { parseMarkdown, importMarkdown, type ParseResult } from './parse-markdown';
export { renderAdf } from './render-adf';
export { parseAdf, InvalidAdfError } from './parse-adf';
export { indexedSummary, ROOT_CAUSE_SUMMARY_LIMIT, type PostmortemIndexSummary } from './indexed-summary';
export { incidentWindow, type IncidentWindow } from './incident-window';
