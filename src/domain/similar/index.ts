export { meaningfulWords, textSimilarity } from './text-similarity';
export {
  rankSeenBefore,
  searchWords,
  SEARCH_WORD_LIMIT,
  SEEN_BEFORE_LIMIT,
  SIMILAR_TEXT_THRESHOLD,
  type EarlierPostmortem,
  type IncidentProfile,
  type RankedPostmortem,
} from './rank-seen-before';
export { actionItemsStatus, type ActionItemIssue, type ActionItemsCount } from './action-items-status';
