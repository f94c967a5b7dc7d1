import { Spinner, useProductContext } from '@forge/react';
import { FollowThroughGadget } from './follow-through-gadget';
import { GadgetConfigForm } from './gadget-config-form';

interface GadgetExtension {
  entryPoint?: string;
  gadgetConfiguration?: Record<string, unknown>;
}

/**
 * The "Postmortem follow-through" dashboard gadget (UI Kit, `jira:dashboardGadget`): Jira opens the
 * same resource for the gadget's view and, with `entryPoint: 'edit'`, for its configuration.
 */
export function DashboardGadgetApp() {
  const context = useProductContext();
  if (!context) return <Spinner label="Loading the gadget" />;
  const extension = (context.extension ?? {}) as GadgetExtension;
  if (extension.entryPoint === 'edit')
    return <GadgetConfigForm stored={extension.gadgetConfiguration ?? {}} />;
  return <FollowThroughGadget />;
}
