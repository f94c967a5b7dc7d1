import { z } from 'zod';
import type { AdminSettingsApi } from '../../contract/admin-settings-api';
import { parsePayload } from '../../contract/parse-payload';
import {
  listCustomFields,
  requireJiraAdmin,
  sendSlackTest,
  settingsView,
  updateSettings,
  updateSlackWebhook,
} from '../../usecases/admin-settings';
import type { ResolverImplementation } from './resolver-handlers';

export const adminSettingsResolver: ResolverImplementation<AdminSettingsApi> = {
  getSettings: async (_payload, services) => {
    await requireJiraAdmin(services);
    return settingsView(services);
  },
  saveSettings: async (payload, services) => {
    await requireJiraAdmin(services);
    return updateSettings(services, parsePayload(z.object({ settings: z.unknown() }), payload).settings);
  },
  setSlackWebhook: async (payload, services) => {
    await requireJiraAdmin(services);
    return updateSlackWebhook(
      services,
      parsePayload(z.object({ url: z.string().max(500).nullable() }), payload).url,
    );
  },
  sendSlackTest: async (_payload, services) => {
    await requireJiraAdmin(services);
    return sendSlackTest(services);
  },
  listCustomFields: async (_payload, services) => {
    await requireJiraAdmin(services);
    return listCustomFields(services);
  },
};
