import {
  Button,
  Form,
  FormFooter,
  FormSection,
  Heading,
  SectionMessage,
  Spinner,
  Stack,
  Text,
} from '@forge/react';
import type { ReactElement } from 'react';
import { ActionMessages } from './action-messages';
import { DeadlinesSection } from './deadlines-section';
import { FollowThroughSection } from './follow-through-section';
import { IncidentsSection } from './incidents-section';
import { LabelsSection } from './labels-section';
import { MaturitySection } from './maturity-section';
import { ReviewSettingsSection } from './review-section';
import type { SectionProps } from './settings-section';
import { SlackSection } from './slack-section';
import { TemplatesSection } from './templates-section';
import { useAdminSettings } from './use-admin-settings';

/** The settings form's sections in page order: a new section is its own file and one line here. */
const FORM_SECTIONS: Record<string, (props: SectionProps) => ReactElement> = {
  incidents: IncidentsSection,
  deadlines: DeadlinesSection,
  labels: LabelsSection,
  followThrough: FollowThroughSection,
  maturity: MaturitySection,
  review: ReviewSettingsSection,
  templates: TemplatesSection,
};

/** Jira admins configure the app here (UI Kit `jira:adminPage`, also the app's configure page). */
export function AdminSettingsPage() {
  const page = useAdminSettings();
  const { loaded } = page;

  if (loaded.kind === 'loading') return <Spinner label="Loading settings" />;
  if (loaded.kind === 'error') {
    return (
      <SectionMessage appearance="error" title="Settings unavailable">
        <Text>{loaded.error.message}</Text>
      </SectionMessage>
    );
  }
  const view = loaded.data;

  return (
    <Stack space="space.300">
      <Heading size="large">Postmortem settings</Heading>
      <ActionMessages action={page.save} failureTitle="Not saved" />
      <Form onSubmit={() => void page.saveSettings(view.settings)}>
        <FormSection>
          {Object.entries(FORM_SECTIONS).map(([name, Section]) => (
            <Section
              key={`${name}-${page.savedCount}`}
              settings={view.settings}
              fieldErrors={page.save.error?.fields}
              onEdit={(edit) => page.edit(name, edit)}
            />
          ))}
        </FormSection>
        <FormFooter>
          <Button appearance="primary" type="submit" isDisabled={page.save.busy}>
            Save settings
          </Button>
        </FormFooter>
      </Form>
      <SlackSection webhook={view.slackWebhook} onWebhookChanged={page.acceptWebhook} />
    </Stack>
  );
}
