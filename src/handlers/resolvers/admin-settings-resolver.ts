import { adminSettingsContract } from '../../contract/admin-settings-api';
import {
  listCustomFields,
  sendSlackTest,
  settingsView,
  updateSettings,
  updateSlackWebhook,
} from '../../usecases/admin-settings';
import { defineResolver } from './resolver-handlers';

export const adminSettingsResolver = defineResolver(adminSettingsContract, {
  getSettings: (_payload, services) => settingsView(services),
  saveSettings: ({ settings }, services) => updateSettings(services, settings),
  setSlackWebhook: ({ url }, services) => updateSlackWebhook(services, url),
  sendSlackTest: (_payload, services) => sendSlackTest(services),
  listCustomFields: (_payload, services) => listCustomFields(services),
});
