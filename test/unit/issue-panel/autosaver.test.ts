import { createAutosaver, type SaveOutcome } from '../../../static/issue-panel/src/logic/create-autosaver';
import { createDebouncer } from '../../../static/issue-panel/src/logic/create-debouncer';
import {
  createLocalDraftStore,
  type DraftStorage,
} from '../../../static/issue-panel/src/logic/local-draft-store';
import { retryDelay } from '../../../static/issue-panel/src/logic/retry-delay';
import type { SaveStatus } from '../../../static/issue-panel/src/logic/save-status';
import type { PostmortemDocument } from '../../../src/contract/issue-panel-api';
import { blankDocument } from './panel-fixtures';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function setup(outcomes: Array<SaveOutcome | Promise<SaveOutcome>>) {
  const storage = memoryStorage();
  const backup = createLocalDraftStore(storage, 'INC-1');
  const statuses: SaveStatus[] = [];
  const sent: PostmortemDocument[] = [];
  const saver = createAutosaver({
    backup,
    revision: 3,
    onStatus: (status) => statuses.push(status),
    save: async (document) => {
      sent.push(document);
      return outcomes.shift() ?? { kind: 'saved', revision: document.revision + 1 };
    },
    now: () => new Date('2026-11-26T10:00:00Z'),
  });
  return { storage, backup, statuses, sent, saver };
}

const edited = (notes: string) => blankDocument({ otherNotes: notes });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('createAutosaver', () => {
  it('saves once, 1.5 s after the last change, with the loaded revision, then clears the backup', async () => {
    const { saver, sent, statuses, backup } = setup([]);
    saver.change(edited('a'));
    await jest.advanceTimersByTimeAsync(1000);
    saver.change(edited('ab'));
    expect(backup.read()?.document.otherNotes).toBe('ab');
    await jest.advanceTimersByTimeAsync(1499);
    expect(sent).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.otherNotes).toBe('ab');
    expect(sent[0]?.revision).toBe(3);
    expect(statuses).toEqual(['dirty', 'dirty', 'saving', 'saved']);
    expect(saver.revision()).toBe(4);
    expect(backup.read()).toBeNull();
  });

  it('sends the revision from each save answer on the next save', async () => {
    const { saver, sent } = setup([{ kind: 'saved', revision: 10 }]);
    saver.change(edited('a'));
    await saver.saveNow();
    saver.change(edited('b'));
    await saver.saveNow();
    expect(sent.map((doc) => doc.revision)).toEqual([3, 10]);
  });

  it('keeps the backup and retries with backoff when saving fails', async () => {
    const { saver, sent, statuses, backup } = setup([
      { kind: 'failed', message: 'offline' },
      { kind: 'failed', message: 'offline' },
    ]);
    saver.change(edited('keep me'));
    await jest.advanceTimersByTimeAsync(1500);
    expect(statuses.at(-1)).toBe('retrying');
    expect(backup.read()?.document.otherNotes).toBe('keep me');
    await jest.advanceTimersByTimeAsync(retryDelay(0));
    expect(sent).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(retryDelay(1) - 1);
    expect(sent).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(3);
    expect(statuses.at(-1)).toBe('saved');
    expect(backup.read()).toBeNull();
  });

  it('stops on a conflict, keeps the local copy, and resumes after reset', async () => {
    const { saver, sent, statuses, backup } = setup([{ kind: 'conflict' }]);
    saver.change(edited('mine'));
    await saver.saveNow();
    expect(statuses.at(-1)).toBe('conflict');
    saver.change(edited('mine, more'));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    expect(backup.read()?.document.otherNotes).toBe('mine, more');
    saver.reset(7);
    saver.change(edited('after reload'));
    await saver.saveNow();
    expect(sent[1]?.revision).toBe(7);
  });

  it('does not mark edits typed during a save as saved, and saves them next', async () => {
    let release: (outcome: SaveOutcome) => void = () => undefined;
    const slow = new Promise<SaveOutcome>((resolve) => (release = resolve));
    const { saver, sent, statuses } = setup([slow]);
    saver.change(edited('one'));
    const first = saver.saveNow();
    saver.change(edited('two'));
    release({ kind: 'saved', revision: 4 });
    await first;
    expect(statuses.at(-1)).toBe('dirty');
    await jest.advanceTimersByTimeAsync(1500);
    expect(sent.map((doc) => [doc.otherNotes, doc.revision])).toEqual([
      ['one', 3],
      ['two', 4],
    ]);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('does not retry invalid input until the next edit', async () => {
    const { saver, sent, statuses } = setup([{ kind: 'invalid', message: 'bad date' }]);
    saver.change(edited('x'));
    await saver.saveNow();
    expect(statuses.at(-1)).toBe('invalid');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it('treats a thrown save as a failure and never saves after stop', async () => {
    const storage = memoryStorage();
    const statuses: SaveStatus[] = [];
    let calls = 0;
    const saver = createAutosaver({
      backup: createLocalDraftStore(storage, 'INC-2'),
      revision: 0,
      onStatus: (status) => statuses.push(status),
      save: () => {
        calls += 1;
        return Promise.reject(new Error('boom'));
      },
    });
    saver.change(edited('x'));
    await saver.saveNow();
    expect(statuses.at(-1)).toBe('retrying');
    saver.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
  });
});

describe('createDebouncer', () => {
  it('runs with the last value after the pause', () => {
    const seen: string[] = [];
    const debouncer = createDebouncer<string>((value) => seen.push(value), 600);
    debouncer.push('a');
    jest.advanceTimersByTime(300);
    debouncer.push('b');
    jest.advanceTimersByTime(599);
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(seen).toEqual(['b']);
    debouncer.push('c');
    debouncer.cancel();
    jest.advanceTimersByTime(1000);
    expect(seen).toEqual(['b']);
  });
});

describe('retryDelay', () => {
  it('doubles from 2 s and caps at 30 s', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => retryDelay(n))).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
