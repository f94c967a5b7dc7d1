import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import type { LocalDraftStore } from './local-draft-store';
import { retryDelay } from './retry-delay';
import type { SaveStatus } from './save-status';

export type SaveOutcome =
  | { kind: 'saved'; revision: number }
  | { kind: 'conflict' }
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; message: string };

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaverOptions {
  /** Sends the document (with the revision it was loaded at) and reports how it went. */
  save: (document: PostmortemDocument) => Promise<SaveOutcome>;
  backup: LocalDraftStore;
  onStatus: (status: SaveStatus, detail?: string) => void;
  /** Called after every successful save with the server's new revision. */
  onSaved?: (revision: number) => void;
  revision: number;
  debounceMs?: number;
  timers?: Timers;
  now?: () => Date;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Debounced autosave with a local backup and retries, independent of React so it can be tested
 * with fake timers. Every change is written to the backup first; a save failure keeps the backup
 * and retries with backoff; a conflict stops saving until the user decides (never overwrite).
 */
export function createAutosaver(options: AutosaverOptions) {
  const debounceMs = options.debounceMs ?? 1500;
  const timers = options.timers ?? browserTimers;
  const now = options.now ?? (() => new Date());
  let revision = options.revision;
  let latest: PostmortemDocument | null = null;
  /** Bumped on every change: a save answer for an older edit must not mark newer edits as saved. */
  let editCount = 0;
  let inFlight = false;
  let attempt = 0;
  let timer: unknown = null;
  let stopped = false;
  let conflicted = false;

  const clearTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  const schedule = (ms: number) => {
    clearTimer();
    timer = timers.setTimeout(() => {
      timer = null;
      void flush();
    }, ms);
  };

  const flush = async (): Promise<void> => {
    if (stopped || conflicted || latest === null) return;
    if (inFlight) return; // The in-flight save's completion re-schedules if edits arrived meanwhile.
    clearTimer();
    inFlight = true;
    const sentEdit = editCount;
    options.onStatus('saving');
    let outcome: SaveOutcome;
    try {
      outcome = await options.save({ ...latest, revision });
    } catch (error) {
      outcome = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    inFlight = false;
    if (stopped) return;
    switch (outcome.kind) {
      case 'saved': {
        revision = outcome.revision;
        attempt = 0;
        options.onSaved?.(revision);
        if (editCount === sentEdit) {
          options.backup.clear();
          options.onStatus('saved');
        } else {
          // Edits typed while saving: keep them backed up against the new revision and save again.
          if (latest) options.backup.write(latest, revision, now());
          options.onStatus('dirty');
          schedule(debounceMs);
        }
        return;
      }
      case 'conflict':
        conflicted = true;
        options.onStatus('conflict');
        return;
      case 'invalid':
        // Retrying the same content cannot help; the next edit schedules a new save.
        options.onStatus('invalid', outcome.message);
        return;
      case 'failed':
        options.onStatus('retrying', outcome.message);
        schedule(retryDelay(attempt));
        attempt += 1;
        return;
    }
  };

  return {
    /** Records an edit: back it up now, save once typing pauses. */
    change(document: PostmortemDocument): void {
      if (stopped) return;
      latest = document;
      editCount += 1;
      options.backup.write(document, revision, now());
      if (conflicted) return;
      options.onStatus('dirty');
      if (!inFlight) schedule(debounceMs);
    },
    /** The explicit Save button: skip the debounce. */
    saveNow(): Promise<void> {
      attempt = 0;
      return flush();
    },
    /** After "Load their version" or a reload: start over from the server's document. */
    reset(newRevision: number): void {
      clearTimer();
      revision = newRevision;
      latest = null;
      conflicted = false;
      attempt = 0;
      options.onStatus('saved');
    },
    revision: (): number => revision,
    hasPendingChanges: (): boolean => latest !== null && (timer !== null || inFlight || conflicted),
    stop(): void {
      stopped = true;
      clearTimer();
    },
  };
}

export type Autosaver = ReturnType<typeof createAutosaver>;
