import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import { useEffect, useRef, type ReactNode } from 'react';

const sectionStyles = xcss({
  paddingBlock: 'space.150',
  borderBlockStartWidth: 'border.width',
  borderBlockStartStyle: 'solid',
  borderBlockStartColor: 'color.border',
});

const FIELDS = 'input:not([type="hidden"]), textarea, [role="combobox"]';

/**
 * One template section, read or edited in place. The id (`section-rootCause`) matches the finding path,
 * so "Finalize" can move focus to the first section with a blocker; tabIndex -1 makes it focusable
 * without a tab stop. `onToggle` is absent when the section cannot be edited on its own (read-only, or
 * the whole document is being edited). `fieldsReady` is false while the lazily loaded editor is still
 * on its way: focus waits for its fields instead of being lost.
 */
export function DocumentSection({
  path,
  title,
  editing,
  fieldsReady = true,
  onToggle,
  children,
}: {
  path: string;
  title: string;
  editing: boolean;
  fieldsReady?: boolean;
  onToggle?: () => void;
  children: ReactNode;
}) {
  const sectionRef = useRef<HTMLElement>(null);
  const openedHere = useRef(false);
  // Opened with its Edit button: the keyboard goes on in the section's first field, not back at the top.
  useEffect(() => {
    if (!editing || !fieldsReady || !openedHere.current) return;
    openedHere.current = false;
    sectionRef.current?.querySelector<HTMLElement>(FIELDS)?.focus();
  }, [editing, fieldsReady]);
  return (
    <Box
      ref={sectionRef}
      as="section"
      xcss={sectionStyles}
      id={`section-${path}`}
      tabIndex={-1}
      testId={`section-${path}`}
    >
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" spread="space-between">
          <Heading size="small" as="h3">
            {title}
          </Heading>
          {onToggle ? (
            <Button
              appearance={editing ? 'primary' : 'subtle'}
              spacing="compact"
              aria-label={editing ? `Done editing ${title}` : `Edit ${title}`}
              onClick={() => {
                openedHere.current = !editing;
                onToggle();
              }}
            >
              {editing ? 'Done' : 'Edit'}
            </Button>
          ) : null}
        </Inline>
        {children}
      </Stack>
    </Box>
  );
}
