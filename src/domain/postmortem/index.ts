export * from './postmortem-document';
export { migratePostmortem, InvalidPostmortemError } from './migrate-postmortem';
export {
  renderMarkdown,
  durationLine,
  formatOwner,
  STATUS_LABELS,
  type RenderMarkdownOptions,
} from './render-markdown';
export { parseMarkdown, importMarkdown, type ParseResult, type ParseOptions } from './parse-markdown';
export { emptyImportReport, formatImportReport, SECTION_TITLES, type ImportReport } from './import-report';
export { renderAdf } from './render-adf';
export { parseAdf, InvalidAdfError } from './parse-adf';
export { indexedSummary, ROOT_CAUSE_SUMMARY_LIMIT, type PostmortemIndexSummary } from './indexed-summary';
export { incidentWindow, type IncidentWindow } from './incident-window';
