import type { Services } from '../services';
import { listAutomationRecords, saveAutomationRecord } from '../storage/automation-record-store';
import { loadSlackWebhookUrl } from '../storage/settings-store';
import { sendSlackMessage } from './send-slack-message';

// Beyond this, a delivery that keeps failing needs a human (the panel shows the error).
const MAX_ATTEMPTS = 5;

/** Finalization messages Slack refused for a passing reason (5xx, 429, network) are sent again. */
export async function retrySlackDeliveries(services: Services): Promise<number> {
  const webhook = await loadSlackWebhookUrl(services.kv);
  if (!webhook) return 0;
  let retried = 0;
  for await (const record of listAutomationRecords(services.kv)) {
    const slack = record.slack;
    if (
      slack?.state !== 'failed' ||
      !slack.retryable ||
      slack.attempts >= MAX_ATTEMPTS ||
      slack.payload === undefined
    )
      continue;
    record.slack = await sendSlackMessage(services.slack, webhook, slack.payload, {
      deliveryId: slack.deliveryId,
      previous: slack,
      now: services.clock.now(),
    });
    await saveAutomationRecord(services.kv, record);
    retried += 1;
  }
  return retried;
}
