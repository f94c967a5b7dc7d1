import TextArea from '@atlaskit/textarea';
import { LabeledField, textControlProps } from './labeled-field';

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
        {...textControlProps(props)}
        value={props.value}
        minimumRows={props.minimumRows ?? 3}
        resize="vertical"
      />
    </LabeledField>
  );
}
