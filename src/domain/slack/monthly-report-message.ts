/**
 * The monthly trend report posted to Slack: the global page's Markdown export
 * (`renderTrendReportMarkdown`) turned into Block Kit. Pure; Block Kit limits are enforced here.
 */
import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { escapeSlackText, neutraliseMentions } from './escape-slack-text';
import { MAX_BLOCKS, MAX_HEADER_TEXT, MAX_SECTION_TEXT } from './finalization-message';

export interface MonthlyReportMessageInput {
  /** The month's report exactly as the global page exports it. */
  markdown: string;
  /** Project keys the report covers; empty = every project the incident JQL finds. */
  projectKeys: readonly string[];
  /** Where the full report lives (the global page), when known. */
  reportUrl?: string | null;
}

export interface MonthlyReportMessage {
  text: string;
  blocks: KnownBlock[];
}

const MAX_FALLBACK_TEXT = 3000;
// Room kept in a section for the closing ``` of a table and a "truncated" note.
const SECTION_BUDGET = MAX_SECTION_TEXT - 40;

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]{0,4}$/, '')}…`;
}

/** Markdown inline text → Slack mrkdwn: `\*` escapes become literal text, `**bold**` becomes `*bold*`. */
function inline(markdown: string): string {
  let out = '';
  let literal = '';
  const flush = () => {
    out += escapeSlackText(literal);
    literal = '';
  };
  for (let i = 0; i < markdown.length; i += 1) {
    const char = markdown[i] as string;
    if (char === '\\' && i + 1 < markdown.length) {
      literal += markdown[i + 1];
      i += 1;
    } else if (char === '*' && markdown[i + 1] === '*') {
      flush();
      out += '*';
      i += 1;
    } else literal += char;
  }
  flush();
  return out;
}

/** A Markdown table row's cells, honouring `\|` inside a cell. */
function cells(row: string): string[] {
  const parts: string[] = [];
  let current = '';
  const body = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] as string;
    if (char === '\\' && i + 1 < body.length) {
      current += body[i + 1];
      i += 1;
    } else if (char === '|') {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

/** Slack renders no tables: a monospaced block with aligned columns reads the same. */
function table(rows: string[]): string {
  const grid = rows.filter((row) => !/^\|[\s:|-]+\|$/.test(row.trim())).map(cells);
  const widths: number[] = [];
  for (const row of grid) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  const lines = grid.map((row) =>
    row
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))
      .join('  ')
      .trimEnd(),
  );
  return `\`\`\`\n${escapeSlackText(lines.join('\n'))}\n\`\`\``;
}

interface Chunk {
  text: string;
  preformatted: boolean;
}

/** The report's body (everything under the `#` title) as mrkdwn chunks, one per heading, table or line. */
function chunksOf(lines: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && (lines[i] as string).trimStart().startsWith('|'))
        rows.push(lines[i++] as string);
      i -= 1;
      chunks.push({ text: table(rows), preformatted: true });
    } else if (/^#{2,6}\s/.test(line)) {
      chunks.push({ text: `*${inline(line.replace(/^#+\s+/, ''))}*`, preformatted: false });
    } else if (/^\s*[-*]\s/.test(line)) {
      chunks.push({ text: `• ${inline(line.replace(/^\s*[-*]\s+/, ''))}`, preformatted: false });
    } else chunks.push({ text: inline(line), preformatted: false });
  }
  return chunks;
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Cuts a chunk to `budget` characters; a table loses whole rows and keeps its closing fence. */
function fitToBudget(chunk: Chunk, budget: number): string {
  if (chunk.text.length <= budget) return chunk.text;
  if (!chunk.preformatted) return truncate(chunk.text, budget);
  const rows = chunk.text.slice(0, -4).split('\n');
  const kept: string[] = [];
  let length = 4 + 2;
  for (const row of rows) {
    if (length + row.length + 1 > budget) break;
    kept.push(row);
    length += row.length + 1;
  }
  return `${kept.join('\n')}\n…\n\`\`\``;
}

/** Packs chunks into sections of at most 3,000 characters; a heading starts a section and keeps its first chunk. */
function pack(chunks: Chunk[], maxBlocks: number): SectionBlock[] {
  const texts: string[] = [];
  let current = '';
  let headingOnly = false;
  let dropped = 0;
  for (const chunk of chunks) {
    const heading = !chunk.preformatted && /^\*[^*]+\*$/.test(chunk.text);
    if (current && !heading) {
      const room = SECTION_BUDGET - current.length - 1;
      if (chunk.text.length <= room || (headingOnly && room > 200)) {
        current = `${current}\n${fitToBudget(chunk, room)}`;
        headingOnly = false;
        continue;
      }
    }
    if (current) {
      if (texts.length + 1 >= maxBlocks) {
        dropped += 1;
        continue;
      }
      texts.push(current);
    }
    current = fitToBudget(chunk, SECTION_BUDGET);
    headingOnly = heading;
  }
  if (current && texts.length < maxBlocks) texts.push(current);
  if (dropped > 0 && texts.length > 0) texts[texts.length - 1] += '\n_…the rest is in the full report._';
  return texts.map(section);
}

// Reference "Step 4: Monthly Trend Analysis": the month's report, shared where the team talks.
export function monthlyReportMessage(input: MonthlyReportMessageInput): MonthlyReportMessage {
  const lines = input.markdown.replace(/\r\n?/g, '\n').split('\n');
  const titleAt = lines.findIndex((line) => /^#\s/.test(line));
  const title =
    titleAt >= 0
      ? (lines[titleAt] as string).replace(/^#\s+/, '').replace(/\\(.)/g, '$1')
      : 'Incident Trend Report';
  const body = titleAt >= 0 ? lines.filter((_, i) => i !== titleAt) : lines;

  const header: HeaderBlock = {
    type: 'header',
    text: {
      type: 'plain_text',
      text: truncate(neutraliseMentions(title.trim()), MAX_HEADER_TEXT),
      emoji: true,
    },
  };
  const scope = input.projectKeys.length
    ? `Projects ${input.projectKeys.map((key) => escapeSlackText(key)).join(', ')}`
    : 'All incident projects';
  const url = input.reportUrl && /^https?:\/\/[^\s<>|]+$/.test(input.reportUrl) ? input.reportUrl : null;
  const footer: ContextBlock = {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `${scope} · Posted by Postmortems for Jira${url ? ` · <${url}|Open the full report>` : ''}`,
      },
    ],
  };
  const sections = pack(chunksOf(body), MAX_BLOCKS - 2);
  const text = truncate(
    `${escapeSlackText(title.trim())}: ${
      body
        .filter((line) => /^\|\s*SEV-[12] Incidents/.test(line))
        .map((line) => cells(line).slice(0, 2).join(' '))
        .join(', ') || 'monthly incident trends'
    }`,
    MAX_FALLBACK_TEXT,
  );
  return { text, blocks: [header, ...sections, footer] };
}
