import { Button, Heading, Inline, Label, Stack, Text, Textfield } from '@forge/react';
import { useState } from 'react';
import type { SettingsView } from '../../src/contract/admin-settings-api';
import { ActionMessages } from './action-messages';
import { adminSettingsCall } from './admin-settings-client';
import { FieldMessage } from './setting-fields';
import { useAction } from './use-action';

type SlackWebhook = SettingsView['slackWebhook'];

/** The Slack webhook (saved, removed) and a test message, each action with its own error. */
export function SlackSection(props: {
  webhook: SlackWebhook;
  onWebhookChanged: (webhook: SlackWebhook) => void;
}) {
  const [url, setUrl] = useState('');
  const webhookAction = useAction();
  const testAction = useAction();
  const busy = webhookAction.busy || testAction.busy;

  const saveWebhook = (next: string | null) =>
    webhookAction.run(async () => {
      const result = await adminSettingsCall('setSlackWebhook', { url: next });
      if (!result.ok) return { error: result.error };
      props.onWebhookChanged(result.data.slackWebhook);
      setUrl('');
      return { notice: next ? 'Slack webhook saved.' : 'Slack webhook removed.' };
    });

  const sendTest = () =>
    testAction.run(async () => {
      const result = await adminSettingsCall('sendSlackTest', {});
      if (!result.ok) return { error: result.error };
      return result.data.delivered
        ? { notice: result.data.message }
        : { error: { kind: 'Unavailable', message: result.data.message } };
    });

  const urlError = webhookAction.error?.fields?.url;
  return (
    <Stack space="space.300">
      <Heading size="medium">Slack</Heading>
      <ActionMessages action={webhookAction} failureTitle="Not saved" />
      <ActionMessages action={testAction} failureTitle="Test message not delivered" />
      <Text>
        {props.webhook.configured
          ? `Finalized postmortems, the daily reminders and the monthly trend report are posted to ${props.webhook.masked ?? 'your webhook'}.`
          : 'Slack is not set up: finalized postmortems still create their action items, but nobody is told.'}
      </Text>
      <Stack space="space.050">
        <Label labelFor="slack-webhook">Incoming webhook URL</Label>
        <Textfield
          id="slack-webhook"
          type="password"
          value={url}
          isInvalid={urlError !== undefined}
          onChange={(event) => setUrl(String(event.target.value ?? ''))}
        />
        <FieldMessage
          error={urlError}
          help="An https://hooks.slack.com/… address. Stored as a secret; it is never shown again, only its last characters."
        />
      </Stack>
      <Inline space="space.100">
        <Button isDisabled={busy || !url.trim()} onClick={() => void saveWebhook(url)}>
          Save webhook
        </Button>
        <Button isDisabled={busy || !props.webhook.configured} onClick={() => void sendTest()}>
          Send test message
        </Button>
        <Button
          appearance="subtle"
          isDisabled={busy || !props.webhook.configured}
          onClick={() => void saveWebhook(null)}
        >
          Remove webhook
        </Button>
      </Inline>
    </Stack>
  );
}
