import type { AppSettings } from '../../src/contract/admin-settings-api';

type SeverityKind = AppSettings['severitySource']['kind'];

/** The settings as the form edits them: text fields as strings, lists as comma/line separated text. */
export interface SettingsForm {
  incidentJql: string;
  projectKeys: string;
  severityKind: SeverityKind;
  customFieldId: string;
  /** One `Priority = SEV-n` per line. */
  priorityMapping: string;
  categorySource: AppSettings['categorySource'];
  timeZone: string;
  holidays: string;
  userImpactMinutesThreshold: string;
  finalizationLabel: string;
  actionItemLabel: string;
  actionItemFallbackIssueType: string;
  crossTeamSharing: boolean;
  learningLoopInArchitectureReviews: boolean;
}

export type TextField = {
  [Name in keyof SettingsForm]: SettingsForm[Name] extends string ? Name : never;
}[keyof SettingsForm];

/** Where the server's field-level errors (keyed by settings path) are shown on the form. */
export const ERROR_KEYS: Record<keyof SettingsForm, string> = {
  incidentJql: 'incidentJql',
  projectKeys: 'projectKeys',
  severityKind: 'severitySource.kind',
  customFieldId: 'severitySource.customFieldId',
  priorityMapping: 'severitySource.priorityMapping',
  categorySource: 'categorySource',
  timeZone: 'timeZone',
  holidays: 'holidays',
  userImpactMinutesThreshold: 'userImpactMinutesThreshold',
  finalizationLabel: 'finalizationLabel',
  actionItemLabel: 'actionItemLabel',
  actionItemFallbackIssueType: 'actionItemFallbackIssueType',
  crossTeamSharing: 'maturityDeclarations.crossTeamSharing',
  learningLoopInArchitectureReviews: 'maturityDeclarations.learningLoopInArchitectureReviews',
};

export function fieldError(
  fields: Record<string, string> | undefined,
  name: keyof SettingsForm,
): string | undefined {
  return fields?.[ERROR_KEYS[name]];
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
    severityKind: settings.severitySource.kind,
    customFieldId: settings.severitySource.customFieldId ?? '',
    priorityMapping: Object.entries(settings.severitySource.priorityMapping)
      .map(([priority, severity]) => `${priority} = ${severity}`)
      .join('\n'),
    categorySource: settings.categorySource,
    timeZone: settings.timeZone,
    holidays: settings.holidays.join('\n'),
    userImpactMinutesThreshold: String(settings.userImpactMinutesThreshold),
    finalizationLabel: settings.finalizationLabel,
    actionItemLabel: settings.actionItemLabel,
    actionItemFallbackIssueType: settings.actionItemFallbackIssueType,
    crossTeamSharing: settings.maturityDeclarations.crossTeamSharing,
    learningLoopInArchitectureReviews: settings.maturityDeclarations.learningLoopInArchitectureReviews,
  };
}

/** `Highest = SEV-1` lines; a line that is not one is passed on whole, so the server names the problem. */
function mapping(text: string): Record<string, string> {
  const entries: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const match = /^(.+?)\s*[=:]\s*(\S+)\s*$/.exec(line.trim());
    entries.push(match ? [match[1] as string, (match[2] as string).toUpperCase()] : [line.trim(), '']);
  }
  return Object.fromEntries(entries);
}

/** Back to the settings shape; the server validates every field and answers field-level errors. */
export function fromForm(form: SettingsForm, previous: AppSettings): AppSettings {
  const threshold = form.userImpactMinutesThreshold.trim() ? Number(form.userImpactMinutesThreshold) : NaN;
  const customFieldId = form.customFieldId.trim();
  return {
    ...previous,
    incidentJql: form.incidentJql.trim(),
    projectKeys: list(form.projectKeys).map((key) => key.toUpperCase()),
    severitySource: {
      kind: form.severityKind,
      ...(customFieldId ? { customFieldId } : {}),
      // Unchecked here: the server answers which line is wrong.
      priorityMapping: mapping(form.priorityMapping) as AppSettings['severitySource']['priorityMapping'],
    },
    categorySource: form.categorySource,
    timeZone: form.timeZone.trim(),
    holidays: list(form.holidays),
    userImpactMinutesThreshold: Number.isFinite(threshold) ? threshold : previous.userImpactMinutesThreshold,
    finalizationLabel: form.finalizationLabel.trim(),
    actionItemLabel: form.actionItemLabel.trim(),
    actionItemFallbackIssueType: form.actionItemFallbackIssueType.trim(),
    maturityDeclarations: {
      crossTeamSharing: form.crossTeamSharing,
      learningLoopInArchitectureReviews: form.learningLoopInArchitectureReviews,
    },
  };
}
