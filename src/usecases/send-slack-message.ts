import type { SlackPort } from '../ports';
import type { SlackDeliveryRecord } from '../storage/automation-record-store';

/**
 * Sends one message and records the outcome. A failure is a value: it never undoes the children
 * already created, and the record keeps the payload so the daily job can retry it.
 */
export async function sendSlackMessage(
  slack: SlackPort,
  webhookUrl: string | null,
  payload: unknown,
  context: { deliveryId: string; previous: SlackDeliveryRecord | null; now: Date },
): Promise<SlackDeliveryRecord> {
  const attempts = context.previous?.deliveryId === context.deliveryId ? context.previous.attempts + 1 : 1;
  const at = context.now.toISOString();
  if (!webhookUrl) return { deliveryId: context.deliveryId, state: 'not-configured', at, attempts: 0 };
  const result = await slack.send(webhookUrl, payload);
  if (result.ok) return { deliveryId: context.deliveryId, state: 'sent', at, attempts };
  return {
    deliveryId: context.deliveryId,
    state: 'failed',
    at,
    attempts,
    error: result.status ? `Slack answered ${result.status} ${result.error}` : result.error,
    retryable: result.retryable,
    payload,
  };
}
