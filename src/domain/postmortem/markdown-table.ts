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

/** Splits a table row into trimmed cells, honouring `\|` escapes; tolerates a missing closing pipe. */
export function splitTableRow(line: string): string[] {
  const trimmed = line.trim();
  const body = trimmed.startsWith('|') ? trimmed.slice(1) : trimmed;
  const cells = body.includes('\\') ? splitEscapedCells(body) : body.split('|');
  // `| a | b |` leaves an empty piece after the closing pipe; a row without one keeps its last cell.
  if (trimmed.endsWith('|') && cells.length > 0 && (cells[cells.length - 1] as string).trim() === '')
    cells.pop();
  return cells.map(cellText);
}

function cellText(cell: string): string {
  const text = cell.trim();
  return text.includes('<') ? text.replace(/<br\s*\/?>/gi, '\n') : text;
}

/** The cells of a row body that holds backslashes: `\|` is a literal pipe and `\\` a backslash. */
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
  rows: string[][];
  hasSeparator: boolean;
}

/** A run of lines: a table, or the lines between tables (`table` null), in order. */
export interface TablePart {
  table: Table | null;
  lines: string[];
}

function parseTable(lines: readonly string[]): Table {
  const hasSeparator = lines.length > 1 && isTableSeparator(lines[1] as string);
  const rows = lines.filter((_, index) => !(index === 1 && hasSeparator)).map(splitTableRow);
  return { header: rows[0] ?? [], rows: rows.slice(1), hasSeparator };
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
