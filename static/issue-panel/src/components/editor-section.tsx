import Heading from '@atlaskit/heading';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

const sectionStyles = xcss({
  paddingBlock: 'space.150',
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderBlockStartColor: 'color.border',
});

/**
 * One template section. The id (`section-rootCause`) matches the finding path, so "Finalize" can
 * move focus to the first section with a blocker; tabIndex -1 makes it focusable without a tab stop.
 */
export function EditorSection({
  path,
  title,
  children,
}: {
  path: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Box as="section" xcss={sectionStyles} id={`section-${path}`} tabIndex={-1} testId={`section-${path}`}>
      <Stack space="space.150">
        <Heading size="small" as="h3">
          {title}
        </Heading>
        {children}
      </Stack>
    </Box>
  );
}
