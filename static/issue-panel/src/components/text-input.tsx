import Textfield from '@atlaskit/textfield';
import { LabeledField, textControlProps } from './labeled-field';

/** A labelled single-line text field; a null value (an optional header field) shows empty. */
export function TextInput(props: {
  id: string;
  label: string;
  value: string | null;
  readOnly: boolean;
  onChange: (value: string) => void;
  type?: 'text' | 'number';
  placeholder?: string;
}) {
  return (
    <LabeledField id={props.id} label={props.label}>
      <Textfield
        {...textControlProps(props)}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        placeholder={props.placeholder}
      />
    </LabeledField>
  );
}
