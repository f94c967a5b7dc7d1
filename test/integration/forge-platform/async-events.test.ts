// First: the platform's globals must be in place before @forge/events loads @forge/api.
import { platformApp } from './platform-fixture';
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { MAX_RETRIES } from '../../../forge-platform/async-events';
import * as realApp from '../../../src/index';

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
});
