import TextArea from '@atlaskit/textarea';
import { LabeledField, textControlProps } from './labeled-field';

/**
 * Atlaskit's text area is a flex item with `flex-basis: 100%`, which in a wrapper of automatic height
 * resolves to its rows, so the height its "smart" resize sets was ignored and long text was cut off.
 * With `flex-basis: auto` the height it sets is the height it gets.
 */
export const GROW_WITH_TEXT = { flexBasis: 'auto' } as const;

/** A labelled multi-line field that grows with its text (at least `minimumRows` high). */
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
        resize="smart"
        style={GROW_WITH_TEXT}
      />
    </LabeledField>
  );
}
