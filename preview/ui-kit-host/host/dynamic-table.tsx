import DynamicTable from '@atlaskit/dynamic-table';
import type { ReactNode } from 'react';
import type { ForgeDoc } from './forge-doc';

/**
 * `@forge/react`'s DynamicTable cannot send `head` and `rows` as props (their cells hold elements), so it
 * sends them as children: `ContentWrapper name="head"` with `Cell`s, `ContentWrapper name="rows"` with
 * `Row`s of `Cell`s, keys renamed `cellKey`/`rowKey` (node_modules/@forge/react/out/components/dynamic-table.js).
 * The host puts them back into the props Atlassian's DynamicTable takes.
 */
export function drawDynamicTable(node: ForgeDoc, draw: (node: ForgeDoc) => ReactNode): ReactNode {
  const part = (name: string) =>
    node.children.find((child) => child.type === 'ContentWrapper' && child.props.name === name)?.children ??
    [];
  const cell = (child: ForgeDoc) => {
    const { cellKey, ...props } = child.props;
    return { ...props, key: String(cellKey), content: child.children.map(draw) };
  };
  const headCells = part('head');
  const rows = part('rows').map((row) => {
    const { rowKey, ...props } = row.props;
    return { ...props, key: String(rowKey), cells: row.children.map(cell) };
  });
  return (
    <DynamicTable
      key={node.key}
      {...node.props}
      head={headCells.length > 0 ? { cells: headCells.map(cell) } : undefined}
      rows={rows}
    />
  );
}
