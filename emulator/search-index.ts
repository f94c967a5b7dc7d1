/**
 * Jira Cloud's search index, which is eventually consistent: `search/jql` and
 * `search/approximate-count` run on JSIS, where a write shows "from seconds to minutes" later
 * (https://community.developer.atlassian.com/t/rfc-61-evolving-search-capabilities-addressing-scalability-with-a-new-enhanced-search-api/83027),
 * and only up to 50 issues can be read back consistently through `reconcileIssues`
 * (https://jira.atlassian.com/browse/JRACLOUD-96208). Reads by key or id stay strongly consistent.
 *
 * Lag is measured on the emulator's clock, so a test with a fake clock pays no wall time for it:
 * a write made at `t` is searchable once the clock reads `t + lag`. What search returns for a
 * lagging issue is its indexed copy (stale fields and properties), the stricter reading of Atlassian's
 * "may not reflect the latest changes".
 */
import type { EmulatedIssue } from './emulator-types';
import { seededRandom } from './seeded-random';

/** A fixed delay in ms, or a delay drawn per write from `[minMs, maxMs]` by a seeded generator. */
export type IndexLag = number | { minMs: number; maxMs: number; seed: number };

/** What tests (and the preview's admin routes) use to steer the index. */
export interface SearchIndexControl {
  /** Applies to writes from now on; writes already waiting keep the delay they were given. */
  setLag(lag: IndexLag): void;
  /** Makes every waiting write searchable now, as if the index caught up. */
  flush(): void;
  /** Nothing more becomes searchable (writes keep queueing) until `unfreeze` or `flush`. */
  freeze(): void;
  unfreeze(): void;
  /** Writes not yet searchable. */
  pending(): number;
}

export interface SearchIndex extends SearchIndexControl {
  /** A write happened: this state of the issue becomes searchable after the lag. */
  written(issue: EmulatedIssue): void;
  /** Seeded data is history: searchable at once. `replacedId` is the id a re-seeded key had. */
  seeded(issue: EmulatedIssue, replacedId?: string): void;
  /** The issues as search sees them at the emulator's current time. */
  searchable(): EmulatedIssue[];
  /** Changes whenever `searchable()` would answer differently, so results can be cached. */
  version(): number;
  /** Counts every write, searchable yet or not (reconciled searches read them at once). */
  writes(): number;
  clear(): void;
}

interface PendingWrite {
  id: string;
  sequence: number;
  visibleAt: number;
  copy: EmulatedIssue;
}

function delayOf(lag: IndexLag): () => number {
  if (typeof lag === 'number') {
    if (!(lag >= 0)) throw new Error(`index lag must be a non-negative number of ms, got ${lag}`);
    return () => lag;
  }
  if (!(lag.minMs >= 0 && lag.maxMs >= lag.minMs))
    throw new Error(`index lag range must satisfy 0 <= minMs <= maxMs, got ${lag.minMs}..${lag.maxMs}`);
  const random = seededRandom(lag.seed);
  return () => lag.minMs + Math.floor(random() * (lag.maxMs - lag.minMs + 1));
}

/** The indexed copy: the issue's state at the write, detached from later in-place edits. */
function snapshot(issue: EmulatedIssue): EmulatedIssue {
  return {
    id: issue.id,
    key: issue.key,
    fields: structuredClone(issue.fields),
    properties: structuredClone(issue.properties),
    histories: [...issue.histories],
  };
}

export function createSearchIndex(options: { now: () => Date; lag: IndexLag }): SearchIndex {
  const indexed = new Map<string, EmulatedIssue>();
  // Per issue, the sequence number of the write it shows: a write indexed out of order (random lag)
  // never replaces a newer one.
  const shownSequence = new Map<string, number>();
  let waiting: PendingWrite[] = [];
  let delay = delayOf(options.lag);
  let frozen = false;
  let sequence = 0;
  let version = 0;
  let listed: EmulatedIssue[] | undefined;

  const show = (write: Omit<PendingWrite, 'visibleAt'>): void => {
    if ((shownSequence.get(write.id) ?? -1) > write.sequence) return;
    indexed.set(write.id, write.copy);
    shownSequence.set(write.id, write.sequence);
    version += 1;
    listed = undefined;
  };

  const catchUp = (everything: boolean): void => {
    if (waiting.length === 0) return;
    const now = options.now().getTime();
    const due = everything ? waiting : waiting.filter((write) => write.visibleAt <= now);
    if (due.length === 0) return;
    waiting = everything ? [] : waiting.filter((write) => write.visibleAt > now);
    for (const write of due) show(write);
  };

  return {
    written(issue) {
      sequence += 1;
      const write = { id: issue.id, sequence, copy: snapshot(issue) };
      const lagMs = delay();
      if (lagMs === 0 && !frozen) show(write);
      else waiting.push({ ...write, visibleAt: options.now().getTime() + lagMs });
    },
    seeded(issue, replacedId) {
      if (replacedId !== undefined && replacedId !== issue.id) {
        indexed.delete(replacedId);
        waiting = waiting.filter((write) => write.id !== replacedId);
      }
      sequence += 1;
      show({ id: issue.id, sequence, copy: snapshot(issue) });
    },
    searchable() {
      if (!frozen) catchUp(false);
      listed ??= [...indexed.values()];
      return listed;
    },
    version() {
      if (!frozen) catchUp(false);
      return version;
    },
    writes: () => sequence,
    clear() {
      indexed.clear();
      shownSequence.clear();
      waiting = [];
      version += 1;
      listed = undefined;
    },
    setLag(lag) {
      delay = delayOf(lag);
    },
    flush() {
      frozen = false;
      catchUp(true);
    },
    freeze() {
      frozen = true;
    },
    unfreeze() {
      frozen = false;
    },
    pending: () => waiting.length,
  };
}
