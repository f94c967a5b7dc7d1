import { isAppError } from '../src/contract/errors';
import type { AppJob, QueuePort } from '../src/ports';

export interface InProcessQueue extends QueuePort {
  /** Resolves when every pushed job (and its platform-style retries) has finished. */
  drain(): Promise<void>;
  readonly failures: Array<{ job: AppJob; error: string }>;
}

/**
 * Forge's async events, in process: each job runs after the push returns; a job that throws a
 * RateLimited/Unavailable error is redelivered after its `retryAfterMs` (scaled, so tests stay fast),
 * as `InvocationError` makes the platform do; after `maxRetries` it is recorded as failed.
 */
export function inProcessQueue(
  consume: (job: AppJob) => Promise<void>,
  options: { retryDelayScale?: number; maxRetries?: number } = {},
): InProcessQueue {
  const pending = new Set<Promise<void>>();
  const failures: InProcessQueue['failures'] = [];
  const scale = options.retryDelayScale ?? 1;
  const maxRetries = options.maxRetries ?? 4;

  const run = async (job: AppJob, retry: number): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await consume(job);
    } catch (error) {
      if (
        isAppError(error) &&
        (error.kind === 'RateLimited' || error.kind === 'Unavailable') &&
        retry < maxRetries
      ) {
        await new Promise((resolve) => setTimeout(resolve, (error.retryAfterMs ?? 1000) * scale));
        return run(job, retry + 1);
      }
      failures.push({ job, error: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    failures,
    async push(job) {
      const work = run(job, 0).finally(() => pending.delete(work));
      pending.add(work);
    },
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
