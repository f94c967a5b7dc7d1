import { z } from 'zod';
import { wasLabelAdded } from '../../domain/automation/finalization-label';
import type { Services } from '../../services';

// Only the parts of Forge's `avi:jira:updated:issue` payload this trigger reads.
const issueUpdatedEvent = z.object({
  issue: z.object({ id: z.string(), key: z.string() }),
  changelog: z
    .object({
      id: z.string().optional(),
      items: z.array(
        z.object({
          field: z.string(),
          fieldId: z.string().optional(),
          fromString: z.string().nullish(),
          toString: z.string().nullish(),
        }),
      ),
    })
    .optional(),
});

/**
 * Fires on every issue update, so it returns fast: anything but "POSTMORTEM-FINAL added" is ignored,
 * and the finalization itself is handed to the async consumer (product triggers get ~25 s).
 */
export async function issueUpdatedTrigger(event: unknown, services: Services): Promise<'queued' | 'ignored'> {
  const parsed = issueUpdatedEvent.safeParse(event);
  if (!parsed.success) {
    services.logger.warn('ignored an issue-updated event of unexpected shape', {
      problem: parsed.error.issues[0]?.message,
    });
    return 'ignored';
  }
  const { issue, changelog } = parsed.data;
  if (!changelog || !wasLabelAdded(changelog.items)) return 'ignored';
  await services.queue.push({
    type: 'finalize-postmortem',
    issueKey: issue.key,
    deliveryId: changelog.id ?? issue.id,
  });
  services.logger.info('finalization queued', { issueKey: issue.key });
  return 'queued';
}
