import { useSyncExternalStore, type ReactNode } from 'react';
import { drawDynamicTable } from './dynamic-table';
import type { ForgeDoc, ForgeDocStore } from './forge-doc';
import { UI_KIT_COMPONENTS } from './ui-kit-components';

/** Components whose `@forge/react` element sends part of its props as child nodes, drawn from the tree. */
const TREE_COMPONENTS: Record<string, (node: ForgeDoc, draw: (node: ForgeDoc) => ReactNode) => ReactNode> = {
  DynamicTable: drawDynamicTable,
};

/** Whether the host can draw a UI Kit component (by its element's name). */
export function hostDraws(name: string): boolean {
  return name in UI_KIT_COMPONENTS || name in TREE_COMPONENTS;
}

/**
 * A component this host cannot draw is shown, not skipped: a page that silently lost a control would
 * pass for working. The e2e tests fail on it (they look for this test id).
 */
export function UnknownComponent({ name }: { name: string }) {
  return (
    <div
      role="alert"
      data-testid="ui-kit-unknown-component"
      style={{ border: '2px dashed currentColor', padding: 8, margin: '4px 0' }}
    >
      The local UI Kit host cannot draw &lt;{name}&gt;
    </div>
  );
}

function renderNode(node: ForgeDoc): ReactNode {
  if (node.type === 'String') return typeof node.props.text === 'string' ? node.props.text : '';
  const children = node.children.map(renderNode);
  if (node.type === 'Root') return children;
  const drawTree = TREE_COMPONENTS[node.type];
  if (drawTree) return drawTree(node, renderNode);
  const Component = UI_KIT_COMPONENTS[node.type];
  if (!Component) return <UnknownComponent key={node.key} name={node.type} />;
  return (
    <Component key={node.key} {...node.props}>
      {children.length > 0 ? children : undefined}
    </Component>
  );
}

/** Draws the app's latest tree; every reconcile from `@forge/react` redraws it. */
export function UiKitHost({ store }: { store: ForgeDocStore }) {
  const { doc } = useSyncExternalStore(store.subscribe, store.current, store.current);
  return <div data-testid="ui-kit-host">{doc ? renderNode(doc) : null}</div>;
}
