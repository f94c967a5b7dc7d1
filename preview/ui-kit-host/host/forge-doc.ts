/**
 * The tree `@forge/react` hands its host: `ForgeReconciler.render` builds it with `createElement`
 * (node_modules/@forge/react/out/reconciler.js) and sends the root on every commit through
 * `__bridge.callBridge('reconcile', { forgeDoc })`. Text is a `String` node whose `text` prop holds it.
 * In this host the app runs in the same page, so function props are the app's own handlers.
 */
export interface ForgeDoc {
  type: string;
  props: Record<string, unknown>;
  children: ForgeDoc[];
  key: string;
}

/** The latest tree from the app, and who to tell when a commit changes it. */
export interface ForgeDocStore {
  // Properties, not methods: React is handed `current` and `subscribe` on their own.
  current: () => { doc: ForgeDoc | undefined; version: number };
  subscribe: (listener: () => void) => () => void;
  reconcile: (doc: ForgeDoc) => void;
}

export function createForgeDocStore(): ForgeDocStore {
  // The reconciler mutates one tree in place, so a version number tells React that it changed.
  let state: { doc: ForgeDoc | undefined; version: number } = { doc: undefined, version: 0 };
  const listeners = new Set<() => void>();
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reconcile(doc) {
      state = { doc, version: state.version + 1 };
      listeners.forEach((listener) => listener());
    },
  };
}

/** Every component type in a tree (without the reconciler's own `Root` and `String`). */
export function componentTypes(doc: ForgeDoc): Set<string> {
  const types = new Set<string>();
  const visit = (node: ForgeDoc) => {
    if (node.type !== 'Root' && node.type !== 'String') types.add(node.type);
    node.children.forEach(visit);
  };
  visit(doc);
  return types;
}
