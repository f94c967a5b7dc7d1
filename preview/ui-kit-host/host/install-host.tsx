/**
 * The Forge host page's side of UI Kit, for the local preview. Imported before the app's own entry,
 * so the bridge answers `reconcile` by the time `ForgeReconciler.render` commits its first tree.
 * Every other bridge call (invoke, getContext, requestJira's fetchProduct, …) goes on to the preview's
 * bridge shim and through the same local Forge platform as the Custom UI pages.
 */
import { createRoot } from 'react-dom/client';
import { createForgeDocStore, type ForgeDoc } from './forge-doc';
import { UiKitHost } from './ui-kit-host';
import { ProductGetContext, type ProductGet } from './user-picker';

interface Bridge {
  callBridge(name: string, payload?: unknown): Promise<unknown>;
}

const shim = (globalThis as { __bridge?: Bridge }).__bridge;
if (!shim) throw new Error('The UI Kit host needs the preview bridge shim (/__preview/bridge-shim.js).');

const store = createForgeDocStore();
(globalThis as { __bridge?: Bridge }).__bridge = {
  callBridge(name, payload) {
    if (name === 'reconcile') {
      store.reconcile((payload as { forgeDoc: ForgeDoc }).forgeDoc);
      return Promise.resolve();
    }
    return shim.callBridge(name, payload);
  },
};

// In Jira the host page follows the user's theme for UI Kit apps; the shim applies Atlassian's tokens.
void shim.callBridge('enableTheming');
const root = document.getElementById('root');
if (!root) throw new Error('The UI Kit host page has no #root element.');
// Components that read the product themselves (the user picker) ask Jira through the same bridge.
const productGet: ProductGet = (restPath) =>
  shim.callBridge('fetchProduct', {
    restPath,
    fetchRequestInit: { method: 'GET' },
  }) as ReturnType<ProductGet>;
createRoot(root).render(
  <ProductGetContext.Provider value={productGet}>
    <UiKitHost store={store} />
  </ProductGetContext.Provider>,
);
