import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { DocumentAction } from '../logic/document-reducer';
import type { TimelineRow } from '../logic/panel-types';
import { RowControls } from './row-controls';
import { TextAreaInput } from './text-area-input';
import { TextInput } from './text-input';

const rowStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral.subtle.hovered',
});

/** Timeline rows (time, event), stacked so the narrow panel never scrolls sideways. */
export function TimelineEditor({
  rows,
  readOnly,
  dispatch,
}: {
  rows: readonly TimelineRow[];
  readOnly: boolean;
  dispatch: (action: DocumentAction) => void;
}) {
  return (
    <Stack space="space.100">
      {rows.length === 0 ? (
        <EmptyState
          header="No timeline yet"
          description="Add what happened, minute by minute, from detection to resolution."
          headingLevel={4}
          width="narrow"
        />
      ) : null}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <Box key={row.id} xcss={rowStyles} testId={`timeline-row-${n}`}>
            <Stack space="space.100">
              <TextInput
                id={`timeline-${row.id}-time`}
                label={`Time ${n}`}
                placeholder="14:23"
                value={row.time}
                readOnly={readOnly}
                onChange={(time) => dispatch({ type: 'updateTimelineRow', id: row.id, patch: { time } })}
              />
              <TextAreaInput
                id={`timeline-${row.id}-event`}
                label={`Event ${n}`}
                minimumRows={1}
                value={row.event}
                readOnly={readOnly}
                onChange={(event) => dispatch({ type: 'updateTimelineRow', id: row.id, patch: { event } })}
              />
              {readOnly ? null : (
                <RowControls
                  noun="timeline row"
                  position={n}
                  count={rows.length}
                  onMove={(step) => dispatch({ type: 'moveTimelineRow', id: row.id, step })}
                  onRemove={() => dispatch({ type: 'removeTimelineRow', id: row.id })}
                />
              )}
            </Stack>
          </Box>
        );
      })}
      {readOnly ? null : (
        <Box>
          <Button onClick={() => dispatch({ type: 'addTimelineRow' })}>Add timeline row</Button>
        </Box>
      )}
    </Stack>
  );
}
