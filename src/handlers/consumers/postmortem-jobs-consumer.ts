import { z } from 'zod';
import type { AppJob } from '../../ports';
import type { Services } from '../../services';

const appJob: z.ZodType<AppJob> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('finalize-postmortem'), issueKey: z.string(), deliveryId: z.string() }),
  z.object({ type: z.literal('refresh-trends'), month: z.string(), projectKeys: z.array(z.string()) }),
]);

/** Long-running work (up to 900 s): finalizing a postmortem, refreshing the trend cache. */
export async function postmortemJobsConsumer(body: unknown, services: Services): Promise<void> {
  const parsed = appJob.safeParse(body);
  if (!parsed.success) {
    // A malformed job can never succeed: log it and drop it rather than let the platform retry forever.
    services.logger.error('dropped a malformed job', { problem: parsed.error.issues[0]?.message });
    return;
  }
  services.logger.warn('job type not handled by this version yet', { type: parsed.data.type });
}
