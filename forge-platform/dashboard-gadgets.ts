/**
 * Dashboard gadgets (`jira:dashboardGadget`): Jira keeps one configuration per gadget on a dashboard,
 * set by the gadget's edit view through `view.submit(config)` and handed to both entry points, and to
 * the resolver, as `context.extension.gadgetConfiguration`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-dashboard-gadget/).
 */
import { ForgePlatformError, type AppManifest } from './manifest';

/** One gadget on one dashboard, opened in its view or its edit entry point. */
export interface GadgetInstance {
  dashboardId: string;
  gadgetId: string;
  entryPoint?: 'edit';
}

// Jira keeps a gadget's configuration with the dashboard item; modelled with the limit of Jira's
// entity properties (32,768 characters of JSON), the stricter reading where the gadget page names none.
const MAX_CONFIGURATION_CHARS = 32_768;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function createGadgetConfigurations(manifest: AppManifest) {
  const stored = new Map<string, Record<string, unknown>>();
  const keyOf = (moduleKey: string, instance: GadgetInstance) =>
    `${moduleKey}\u0000${instance.dashboardId}\u0000${instance.gadgetId}`;
  const gadgetOf = (moduleKey: string) => {
    const gadget = manifest.gadgets.get(moduleKey);
    if (!gadget) throw new ForgePlatformError(`No jira:dashboardGadget "${moduleKey}" in manifest.yml.`);
    return gadget;
  };

  return {
    isGadget: (moduleKey: string) => manifest.gadgets.has(moduleKey),
    /** The `extension` Jira gives a gadget's UI and resolver: its ids, stored configuration, entry point. */
    extensionOf(moduleKey: string, instance: GadgetInstance): Record<string, unknown> {
      gadgetOf(moduleKey);
      return {
        type: 'jira:dashboardGadget',
        dashboard: { id: instance.dashboardId },
        gadget: { id: instance.gadgetId },
        // A gadget never configured has an empty configuration, not none.
        gadgetConfiguration: structuredClone(stored.get(keyOf(moduleKey, instance)) ?? {}),
        ...(instance.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}),
      };
    },
    /**
     * `view.submit(config)` from a gadget. Only the edit entry point of a gadget that declares `edit` can
     * submit: anywhere else the bridge answers `false` and `@forge/bridge` throws "this resource's view
     * is not submittable." (node_modules/@forge/bridge/out/view/submit.js). The configuration replaces
     * the stored one whole; `refresh` (auto-refresh minutes) must be a positive integer.
     */
    submit(moduleKey: string, instance: GadgetInstance, configuration: unknown): boolean {
      const gadget = gadgetOf(moduleKey);
      if (instance.entryPoint !== 'edit' || gadget.editResource === null) return false;
      if (!isPlainObject(configuration))
        throw new ForgePlatformError('A gadget configuration must be an object of fields.');
      const refresh = configuration.refresh;
      if (refresh !== undefined && !(Number.isInteger(refresh) && (refresh as number) > 0))
        throw new ForgePlatformError(
          'A gadget configuration\'s "refresh" must be a positive integer (minutes).',
        );
      const json = JSON.stringify(configuration);
      if (json.length > MAX_CONFIGURATION_CHARS)
        throw new ForgePlatformError(
          `A gadget configuration holds at most ${MAX_CONFIGURATION_CHARS} characters of JSON (this one: ${json.length}).`,
        );
      stored.set(keyOf(moduleKey, instance), JSON.parse(json) as Record<string, unknown>);
      return true;
    },
  };
}
