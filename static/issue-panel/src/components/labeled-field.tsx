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
