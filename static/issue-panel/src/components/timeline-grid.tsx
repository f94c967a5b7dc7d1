import type { DocumentAction } from '../logic/document-reducer';
import type { TimelineRow } from '../logic/panel-types';
import { EditableGrid, type GridColumn } from './editable-grid';
import { GridTextCell } from './grid-text-cell';

type Dispatch = (action: DocumentAction) => void;

function timelineColumns(dispatch: Dispatch): Array<GridColumn<TimelineRow>> {
  const update = (id: string, patch: Partial<Omit<TimelineRow, 'id'>>) =>
    dispatch({ type: 'updateTimelineRow', id, patch });
  return [
    {
      key: 'time',
      header: 'Time',
      kind: 'text',
      width: '6.5rem',
      render: (row, cell) => (
        <GridTextCell
          cell={cell}
          placeholder="14:23"
          value={row.time}
          onChange={(time) => update(row.id, { time })}
        />
      ),
    },
    {
      key: 'event',
      header: 'Event',
      kind: 'multiline',
      render: (row, cell) => (
        <GridTextCell
          cell={cell}
          type="multiline"
          value={row.event}
          onChange={(event) => update(row.id, { event })}
        />
      ),
    },
  ];
}

/** The timeline as a grid: one row per event, time and event side by side. */
export function TimelineGrid({
  rows,
  readOnly,
  dispatch,
}: {
  rows: readonly TimelineRow[];
  readOnly: boolean;
  dispatch: Dispatch;
}) {
  return (
    <EditableGrid
      caption="Timeline"
      noun="timeline row"
      idPrefix="timeline"
      list="timeline"
      rows={rows}
      columns={timelineColumns(dispatch)}
      addLabel="Add timeline row"
      readOnly={readOnly}
      empty={{
        header: 'No timeline yet',
        description: 'Add what happened, minute by minute, from detection to resolution.',
      }}
      dispatch={dispatch}
    />
  );
}
