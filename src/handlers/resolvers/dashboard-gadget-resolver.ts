import {
  dashboardGadgetContract,
  gadgetConfigSchema,
  type GadgetConfig,
} from '../../contract/dashboard-gadget-api';
import { AppError } from '../../contract/errors';
import type { InvocationContext } from '../../contract/invocation-context';
import { loadFollowThrough } from '../../usecases/dashboard-gadget/load-follow-through';
import { viewerProjectCache, type ViewerProjectCache } from '../../usecases/trends/viewer-projects';
import { defineResolver } from './resolver-handlers';

/**
 * The configuration Jira stored for this gadget, from the invocation's context — never from the
 * payload, so a viewer cannot ask one gadget for another's projects. A configuration the gadget cannot
 * read (an older version's, or one edited outside the gadget) is refused with what to fix.
 */
function gadgetConfigOf(context: InvocationContext): GadgetConfig {
  const parsed = gadgetConfigSchema.safeParse(context.gadgetConfiguration ?? {});
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(
    parsed.error.issues.map((issue) => [issue.path.join('.') || '(configuration)', issue.message]),
  );
  const problems = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  throw new AppError(
    'InvalidInput',
    `This gadget's configuration cannot be used (${problems}). Edit the gadget and save its configuration again.`,
    { fields },
  );
}

/** The resolver with its own brief cache of who may browse which projects (one per function instance). */
export function createDashboardGadgetResolver(viewer: ViewerProjectCache = viewerProjectCache()) {
  return defineResolver(dashboardGadgetContract, {
    getFollowThrough: (_payload, services, context) =>
      loadFollowThrough(services, viewer, gadgetConfigOf(context)),
  });
}

export const dashboardGadgetResolver = createDashboardGadgetResolver();
