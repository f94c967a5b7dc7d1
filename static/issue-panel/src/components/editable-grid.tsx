import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import {
  draggable,
  dropTargetForElements,
  monitorForElements,
} from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { attachClosestEdge, extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge';
import type { Edge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/types';
import { getReorderDestinationIndex } from '@atlaskit/pragmatic-drag-and-drop-hitbox/util/get-reorder-destination-index';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Box, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import type { DocumentAction, GridList } from '../logic/document-reducer';
import { gridKeyCommand, rowMovedAnnouncement, type GridCellKind } from '../logic/grid-keyboard';

export interface GridColumn<Row> {
  key: string;
  /** Column heading; the cell's accessible name is `${label ?? header} ${row number}` ("Time 3"). */
  header: string;
  label?: string;
  kind: GridCellKind;
  width?: string;
  render: (row: Row, cell: { id: string; label: string; readOnly: boolean }) => ReactNode;
}

interface EditableGridProps<Row extends { id: string }> {
  /** The table's accessible name, and the drag scope: a row only drops into its own grid. */
  caption: string;
  /** Singular name of a row for buttons and announcements ("timeline row"). */
  noun: string;
  /** Cell ids are `${idPrefix}-${row.id}-${column.key}`, so a blocker can focus the cell to fix. */
  idPrefix: string;
  rows: readonly Row[];
  columns: ReadonlyArray<GridColumn<Row>>;
  addLabel: string;
  /** The empty state's heading and what to add. */
  empty: { header: string; description: string };
  /** A finalized document or a viewer without edit access: cells only, no add, move or remove. */
  readOnly: boolean;
  list: GridList;
  dispatch: (action: DocumentAction) => void;
  /** Shown under a row across the whole width (e.g. the row's check findings). */
  rowDetail?: (row: Row, index: number) => ReactNode;
}

const cellStyle: CSSProperties = {
  padding: token('space.050'),
  verticalAlign: 'top',
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
};
const headerStyle: CSSProperties = {
  ...cellStyle,
  textAlign: 'start',
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
};
// Visually hidden but read by screen readers: the live region announcing keyboard moves.
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

function dropEdgeStyle(edge: Edge | null): CSSProperties {
  if (edge === null) return {};
  const line = `inset 0 ${edge === 'top' ? '' : '-'}${token('border.width.selected')} 0 ${token('color.border.selected')}`;
  return { boxShadow: line };
}

const FOCUSABLE = 'input:not([type="hidden"]), textarea, button:not([disabled]), [role="combobox"]';

/** Focus the field before or after the cell (a date cell sits mid-row, so both exist in the table). */
function focusNeighbour(cell: Element, step: -1 | 1): void {
  const table = cell.closest('table');
  if (!table) return;
  const fields = [...table.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const positions = fields.map((field) => cell.contains(field));
  const index = step === 1 ? positions.lastIndexOf(true) + 1 : positions.indexOf(true) - 1;
  fields[index]?.focus();
}

interface RowDragData {
  [key: string | symbol]: unknown;
  grid: string;
  rowId: string;
  index: number;
}

const isRowDragData = (data: Record<string | symbol, unknown>, grid: string): boolean =>
  data.grid === grid && typeof data.rowId === 'string' && typeof data.index === 'number';

/**
 * One editable grid for the timeline and the action items: a table whose cells are the inputs, a
 * drag handle per row (Pragmatic drag and drop) and the keyboard model of `gridKeyCommand`.
 */
export function EditableGrid<Row extends { id: string }>(props: EditableGridProps<Row>) {
  const { caption, noun, idPrefix, rows, columns, list, dispatch } = props;
  const [announcement, setAnnouncement] = useState('');
  // After a keyboard add or move the focused cell's row changed: focus follows it once rendered.
  const [focusRequest, setFocusRequest] = useState<{ index: number; column: string } | null>(null);
  const cellId = (rowId: string, column: string) => `${idPrefix}-${rowId}-${column}`;

  useEffect(() => {
    if (!focusRequest) return;
    const row = rows[focusRequest.index];
    if (row) window.document.getElementById(`${idPrefix}-${row.id}-${focusRequest.column}`)?.focus();
    setFocusRequest(null);
  }, [focusRequest, rows, idPrefix]);

  useEffect(
    () =>
      monitorForElements({
        canMonitor: ({ source }) => isRowDragData(source.data, caption),
        onDrop: ({ source, location }) => {
          const target = location.current.dropTargets[0];
          if (!target || !isRowDragData(target.data, caption)) return;
          const from = source.data.index as number;
          const to = getReorderDestinationIndex({
            startIndex: from,
            indexOfTarget: target.data.index as number,
            closestEdgeOfTarget: extractClosestEdge(target.data),
            axis: 'vertical',
          });
          if (to !== from) dispatch({ type: 'moveRow', list, id: source.data.rowId as string, toIndex: to });
        },
      }),
    [caption, dispatch, list],
  );

  const onCellKey = (event: KeyboardEvent, kind: GridCellKind, index: number, column: string) => {
    if (event.defaultPrevented || props.readOnly) return;
    const command = gridKeyCommand(
      {
        key: event.key,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        isComposing: event.nativeEvent.isComposing,
      },
      { kind, row: index, rowCount: rows.length },
    );
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'leave-cell') {
      focusNeighbour(event.currentTarget, command.step);
    } else if (command.kind === 'add-row') {
      dispatch({ type: 'addRow', list, after: command.after });
      setFocusRequest({ index: command.after + 1, column: columns[0]?.key ?? column });
    } else {
      const row = rows[command.from];
      if (!row) return;
      dispatch({ type: 'moveRow', list, id: row.id, toIndex: command.to });
      setAnnouncement(rowMovedAnnouncement(noun, command.from, command.to, rows.length));
      setFocusRequest({ index: command.to, column });
    }
  };

  return (
    <Stack space="space.100">
      {rows.length === 0 ? (
        <EmptyState
          header={props.empty.header}
          description={props.empty.description}
          headingLevel={4}
          width="narrow"
        />
      ) : (
        <table
          aria-label={caption}
          style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }}
        >
          <colgroup>
            <col style={{ width: token('space.300') }} />
            {columns.map((column) => (
              <col key={column.key} style={column.width ? { width: column.width } : {}} />
            ))}
            <col style={{ width: token('space.400') }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" style={headerStyle}>
                <span style={visuallyHidden}>Drag to reorder</span>
              </th>
              {columns.map((column) => (
                <th key={column.key} scope="col" style={headerStyle}>
                  {column.header}
                </th>
              ))}
              <th scope="col" style={headerStyle}>
                <span style={visuallyHidden}>Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <GridRow
                key={row.id}
                grid={caption}
                rowId={row.id}
                index={index}
                draggable={!props.readOnly}
                detailColumns={columns.length + 2}
                detail={props.rowDetail?.(row, index)}
              >
                {columns.map((column) => (
                  <td
                    key={column.key}
                    style={cellStyle}
                    onKeyDown={(event) => onCellKey(event, column.kind, index, column.key)}
                  >
                    {column.render(row, {
                      id: cellId(row.id, column.key),
                      label: `${column.label ?? column.header} ${index + 1}`,
                      readOnly: props.readOnly,
                    })}
                  </td>
                ))}
                <td style={cellStyle}>
                  {props.readOnly ? null : (
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      aria-label={`Remove ${noun} ${index + 1}`}
                      onClick={() => dispatch({ type: 'removeRow', list, id: row.id })}
                    >
                      {/* A glyph, not the word: the narrow panel gives the width to the cells. */}✕
                    </Button>
                  )}
                </td>
              </GridRow>
            ))}
          </tbody>
        </table>
      )}
      <div role="status" aria-live="polite" style={visuallyHidden} data-testid={`${idPrefix}-announcement`}>
        {announcement}
      </div>
      {props.readOnly ? null : (
        <Box>
          <Button onClick={() => dispatch({ type: 'addRow', list })}>{props.addLabel}</Button>
        </Box>
      )}
    </Stack>
  );
}

/** One row: draggable by its handle, a drop target that shows on which edge the dragged row lands. */
function GridRow({
  grid,
  rowId,
  index,
  draggable: canDrag,
  detail,
  detailColumns,
  children,
}: {
  grid: string;
  rowId: string;
  index: number;
  draggable: boolean;
  detail: ReactNode;
  detailColumns: number;
  children: ReactNode;
}) {
  const rowRef = useRef<HTMLTableRowElement>(null);
  const handleRef = useRef<HTMLDivElement>(null);
  const [edge, setEdge] = useState<Edge | null>(null);

  useEffect(() => {
    const element = rowRef.current;
    const dragHandle = handleRef.current;
    if (!element || !dragHandle || !canDrag) return undefined;
    const data: RowDragData = { grid, rowId, index };
    return combine(
      draggable({ element, dragHandle, getInitialData: () => data }),
      dropTargetForElements({
        element,
        canDrop: ({ source }) => isRowDragData(source.data, grid),
        getData: ({ input }) => attachClosestEdge(data, { input, element, allowedEdges: ['top', 'bottom'] }),
        onDrag: ({ self }) => setEdge(extractClosestEdge(self.data)),
        onDragLeave: () => setEdge(null),
        onDrop: () => setEdge(null),
      }),
    );
  }, [grid, rowId, index, canDrag]);

  return (
    <>
      <tr ref={rowRef} data-testid={`${grid}-row-${index + 1}`} style={dropEdgeStyle(edge)}>
        <td style={cellStyle}>
          {/* A pointer affordance only: keyboard users move rows with Alt+ArrowUp/Down from any cell. */}
          <div
            ref={handleRef}
            hidden={!canDrag}
            aria-hidden
            title="Drag to reorder (or Alt+Arrow keys in a cell)"
            style={{ cursor: 'grab', color: token('color.icon.subtle'), paddingBlock: token('space.075') }}
          >
            ⋮⋮
          </div>
        </td>
        {children}
      </tr>
      {detail ? (
        <tr>
          <td colSpan={detailColumns} style={cellStyle}>
            {detail}
          </td>
        </tr>
      ) : null}
    </>
  );
}
