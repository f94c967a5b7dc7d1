import Button from '@atlaskit/button/new';
import { DatePicker } from '@atlaskit/datetime-picker';
import EmptyState from '@atlaskit/empty-state';
import { Label } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { Finding } from '../../../../src/contract/issue-panel-api';
import type { DocumentAction } from '../logic/document-reducer';
import { findingsForActionItem } from '../logic/findings-for-section';
import type { ActionItem } from '../logic/panel-types';
import { OwnerPicker } from './owner-picker';
import { RowControls } from './row-controls';
import { SectionFindings } from './section-findings';
import { TextAreaInput } from './text-area-input';
import { TextInput } from './text-input';

const rowStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral.subtle.hovered',
});

/**
 * Action item rows. Input ids are `action-item-<id>-<field>` so a blocker can focus the field to
 * fix; labels are numbered by position ("Owner 2") for screen readers and browser tests.
 */
export function ActionItemsEditor({
  items,
  findings,
  readOnly,
  dispatch,
}: {
  items: readonly ActionItem[];
  findings: readonly Finding[];
  readOnly: boolean;
  dispatch: (action: DocumentAction) => void;
}) {
  return (
    <Stack space="space.100">
      {items.length === 0 ? (
        <EmptyState
          header="No action items yet"
          description="Each action needs an owner and a due date before the postmortem can be finalized."
          headingLevel={4}
          width="narrow"
        />
      ) : null}
      {items.map((item, index) => {
        const n = index + 1;
        const update = (patch: Partial<Omit<ActionItem, 'id'>>) =>
          dispatch({ type: 'updateActionItem', id: item.id, patch });
        return (
          <Box key={item.id} xcss={rowStyles} testId={`action-item-${item.id}`}>
            <Stack space="space.100">
              {item.createdIssueKey ? (
                <Box>
                  <Lozenge appearance="inprogress">{item.createdIssueKey}</Lozenge>
                </Box>
              ) : null}
              <TextAreaInput
                id={`action-item-${item.id}-action`}
                label={`Action ${n}`}
                minimumRows={1}
                value={item.action}
                readOnly={readOnly}
                onChange={(action) => update({ action })}
              />
              <OwnerPicker
                id={`action-item-${item.id}-owner`}
                label={`Owner ${n}`}
                owner={item.owner}
                readOnly={readOnly}
                onChange={(owner) => update({ owner })}
              />
              <Stack space="space.050">
                <Label htmlFor={`action-item-${item.id}-due`}>{`Due date ${n}`}</Label>
                <DatePicker
                  id={`action-item-${item.id}-due`}
                  label={`Due date ${n}`}
                  testId={`action-item-${item.id}-due`}
                  value={item.dueDate ?? ''}
                  isDisabled={readOnly}
                  dateFormat="YYYY-MM-DD"
                  placeholder="YYYY-MM-DD"
                  clearControlLabel={`Clear due date ${n}`}
                  onChange={(date) => update({ dueDate: date === '' ? null : date })}
                />
              </Stack>
              <TextInput
                id={`action-item-${item.id}-ref`}
                label={`External reference ${n}`}
                placeholder="e.g. OPS-123 or a link"
                value={item.externalRef}
                readOnly={readOnly}
                onChange={(value) => update({ externalRef: value.trim() === '' ? null : value })}
              />
              <SectionFindings
                findings={findingsForActionItem(findings, item.id)}
                text={item.action}
                testId={`findings-action-item-${n}`}
              />
              {readOnly ? null : (
                <RowControls
                  noun="action item"
                  position={n}
                  count={items.length}
                  onMove={(step) => dispatch({ type: 'moveActionItem', id: item.id, step })}
                  onRemove={() => dispatch({ type: 'removeActionItem', id: item.id })}
                />
              )}
            </Stack>
          </Box>
        );
      })}
      {readOnly ? null : (
        <Box>
          <Button onClick={() => dispatch({ type: 'addActionItem' })}>Add action item</Button>
        </Box>
      )}
    </Stack>
  );
}
