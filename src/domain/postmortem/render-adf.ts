import type { DocNode } from '@atlaskit/adf-schema';
import { markdownToAdf } from './markdown-to-adf';
import type { PostmortemDocument } from './postmortem-document';
import { renderMarkdown } from './render-markdown';

/** The postmortem as an ADF document (headings, tables, lists) for a Jira issue description or comment. */
export function renderAdf(doc: PostmortemDocument): DocNode {
  // Going through the template Markdown keeps one definition of the layout for both formats.
  return markdownToAdf(renderMarkdown(doc));
}
