export {
  isPostmortemRequired,
  type IncidentFacts,
  type TriggerOptions,
  type TriggerDecision,
} from './is-postmortem-required';
export { meetingDueAt, type MeetingDeadlineOptions } from './meeting-due-at';
export { documentDueAt, isBusinessDay, type DocumentDeadlineOptions } from './document-due-at';
export {
  deadlineStatus,
  type DeadlineState,
  type DeadlineStatus,
  type DeadlineStatusOptions,
} from './deadline-status';
export {
  firstBusinessDayOfMonth,
  isFirstBusinessDayOfMonth,
  localDayKey,
  monthlyReportDue,
  type BusinessCalendar,
} from './first-business-day';
