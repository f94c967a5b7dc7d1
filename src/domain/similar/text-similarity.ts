// "Have we seen this before?" — issue 15's Seen before, and the reference's repeat incident rate:
// two incidents are alike when their summaries and root causes share the words that carry meaning.

// Words too common in incident writing to say two incidents are alike.
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have in into is it its of on or that the their ' +
    'then there these this to was were which while with after before during due not no all any our we ' +
    'incident outage issue error errors failed failure service services caused cause root users user'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Trailing plural `s` dropped (as the emulator's text search does), so `timeouts` meets `timeout`. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The words of a text that carry meaning, lower case, stemmed, each once, in order of appearance. */
export function meaningfulWords(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.toLowerCase().match(WORD) ?? []) {
    const word = stem(raw);
    if (word.length < 3 || STOP_WORDS.has(raw) || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    seen.add(word);
  }
  return [...seen];
}

/** Dice's coefficient over meaningful words: 1 for the same words, 0 for none shared. */
export function textSimilarity(a: string, b: string): number {
  const left = new Set(meaningfulWords(a));
  const right = new Set(meaningfulWords(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}
