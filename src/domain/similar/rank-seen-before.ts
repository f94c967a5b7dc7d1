import { meaningfulWords, textSimilarity } from './text-similarity';

export interface IncidentProfile {
  key: string;
  category: string | null;
  components: readonly string[];
  /** Summary and root cause, as one text. */
  text: string;
}

export interface EarlierPostmortem extends IncidentProfile {
  finalizedAt: string | null;
}

export interface RankedPostmortem<T extends EarlierPostmortem> {
  postmortem: T;
  score: number;
  reasons: string[];
}

/** Issue 15: "up to 5 related FINAL postmortems". */
export const SEEN_BEFORE_LIMIT = 5;
// Below this, two texts share a word or two by chance; above it they tell a similar story.
export const SIMILAR_TEXT_THRESHOLD = 0.15;

const same = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The earlier postmortems most like this incident, best first: same category or a shared component,
 * and a summary or root cause that tells a similar story. Ties go to the more recently finalized.
 */
export function rankSeenBefore<T extends EarlierPostmortem>(
  current: IncidentProfile,
  candidates: readonly T[],
  limit = SEEN_BEFORE_LIMIT,
): Array<RankedPostmortem<T>> {
  const components = new Set(current.components.map((name) => name.trim().toLowerCase()));
  const ranked: Array<RankedPostmortem<T>> = [];
  for (const candidate of candidates) {
    if (candidate.key === current.key) continue;
    const sameCategory = same(current.category, candidate.category);
    const sharedComponent = candidate.components.some((name) => components.has(name.trim().toLowerCase()));
    const similarity = textSimilarity(current.text, candidate.text);
    if (!(sameCategory || sharedComponent) || similarity < SIMILAR_TEXT_THRESHOLD) continue;
    const reasons = [
      ...(sameCategory ? [`Same category (${candidate.category ?? ''})`] : []),
      ...(sharedComponent ? ['Same component'] : []),
      `Similar summary or root cause (${Math.round(similarity * 100)}% of the words)`,
    ];
    ranked.push({
      postmortem: candidate,
      score: similarity + (sameCategory ? 0.2 : 0) + (sharedComponent ? 0.1 : 0),
      reasons,
    });
  }
  return ranked
    .sort(
      (a, b) =>
        b.score - a.score || (b.postmortem.finalizedAt ?? '').localeCompare(a.postmortem.finalizedAt ?? ''),
    )
    .slice(0, limit);
}

// Jira's text search ANDs the words of one query; `OR` between them finds any. A few words are enough
// to gather candidates: the ranking above decides.
export const SEARCH_WORD_LIMIT = 8;

/** The words to search for (`text ~ "a OR b"`), the longest first: long words are the rarer ones. */
export function searchWords(text: string): string[] {
  return meaningfulWords(text)
    .sort((a, b) => b.length - a.length)
    .slice(0, SEARCH_WORD_LIMIT);
}
