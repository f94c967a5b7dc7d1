import { useState } from 'react';
import type { SettingsView } from '../../src/contract/admin-settings-api';
import { useLoad } from '../shared/hooks/use-load';
import { adminSettingsCall } from './admin-settings-client';
import type { SectionEdit } from './settings-section';
import { useAction } from './use-action';

/**
 * The settings page's state: the loaded settings, the sections' unsaved edits and the save action.
 * Each section keeps its own form; saving applies every section's edit to the saved settings.
 */
export function useAdminSettings() {
  const { state: loaded, update } = useLoad('settings', () => adminSettingsCall('getSettings', {}));
  const [edits, setEdits] = useState<Record<string, SectionEdit>>({});
  // Bumped on each save: the sections start again from the settings the server answered.
  const [savedCount, setSavedCount] = useState(0);
  const save = useAction();

  const edit = (section: string, change: SectionEdit) =>
    setEdits((current) => ({ ...current, [section]: change }));

  const saveSettings = (saved: SettingsView['settings']) =>
    save.run(async () => {
      const settings = Object.values(edits).reduce((edited, apply) => apply(edited), saved);
      const result = await adminSettingsCall('saveSettings', { settings });
      if (!result.ok) return { error: result.error };
      update(() => result.data);
      setEdits({});
      setSavedCount((count) => count + 1);
      return { notice: 'Settings saved.' };
    });

  const acceptWebhook = (slackWebhook: SettingsView['slackWebhook']) =>
    update((current) => ({ ...current, slackWebhook }));

  return { loaded, save, saveSettings, edit, savedCount, acceptWebhook };
}
