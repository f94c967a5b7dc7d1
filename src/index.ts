// Every handler named in manifest.yml (`handler: index.<name>`), grouped by module kind.

// Resolvers of the UI modules
export {
  issuePanelResolver,
  issueContextResolver,
  globalPageResolver,
  adminSettingsResolver,
  dashboardGadgetResolver,
} from './forge/entrypoints';

// Product trigger: avi:jira:updated:issue
export { issueUpdatedTrigger } from './forge/entrypoints';

// Async-events consumer and scheduled trigger
export { postmortemJobsConsumer, dailyMaintenance } from './forge/entrypoints';
