import {
  ErrorMessage,
  Heading,
  HelperMessage,
  Label,
  RadioGroup,
  Stack,
  TextArea,
  Textfield,
} from '@forge/react';
import type { TextFieldSpec } from './settings-section';

/** The server's error for the field if it has one, else the help text. */
export function FieldMessage({ error, help }: { error: string | undefined; help: string }) {
  return error ? <ErrorMessage>{error}</ErrorMessage> : <HelperMessage>{help}</HelperMessage>;
}

export interface TextSettingProps {
  name: string;
  label: string;
  help: string;
  multiline?: boolean;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** A labelled text field (or text area) with its help or the server's error below. */
export function TextSetting({ name, label, help, multiline, value, error, onChange }: TextSettingProps) {
  const input = {
    id: name,
    value,
    isInvalid: error !== undefined,
    onChange: (event: { target: { value?: unknown } }) =>
      onChange(typeof event.target.value === 'string' ? event.target.value : ''),
  };
  return (
    <Stack space="space.050">
      <Label labelFor={name}>{label}</Label>
      {multiline ? <TextArea {...input} /> : <Textfield {...input} />}
      <FieldMessage error={error} help={help} />
    </Stack>
  );
}

/** A section's text fields in order, each with its value, error and edits from the section's form. */
export function TextSettings<Form>(props: {
  fields: Array<TextFieldSpec<Form>>;
  input: (name: TextFieldSpec<Form>['name']) => Pick<TextSettingProps, 'value' | 'error' | 'onChange'>;
}) {
  return props.fields.map((spec) => <TextSetting key={spec.name} {...spec} {...props.input(spec.name)} />);
}

export interface RadioSettingProps<Value extends string> {
  name: string;
  label: string;
  help: string;
  options: Array<{ value: Value; label: string }>;
  value: Value;
  error: string | undefined;
  onChange: (value: Value) => void;
}

/**
 * A radio group named by a heading. Not a `Label`: UI Kit's `Label` needs a `labelFor`, and a group has
 * no input it could point at (UI Kit's RadioGroup takes no id), so the name comes by `aria-labelledby`.
 * https://developer.atlassian.com/platform/forge/ui-kit/components/radio-group/
 */
export function RadioSetting<Value extends string>(props: RadioSettingProps<Value>) {
  const headingId = `${props.name}-heading`;
  return (
    <Stack space="space.050">
      <Heading as="h4" size="xxsmall" id={headingId}>
        {props.label}
      </Heading>
      <RadioGroup
        name={props.name}
        aria-labelledby={headingId}
        options={props.options.map((option) => ({ ...option, name: props.name }))}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as Value)}
      />
      <FieldMessage error={props.error} help={props.help} />
    </Stack>
  );
}
