import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';

/** The subset of Web Storage the backup needs, so tests pass an in-memory map. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LocalDraft {
  document: PostmortemDocument;
  /** Revision the draft was edited from: tells whether the server moved on since. */
  baseRevision: number;
  savedAt: string;
}

export const localDraftKey = (issueKey: string): string => `postmortem-draft:${issueKey}`;

function isLocalDraft(value: unknown): value is LocalDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  const document = draft['document'] as Record<string, unknown> | undefined;
  return (
    typeof draft['baseRevision'] === 'number' &&
    typeof draft['savedAt'] === 'string' &&
    typeof document === 'object' &&
    document !== null &&
    typeof document['header'] === 'object' &&
    Array.isArray(document['actionItems'])
  );
}

/**
 * A per-issue backup of unsaved edits in localStorage: what was typed survives a failed save, a
 * conflict or a closed tab. Storage errors (quota, private mode) are swallowed: the backup is a
 * safety net, never a reason to break editing.
 */
export function createLocalDraftStore(storage: DraftStorage | null, issueKey: string) {
  const key = localDraftKey(issueKey);
  return {
    read(): LocalDraft | null {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return null;
        const parsed: unknown = JSON.parse(raw);
        return isLocalDraft(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    write(document: PostmortemDocument, baseRevision: number, now: Date): void {
      try {
        const draft: LocalDraft = { document, baseRevision, savedAt: now.toISOString() };
        storage?.setItem(key, JSON.stringify(draft));
      } catch {
        // Quota or disabled storage: keep editing, the server save is still attempted.
      }
    },
    clear(): void {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to clean up if storage is unavailable.
      }
    },
  };
}

export type LocalDraftStore = ReturnType<typeof createLocalDraftStore>;

/** The browser's localStorage, or null where access throws (sandboxed iframe, privacy settings). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** A local draft is worth offering only if it differs from what the server answered. */
export function shouldOfferRestore(
  local: LocalDraft | null,
  server: PostmortemDocument,
): local is LocalDraft {
  if (!local) return false;
  const { revision: _l, ...localBody } = local.document;
  const { revision: _s, ...serverBody } = server;
  return JSON.stringify(localBody) !== JSON.stringify(serverBody);
}
