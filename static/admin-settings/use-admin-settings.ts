import { useEffect, useState } from 'react';
import type { SettingsView } from '../../src/contract/admin-settings-api';
import type { AppErrorShape } from '../../src/contract/errors';
import { adminSettingsCall } from './admin-settings-client';
import type { SectionEdit } from './settings-section';
import { useAction } from './use-action';

/**
 * The settings page's state: the loaded settings, the sections' unsaved edits and the save action.
 * Each section keeps its own form; saving applies every section's edit to the saved settings.
 */
export function useAdminSettings() {
  const [view, setView] = useState<SettingsView>();
  const [loadError, setLoadError] = useState<AppErrorShape>();
  const [edits, setEdits] = useState<Record<string, SectionEdit>>({});
  // Bumped on each save: the sections start again from the settings the server answered.
  const [savedCount, setSavedCount] = useState(0);
  const save = useAction();

  useEffect(() => {
    void adminSettingsCall('getSettings', {}).then((result) =>
      result.ok ? setView(result.data) : setLoadError(result.error),
    );
  }, []);

  const edit = (section: string, change: SectionEdit) =>
    setEdits((current) => ({ ...current, [section]: change }));

  const saveSettings = (saved: SettingsView['settings']) =>
    save.run(async () => {
      const settings = Object.values(edits).reduce((edited, apply) => apply(edited), saved);
      const result = await adminSettingsCall('saveSettings', { settings });
      if (!result.ok) return { error: result.error };
      setView(result.data);
      setEdits({});
      setSavedCount((count) => count + 1);
      return { notice: 'Settings saved.' };
    });

  const acceptWebhook = (slackWebhook: SettingsView['slackWebhook']) =>
    setView((current) => current && { ...current, slackWebhook });

  return { view, loadError, save, saveSettings, edit, savedCount, acceptWebhook };
}
