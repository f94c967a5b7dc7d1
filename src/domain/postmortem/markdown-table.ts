// Pipe tables as the reference template writes them: `| a | b |`, pipes escaped, line breaks as <br>.

/** Renders one table row; cell text may hold `|` and newlines, which a Markdown table cannot. */
export function markdownTableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')).join(' | ')} |`;
}

const SEPARATOR_CELL = /^:?-+:?$/;

/** True for a separator row such as `|---|:---:|` (also without the outer pipes); linear in the line. */
export function isTableSeparator(line: string): boolean {
  if (!line.includes('|') || !line.includes('-')) return false;
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|').every((cell) => SEPARATOR_CELL.test(cell.trim()));
}

export function isTableLine(line: string): boolean {
  return /^\s{0,3}\|/.test(line);
}

/**
 * Splits a table row into trimmed cells, honouring `\|` escapes; tolerates a missing closing pipe.
 * One pass over the line that slices each cell once, already trimmed: a 1 MB timeline has 55,000 rows, and
 * trimming the line, the body and each piece separately made four copies of every row for the collector.
 */
export function splitTableRow(line: string): string[] {
  let start = 0;
  let end = line.length;
  while (start < end && isTrimmed(line.charCodeAt(start))) start += 1;
  while (end > start && isTrimmed(line.charCodeAt(end - 1))) end -= 1;
  const closed = end > start && line.charCodeAt(end - 1) === PIPE;
  if (start < end && line.charCodeAt(start) === PIPE) start += 1;
  if (line.includes('\\', start)) return splitEscapedRow(line.slice(start, end), closed);
  const cells: string[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i += 1) {
    if (i < end && line.charCodeAt(i) !== PIPE) continue;
    // `| a | b |` leaves an empty piece after the closing pipe; a row without one keeps its last cell.
    const cell = trimmedSlice(line, cellStart, i);
    if (!(i === end && closed)) cells.push(cell);
    cellStart = i + 1;
  }
  return cells;
}

const PIPE = 0x7c;

/** The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `cellText` of `line.slice(from, to)`, without the untrimmed copy. */
function trimmedSlice(line: string, from: number, to: number): string {
  let start = from;
  let end = to;
  while (start < end && isTrimmed(line.charCodeAt(start))) start += 1;
  while (end > start && isTrimmed(line.charCodeAt(end - 1))) end -= 1;
  return cellText(line.slice(start, end));
}

/** A row body that holds backslashes: `\|` is a literal pipe and `\\` a backslash. */
function splitEscapedRow(body: string, closed: boolean): string[] {
  const cells = splitEscapedCells(body).map((cell) => cellText(cell.trim()));
  if (closed && cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

function cellText(text: string): string {
  return text.includes('<') ? text.replace(/<br\s*\/?>/gi, '\n') : text;
}

function splitEscapedCells(body: string): string[] {
  const cells: string[] = [];
  let current = '';
  let cellStart = 0;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (ch === '\\' && (body[i + 1] === '|' || body[i + 1] === '\\')) {
      current += body.slice(cellStart, i) + (body[i + 1] as string);
      i += 1;
      cellStart = i + 1;
    } else if (ch === '|') {
      cells.push(current + body.slice(cellStart, i));
      current = '';
      cellStart = i + 1;
    }
  }
  cells.push(current + body.slice(cellStart));
  return cells;
}

export interface Table {
  header: string[];
  /**
   * The body rows as written, each split by `splitTableRow` as a reader reaches it: split all at once, a 1 MB
   * table's 55,000 cell arrays were alive together, and the collector copied every one of them.
   */
  rowLines: readonly string[];
  hasSeparator: boolean;
}

/** A run of lines: a table, or the lines between tables (`table` null), in order. */
export interface TablePart {
  table: Table | null;
  lines: string[];
}

function parseTable(lines: readonly string[]): Table {
  const hasSeparator = lines.length > 1 && isTableSeparator(lines[1] as string);
  return {
    header: lines.length > 0 ? splitTableRow(lines[0] as string) : [],
    rowLines: lines.slice(hasSeparator ? 2 : 1),
    hasSeparator,
  };
}

/** Splits lines into tables and the runs between them, each line in exactly one part. */
export function readTables(lines: readonly string[]): TablePart[] {
  const parts: TablePart[] = [];
  let index = 0;
  while (index < lines.length) {
    const start = index;
    const inTable = isTableLine(lines[index] as string);
    while (index < lines.length && isTableLine(lines[index] as string) === inTable) index += 1;
    const run = lines.slice(start, index);
    parts.push({ table: inTable ? parseTable(run) : null, lines: run });
  }
  return parts;
}
