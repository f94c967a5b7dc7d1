import {
  Button,
  Checkbox,
  ErrorMessage,
  Form,
  FormFooter,
  FormSection,
  Heading,
  HelperMessage,
  Inline,
  Label,
  RadioGroup,
  SectionMessage,
  Select,
  Spinner,
  Stack,
  Text,
  TextArea,
  Textfield,
} from '@forge/react';
import { useEffect, useState } from 'react';
import type {
  AdminSettingsApi,
  CustomFieldOption,
  SettingsView,
} from '../../src/contract/admin-settings-api';
import type { AppErrorShape } from '../../src/contract/errors';
import { resolverClient } from '../shared/api/bridge';
import { fieldError, fromForm, toForm, type SettingsForm, type TextField } from './settings-form';

const call = resolverClient<AdminSettingsApi>();

interface FieldSpec {
  name: TextField;
  label: string;
  help: string;
  multiline?: boolean;
}

const SCOPE_FIELDS: FieldSpec[] = [
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

const CALENDAR_FIELDS: FieldSpec[] = [
  {
    name: 'timeZone',
    label: 'Time zone',
    help: 'IANA name such as Europe/Berlin: month buckets, business days and the Slack schedule use it.',
  },
  {
    name: 'holidays',
    label: 'Holidays',
    help: 'One date per line (YYYY-MM-DD): not business days for deadlines or the monthly report.',
    multiline: true,
  },
  {
    name: 'userImpactMinutesThreshold',
    label: 'User impact threshold (minutes)',
    help: 'SEV-1/SEV-2 incidents with longer user impact require a postmortem.',
  },
];

const LABEL_FIELDS: FieldSpec[] = [
  {
    name: 'finalizationLabel',
    label: 'Finalization label',
    help: 'Adding this label publishes the postmortem and creates its action items.',
  },
  {
    name: 'actionItemLabel',
    label: 'Action item label',
    help: 'Put on every action-item issue the app creates.',
  },
  {
    name: 'actionItemFallbackIssueType',
    label: 'Action item issue type without sub-tasks',
    help: 'Used (and linked to the incident) where a project has no sub-task type.',
  },
];

const SEVERITY_SOURCES = [
  { name: 'severityKind', value: 'labels-then-priority', label: 'SEV label, else the priority mapping' },
  { name: 'severityKind', value: 'labels', label: 'SEV-1 … SEV-4 labels only' },
  { name: 'severityKind', value: 'priority', label: 'Priority mapping only' },
  { name: 'severityKind', value: 'custom-field', label: 'A custom field' },
];

const CATEGORY_SOURCES = [
  {
    name: 'categorySource',
    value: 'postmortem-then-component',
    label: "The postmortem's category, else the first component",
  },
  { name: 'categorySource', value: 'component', label: 'The first component only' },
];

/** Jira admins configure the app here (UI Kit `jira:adminPage`, also the app's configure page). */
export function AdminSettingsPage() {
  const [view, setView] = useState<SettingsView>();
  const [form, setForm] = useState<SettingsForm>();
  const [error, setError] = useState<AppErrorShape>();
  const [notice, setNotice] = useState<string>();
  const [webhook, setWebhook] = useState('');
  const [busy, setBusy] = useState(false);
  const [customFields, setCustomFields] = useState<CustomFieldOption[]>();

  const accept = (next: SettingsView) => {
    setView(next);
    setForm(toForm(next.settings));
    setError(undefined);
  };

  useEffect(() => {
    void call('getSettings', {}).then((result) => (result.ok ? accept(result.data) : setError(result.error)));
  }, []);

  const wantsFields = form?.severityKind === 'custom-field';
  useEffect(() => {
    if (!wantsFields || customFields) return;
    void call('listCustomFields', {}).then((result) =>
      result.ok ? setCustomFields(result.data) : setError(result.error),
    );
  }, [wantsFields, customFields]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      if (!view || !form) return;
      const result = await call('saveSettings', { settings: fromForm(form, view.settings) });
      if (result.ok) {
        accept(result.data);
        setNotice('Settings saved.');
      } else setError(result.error);
    });

  const saveWebhook = (url: string | null) =>
    run(async () => {
      const result = await call('setSlackWebhook', { url });
      if (result.ok) {
        accept(result.data);
        setWebhook('');
        setNotice(url ? 'Slack webhook saved.' : 'Slack webhook removed.');
      } else setError(result.error);
    });

  const testSlack = () =>
    run(async () => {
      const result = await call('sendSlackTest', {});
      if (!result.ok) setError(result.error);
      else if (result.data.delivered) setNotice(result.data.message);
      else setError({ kind: 'Unavailable', message: result.data.message });
    });

  if (!view || !form) {
    return error ? (
      <SectionMessage appearance="error" title="Settings unavailable">
        <Text>{error.message}</Text>
      </SectionMessage>
    ) : (
      <Spinner label="Loading settings" />
    );
  }

  const update = (patch: Partial<SettingsForm>) => setForm({ ...form, ...patch });
  const below = (name: keyof SettingsForm, help: string) => {
    const problem = fieldError(error?.fields, name);
    return problem ? <ErrorMessage>{problem}</ErrorMessage> : <HelperMessage>{help}</HelperMessage>;
  };
  const textField = ({ name, label, help, multiline }: FieldSpec) => (
    <Stack key={name} space="space.050">
      <Label labelFor={name}>{label}</Label>
      {multiline ? (
        <TextArea
          id={name}
          value={form[name]}
          isInvalid={fieldError(error?.fields, name) !== undefined}
          onChange={(event) => update({ [name]: String(event.target.value ?? '') })}
        />
      ) : (
        <Textfield
          id={name}
          value={form[name]}
          isInvalid={fieldError(error?.fields, name) !== undefined}
          onChange={(event) => update({ [name]: String(event.target.value ?? '') })}
        />
      )}
      {below(name, help)}
    </Stack>
  );
  const radioField = <Name extends 'severityKind' | 'categorySource'>(
    name: Name,
    label: string,
    options: Array<{ name: string; value: string; label: string }>,
    help: string,
  ) => (
    <Stack space="space.050">
      <Label labelFor={name}>{label}</Label>
      <RadioGroup
        name={name}
        options={options}
        value={form[name]}
        onChange={(event) => update({ [name]: event.target.value as SettingsForm[Name] })}
      />
      {below(name, help)}
    </Stack>
  );
  const fieldOptions = (customFields ?? []).map((field) => ({
    label: `${field.name} (${field.id})`,
    value: field.id,
  }));

  return (
    <Stack space="space.300">
      <Heading size="large">Postmortem settings</Heading>
      {notice && (
        <SectionMessage appearance="success">
          <Text>{notice}</Text>
        </SectionMessage>
      )}
      {error && (
        <SectionMessage appearance="error" title="Not saved">
          <Text>{error.message}</Text>
        </SectionMessage>
      )}
      <Form onSubmit={() => void save()}>
        <FormSection>
          <Heading size="medium">Incidents</Heading>
          {SCOPE_FIELDS.map(textField)}
          {radioField(
            'severityKind',
            'Severity from',
            SEVERITY_SOURCES,
            'Where the app reads an incident’s severity (SEV-1 … SEV-4).',
          )}
          {form.severityKind === 'custom-field' && (
            <Stack space="space.050">
              <Label labelFor="customFieldId">Severity field</Label>
              <Select
                inputId="customFieldId"
                isLoading={customFields === undefined}
                options={fieldOptions}
                value={fieldOptions.find((option) => option.value === form.customFieldId) ?? null}
                onChange={(option: { value: string } | null) =>
                  update({ customFieldId: option?.value ?? '' })
                }
              />
              {below(
                'customFieldId',
                'The custom field whose value is SEV-1 … SEV-4 (from Jira’s field list).',
              )}
            </Stack>
          )}
          {form.severityKind !== 'custom-field' &&
            form.severityKind !== 'labels' &&
            textField({
              name: 'priorityMapping',
              label: 'Priority mapping',
              help: 'One priority per line, e.g. Highest = SEV-1.',
              multiline: true,
            })}
          {radioField(
            'categorySource',
            'Category from',
            CATEGORY_SOURCES,
            'Used for top categories and repeat incidents.',
          )}
          <Heading size="medium">Deadlines and triggers</Heading>
          {CALENDAR_FIELDS.map(textField)}
          <Heading size="medium">Labels and action items</Heading>
          {LABEL_FIELDS.map(textField)}
          <Heading size="medium">Maturity (what Jira cannot see)</Heading>
          <Checkbox
            name="crossTeamSharing"
            label="Postmortems are shared across teams"
            isChecked={form.crossTeamSharing}
            onChange={(event) => update({ crossTeamSharing: event.target.checked === true })}
          />
          <Checkbox
            name="learningLoopInArchitectureReviews"
            label="Architecture reviews use postmortem learnings"
            isChecked={form.learningLoopInArchitectureReviews}
            onChange={(event) => update({ learningLoopInArchitectureReviews: event.target.checked === true })}
          />
        </FormSection>
        <FormFooter>
          <Button appearance="primary" type="submit" isDisabled={busy}>
            Save settings
          </Button>
        </FormFooter>
      </Form>
      <Heading size="medium">Slack</Heading>
      <Text>
        {view.slackWebhook.configured
          ? `Finalized postmortems, the daily reminders and the monthly trend report are posted to ${view.slackWebhook.masked ?? 'your webhook'}.`
          : 'Slack is not set up: finalized postmortems still create their action items, but nobody is told.'}
      </Text>
      <Stack space="space.050">
        <Label labelFor="slack-webhook">Incoming webhook URL</Label>
        <Textfield
          id="slack-webhook"
          type="password"
          value={webhook}
          isInvalid={error?.fields?.url !== undefined}
          onChange={(event) => setWebhook(String(event.target.value ?? ''))}
        />
        {error?.fields?.url ? (
          <ErrorMessage>{error.fields.url}</ErrorMessage>
        ) : (
          <HelperMessage>
            An https://hooks.slack.com/… address. Stored as a secret; it is never shown again, only its last
            characters.
          </HelperMessage>
        )}
      </Stack>
      <Inline space="space.100">
        <Button isDisabled={busy || !webhook.trim()} onClick={() => void saveWebhook(webhook)}>
          Save webhook
        </Button>
        <Button isDisabled={busy || !view.slackWebhook.configured} onClick={() => void testSlack()}>
          Send test message
        </Button>
        <Button
          appearance="subtle"
          isDisabled={busy || !view.slackWebhook.configured}
          onClick={() => void saveWebhook(null)}
        >
          Remove webhook
        </Button>
      </Inline>
    </Stack>
  );
}
