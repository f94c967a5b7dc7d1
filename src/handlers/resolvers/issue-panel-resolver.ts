import { issuePanelContract } from '../../contract/issue-panel-api';
import { renderMarkdown } from '../../domain/postmortem';
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
import { findSeenBefore } from '../../usecases/issue-panel/find-seen-before';
import { proposeTimeline } from '../../usecases/issue-panel/propose-timeline';
import { checkDraft, loadAutomation, loadPanel } from '../../usecases/issue-panel/panel-view';
import { loadActionItemStatus } from '../../usecases/follow-through/load-action-item-status';
import {
  decideReview,
  loadReviewView,
  requestReview,
  withStoredReview,
} from '../../usecases/review/review-actions';
import { defineResolver, requireViewedIssue } from './resolver-handlers';

export const issuePanelResolver = defineResolver(issuePanelContract, {
  getPanel: ({ issueKey }, services) => loadPanel(services, issueKey),
  // The approvals blocker counts the stored review, never one the payload carries.
  checkDraft: async ({ issueKey, document }, services) =>
    checkDraft(
      await withStoredReview(services, issueKey, document),
      await loadSettings(services.kv, services.logger),
      services.clock.now(),
    ),
  saveDraft: ({ issueKey, document }, services) => saveDraft(services, issueKey, document),
  finalize: ({ issueKey, document }, services) => finalizeFromPanel(services, issueKey, document),
  reopen: ({ issueKey }, services) => reopenPostmortem(services, issueKey),
  getAutomation: ({ issueKey }, services) => loadAutomation(services, issueKey),
  importMarkdown: ({ issueKey, markdown }, services) => importMarkdown(services, issueKey, markdown),
  importDescription: ({ issueKey }, services) => importDescription(services, issueKey),
  exportToDescription: ({ issueKey, document }, services) =>
    exportToDescription(services, issueKey, document),
  exportMarkdown: async ({ document, issueKey }, services, context) => {
    if (issueKey === undefined) return { markdown: renderMarkdown(document) };
    await requireViewedIssue(issueKey, services, context, 'browse');
    return { markdown: renderMarkdown(await withStoredReview(services, issueKey, document)) };
  },
  searchUsers: async ({ query }, services) => {
    const users = await searchUsers(services.jiraAsUser, { query, maxResults: 10 });
    return users
      .filter((user) => user.active)
      .map(({ accountId, displayName }) => ({ accountId, displayName }));
  },
  proposeTimeline: (payload, services) => proposeTimeline(services, payload),
  findSeenBefore: (payload, services) => findSeenBefore(services, payload),
  getActionItemStatus: ({ issueKey }, services) => loadActionItemStatus(services, issueKey),
  getReview: ({ issueKey }, services) => loadReviewView(services, issueKey),
  requestReview: ({ issueKey, ...request }, services) => requestReview(services, issueKey, request),
  decideReview: ({ issueKey, ...decision }, services) => decideReview(services, issueKey, decision),
});
