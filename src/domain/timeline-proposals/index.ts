export { adfFirstLine } from './adf-first-line';
export {
  mergeProposals,
  normalizedEvent,
  proposeTimelineRows,
  PROPOSED_EVENT_LIMIT,
  type HistoryChange,
  type IncidentHistory,
  type ProposalSource,
  type TimelineProposal,
  type TimelineProposals,
} from './propose-timeline-rows';
