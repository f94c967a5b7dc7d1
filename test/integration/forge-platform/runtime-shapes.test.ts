// First: the platform's globals must be in place before @forge/api loads.
import { platformApp } from './platform-fixture';
import { __getRuntime } from '@forge/api';
import type { Metadata } from '@forge/runtime';
import * as realApp from '../../../src/index';

// Every field of the app context in @forge/runtime's request (`_meta.appContext`), and what each holds.
// `satisfies` makes the compiler name a field Atlassian adds or drops, so this list cannot go stale.
const APP_CONTEXT_FIELDS = {
  appId: 'string',
  appVersion: 'string',
  environmentId: 'string',
  environmentType: 'string',
  invocationId: 'string',
  installationId: 'string',
  functionKey: 'string',
  moduleType: 'string',
  moduleKey: 'string',
  license: 'object',
  permissions: 'object',
} as const satisfies Record<keyof Metadata['appContext'], 'string' | 'object'>;

function seenByFunction() {
  const runtime = __getRuntime();
  const appContext = runtime.appContext as unknown as Record<string, unknown>;
  return {
    appContextTypes: Object.fromEntries(
      Object.keys(APP_CONTEXT_FIELDS).map((key) => [key, typeof appContext[key]]),
    ),
    permissions: appContext.permissions,
    contextAri: runtime.contextAri,
    // @forge/tunnel's sandbox (out/sandbox/sandbox-runner.js) hands the handler exactly these two.
    awsRequestId: typeof runtime.lambdaContext.awsRequestId,
    remainingMs: runtime.lambdaContext.getRemainingTimeInMillis(),
  };
}

describe("the runtime a function sees on the local Forge platform, against Atlassian's own types and tunnel", () => {
  it('fills every field of @forge/runtime’s app context, with the manifest’s scopes and egress', async () => {
    const { platform } = await platformApp({ app: { ...realApp, dailyMaintenance: seenByFunction } });
    const seen = (await platform.runScheduledTrigger('daily-postmortem-maintenance')) as ReturnType<
      typeof seenByFunction
    >;
    expect(seen.appContextTypes).toEqual(APP_CONTEXT_FIELDS);
    expect(seen.permissions).toEqual({
      scopes: expect.arrayContaining(['read:jira-work', 'write:jira-work', 'storage:app']),
      external: { fetch: { backend: ['https://hooks.slack.com'] } },
    });
    expect(seen.contextAri).toMatch(/^ari:cloud:jira::site\//);
    expect(seen.awsRequestId).toBe('string');
  });

  it('gives a function without timeoutSeconds the 25 s @forge/tunnel defaults to (`_meta.timeout ?? 25`)', async () => {
    // The issue panel's resolver function sets no timeoutSeconds in manifest.yml.
    const { platform } = await platformApp({ app: { ...realApp, issuePanelResolver: seenByFunction } });
    const seen = (await platform.invokeResolver({
      moduleKey: 'postmortem-issue-panel',
      functionKey: 'getPanel',
      payload: {},
    })) as ReturnType<typeof seenByFunction>;
    expect(seen.remainingMs).toBeGreaterThan(20_000);
    expect(seen.remainingMs).toBeLessThanOrEqual(25_000);
  });
});
