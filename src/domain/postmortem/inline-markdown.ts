// The inline Markdown the template uses — `code`, **strong**, [text](url) — read in one left-to-right pass.
// A regex with `.+?` or `[^\]]*` rescans the rest of the line from every `[` or `**` that does not close,
// which made 200k `[` take 47.5 s (issue 12, item 7); here every "where is the next X" search resumes where
// the previous one stopped, so a line is read in linear time.

export type InlineToken =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string };

/** Finds the next occurrence of a needle at or after a position that only moves forward. */
function forwardFinder(find: (from: number) => number): (from: number) => number {
  let searchedFrom = Number.POSITIVE_INFINITY;
  let found = -1;
  return (from) => {
    // The last answer still holds if nothing between `searchedFrom` and `found` could match.
    if (from >= searchedFrom && (found === -1 || found >= from)) return found;
    searchedFrom = from;
    found = find(from);
    return found;
  };
}

function nextUrlEnd(line: string, from: number): number {
  for (let i = from; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (ch === ')' || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v')
      return i;
  }
  return -1;
}

/** The inline tokens of one line, covering it character for character. */
export function inlineTokens(line: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  const nextBacktick = forwardFinder((from) => line.indexOf('`', from));
  const nextStars = forwardFinder((from) => line.indexOf('**', from));
  const nextCloseBracket = forwardFinder((from) => line.indexOf(']', from));
  const nextUrlStop = forwardFinder((from) => nextUrlEnd(line, from));
  let textStart = 0;
  const emit = (token: InlineToken, start: number, end: number): void => {
    if (start > textStart) tokens.push({ kind: 'text', text: line.slice(textStart, start) });
    tokens.push(token);
    textStart = end;
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '`') {
      const close = nextBacktick(i + 1);
      if (close > i + 1) {
        emit({ kind: 'code', text: line.slice(i + 1, close) }, i, close + 1);
        i = close + 1;
        continue;
      }
    } else if (ch === '*' && line[i + 1] === '*') {
      // `**x**` needs at least one character inside, as `\*\*(.+?)\*\*` did.
      const close = nextStars(i + 3);
      if (close !== -1) {
        emit({ kind: 'strong', text: line.slice(i + 2, close) }, i, close + 2);
        i = close + 2;
        continue;
      }
    } else if (ch === '[') {
      const close = nextCloseBracket(i + 1);
      if (close !== -1 && line[close + 1] === '(') {
        const urlEnd = nextUrlStop(close + 2);
        if (urlEnd > close + 2 && line[urlEnd] === ')') {
          const token: InlineToken = {
            kind: 'link',
            text: line.slice(i + 1, close),
            href: line.slice(close + 2, urlEnd),
          };
          emit(token, i, urlEnd + 1);
          i = urlEnd + 1;
          continue;
        }
      }
    }
    i += 1;
  }
  if (textStart < line.length) tokens.push({ kind: 'text', text: line.slice(textStart) });
  return tokens;
}

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/**
 * Whether a link target may be written into Jira: only web and mail links. `javascript:` and `data:` run or
 * smuggle content when clicked (issue 12, item 10); anything else stays visible as text instead.
 */
export function isSafeLinkTarget(href: string): boolean {
  return SAFE_LINK.test(href.trim());
}
