// The host first, so it answers the app's first reconcile; then the module's own entry, exactly as Forge
// bundles it. Which module this page is comes from its Forge context, as it does for Jira's host.
import './host/install-host';

const UI_KIT_MODULES: Record<string, () => Promise<unknown>> = {
  'jira:adminPage': () => import('../../static/admin-settings/index'),
  'jira:issueContext': () => import('../../static/issue-context/index'),
  'jira:dashboardGadget': () => import('../../static/dashboard-gadget/index'),
};

const bridge = (globalThis as { __bridge?: { callBridge(name: string): Promise<unknown> } }).__bridge;
const context = (await bridge?.callBridge('getContext')) as { extension?: { type?: string } } | undefined;
const load = UI_KIT_MODULES[context?.extension?.type ?? ''];
if (!load) throw new Error(`The local UI Kit host has no module of type "${context?.extension?.type}".`);
await load();
