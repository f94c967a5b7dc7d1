import { Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

/** A visible label tied to its input by id: every field has an accessible name. */
export function LabeledField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </Stack>
  );
}

/** What a document's text field or text area is given alike: its id (also name and test id), read-only, edits. */
export const textControlProps = (props: {
  id: string;
  readOnly: boolean;
  onChange: (value: string) => void;
}) => ({
  id: props.id,
  name: props.id,
  testId: props.id,
  isReadOnly: props.readOnly,
  onChange: (event: { currentTarget: { value: string } }) => props.onChange(event.currentTarget.value),
});
