import { z } from 'zod';
import type { IssuePanelApi } from '../../contract/issue-panel-api';
import { parsePayload } from '../../contract/parse-payload';
import { postmortemDocumentSchema } from '../../domain/postmortem';
import { searchUsers } from '../../jira/users';
import { loadSettings } from '../../storage/settings-store';
import {
  exportToDescription,
  finalizeFromPanel,
  importDescription,
  importMarkdown,
  reopenPostmortem,
  saveDraft,
} from '../../usecases/issue-panel/panel-actions';
import { requireBrowsePermission } from '../../usecases/issue-panel/issue-permissions';
import { checkDraft, loadAutomation, loadPanel } from '../../usecases/issue-panel/panel-view';
import { renderMarkdown } from '../../domain/postmortem';
import type { ResolverImplementation } from './resolver-handlers';

const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'an issue key such as INC-42');
const withIssue = z.object({ issueKey });
const withDocument = z.object({ issueKey, document: postmortemDocumentSchema });
// Pasted postmortems are documents, not archives: 1 MB of Markdown is far beyond any real one.
const markdown = z.string().max(1_000_000, 'at most 1,000,000 characters');

export const issuePanelResolver: ResolverImplementation<IssuePanelApi> = {
  getPanel: (payload, services) => loadPanel(services, parsePayload(withIssue, payload).issueKey),
  checkDraft: async (payload, services) => {
    const { issueKey: key, document } = parsePayload(withDocument, payload);
    await requireBrowsePermission(services, key);
    return checkDraft(document, await loadSettings(services.kv, services.logger), services.clock.now());
  },
  saveDraft: (payload, services) => {
    const { issueKey: key, document } = parsePayload(withDocument, payload);
    return saveDraft(services, key, document);
  },
  finalize: (payload, services) => {
    const { issueKey: key, document } = parsePayload(withDocument, payload);
    return finalizeFromPanel(services, key, document);
  },
  reopen: (payload, services) => reopenPostmortem(services, parsePayload(withIssue, payload).issueKey),
  getAutomation: (payload, services) => loadAutomation(services, parsePayload(withIssue, payload).issueKey),
  importMarkdown: (payload, services) => {
    const parsed = parsePayload(z.object({ issueKey, markdown }), payload);
    return importMarkdown(services, parsed.issueKey, parsed.markdown);
  },
  importDescription: (payload, services) =>
    importDescription(services, parsePayload(withIssue, payload).issueKey),
  exportToDescription: (payload, services) => {
    const { issueKey: key, document } = parsePayload(withDocument, payload);
    return exportToDescription(services, key, document);
  },
  exportMarkdown: async (payload) => ({
    markdown: renderMarkdown(
      parsePayload(z.object({ document: postmortemDocumentSchema }), payload).document,
    ),
  }),
  searchUsers: async (payload, services) => {
    const { query } = parsePayload(z.object({ query: z.string().trim().min(1).max(100) }), payload);
    const users = await searchUsers(services.jiraAsUser, { query, maxResults: 10 });
    return users
      .filter((user) => user.active)
      .map(({ accountId, displayName }) => ({ accountId, displayName }));
  },
};
