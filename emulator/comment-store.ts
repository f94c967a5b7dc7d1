/**
 * The emulator's issue comments. Kept apart from the changelog, as in Jira: adding a comment writes
 * no history item (`GET /issue/{key}/changelog` does not list it) and is read through the comment
 * resource only.
 */
import type { Actor } from './issue-store';

export interface EmulatedComment {
  id: string;
  issueId: string;
  author: Actor;
  /** The ADF document as posted. */
  body: Record<string, unknown>;
  /** Jira's timestamp format (`jiraTimestamp`). */
  created: string;
  updated: string;
}

export interface CommentStore {
  add(comment: Omit<EmulatedComment, 'id'>): EmulatedComment;
  /** The issue's comments, oldest first. */
  of(issueId: string): EmulatedComment[];
  clear(): void;
}

export function createCommentStore(): CommentStore {
  const byIssue = new Map<string, EmulatedComment[]>();
  let nextId = 10000;
  return {
    add(input) {
      const comment: EmulatedComment = { ...input, id: String(nextId++) };
      const list = byIssue.get(input.issueId) ?? [];
      list.push(comment);
      byIssue.set(input.issueId, list);
      return comment;
    },
    of: (issueId) => [...(byIssue.get(issueId) ?? [])],
    clear() {
      byIssue.clear();
      nextId = 10000;
    },
  };
}
