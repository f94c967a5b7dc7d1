import type { AppSettings } from '../../src/contract/admin-settings-api';

/** The settings as the form edits them: every field a string, lists as comma/line separated text. */
export interface SettingsForm {
  incidentJql: string;
  projectKeys: string;
  timeZone: string;
  holidays: string;
  userImpactMinutesThreshold: string;
  finalizationLabel: string;
  actionItemLabel: string;
  actionItemFallbackIssueType: string;
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export function toForm(settings: AppSettings): SettingsForm {
  return {
    incidentJql: settings.incidentJql,
    projectKeys: settings.projectKeys.join(', '),
    timeZone: settings.timeZone,
    holidays: settings.holidays.join('\n'),
    userImpactMinutesThreshold: String(settings.userImpactMinutesThreshold),
    finalizationLabel: settings.finalizationLabel,
    actionItemLabel: settings.actionItemLabel,
    actionItemFallbackIssueType: settings.actionItemFallbackIssueType,
  };
}

/** Back to the settings shape; the server validates every field and answers field-level errors. */
export function fromForm(form: SettingsForm, previous: AppSettings): AppSettings {
  const threshold = Number(form.userImpactMinutesThreshold);
  return {
    ...previous,
    incidentJql: form.incidentJql.trim(),
    projectKeys: list(form.projectKeys).map((key) => key.toUpperCase()),
    timeZone: form.timeZone.trim(),
    holidays: list(form.holidays),
    userImpactMinutesThreshold: Number.isFinite(threshold) ? threshold : previous.userImpactMinutesThreshold,
    finalizationLabel: form.finalizationLabel.trim(),
    actionItemLabel: form.actionItemLabel.trim(),
    actionItemFallbackIssueType: form.actionItemFallbackIssueType.trim(),
  };
}
