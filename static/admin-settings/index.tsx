import ForgeReconciler, {
  Button,
  ErrorMessage,
  Form,
  FormFooter,
  FormSection,
  Heading,
  HelperMessage,
  Inline,
  Label,
  SectionMessage,
  Spinner,
  Stack,
  Text,
  TextArea,
  Textfield,
} from '@forge/react';
import { useEffect, useState } from 'react';
import type { AdminSettingsApi, SettingsView } from '../../src/contract/admin-settings-api';
import type { AppErrorShape } from '../../src/contract/errors';
import { resolverClient } from '../shared/api/bridge';
import { fromForm, toForm, type SettingsForm } from './settings-form';

const call = resolverClient<AdminSettingsApi>();

const FIELDS: Array<{ name: keyof SettingsForm; label: string; help: string; multiline?: boolean }> = [
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
  {
    name: 'timeZone',
    label: 'Time zone',
    help: 'IANA name such as Europe/Berlin: month buckets and business days use it.',
  },
  {
    name: 'holidays',
    label: 'Holidays',
    help: 'One date per line (YYYY-MM-DD): not business days for the 5-day document deadline.',
    multiline: true,
  },
  {
    name: 'userImpactMinutesThreshold',
    label: 'User impact threshold (minutes)',
    help: 'SEV-1/SEV-2 incidents with longer user impact require a postmortem.',
  },
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

/** Jira admins configure the app here (UI Kit `jira:adminPage`, also the app's configure page). */
function AdminSettingsPage() {
  const [view, setView] = useState<SettingsView>();
  const [form, setForm] = useState<SettingsForm>();
  const [error, setError] = useState<AppErrorShape>();
  const [notice, setNotice] = useState<string>();
  const [webhook, setWebhook] = useState('');
  const [busy, setBusy] = useState(false);

  const accept = (next: SettingsView) => {
    setView(next);
    setForm(toForm(next.settings));
    setError(undefined);
  };

  useEffect(() => {
    void call('getSettings', {}).then((result) => (result.ok ? accept(result.data) : setError(result.error)));
  }, []);

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
      if (result.ok) setNotice(result.data.message);
      else setError(result.error);
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
          {FIELDS.map(({ name, label, help, multiline }) => (
            <Stack key={name} space="space.050">
              <Label labelFor={name}>{label}</Label>
              {multiline ? (
                <TextArea
                  id={name}
                  value={form[name]}
                  onChange={(event) => setForm({ ...form, [name]: event.target.value })}
                />
              ) : (
                <Textfield
                  id={name}
                  value={form[name]}
                  onChange={(event) => setForm({ ...form, [name]: event.target.value })}
                />
              )}
              {error?.fields?.[name] ? (
                <ErrorMessage>{error.fields[name]}</ErrorMessage>
              ) : (
                <HelperMessage>{help}</HelperMessage>
              )}
            </Stack>
          ))}
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
          ? `Finalized postmortems are posted to ${view.slackWebhook.masked ?? 'your webhook'}.`
          : 'Slack is not set up: finalized postmortems still create their action items, but nobody is told.'}
      </Text>
      <Stack space="space.050">
        <Label labelFor="slack-webhook">Incoming webhook URL</Label>
        <Textfield
          id="slack-webhook"
          type="password"
          value={webhook}
          onChange={(event) => setWebhook(event.target.value)}
        />
        {error?.fields?.url ? (
          <ErrorMessage>{error.fields.url}</ErrorMessage>
        ) : (
          <HelperMessage>
            Stored as a secret; it is never shown again, only its last characters.
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

ForgeReconciler.render(<AdminSettingsPage />);
