// Block-level Markdown line classifiers shared by the importer and the ADF export. Each runs in time linear
// in the line: user files reach them unchecked, and one backtracking regex stalled the preview for minutes
// (issue 18: `# a` + 8,000 spaces + `x` took more than 120 s).

export interface AtxHeading {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  /** The heading text without the optional closing `#` sequence, trimmed. */
  text: string;
  /** The text after the opening `#`s and one separating space/tab run, trailing whitespace removed only. */
  raw: string;
}

const OPENING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end -= 1;
  return text.slice(0, end);
}

function trimStartSpaces(text: string): string {
  let start = 0;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start += 1;
  return text.slice(start);
}

/** An ATX heading (CommonMark 4.2): up to three spaces, 1–6 `#`, then a space or the end of the line. */
export function atxHeading(line: string): AtxHeading | null {
  const opening = OPENING.exec(line);
  if (!opening) return null;
  const marks = opening[1] ?? '#';
  const raw = trimEndSpaces(trimStartSpaces(line.slice(opening[0].length)));
  let end = raw.length;
  while (end > 0 && raw[end - 1] === '#') end -= 1;
  // A closing sequence counts only when a space separates it from the text (`# C#` keeps its `#`).
  const closed = end === 0 || raw[end - 1] === ' ' || raw[end - 1] === '\t';
  const text = closed ? trimEndSpaces(raw.slice(0, end)) : raw;
  return { level: marks.length as AtxHeading['level'], text, raw };
}

/** A thematic break (CommonMark 4.1): three or more `-`, `*` or `_`, the same character, spaces allowed. */
export function isThematicBreak(line: string): boolean {
  let indent = 0;
  while (indent < line.length && line[indent] === ' ') indent += 1;
  if (indent > 3) return false;
  const marker = line[indent];
  if (marker !== '-' && marker !== '*' && marker !== '_') return false;
  let count = 0;
  for (let i = indent; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === marker) count += 1;
    else if (ch !== ' ' && ch !== '\t') return false;
  }
  return count >= 3;
}

export interface FenceOpening {
  marker: string;
  info: string;
}

const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})/;

/** A code fence opening (CommonMark 4.5): three or more backticks or tildes, then an info string. */
export function fenceOpening(line: string): FenceOpening | null {
  const match = FENCE_OPENING.exec(line);
  if (!match) return null;
  const marker = match[1] ?? '```';
  const info = line.slice(match[0].length).trim();
  // ```` ```text``` and more ```` is inline code in a paragraph, not a fence whose info would be dropped.
  if (marker[0] === '`' && info.includes('`')) return null;
  return { marker, info };
}

/** True when `line` closes a fence opened with `marker`: the same character, at least as many. */
export function closesFence(line: string, marker: string): boolean {
  const closing = fenceOpening(line);
  return (
    closing !== null &&
    closing.marker[0] === marker[0] &&
    closing.marker.length >= marker.length &&
    closing.info === ''
  );
}

/** A list item: indentation, marker (`-`, `*`, `+`, `1.`, `1)`) and the text after it. */
export const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

export interface ListEntry {
  /** False for text outside any item: a paragraph after a blank line that is not indented. */
  item: boolean;
  blankBefore: boolean;
  /** The item's text without its marker, then its wrapped lines, nested lists and indented paragraphs. */
  lines: string[];
}

/** `trimEnd` without a new string for the usual line that has nothing to trim. */
function trimLineEnd(line: string): string {
  const last = line.charCodeAt(line.length - 1);
  return last === 32 || last === 9 || last === 13 ? line.trimEnd() : line;
}

/** The top-level entries of a list, in order; wrapped lines and nested bullets continue the entry above. */
export function readListEntries(lines: readonly string[]): ListEntry[] {
  const entries: ListEntry[] = [];
  let afterBlank = false;
  for (const line of lines) {
    if (isBlank(line)) {
      afterBlank = true;
      continue;
    }
    const marker = LIST_ITEM.exec(line);
    const item = marker !== null && (marker[1] ?? '').length < 2;
    const current = entries[entries.length - 1];
    if (current !== undefined && !item && (!afterBlank || /^\s/.test(line))) {
      current.lines.push(trimLineEnd(line));
      continue;
    }
    entries.push({
      item,
      blankBefore: afterBlank && current !== undefined,
      lines: [trimLineEnd(item ? (marker[3] ?? '') : line)],
    });
    afterBlank = false;
  }
  return entries;
}

/** Drops blank lines and `---` breaks around a section body; they are layout, not content. */
export function trimBody(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (isBlank(lines[start] ?? '') || isThematicBreak(lines[start] ?? ''))) start += 1;
  while (end > start && (isBlank(lines[end - 1] ?? '') || isThematicBreak(lines[end - 1] ?? ''))) end -= 1;
  return lines.slice(start, end);
}

type BlockKind = 'paragraph' | 'list' | 'other';

function firstBlockKind(text: string): BlockKind {
  const line = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (LIST_ITEM.test(line)) return 'list';
  if (atxHeading(line) || fenceOpening(line) || isThematicBreak(line) || /^\s{0,3}[|>]/.test(line))
    return 'other';
  return 'paragraph';
}

function lastBlockKind(text: string): BlockKind {
  const lines = text.split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (atxHeading(last) || isThematicBreak(last) || /^\s{0,3}[|>]/.test(last) || fenceOpening(last))
    return 'other';
  let start = lines.length - 1;
  while (start > 0 && !isBlank(lines[start - 1] ?? '')) start -= 1;
  return LIST_ITEM.test(lines[start] ?? '') ? 'list' : 'paragraph';
}

/**
 * Joins blocks of Markdown the way the ADF export will give them back: a blank line only where one is needed
 * to keep a paragraph apart from the block before it. Joining with blank lines everywhere made an imported
 * document change on its second pass through ADF, which keeps no blank lines of its own.
 */
export function joinBlocks(parts: readonly string[]): string {
  let joined = '';
  for (const part of parts) {
    if (part.trim() === '') continue;
    if (joined === '') {
      joined = part;
      continue;
    }
    const apart = firstBlockKind(part) === 'paragraph' && lastBlockKind(joined) !== 'other';
    joined = `${joined}${apart ? '\n\n' : '\n'}${part}`;
  }
  return joined;
}

/**
 * `target.push(...items)` for arrays of any length: a spread passes every item as an argument, and a few
 * hundred thousand lines or rows (an 8 MB import) overflow the call stack.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
