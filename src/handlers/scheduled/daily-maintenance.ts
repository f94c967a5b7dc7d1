import type { Services } from '../../services';
import { sendDailyReminders } from '../../usecases/daily-reminders';
import { retrySlackDeliveries } from '../../usecases/retry-slack-deliveries';

/** Daily (scheduled trigger, may fire twice): Slack retries, then the reminder digest (idempotent per day). */
export async function dailyMaintenance(services: Services): Promise<void> {
  const retried = await retrySlackDeliveries(services);
  const digest = await sendDailyReminders(services);
  services.logger.info('daily maintenance ran', { retriedSlackDeliveries: retried, digest });
}
