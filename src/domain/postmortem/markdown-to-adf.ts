import type {
  BulletListDefinition,
  DocNode,
  HeadingDefinition,
  Inline,
  ListItemArray,
  OrderedListDefinition,
  ParagraphDefinition,
  TableDefinition,
  TableRowDefinition,
} from '@atlaskit/adf-schema';
import {
  code,
  codeBlock,
  hardBreak,
  link,
  listItem,
  mention,
  rule,
  strong,
  tableCell,
  tableHeader,
  tableRow,
  text,
} from '@atlaskit/adf-utils/builders';
import { isSafeLinkTarget, inlineTokens, type InlineToken } from './inline-markdown';
import { atxHeading, closesFence, fenceOpening, isThematicBreak } from './markdown-blocks';
import { isTableLine, isTableSeparator, splitTableRow } from './markdown-table';

type Block = DocNode['content'][number];

const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

function inlineNode(token: InlineToken): Inline {
  switch (token.kind) {
    case 'text':
      return text(token.text);
    case 'code':
      return code(token.text);
    case 'strong':
      return strong(token.text);
    case 'link': {
      const written = `[${token.text}](${token.href})`;
      if (token.href.startsWith('accountid:'))
        return mention({ id: token.href.slice('accountid:'.length), text: `@${token.text}` });
      if (token.text === '' || !isSafeLinkTarget(token.href)) return text(written);
      return link({ href: token.href })(token.text);
    }
  }
}

/** Inline Markdown of one line (or cell) to ADF inline nodes; text is kept character for character. */
export function inlineNodes(source: string): Inline[] {
  const nodes: Inline[] = [];
  source.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push(hardBreak());
    // A loop, not `push(...)`: a line can hold hundreds of thousands of tokens, more than a call's arguments.
    for (const token of inlineTokens(line)) nodes.push(inlineNode(token));
  });
  return nodes;
}

const isIndented = (line: string): boolean => /^[ \t]/.test(line);

function startsBlock(line: string): boolean {
  return (
    atxHeading(line) !== null ||
    fenceOpening(line) !== null ||
    isThematicBreak(line) ||
    isTableLine(line) ||
    LIST_ITEM.test(line)
  );
}

// Nodes with unbounded content are built as literals: the builders take their children as arguments, and a
// call with hundreds of thousands of arguments overflows the stack.
function paragraphOf(content: Inline[]): ParagraphDefinition {
  return { type: 'paragraph', content };
}

function tableBlock(lines: readonly string[]): Block {
  const withHeader = lines.length > 1 && isTableSeparator(lines[1] ?? '');
  const rows = lines.filter((_, index) => !(withHeader && index === 1)).map(splitTableRow);
  const content: TableRowDefinition[] = rows.map((cells, index) =>
    withHeader && index === 0
      ? tableRow(cells.map((cell) => tableHeader()(paragraphOf(inlineNodes(cell)))))
      : tableRow(cells.map((cell) => tableCell()(paragraphOf(inlineNodes(cell))))),
  );
  const block: TableDefinition = { type: 'table', content };
  return block;
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
    const fence = fenceOpening(line);
    if (fence) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !closesFence(lines[i] as string, fence.marker))
        body.push(lines[i++] as string);
      i += 1;
      const content = body.join('\n');
      // The whole info string is kept as the language, so words written after the fence are not lost.
      blocks.push(
        codeBlock(fence.info ? { language: fence.info } : {})(...(content === '' ? [] : [text(content)])),
      );
      continue;
    }
    const head = atxHeading(line);
    if (head) {
      const block: HeadingDefinition = {
        type: 'heading',
        attrs: { level: head.level },
        content: inlineNodes(head.raw),
      };
      blocks.push(block);
      i += 1;
      continue;
    }
    if (isThematicBreak(line)) {
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
        } else if (current.trim() === '') {
          // A loose list (blank lines between items) is still one list; split, it came back as "1. 1. 1.".
          // An indented line after the blank continues the item above (a nested bullet, as CommonMark reads
          // it); ended there, it came back as a paragraph and lost its blank line on the next pass.
          let next = i;
          while (next < lines.length && (lines[next] as string).trim() === '') next += 1;
          const followingLine = lines[next] ?? '';
          const following = LIST_ITEM.exec(followingLine);
          if (following ? /\d/.test(following[1] ?? '') !== ordered : !isIndented(followingLine)) break;
          i = next;
          continue;
        } else if (item || (startsBlock(current) && !isIndented(current))) {
          // An indented fence, table or heading belongs to the item (MoJ's error output in a nested bullet);
          // read as its own block, it lost its indentation and the item ended a pass later.
          break;
        } else {
          items[items.length - 1]?.push(current);
        }
        i += 1;
      }
      const listItems = items.map((item) =>
        listItem([paragraphOf(inlineNodes(item.join('\n')))] as ListItemArray),
      );
      const list: OrderedListDefinition | BulletListDefinition = ordered
        ? { type: 'orderedList', attrs: { order: 1 }, content: listItems }
        : { type: 'bulletList', content: listItems };
      blocks.push(list);
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
    blocks.push(paragraphOf(inlineNodes(body.join('\n'))));
  }
  return { type: 'doc', version: 1, content: blocks };
}
