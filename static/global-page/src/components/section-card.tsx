import Heading from '@atlaskit/heading';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

const cardStyles = xcss({
  padding: 'space.200',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.large',
  backgroundColor: 'elevation.surface',
});

interface SectionCardProps {
  title: string;
  /** Optional controls shown beside the heading (e.g. a JQL link). */
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A titled panel; a `section` with the heading as its name so screen readers list it as a region. */
export function SectionCard({ title, actions, children, testId }: SectionCardProps) {
  const headingId = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Box as="section" xcss={cardStyles} aria-labelledby={headingId} testId={testId}>
      <Stack space="space.150">
        <Stack space="space.050">
          <Heading size="small" as="h2" id={headingId}>
            {title}
          </Heading>
          {actions}
        </Stack>
        {children}
      </Stack>
    </Box>
  );
}
