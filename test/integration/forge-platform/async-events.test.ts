// First: the platform's globals must be in place before @forge/events loads @forge/api.
import { platformApp } from './platform-fixture';
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { __getRuntime } from '@forge/api';
import { createAsyncEvents, MAX_RETRIES } from '../../../forge-platform/async-events';
import * as realApp from '../../../src/index';

/** The platform's async events around one consumer answer, with the delay of every delivery. */
async function deliveriesOf(answer: () => unknown) {
  const delaysMs: number[] = [];
  const events = createAsyncEvents({
    hasConsumer: () => true,
    delayScale: 1,
    defer: (work, delayMs) => {
      delaysMs.push(delayMs);
      return work();
    },
    consume: async () => answer(),
  });
  events.handle('/webhook/queue/publish/local', { queueName: 'q', jobId: 'job-1', payload: [{ body: {} }] });
  await events.drain();
  return { delaysMs, failed: events.failed };
}

describe('async events on the local Forge platform', () => {
  it('redelivers an event whose consumer keeps answering InvocationError the documented number of times, then records it as failed', async () => {
    const deliveries: unknown[] = [];
    const { platform } = await platformApp({
      app: {
        ...realApp,
        dailyMaintenance: () => new Queue({ key: 'postmortem-jobs' }).push({ body: { type: 'probe' } }),
        postmortemJobsConsumer: (event: { retryContext?: unknown }) => {
          deliveries.push(event.retryContext ?? null);
          return new InvocationError({
            retryAfter: 30,
            retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
          });
        },
      },
    });

    await platform.runScheduledTrigger('daily-postmortem-maintenance');
    await platform.drain();

    expect(MAX_RETRIES).toBe(4);
    expect(deliveries).toEqual([
      null,
      ...[1, 2, 3, 4].map((retryCount) => ({
        retryCount,
        retryReason: 'FUNCTION_RETRY_REQUEST',
        retryData: undefined,
      })),
    ]);
    expect(platform.failedEvents).toEqual([
      expect.objectContaining({ queueName: 'postmortem-jobs', body: { type: 'probe' }, attempts: 5 }),
    ]);
  });

  it('reports job progress for a push as @forge/events reads it', async () => {
    const { platform } = await platformApp({
      app: {
        ...realApp,
        dailyMaintenance: async () => {
          const queue = new Queue({ key: 'postmortem-jobs' });
          const { jobId } = await queue.push([{ body: { n: 1 } }, { body: { n: 2 }, delayInSeconds: 900 }]);
          return queue.getJob(jobId).getStats();
        },
        postmortemJobsConsumer: async () => undefined,
      },
    });

    // Both events wait (the second for 900 scaled seconds) while the pushing function still runs.
    await expect(platform.runScheduledTrigger('daily-postmortem-maintenance')).resolves.toEqual({
      success: 0,
      inProgress: 2,
      failed: 0,
    });
    await platform.drain();
    expect(platform.invocations.filter((run) => run.functionKey === 'jobs-consumer')).toHaveLength(2);
  });

  it('lowers a retryAfter over 900 seconds to 900, as the RetryOptions reference says', async () => {
    const { delaysMs } = await deliveriesOf(
      () =>
        new InvocationError({ retryAfter: 3_600, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }),
    );
    expect(delaysMs).toEqual([0, 900_000, 900_000, 900_000, 900_000]);
  });

  it('fails an event whose InvocationError carries more than 4 KB of retryData instead of redelivering it', async () => {
    const { delaysMs, failed } = await deliveriesOf(
      () =>
        new InvocationError({
          retryAfter: 1,
          retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
          retryData: { cursor: 'x'.repeat(5_000) },
        }),
    );
    expect(delaysMs).toEqual([0]);
    expect(failed).toEqual([
      expect.objectContaining({
        attempts: 1,
        error: expect.stringMatching(/retryData, more than the 4096 allowed/),
      }),
    ]);
  });

  it('gives the function the runtime @forge/api types: container, realtime, and the time left', async () => {
    const { platform } = await platformApp({
      app: {
        ...realApp,
        dailyMaintenance: () => {
          const runtime = __getRuntime();
          return {
            container: runtime.container,
            realtime: runtime.realtime,
            remainingMs: runtime.lambdaContext.getRemainingTimeInMillis(),
          };
        },
      },
    });
    const seen = (await platform.runScheduledTrigger('daily-postmortem-maintenance')) as {
      container: unknown;
      realtime: unknown;
      remainingMs: number;
    };
    expect(seen.container).toEqual({ handler: 'index.dailyMaintenance' });
    expect(seen.realtime).toEqual({});
    // daily-maintenance sets timeoutSeconds: 900 in manifest.yml.
    expect(seen.remainingMs).toBeGreaterThan(0);
    expect(seen.remainingMs).toBeLessThanOrEqual(900_000);
  });
});
