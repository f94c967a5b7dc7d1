import type { Services } from '../../services';
import { sendDailyReminders } from '../../usecases/daily-reminders';
import { escalateOverdueItems } from '../../usecases/follow-through/escalate-overdue-items';
import { sendMonthlyTrendReport } from '../../usecases/monthly-trend-report';
import { retrySlackDeliveries } from '../../usecases/retry-slack-deliveries';
import { refreshTrendCaches } from '../../usecases/trends/refresh-trend-caches';

/**
 * Daily (scheduled trigger, may fire twice): Slack retries, then the reminder digest (idempotent per
 * day), escalation comments on long-overdue action items (once per child and due date, bounded per
 * run) and, from a month's first business day, the previous month's trend report (once per month).
 */
export async function dailyMaintenance(services: Services): Promise<void> {
  const retried = await retrySlackDeliveries(services);
  const digest = await sendDailyReminders(services);
  const escalations = await escalateOverdueItems(services);
  // The report first: the cache refresh may use most of the invocation's time.
  const monthlyReport = await sendMonthlyTrendReport(services);
  await refreshTrendCaches(services);
  services.logger.info('daily maintenance ran', {
    retriedSlackDeliveries: retried,
    digest,
    escalations,
    monthlyReport,
  });
}
