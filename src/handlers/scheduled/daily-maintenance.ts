import type { Services } from '../../services';

/** Daily: reminders and the trend-cache refresh (arrive with their issues). */
export async function dailyMaintenance(services: Services): Promise<void> {
  services.logger.info('daily maintenance ran', { at: services.clock.now().toISOString() });
}
