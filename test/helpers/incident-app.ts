/**
 * The app on the local Forge platform (through the preview's wiring) and the Jira emulator, with a fixed
 * clock: what the issue panel, glance and settings integration tests call, as a given user.
 */
import type { Result } from '../../src/contract/errors';
import type { InvocationContext } from '../../src/contract/invocation-context';
import type { DataOf, ResolverApi } from '../../src/contract/resolver-contract';
import { adminSettingsResolver } from '../../src/handlers/resolvers/admin-settings-resolver';
import { globalPageResolver } from '../../src/handlers/resolvers/global-page-resolver';
import { issueContextResolver } from '../../src/handlers/resolvers/issue-context-resolver';
import { issuePanelResolver } from '../../src/handlers/resolvers/issue-panel-resolver';
import type { ResolverImplementation } from '../../src/handlers/resolvers/resolver-handlers';
import {
  createPreviewApp,
  extensionOf,
  PREVIEW_ACCOUNT_ID,
  type PreviewApp,
} from '../../preview/preview-app';

export { PREVIEW_ACCOUNT_ID };

/** Monday morning, two days after the seeded incident was resolved (Saturday 15:10 UTC). */
export const NOW = new Date('2025-03-17T09:00:00Z');

/** A Jira issue bean for the emulator's seed: a resolved SEV-1 payment outage unless overridden. */
export function incidentBean(key: string, fields: Record<string, unknown> = {}, properties = {}) {
  return {
    key,
    fields: {
      summary: 'Payment Service Outage',
      issuetype: { name: 'Incident', subtask: false },
      project: { key: key.split('-')[0] },
      status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } },
      priority: { name: 'Highest' },
      labels: ['SEV-1'],
      components: [{ name: 'Payments' }],
      reporter: { accountId: PREVIEW_ACCOUNT_ID },
      created: '2025-03-15T14:23:00.000+0000',
      updated: '2025-03-15T15:10:00.000+0000',
      resolutiondate: '2025-03-15T15:10:00.000+0000',
      ...fields,
    },
    properties,
  };
}

export async function incidentApp(now: () => Date = () => NOW): Promise<PreviewApp> {
  return createPreviewApp({
    baseUrl: 'http://jira.test',
    now,
    demo: false,
    quiet: true,
    retryDelayScale: 0.001,
  });
}

// Each resolver implementation and the UI module (manifest.yml) whose resolver function exports it.
const MODULE_OF = new Map<unknown, string>([
  [issuePanelResolver, 'postmortem-issue-panel'],
  [issueContextResolver, 'postmortem-issue-context'],
  [globalPageResolver, 'incident-learning-page'],
  [adminSettingsResolver, 'postmortem-settings-page'],
]);

/**
 * Calls one resolver the way `invoke()` from `@forge/bridge` does: through the platform, to the UI
 * module's resolver function, with the user and the issue being viewed.
 */
export function resolverCaller<Api extends ResolverApi>(
  app: PreviewApp,
  implementation: ResolverImplementation<Api>,
) {
  const moduleKey = MODULE_OF.get(implementation);
  if (!moduleKey) throw new Error('resolverCaller: no UI module in manifest.yml has this resolver');
  return <Call extends keyof Api & string>(
    call: Call,
    payload: unknown,
    context: InvocationContext = { accountId: PREVIEW_ACCOUNT_ID },
  ): Promise<Result<DataOf<Api, Call>>> =>
    app.platform.invokeResolver({
      moduleKey,
      functionKey: call,
      payload,
      ...(context.accountId ? { accountId: context.accountId } : {}),
      extension: extensionOf(context),
    }) as Promise<Result<DataOf<Api, Call>>>;
}

/** The data of a successful answer; fails the test with the error otherwise. */
export function dataOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.data;
}

export function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected an error answer, got ok');
  return result.error;
}
