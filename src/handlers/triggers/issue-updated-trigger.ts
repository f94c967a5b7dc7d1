import { z } from 'zod';
import { wasLabelAdded, wasLabelRemoved } from '../../domain/automation/finalization-label';
import { changelogItemSchema, latestChangelog } from '../../jira/changelog';
import { loadSettings } from '../../storage/settings-store';
import type { Services } from '../../services';

// Only the parts of Forge's `avi:jira:updated:issue` payload this trigger reads.
const issueUpdatedEvent = z.object({
  issue: z.object({ id: z.string(), key: z.string() }),
  changelog: z
    .object({
      id: z.string().optional(),
      items: z.array(changelogItemSchema),
    })
    .optional(),
});

/**
 * Fires on every issue update, so it returns fast: anything but POSTMORTEM-FINAL added or removed is
 * ignored, and the work is handed to the async consumer (product triggers get ~25 s), which settles
 * the postmortem with the label as Jira has it then (finalized while on, back to DRAFT once removed).
 */
export async function issueUpdatedTrigger(event: unknown, services: Services): Promise<'queued' | 'ignored'> {
  const parsed = issueUpdatedEvent.safeParse(event);
  if (!parsed.success) {
    services.logger.warn('ignored an issue-updated event of unexpected shape', {
      problem: parsed.error.issues[0]?.message,
    });
    return 'ignored';
  }
  const { issue } = parsed.data;
  // Some deliveries carry no changelog: the issue's newest changelog entry is the change that fired.
  const changelog = parsed.data.changelog ?? (await latestChangelog(services.jiraAsApp, issue.key));
  // Most updates touch no labels: answer those without reading storage.
  if (!changelog?.items.some((item) => item.fieldId === 'labels' || item.field === 'labels'))
    return 'ignored';
  const { finalizationLabel } = await loadSettings(services.kv, services.logger);
  if (
    !wasLabelAdded(changelog.items, finalizationLabel) &&
    !wasLabelRemoved(changelog.items, finalizationLabel)
  )
    return 'ignored';
  // The changelog id names this change in the logs; which finalization a run belongs to is decided by
  // the consumer from the label and the stored postmortem, so a redelivery or the panel's own job is harmless.
  await services.queue.push({
    type: 'finalize-postmortem',
    issueKey: issue.key,
    deliveryId: changelog.id ?? issue.id,
  });
  services.logger.info('finalization label change queued', { issueKey: issue.key });
  return 'queued';
}
