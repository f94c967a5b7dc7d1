import { Heading, Label, Select, Stack } from '@forge/react';
import { useEffect, useState } from 'react';
import type { AppSettings, CustomFieldOption } from '../../src/contract/admin-settings-api';
import { adminSettingsCall } from './admin-settings-client';
import { FieldMessage, RadioSetting, TextSetting, TextSettings } from './setting-fields';
import {
  listFromText,
  useSectionForm,
  type SectionForm,
  type SectionProps,
  type TextFieldSpec,
} from './settings-section';

type SeverityKind = AppSettings['severitySource']['kind'];

interface IncidentsForm {
  incidentJql: string;
  projectKeys: string;
  severityKind: SeverityKind;
  customFieldId: string;
  /** One `Priority = SEV-n` per line. */
  priorityMapping: string;
  categorySource: AppSettings['categorySource'];
}

/** `Highest = SEV-1` lines; a line that is not one is passed on whole, so the server names the problem. */
function mappingFromText(text: string): Record<string, string> {
  const entries: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const match = /^(.+?)\s*[=:]\s*(\S+)\s*$/.exec(line.trim());
    entries.push(match ? [match[1] as string, (match[2] as string).toUpperCase()] : [line.trim(), '']);
  }
  return Object.fromEntries(entries);
}

export const INCIDENTS_FORM: SectionForm<IncidentsForm> = {
  toForm: (settings) => ({
    incidentJql: settings.incidentJql,
    projectKeys: settings.projectKeys.join(', '),
    severityKind: settings.severitySource.kind,
    customFieldId: settings.severitySource.customFieldId ?? '',
    priorityMapping: Object.entries(settings.severitySource.priorityMapping)
      .map(([priority, severity]) => `${priority} = ${severity}`)
      .join('\n'),
    categorySource: settings.categorySource,
  }),
  apply: (form, settings) => {
    const customFieldId = form.customFieldId.trim();
    return {
      ...settings,
      incidentJql: form.incidentJql.trim(),
      projectKeys: listFromText(form.projectKeys).map((key) => key.toUpperCase()),
      severitySource: {
        kind: form.severityKind,
        ...(customFieldId ? { customFieldId } : {}),
        // Unchecked here: the server answers which line is wrong.
        priorityMapping: mappingFromText(
          form.priorityMapping,
        ) as AppSettings['severitySource']['priorityMapping'],
      },
      categorySource: form.categorySource,
    };
  },
  errorKeys: {
    incidentJql: 'incidentJql',
    projectKeys: 'projectKeys',
    severityKind: 'severitySource.kind',
    customFieldId: 'severitySource.customFieldId',
    priorityMapping: 'severitySource.priorityMapping',
    categorySource: 'categorySource',
  },
};

const SCOPE_FIELDS: Array<TextFieldSpec<IncidentsForm>> = [
  {
    name: 'incidentJql',
    label: 'Incident JQL',
    help: 'Which issues are incidents, e.g. issuetype = Incident. Checked by Jira when you save.',
  },
  {
    name: 'projectKeys',
    label: 'Projects in scope',
    help: 'Project keys separated by commas; empty means every project the JQL finds.',
  },
];

const PRIORITY_MAPPING_FIELD: TextFieldSpec<IncidentsForm> = {
  name: 'priorityMapping',
  label: 'Priority mapping',
  help: 'One priority per line, e.g. Highest = SEV-1.',
  multiline: true,
};

const SEVERITY_SOURCES: Array<{ value: SeverityKind; label: string }> = [
  { value: 'labels-then-priority', label: 'SEV label, else the priority mapping' },
  { value: 'labels', label: 'SEV-1 … SEV-4 labels only' },
  { value: 'priority', label: 'Priority mapping only' },
  { value: 'custom-field', label: 'A custom field' },
];

const CATEGORY_SOURCES: Array<{ value: AppSettings['categorySource']; label: string }> = [
  { value: 'postmortem-then-component', label: "The postmortem's category, else the first component" },
  { value: 'component', label: 'The first component only' },
];

/** Jira's custom fields, fetched the first time the admin picks "A custom field"; a failure is this field's. */
function useCustomFields(wanted: boolean) {
  const [fields, setFields] = useState<CustomFieldOption[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!wanted || fields) return;
    void adminSettingsCall('listCustomFields', {}).then((result) =>
      result.ok ? setFields(result.data) : setError(result.error.message),
    );
  }, [wanted, fields]);
  return { fields, error };
}

/** Which issues are incidents, and where their severity and category come from. */
export function IncidentsSection(props: SectionProps) {
  const { form, update, errorFor, textInput } = useSectionForm(props, INCIDENTS_FORM);
  const customFields = useCustomFields(form.severityKind === 'custom-field');
  const fieldOptions = (customFields.fields ?? []).map((field) => ({
    label: `${field.name} (${field.id})`,
    value: field.id,
  }));
  return (
    <>
      <Heading size="medium">Incidents</Heading>
      <TextSettings fields={SCOPE_FIELDS} input={textInput} />
      <RadioSetting
        name="severityKind"
        label="Severity from"
        help="Where the app reads an incident’s severity (SEV-1 … SEV-4)."
        options={SEVERITY_SOURCES}
        value={form.severityKind}
        error={errorFor('severityKind')}
        onChange={(severityKind) => update({ severityKind })}
      />
      {form.severityKind === 'custom-field' && (
        <Stack space="space.050">
          <Label labelFor="customFieldId">Severity field</Label>
          <Select
            inputId="customFieldId"
            isLoading={customFields.fields === undefined && customFields.error === undefined}
            options={fieldOptions}
            value={fieldOptions.find((option) => option.value === form.customFieldId) ?? null}
            onChange={(option: { value: string } | null) => update({ customFieldId: option?.value ?? '' })}
          />
          <FieldMessage
            error={errorFor('customFieldId') ?? customFields.error}
            help="The custom field whose value is SEV-1 … SEV-4 (from Jira’s field list)."
          />
        </Stack>
      )}
      {form.severityKind !== 'custom-field' && form.severityKind !== 'labels' && (
        <TextSetting {...PRIORITY_MAPPING_FIELD} {...textInput('priorityMapping')} />
      )}
      <RadioSetting
        name="categorySource"
        label="Category from"
        help="Used for top categories and repeat incidents."
        options={CATEGORY_SOURCES}
        value={form.categorySource}
        error={errorFor('categorySource')}
        onChange={(categorySource) => update({ categorySource })}
      />
    </>
  );
}
