import Textfield from '@atlaskit/textfield';
import { LabeledField } from './labeled-field';

/** A labelled single-line text field; `nullable` turns an emptied field into null for the document. */
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
        id={props.id}
        name={props.id}
        testId={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        isReadOnly={props.readOnly}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </LabeledField>
  );
}
