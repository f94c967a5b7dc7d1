import TextArea from '@atlaskit/textarea';
import { LabeledField } from './labeled-field';

/** A labelled multi-line field that grows with its text. */
export function TextAreaInput(props: {
  id: string;
  label: string;
  value: string;
  readOnly: boolean;
  onChange: (value: string) => void;
  minimumRows?: number;
}) {
  return (
    <LabeledField id={props.id} label={props.label}>
      <TextArea
        id={props.id}
        name={props.id}
        testId={props.id}
        value={props.value}
        isReadOnly={props.readOnly}
        minimumRows={props.minimumRows ?? 3}
        resize="vertical"
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </LabeledField>
  );
}
