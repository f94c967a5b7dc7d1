/**
 * Jira's `~` (text search) approximated: the query is split into terms and every term must occur
 * as a word of the document (Jira Cloud ANDs the terms; an upper-case OR separates alternatives),
 * case-insensitively. `*` and `?` are
 * wildcards, a quoted "exact phrase" must appear as consecutive words, and a trailing plural "s"
 * is ignored on both sides as a stand-in for Jira's English stemming.
 */
export type TextMatcher = (document: string) => boolean;

const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map(stem);
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

type Term = { kind: 'word'; pattern: RegExp | string } | { kind: 'phrase'; words: string[] };

function wildcardPattern(term: string): RegExp {
  const source = term
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

function parseTerms(query: string): Term[] {
  const terms: Term[] = [];
  const phrase = /"([^"]*)"/g;
  const rest = query.replace(phrase, (_match, inner: string) => {
    const phraseWords = words(inner);
    if (phraseWords.length > 0) terms.push({ kind: 'phrase', words: phraseWords });
    return ' ';
  });
  for (const raw of rest.toLowerCase().split(/[^\p{L}\p{N}*?'’.]+/u)) {
    // Lucene operators and stray punctuation are not terms.
    const term = raw.replace(/^[.'’]+|[.'’]+$/g, '');
    if (term === '' || term === 'and' || term === 'or' || /^[*?]+$/.test(term)) continue;
    terms.push(
      /[*?]/.test(term)
        ? { kind: 'word', pattern: wildcardPattern(term) }
        : { kind: 'word', pattern: stem(term) },
    );
  }
  return terms;
}

export function textMatcher(query: string): TextMatcher {
  // Lucene's upper-case OR separates alternatives; within one, all terms are required.
  const alternatives = query
    .split(/\s+OR\s+/)
    .map(parseTerms)
    .filter((terms) => terms.length > 0);
  return (document) => {
    if (alternatives.length === 0) return false;
    const docWords = words(document);
    return alternatives.some((terms) => terms.every((term) => termMatches(term, docWords)));
  };
}

function termMatches(term: Term, docWords: string[]): boolean {
  if (term.kind === 'phrase') return containsPhrase(docWords, term.words);
  const { pattern } = term;
  return typeof pattern === 'string'
    ? docWords.includes(pattern)
    : docWords.some((word) => pattern.test(word));
}

function containsPhrase(docWords: string[], phrase: string[]): boolean {
  outer: for (let start = 0; start + phrase.length <= docWords.length; start += 1) {
    for (let offset = 0; offset < phrase.length; offset += 1) {
      if (docWords[start + offset] !== phrase[offset]) continue outer;
    }
    return true;
  }
  return false;
}
