import { searchJqlAll } from '../src/jira/search-jql';
import type { PreviewApp } from './preview-app';

/** The demo's copy of the reference document's INC-2025-034 payment outage: a full postmortem to show. */
export async function referenceIncidentKey(app: PreviewApp): Promise<string> {
  const incidents = await searchJqlAll(app.emulator.appJiraPort(), {
    jql: 'summary ~ "Payment Service Outage" ORDER BY created DESC',
    fields: ['summary'],
  });
  const match = incidents.find(
    (issue) => (issue.fields as { summary?: string }).summary === 'Payment Service Outage',
  );
  if (!match)
    throw new Error('The demo has no "Payment Service Outage" incident (preview/payment-outage.md).');
  return match.key;
}
