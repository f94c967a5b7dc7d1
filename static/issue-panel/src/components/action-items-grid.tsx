import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives';
import type { Finding } from '../../../../src/contract/issue-panel-api';
import type { DocumentAction } from '../logic/document-reducer';
import { findingsForActionItem } from '../logic/findings-for-section';
import type { ActionItem } from '../logic/panel-types';
import { EditableGrid, type GridColumn } from './editable-grid';
import { GridTextCell } from './grid-text-cell';
import { OwnerPicker } from './owner-picker';
import { SectionFindings } from './section-findings';

type Dispatch = (action: DocumentAction) => void;

function actionItemColumns(dispatch: Dispatch): Array<GridColumn<ActionItem>> {
  const update = (id: string, patch: Partial<Omit<ActionItem, 'id'>>) =>
    dispatch({ type: 'updateActionItem', id, patch });
  return [
    {
      key: 'action',
      header: 'Action',
      kind: 'multiline',
      render: (item, cell) => (
        <Stack space="space.050">
          {item.createdIssueKey ? <Lozenge appearance="inprogress">{item.createdIssueKey}</Lozenge> : null}
          <GridTextCell
            cell={cell}
            type="multiline"
            value={item.action}
            onChange={(action) => update(item.id, { action })}
          />
        </Stack>
      ),
    },
    {
      key: 'owner',
      header: 'Owner',
      kind: 'picker',
      width: '25%',
      render: (item, cell) => (
        <OwnerPicker
          id={cell.id}
          label={cell.label}
          owner={item.owner}
          readOnly={cell.readOnly}
          onChange={(owner) => update(item.id, { owner })}
        />
      ),
    },
    {
      key: 'due',
      header: 'Due date',
      kind: 'date',
      width: '8.75rem',
      render: (item, cell) => (
        <GridTextCell
          cell={cell}
          type="date"
          value={item.dueDate ?? ''}
          onChange={(date) => update(item.id, { dueDate: date === '' ? null : date })}
        />
      ),
    },
    {
      key: 'ref',
      header: 'Reference',
      label: 'External reference',
      kind: 'text',
      width: '5.5rem',
      render: (item, cell) => (
        <GridTextCell
          cell={cell}
          placeholder="OPS-123"
          value={item.externalRef ?? ''}
          onChange={(value) => update(item.id, { externalRef: value.trim() === '' ? null : value })}
        />
      ),
    },
  ];
}

/**
 * Action items as a grid. Cell ids are `action-item-<id>-<field>` so a blocker can focus the field to
 * fix; names are numbered by position ("Owner 2") for screen readers and browser tests.
 */
export function ActionItemsGrid({
  items,
  findings,
  readOnly,
  dispatch,
}: {
  items: readonly ActionItem[];
  findings: readonly Finding[];
  readOnly: boolean;
  dispatch: Dispatch;
}) {
  return (
    <EditableGrid
      caption="Action items"
      noun="action item"
      idPrefix="action-item"
      list="actionItems"
      rows={items}
      columns={actionItemColumns(dispatch)}
      addLabel="Add action item"
      readOnly={readOnly}
      empty={{
        header: 'No action items yet',
        description: 'Each action needs an owner and a due date before the postmortem can be finalized.',
      }}
      dispatch={dispatch}
      rowDetail={(item, index) => {
        const rowFindings = findingsForActionItem(findings, item.id);
        return rowFindings.length === 0 ? null : (
          <SectionFindings
            findings={rowFindings}
            text={item.action}
            testId={`findings-action-item-${index + 1}`}
          />
        );
      }}
    />
  );
}
