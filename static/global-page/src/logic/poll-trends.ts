import type { AppErrorShape, Result } from '../../../../src/contract/errors';
import type { TrendsAnswer, TrendsProgress, TrendsView } from '../../../../src/contract/global-page-api';

export type TrendsState =
  | { kind: 'loading' }
  | { kind: 'computing'; startedAt: string; polls: number; progress: TrendsProgress | null }
  | { kind: 'ready'; trends: TrendsView }
  | { kind: 'error'; error: AppErrorShape };

export interface PollDeps {
  fetch: () => Promise<Result<TrendsAnswer>>;
  onState: (state: TrendsState) => void;
  /** setTimeout in the browser; a fake clock in tests. Returns a cancel function. */
  schedule: (run: () => void, ms: number) => () => void;
  intervalMs: number;
}

/**
 * Loads the report and, while the backend answers `computing`, asks again every `intervalMs`.
 * Returns a stop function; after stop no state is reported, so a month switched mid-poll cannot
 * overwrite the newer month's report with a late answer.
 */
export function pollTrends(deps: PollDeps): () => void {
  let stopped = false;
  let cancelTimer: (() => void) | undefined;
  let polls = 0;
  const load = async (): Promise<void> => {
    const result = await deps.fetch();
    if (stopped) return;
    if (!result.ok) return deps.onState({ kind: 'error', error: result.error });
    const answer = result.data;
    if (answer.state === 'ready') return deps.onState({ kind: 'ready', trends: answer.trends });
    polls += 1;
    deps.onState({
      kind: 'computing',
      startedAt: answer.startedAt,
      polls,
      progress: answer.progress ?? null,
    });
    cancelTimer = deps.schedule(() => void load(), deps.intervalMs);
  };
  deps.onState({ kind: 'loading' });
  void load();
  return () => {
    stopped = true;
    cancelTimer?.();
  };
}
