import { z } from 'zod';
import type { AppJob } from '../../ports';
import type { Services } from '../../services';
import { finalizePostmortem } from '../../usecases/finalize-postmortem';
import { computeQueuedTrends } from '../../usecases/trends/load-trends';

const appJob: z.ZodType<AppJob> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('finalize-postmortem'), issueKey: z.string(), deliveryId: z.string() }),
  z.object({ type: z.literal('refresh-trends'), month: z.string(), projectKeys: z.array(z.string()) }),
]);

/**
 * Long-running work (up to 900 s). Errors of kind RateLimited/Unavailable carry `retryAfterMs`; the
 * Forge binding turns them into the platform's retry, and the work resumes without duplicates.
 */
export async function postmortemJobsConsumer(body: unknown, services: Services): Promise<void> {
  const parsed = appJob.safeParse(body);
  if (!parsed.success) {
    // A malformed job can never succeed: log it and drop it rather than let the platform retry forever.
    services.logger.error('dropped a malformed job', { problem: parsed.error.issues[0]?.message });
    return;
  }
  const job = parsed.data;
  switch (job.type) {
    case 'finalize-postmortem':
      await finalizePostmortem(
        {
          jira: services.jiraAsApp,
          kv: services.kv,
          slack: services.slack,
          clock: services.clock,
          logger: services.logger,
        },
        job,
      );
      return;
    case 'refresh-trends':
      // Computed as the app for every project; the viewer who asked sees only theirs when it is done.
      await computeQueuedTrends(services, job.month);
      return;
  }
}
