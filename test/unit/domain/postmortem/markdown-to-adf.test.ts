import fc from 'fast-check';
import { adfToMarkdown } from '../../../../src/domain/postmortem/adf-to-markdown';
import { inlineTokens } from '../../../../src/domain/postmortem/inline-markdown';
import { inlineNodes, markdownToAdf } from '../../../../src/domain/postmortem/markdown-to-adf';

// The regex the inline reader replaced; it stays here as the specification the one-pass reader must match.
const BACKTRACKING_INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]*)\]\(([^)\s]+)\)/g;

function tokensByRegex(line: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const match of line.matchAll(BACKTRACKING_INLINE)) {
    if (match.index > last) out.push(`text:${line.slice(last, match.index)}`);
    if (match[1] !== undefined) out.push(`code:${match[1]}`);
    else if (match[2] !== undefined) out.push(`strong:${match[2]}`);
    else out.push(`link:${match[3] ?? ''}:${match[4] ?? ''}`);
    last = match.index + match[0].length;
  }
  if (last < line.length) out.push(`text:${line.slice(last)}`);
  return out;
}

function tokensByReader(line: string): string[] {
  return inlineTokens(line).map((token) =>
    token.kind === 'link' ? `link:${token.text}:${token.href}` : `${token.kind}:${token.text}`,
  );
}

function textOf(nodes: unknown): string {
  return JSON.stringify(nodes);
}

describe('inline Markdown in one pass', () => {
  it('reads every line exactly as the regex it replaced did', () => {
    const alphabet = fc.constantFrom('`', '*', '[', ']', '(', ')', ' ', 'a', 'b', ':', '/');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const line = chars.join('');
        expect(tokensByReader(line)).toEqual(tokensByRegex(line));
      }),
      { numRuns: 3000 },
    );
  });

  // Each took tens of seconds with the regex (issue 12, item 7: 47.5 s and 16.9 s); the speed is in the bench.
  it('reads 200,000 unclosed brackets as plain text', () => {
    const line = '['.repeat(200_000);
    expect(inlineNodes(line)).toEqual([{ type: 'text', text: line }]);
  });

  it('reads 60,000 unfinished links as plain text', () => {
    const line = '[a]('.repeat(60_000);
    expect(inlineNodes(line)).toEqual([{ type: 'text', text: line }]);
  });
});

describe('links written into Jira', () => {
  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x'])(
    'keeps [text](%s) as visible text, never as a link',
    (href) => {
      const nodes = inlineNodes(`see [here](${href}) now`);
      expect(textOf(nodes)).not.toContain('"type":"link"');
      expect(nodes.map((node) => ('text' in node ? node.text : '')).join('')).toBe(`see [here](${href}) now`);
    },
  );

  it.each(['https://example.com/a', 'http://example.com', 'mailto:sre@example.com'])(
    'writes [text](%s) as a link',
    (href) => {
      expect(inlineNodes(`[here](${href})`)).toEqual([
        { type: 'text', text: 'here', marks: [{ type: 'link', attrs: { href } }] },
      ]);
    },
  );
});

describe('block Markdown to ADF', () => {
  it('keeps an ordered list with blank lines between items as one list', () => {
    const adf = markdownToAdf('1. first\n\n2. second\n\n3. third\n');
    expect(adf.content.map((node) => node.type)).toEqual(['orderedList']);
    expect(adfToMarkdown(adf)).toBe('1. first\n2. second\n3. third\n');
  });

  it('reads a line of code between triple backticks followed by text as a paragraph, losing nothing', () => {
    const adf = markdownToAdf('```Hostname/IP does not match``` in the logs\n');
    expect(adf.content.map((node) => node.type)).toEqual(['paragraph']);
    expect(adfToMarkdown(adf)).toBe('```Hostname/IP does not match``` in the logs\n');
  });

  it('keeps the words after a fence opening', () => {
    const adf = markdownToAdf('```sh run as root\nrm -rf /tmp/x\n```\n');
    expect(adf.content).toEqual([
      {
        type: 'codeBlock',
        attrs: { language: 'sh run as root' },
        content: [{ type: 'text', text: 'rm -rf /tmp/x' }],
      },
    ]);
    expect(adfToMarkdown(adf)).toBe('```sh run as root\nrm -rf /tmp/x\n```\n');
  });

  it('keeps a nested bullet after a blank line in the item above it, not as a paragraph after the list', () => {
    const adf = markdownToAdf('- **Resolution**:\n\n  - The pod was killed\n\n- **Review actions**:\n');
    expect(adf.content.map((node) => node.type)).toEqual(['bulletList']);
    expect(adfToMarkdown(adf)).toBe('- **Resolution**:\n  - The pod was killed\n- **Review actions**:\n');
  });

  it('keeps an indented code fence in the list item it is written under', () => {
    const markdown =
      '- Webhook failed with:\n  ```\n  x509: certificate signed by unknown authority\n  ```\n- Next\n';
    const adf = markdownToAdf(markdown);
    expect(adf.content.map((node) => node.type)).toEqual(['bulletList']);
    expect(adfToMarkdown(adf)).toBe(markdown);
  });

  it('reads a heading padded with 8,000 spaces', () => {
    const adf = markdownToAdf(`# a${' '.repeat(8000)}x`);
    expect(adf.content[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
  });
});
