import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';

const cellStyle: CSSProperties = {
  padding: `${token('space.075')} ${token('space.100')}`,
  verticalAlign: 'top',
  textAlign: 'start',
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  font: token('font.body'),
  color: token('color.text'),
  overflowWrap: 'anywhere',
};
const headerStyle: CSSProperties = {
  ...cellStyle,
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
};

/** A read-only table of the document (timeline, action items) in the panel's type and tokens. */
export function ReadTable({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string;
  columns: ReadonlyArray<{ header: string; width?: string }>;
  rows: ReadonlyArray<{ key: string; cells: ReactNode[] }>;
  testId: string;
}) {
  return (
    <table aria-label={caption} data-testid={testId} style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" style={{ ...headerStyle, width: column.width }}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) => (
              <td key={index} style={cellStyle}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
