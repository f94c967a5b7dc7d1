import {
  Button,
  ErrorMessage,
  Form,
  FormFooter,
  HelperMessage,
  Label,
  SectionMessage,
  Stack,
  Text,
  Textfield,
} from '@forge/react';
import { useState } from 'react';
import { MAX_GADGET_PROJECTS, MAX_GADGET_ROWS } from '../../src/contract/dashboard-gadget-api';
import { submitView } from '../shared/api/bridge';
import { checkConfigForm, configForm, type ConfigForm } from './config-form';

/** The gadget's edit view: which projects, and how many rows per list. */
export function GadgetConfigForm({ stored }: { stored: Record<string, unknown> }) {
  const [form, setForm] = useState<ConfigForm>(() => configForm(stored));
  const [problems, setProblems] = useState<Partial<Record<keyof ConfigForm, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const checked = checkConfigForm(form, stored);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setSaving(true);
    try {
      await submitView(checked.config);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };
  const below = (field: keyof ConfigForm, help: string) => {
    const problem = problems[field];
    return problem ? <ErrorMessage>{problem}</ErrorMessage> : <HelperMessage>{help}</HelperMessage>;
  };

  return (
    <Form onSubmit={save}>
      <Stack space="space.200">
        {failure && (
          <SectionMessage appearance="error" title="Not saved">
            <Text>{failure}</Text>
            <Text>Try again; if it keeps failing, reload the dashboard.</Text>
          </SectionMessage>
        )}
        <Stack space="space.050">
          <Label labelFor="projectKeys">Projects</Label>
          <Textfield
            id="projectKeys"
            value={form.projectKeys}
            isInvalid={problems.projectKeys !== undefined}
            onChange={(event) => setForm({ ...form, projectKeys: String(event.target.value ?? '') })}
          />
          {below(
            'projectKeys',
            `Up to ${MAX_GADGET_PROJECTS} project keys separated by commas; empty shows every project each viewer can browse.`,
          )}
        </Stack>
        <Stack space="space.050">
          <Label labelFor="rows">Rows per list</Label>
          <Textfield
            id="rows"
            value={form.rows}
            isInvalid={problems.rows !== undefined}
            onChange={(event) => setForm({ ...form, rows: String(event.target.value ?? '') })}
          />
          {below('rows', `From 1 to ${MAX_GADGET_ROWS}.`)}
        </Stack>
        <FormFooter>
          <Button appearance="primary" type="submit" isDisabled={saving}>
            Save
          </Button>
        </FormFooter>
      </Stack>
    </Form>
  );
}
