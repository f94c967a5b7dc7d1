import fc from 'fast-check';
import { isTableSeparator, splitTableRow } from '../../../../src/domain/postmortem/markdown-table';

// The definitions the linear readers replaced, kept as their specification.
const BACKTRACKING_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function splitByCharacter(line: string): string[] {
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

const tableLine = fc
  .array(fc.constantFrom('|', '-', ':', ' ', '\t', '\\', 'a', '<br>'), { maxLength: 30 })
  .map((parts) => parts.join(''));

// Every character `String.prototype.trim` removes, and look-alikes it keeps (NEL, zero-width space).
const TRIMMED_AND_KEPT_SPACES = [
  ...['\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029'],
  ...['\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u200b', '\u180e'],
];
const spacedTableLine = fc
  .array(fc.constantFrom('|', ' ', '\\', 'a', '<br>', ...TRIMMED_AND_KEPT_SPACES), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('Markdown table lines', () => {
  it('recognises separator rows exactly as the regex it replaced', () => {
    fc.assert(
      fc.property(tableLine, (line) => {
        const expected = BACKTRACKING_SEPARATOR.test(line) && line.includes('-') && line.includes('|');
        expect(isTableSeparator(line)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('splits rows into the same cells as the character-by-character reader', () => {
    fc.assert(
      fc.property(tableLine, (line) => {
        expect(splitTableRow(line)).toEqual(splitByCharacter(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('trims cells and rows exactly as String.prototype.trim does, whatever the whitespace', () => {
    fc.assert(
      fc.property(spacedTableLine, (line) => {
        expect(splitTableRow(line)).toEqual(splitByCharacter(line));
      }),
      { numRuns: 3000 },
    );
  });
});
