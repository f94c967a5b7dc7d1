import { inlineTokens, isSafeLinkTarget } from '../../../../src/contract/document-text';

/** What the read view draws for inline Markdown; a link is only ever an http(s) or mailto target. */
export type InlineRun =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string };

export type TextBlock =
  { kind: 'paragraph'; runs: InlineRun[] } | { kind: 'list'; ordered: boolean; items: InlineRun[][] };

/**
 * Inline Markdown of one line. A link whose target is not web or mail (`javascript:`, `data:`), or that
 * has no text, stays visible as it was written, as in the export to Jira; an `accountid:` mention
 * reads as "@name".
 */
export function readInline(line: string): InlineRun[] {
  return inlineTokens(line).map((token): InlineRun => {
    if (token.kind !== 'link') return token;
    if (token.href.startsWith('accountid:')) return { kind: 'text', text: `@${token.text}` };
    if (token.text === '' || !isSafeLinkTarget(token.href))
      return { kind: 'text', text: `[${token.text}](${token.href})` };
    return { kind: 'link', text: token.text, href: token.href.trim() };
  });
}

const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+/;

/**
 * Multi-line field text as blocks. Imported Markdown keeps the hard line breaks of its source, so a
 * single newline joins lines into one paragraph (reflow), a blank line starts a new one, and lines
 * starting with `-`, `*`, `+` or `1.` are list items (a following unmarked line continues the item).
 */
export function readTextBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', runs: readInline(paragraph.join(' ')) });
    if (list)
      blocks.push({
        kind: 'list',
        ordered: list.ordered,
        items: list.items.map((item) => readInline(item.join(' '))),
      });
    paragraph = [];
    list = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const marker = LIST_ITEM.exec(raw);
    if (marker) {
      const ordered = marker[2] !== undefined;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push([raw.slice(marker[0].length).trim()]);
    } else if (list) {
      list.items[list.items.length - 1]?.push(line);
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
