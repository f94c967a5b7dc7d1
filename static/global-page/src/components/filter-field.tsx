import { Box, Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ComponentProps, ReactNode } from 'react';

type BoxStyles = ComponentProps<typeof Box>['xcss'];

/** A filter's visible label above its control, the control in a box of the filter's width. */
export function FilterField(props: { id: string; label: string; styles: BoxStyles; children: ReactNode }) {
  return (
    <Stack space="space.050">
      <label htmlFor={props.id}>{props.label}</label>
      <Box xcss={props.styles}>{props.children}</Box>
    </Stack>
  );
}

/** A labelled text filter; its id is also its test id. */
export function TextFilter(props: {
  id: string;
  label: string;
  styles: BoxStyles;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  return (
    <FilterField id={props.id} label={props.label} styles={props.styles}>
      <Textfield
        id={props.id}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        testId={props.id}
      />
    </FilterField>
  );
}
