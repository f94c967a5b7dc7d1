import type { AdminSettingsApi } from '../../contract/admin-settings-api';
import type { ResolverImplementation } from './resolver-handlers';
import { notImplemented } from './not-implemented';

export const adminSettingsResolver: ResolverImplementation<AdminSettingsApi> = {
  getSettings: async () => notImplemented('The settings page'),
};
