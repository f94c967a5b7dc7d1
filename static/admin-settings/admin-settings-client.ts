import type { AdminSettingsApi } from '../../src/contract/admin-settings-api';
import { resolverClient } from '../shared/api/bridge';

/** The admin page's resolver calls (`admin-settings-resolver`). */
export const adminSettingsCall = resolverClient<AdminSettingsApi>();
