import type { DocNode, Inline, ListItemArray } from '@atlaskit/adf-schema';
import {
  bulletList,
  code,
  codeBlock,
  doc,
  hardBreak,
  heading,
  link,
  listItem,
  mention,
  orderedList,
  paragraph,
  rule,
  strong,
  table,
  tableCell,
  tableHeader,
  tableRow,
  text,
} from '@atlaskit/adf-utils/builders';
import { isTableLine, isTableSeparator, splitTableRow } from './markdown-table';

type Block = DocNode['content'][number];

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
// Inline syntax the template uses: `code`, **strong**, [text](url); accountid: links are Jira mentions.
const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]*)\]\(([^)\s]+)\)/g;

/** Inline Markdown of one line (or cell) to ADF inline nodes; text is kept character for character. */
export function inlineNodes(source: string): Inline[] {
  const nodes: Inline[] = [];
  source.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push(hardBreak());
    let last = 0;
    for (const match of line.matchAll(INLINE)) {
      if (match.index > last) nodes.push(text(line.slice(last, match.index)));
      if (match[1] !== undefined) nodes.push(code(match[1]) as Inline);
      else if (match[2] !== undefined) nodes.push(strong(match[2]) as Inline);
      else if ((match[4] ?? '').startsWith('accountid:')) {
        nodes.push(mention({ id: (match[4] ?? '').slice('accountid:'.length), text: `@${match[3] ?? ''}` }));
      } else if (match[3] !== '') nodes.push(link({ href: match[4] ?? '' })(match[3] ?? '') as Inline);
      else nodes.push(text(match[0]));
      last = match.index + match[0].length;
    }
    if (last < line.length) nodes.push(text(line.slice(last)));
  });
  return nodes;
}

function startsBlock(line: string): boolean {
  return (
    HEADING.test(line) || FENCE.test(line) || RULE.test(line) || isTableLine(line) || LIST_ITEM.test(line)
  );
}

function tableBlock(lines: readonly string[]): Block {
  const withHeader = lines.length > 1 && isTableSeparator(lines[1] ?? '');
  const rows = lines.filter((_, index) => !(withHeader && index === 1)).map(splitTableRow);
  return table(
    ...rows.map((cells, index) =>
      withHeader && index === 0
        ? tableRow(cells.map((cell) => tableHeader()(paragraph(...inlineNodes(cell)))))
        : tableRow(cells.map((cell) => tableCell()(paragraph(...inlineNodes(cell))))),
    ),
  );
}

/**
 * Markdown (as `renderMarkdown` writes it, and the plain Markdown real teams write) to ADF. Lines of a
 * paragraph or list item are joined with hard breaks so the Markdown comes back line for line.
 */
export function markdownToAdf(markdown: string): DocNode {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] as string).trim().startsWith(marker))
        body.push(lines[i++] as string);
      i += 1;
      const content = body.join('\n');
      blocks.push(
        codeBlock(fence[2] ? { language: fence[2] } : {})(...(content === '' ? [] : [text(content)])),
      );
      continue;
    }
    const head = HEADING.exec(line);
    if (head) {
      const level = (head[1] ?? '#').length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push(heading({ level })(...inlineNodes(head[2] ?? '')));
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push(rule());
      i += 1;
      continue;
    }
    if (isTableLine(line)) {
      const start = i;
      while (i < lines.length && isTableLine(lines[i] as string)) i += 1;
      blocks.push(tableBlock(lines.slice(start, i)));
      continue;
    }
    const first = LIST_ITEM.exec(line);
    if (first) {
      const ordered = /\d/.test(first[1] ?? '');
      const items: string[][] = [];
      while (i < lines.length) {
        const current = lines[i] as string;
        const item = LIST_ITEM.exec(current);
        if (item && /\d/.test(item[1] ?? '') === ordered) {
          items.push([item[2] ?? '']);
        } else if (current.trim() === '' || item || startsBlock(current)) {
          break;
        } else {
          items[items.length - 1]?.push(current);
        }
        i += 1;
      }
      const listItems = items.map((item) =>
        listItem([paragraph(...inlineNodes(item.join('\n')))] as ListItemArray),
      );
      blocks.push(ordered ? orderedList({ order: 1 })(...listItems) : bulletList(...listItems));
      continue;
    }
    const body: string[] = [];
    while (
      i < lines.length &&
      (lines[i] as string).trim() !== '' &&
      (body.length === 0 || !startsBlock(lines[i] as string))
    ) {
      body.push(lines[i++] as string);
    }
    blocks.push(paragraph(...inlineNodes(body.join('\n'))));
  }
  return doc(...blocks);
}
