/**
 * Jira's `~` text search, reduced to what users rely on: case-insensitive, every term must
 * occur (Jira ANDs the words of a text query), a term matches a word that starts with it
 * (Jira Cloud's search is prefix-tolerant), `*` and `?` are wildcards inside a word, and an
 * inner quoted phrase ("\"payment outage\"") must occur as consecutive words.
 * Stemming and fuzzy (`~`-suffix) search are not emulated.
 */
export function textSearchMatcher(query: string): (text: string) => boolean {
  const patterns: RegExp[] = [];
  const phraseOrWord = /"([^"]*)"|(\S+)/g;
  for (const match of query.matchAll(phraseOrWord)) {
    const words = tokenize(match[1] ?? match[2] ?? '');
    if (words.length === 0) continue;
    const body = words.map(wordPattern).join('[^\\p{L}\\p{N}]+');
    patterns.push(new RegExp(`(?:^|[^\\p{L}\\p{N}])${body}`, 'iu'));
  }
  if (patterns.length === 0) return () => false;
  return (text) => patterns.every((pattern) => pattern.test(text));
}

function tokenize(text: string): string[] {
  // A word made only of wildcards would match everything; Jira refuses it, the emulator ignores it.
  return (text.match(/[\p{L}\p{N}*?]+/gu) ?? []).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

function wordPattern(word: string): string {
  return word
    .split('')
    .map((ch) =>
      ch === '*'
        ? '[\\p{L}\\p{N}]*'
        : ch === '?'
          ? '[\\p{L}\\p{N}]'
          : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
}
