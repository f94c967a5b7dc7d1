import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { DocumentAction } from '../logic/document-reducer';
import type { TextListKey } from '../logic/panel-types';
import { TextAreaInput } from './text-area-input';

/** A bullet list section (contributing factors, what worked well, lessons learned). */
export function TextListEditor({
  listKey,
  items,
  itemLabel,
  addLabel,
  readOnly,
  dispatch,
}: {
  listKey: TextListKey;
  items: readonly string[];
  /** Singular name; the nth input is labelled `${itemLabel} n`. */
  itemLabel: string;
  addLabel: string;
  readOnly: boolean;
  dispatch: (action: DocumentAction) => void;
}) {
  return (
    <Stack space="space.100">
      {items.length === 0 ? (
        <Text as="p" color="color.text.subtlest">
          Nothing here yet.
        </Text>
      ) : null}
      {items.map((item, index) => (
        // Index keys: entries are plain strings without ids; removal re-renders the tail, which is fine for text.
        <Stack key={`${listKey}-${index}`} space="space.050">
          <TextAreaInput
            id={`${listKey}-${index}`}
            label={`${itemLabel} ${index + 1}`}
            minimumRows={1}
            value={item}
            readOnly={readOnly}
            onChange={(value) => dispatch({ type: 'updateListItem', key: listKey, index, value })}
          />
          {readOnly ? null : (
            <Inline>
              <Button
                appearance="subtle"
                spacing="compact"
                aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                onClick={() => dispatch({ type: 'removeListItem', key: listKey, index })}
              >
                Remove
              </Button>
            </Inline>
          )}
        </Stack>
      ))}
      {readOnly ? null : (
        <Box>
          <Button onClick={() => dispatch({ type: 'addListItem', key: listKey })}>{addLabel}</Button>
        </Box>
      )}
    </Stack>
  );
}
