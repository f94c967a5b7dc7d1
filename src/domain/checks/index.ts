export type { Finding, FindingCode } from './finding';
export { findBlameLanguage, type BlameFinding } from './find-blame-language';
export { finalizationBlockers, actionItemsHaveOwnerAndDueDate } from './finalization-blockers';
export {
  checkCompleteness,
  requiredSectionsPresent,
  dueDatesNotPassed,
  timelineInOrder,
  type CompletenessOptions,
} from './check-completeness';
