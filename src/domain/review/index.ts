export * from './review-record';
export * from './review-state';
export { renderReviewHistory, readReviewHistory, REVIEW_HISTORY_HEADING } from './review-history-markdown';
export { reviewRequestComment } from './review-request-comment';
