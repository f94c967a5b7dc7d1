// Pipe tables as the reference template writes them: `| a | b |`, pipes escaped, line breaks as <br>.

/** Renders one table row; cell text may hold `|` and newlines, which a Markdown table cannot. */
export function markdownTableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')).join(' | ')} |`;
}

/** True for a separator row such as `|---|:---:|` (also without the outer pipes). */
export function isTableSeparator(line: string): boolean {
  return (
    /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(line) && line.includes('-') && line.includes('|')
  );
}

export function isTableLine(line: string): boolean {
  return /^\s{0,3}\|/.test(line);
}

/** Splits a table row into trimmed cells, honouring `\|` escapes; tolerates a missing closing pipe. */
export function splitTableRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  const body = line.trim().replace(/^\|/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (ch === '\\' && (body[i + 1] === '|' || body[i + 1] === '\\')) {
      current += body[i + 1];
      i += 1;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '' || !line.trim().endsWith('|')) cells.push(current);
  return cells.map((cell) => cell.trim().replace(/<br\s*\/?>/gi, '\n'));
}
