// Reads any ADF (a Jira description written by hand, or `renderAdf` output) back into Markdown lines.
import { append } from './markdown-blocks';

interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: AdfNode[];
}

function isNode(value: unknown): value is AdfNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

function children(node: AdfNode): AdfNode[] {
  return Array.isArray(node.content) ? node.content.filter(isNode) : [];
}

function attr(node: AdfNode, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function inline(node: AdfNode): string {
  switch (node.type) {
    case 'text': {
      let value = typeof node.text === 'string' ? node.text : '';
      const marks = Array.isArray(node.marks) ? node.marks : [];
      if (marks.some((mark) => mark.type === 'code')) value = `\`${value}\``;
      if (marks.some((mark) => mark.type === 'strong')) value = `**${value}**`;
      const href = marks.find((mark) => mark.type === 'link')?.attrs?.href;
      if (typeof href === 'string') value = `[${value}](${href})`;
      return value;
    }
    case 'hardBreak':
      return '\n';
    case 'mention':
      return `[${attr(node, 'text').replace(/^@/, '')}](accountid:${attr(node, 'id')})`;
    case 'emoji':
      return attr(node, 'text') || attr(node, 'shortName');
    case 'date': {
      const timestamp = Number(attr(node, 'timestamp'));
      return Number.isFinite(timestamp) ? new Date(timestamp).toISOString().slice(0, 10) : '';
    }
    case 'status':
      return attr(node, 'text');
    case 'inlineCard':
      return attr(node, 'url');
    default:
      return children(node).map(inline).join('') || attr(node, 'text');
  }
}

function inlineContent(node: AdfNode): string {
  return children(node).map(inline).join('');
}

function cellText(node: AdfNode): string {
  return children(node)
    .map((block) => (block.type === 'paragraph' ? inlineContent(block) : blockLines(block).join('\n')))
    .join('\n');
}

function escapeCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

function listLines(node: AdfNode, ordered: boolean, indent: string): string[] {
  const lines: string[] = [];
  children(node).forEach((item, index) => {
    const marker = ordered ? `${index + 1}.` : '-';
    const parts = children(item);
    let first = true;
    for (const part of parts) {
      if (part.type === 'bulletList' || part.type === 'orderedList') {
        append(lines, listLines(part, part.type === 'orderedList', `${indent}  `));
        continue;
      }
      const text = part.type === 'paragraph' ? inlineContent(part) : blockLines(part).join('\n');
      const [head = '', ...rest] = text.split('\n');
      lines.push(
        first ? `${indent}${marker} ${head}` : `${indent}  ${head}`,
        ...rest.map((line) => (indent ? `${indent}  ${line}` : line)),
      );
      first = false;
    }
    if (first) lines.push(`${indent}${marker} `);
  });
  return lines;
}

function blockLines(node: AdfNode): string[] {
  switch (node.type) {
    case 'paragraph':
      return inlineContent(node).split('\n');
    case 'heading':
      return [
        `${'#'.repeat(Math.min(6, Math.max(1, Number(attr(node, 'level')) || 1)))} ${inlineContent(node)}`,
      ];
    case 'rule':
      return ['---'];
    case 'bulletList':
      return listLines(node, false, '');
    case 'orderedList':
      return listLines(node, true, '');
    case 'codeBlock':
      return ['```' + attr(node, 'language'), ...inlineContent(node).split('\n'), '```'];
    case 'blockquote':
      return children(node)
        .flatMap(blockLines)
        .map((line) => `> ${line}`);
    case 'table': {
      const rows = children(node);
      const lines: string[] = [];
      rows.forEach((row, index) => {
        const cells = children(row);
        lines.push(`| ${cells.map((cell) => escapeCell(cellText(cell))).join(' | ')} |`);
        if (index === 0 && cells.every((cell) => cell.type === 'tableHeader')) {
          lines.push(`|${cells.map(() => '---').join('|')}|`);
        }
      });
      return lines;
    }
    default: {
      const inner = children(node);
      if (inner.length === 0) return node.text ? [node.text] : [];
      return inner.every(
        (child) => child.type === 'text' || child.type === 'hardBreak' || child.type === 'mention',
      )
        ? inlineContent(node).split('\n')
        : inner.flatMap(blockLines);
    }
  }
}

function needsBlankBetween(previous: AdfNode, next: AdfNode): boolean {
  // Two paragraphs in a row, or a list then a paragraph, would merge when read back as Markdown.
  return next.type === 'paragraph' && (previous.type === 'paragraph' || previous.type.endsWith('List'));
}

/** The Markdown a document's blocks stand for; unknown node types give their text rather than nothing. */
export function adfToMarkdown(adf: unknown): string {
  if (!isNode(adf)) return '';
  const blocks = adf.type === 'doc' ? children(adf) : [adf];
  const out: string[] = [];
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1];
    if (previous !== undefined && needsBlankBetween(previous, block)) out.push('');
    append(out, blockLines(block));
  });
  return `${out.join('\n')}\n`;
}
