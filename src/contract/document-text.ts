// The issue panel's read view writes the document as the export to Jira does: the same inline Markdown
// reader and link rule (src/domain/postmortem/markdown-to-adf.ts), so what becomes a link in Jira is a link
// in the panel and nothing else is, and the same duration line. Exposed here because the front end may
// import only src/contract.
export { inlineTokens, isSafeLinkTarget, type InlineToken } from '../domain/postmortem/inline-markdown';
export { durationLine } from '../domain/postmortem/render-markdown';
