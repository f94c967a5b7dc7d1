export {
  daysOverdue,
  endOfDueDay,
  isOnOrBeforeDueDay,
  isOverdue,
  itemDaysOverdue,
  type DueItem,
} from './due-day';
export {
  completedAt,
  isDoneInTime,
  statusCategoryKey,
  type CompletionEvidence,
  type StatusCategoryKey,
} from './done-in-time';
export { followThroughCounts, type FollowThroughCounts, type SeenChild } from './follow-through-counts';
export {
  escalationComment,
  escalationTag,
  isDueForEscalation,
  latestEscalatedDueDate,
  type EscalationCommentInput,
  type EscalationPerson,
} from './escalation';
