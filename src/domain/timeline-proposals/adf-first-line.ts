// A Jira comment body is ADF (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/);
// the timeline wants one line of plain text from it.

interface AdfNode {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown>;
  content?: unknown;
}

const asNode = (value: unknown): AdfNode | null =>
  typeof value === 'object' && value !== null ? value : null;

const childrenOf = (node: AdfNode): AdfNode[] =>
  Array.isArray(node.content) ? node.content.map(asNode).filter((child) => child !== null) : [];

const attrText = (node: AdfNode, name: string): string => {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : '';
};

/** The text of inline nodes up to the first hard break; mentions keep their `@name`, emoji their text. */
function inlineText(nodes: readonly AdfNode[]): { text: string; broke: boolean } {
  let text = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text += typeof node.text === 'string' ? node.text : '';
        break;
      case 'hardBreak':
        return { text, broke: true };
      case 'mention':
        text += attrText(node, 'text') || '@someone';
        break;
      case 'emoji':
        text += attrText(node, 'text') || attrText(node, 'shortName');
        break;
      case 'status':
      case 'inlineCard':
        text += attrText(node, node.type === 'status' ? 'text' : 'url');
        break;
      default: {
        const inner = inlineText(childrenOf(node));
        text += inner.text;
        if (inner.broke) return { text, broke: true };
      }
    }
  }
  return { text, broke: false };
}

// Blocks whose children are inline nodes; every other block (lists, quotes, panels, tables) holds blocks.
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** The first non-blank line of a comment: the first block with text, cut at its first line break. */
export function adfFirstLine(body: unknown): string {
  const pending = childrenOf(asNode(body) ?? {});
  while (pending.length > 0) {
    const block = pending.shift() as AdfNode;
    if (!TEXT_BLOCKS.has(String(block.type))) {
      pending.unshift(...childrenOf(block));
      continue;
    }
    const lines = inlineText(childrenOf(block)).text.split('\n');
    const line = lines.map((text) => text.replace(/\s+/g, ' ').trim()).find((text) => text !== '');
    if (line !== undefined) return line;
  }
  return '';
}
