import { z } from 'zod';
import { historyPayloadSchema } from '../../contract/history-api';
import type { IssuePanelApi } from '../../contract/issue-panel-api';
import { actionItemStatusInput } from '../../contract/follow-through-api';
import { issueKeySchema } from '../../contract/issue-key';
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
import { loadActionItemStatus } from '../../usecases/follow-through/load-action-item-status';
import { requireBrowsePermission } from '../../usecases/issue-panel/issue-permissions';
import { findSeenBefore } from '../../usecases/issue-panel/find-seen-before';
import { proposeTimeline } from '../../usecases/issue-panel/propose-timeline';
import { checkDraft, loadAutomation, loadPanel } from '../../usecases/issue-panel/panel-view';
import { renderMarkdown } from '../../domain/postmortem';
import { parseIssuePayload, type ResolverImplementation } from './resolver-handlers';

const withIssue = z.object({ issueKey: issueKeySchema });
const withDocument = z.object({ issueKey: issueKeySchema, document: postmortemDocumentSchema });
// Pasted postmortems are documents, not archives: 1 MB of Markdown is far beyond any real one.
const markdown = z.string().max(1_000_000, 'at most 1,000,000 characters');

export const issuePanelResolver: ResolverImplementation<IssuePanelApi> = {
  getPanel: (payload, services, context) =>
    loadPanel(services, parseIssuePayload(withIssue, payload, context).issueKey),
  checkDraft: async (payload, services, context) => {
    const { issueKey: key, document } = parseIssuePayload(withDocument, payload, context);
    await requireBrowsePermission(services, key);
    return checkDraft(document, await loadSettings(services.kv, services.logger), services.clock.now());
  },
  saveDraft: (payload, services, context) => {
    const { issueKey: key, document } = parseIssuePayload(withDocument, payload, context);
    return saveDraft(services, key, document);
  },
  finalize: (payload, services, context) => {
    const { issueKey: key, document } = parseIssuePayload(withDocument, payload, context);
    return finalizeFromPanel(services, key, document);
  },
  reopen: (payload, services, context) =>
    reopenPostmortem(services, parseIssuePayload(withIssue, payload, context).issueKey),
  getAutomation: (payload, services, context) =>
    loadAutomation(services, parseIssuePayload(withIssue, payload, context).issueKey),
  importMarkdown: (payload, services, context) => {
    const parsed = parseIssuePayload(z.object({ issueKey: issueKeySchema, markdown }), payload, context);
    return importMarkdown(services, parsed.issueKey, parsed.markdown);
  },
  importDescription: (payload, services, context) =>
    importDescription(services, parseIssuePayload(withIssue, payload, context).issueKey),
  exportToDescription: (payload, services, context) => {
    const { issueKey: key, document } = parseIssuePayload(withDocument, payload, context);
    return exportToDescription(services, key, document);
  },
  exportMarkdown: async (payload) => ({
    markdown: renderMarkdown(
      parsePayload(z.object({ document: postmortemDocumentSchema }), payload).document,
    ),
  }),
  getActionItemStatus: (payload, services, context) =>
    loadActionItemStatus(services, parseIssuePayload(actionItemStatusInput, payload, context).issueKey),
  searchUsers: async (payload, services) => {
    const { query } = parsePayload(z.object({ query: z.string().trim().min(1).max(100) }), payload);
    const users = await searchUsers(services.jiraAsUser, { query, maxResults: 10 });
    return users
      .filter((user) => user.active)
      .map(({ accountId, displayName }) => ({ accountId, displayName }));
  },
  proposeTimeline: (payload, services, context) =>
    proposeTimeline(services, parseIssuePayload(historyPayloadSchema, payload, context)),
  findSeenBefore: (payload, services, context) =>
    findSeenBefore(services, parseIssuePayload(historyPayloadSchema, payload, context)),
};
