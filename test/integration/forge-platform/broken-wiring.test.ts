/**
 * Wiring the platform refuses, each on a copy of the manifest or of the app's exports: the failure
 * carries the platform's (or Atlassian's package's) own message.
 */
// First: the platform's globals must be in place before @forge/api binds `fetch` (as in Forge's sandbox).
import { platformApp } from './platform-fixture';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../../forge-platform/manifest';
import { fetch as forgeFetch, getAppContext } from '@forge/api';
import { Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import * as realApp from '../../../src/index';

const repositoryManifest = readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8');

/** The app with its scheduled handler replaced: `runScheduledTrigger` then runs `work` as Forge would. */
const appRunning = (work: () => Promise<unknown>) => ({ ...realApp, dailyMaintenance: work });

describe('the local Forge platform refuses wiring Forge would refuse', () => {
  it('a consumer in resolver form (Forge events 2+ invoke a function with an AsyncEvent)', () => {
    const copy = repositoryManifest.replace(
      '      function: jobs-consumer\n',
      '      resolver:\n        function: jobs-consumer\n        method: postmortem-job\n',
    );
    expect(copy).not.toBe(repositoryManifest);
    expect(() => parseManifest(copy)).toThrow(
      'Since @forge/events 2, resolvers are no longer used for consumers',
    );
  });

  it('a handler that src/index.ts does not export', async () => {
    const { dailyMaintenance: _, ...withoutSchedule } = realApp;
    const { platform } = await platformApp({ app: withoutSchedule });
    await expect(platform.runScheduledTrigger('daily-postmortem-maintenance')).rejects.toThrow(
      'Function "daily-maintenance": handler "index.dailyMaintenance" is not exported from src/index.ts',
    );
  });

  it('a function key the manifest does not declare', () => {
    const copy = repositoryManifest.replace('function: daily-maintenance', 'function: nightly-maintenance');
    expect(() => parseManifest(copy)).toThrow(
      'Scheduled trigger "daily-postmortem-maintenance" refers to function "nightly-maintenance"',
    );
  });

  it.each(['trends:2025-01:*', 'trends:2025-01:INC,OPS'])(
    'a storage key outside the key rule: %s',
    async (key) => {
      const { platform } = await platformApp({ app: appRunning(() => kvs.set(key, { month: '2025-01' })) });
      await expect(platform.runScheduledTrigger('daily-postmortem-maintenance')).rejects.toMatchObject({
        code: 'INVALID_KEY',
        responseDetails: { status: 400 },
      });
    },
  );

  it('a value over the 240 KiB limit', async () => {
    const { platform } = await platformApp({
      app: appRunning(() => kvs.set('oversized', { text: 'x'.repeat(240 * 1024) })),
    });
    await expect(platform.runScheduledTrigger('daily-postmortem-maintenance')).rejects.toMatchObject({
      code: 'MAX_SIZE',
    });
  });

  it('a push of 51 events', async () => {
    const events = Array.from({ length: 51 }, (_, index) => ({ body: { index } }));
    const { platform } = await platformApp({
      app: appRunning(() => new Queue({ key: 'postmortem-jobs' }).push(events)),
    });
    await expect(platform.runScheduledTrigger('daily-postmortem-maintenance')).rejects.toThrow(
      'This push contains more than the 50 events allowed.',
    );
  });

  it('a fetch to an address the manifest does not declare for egress', async () => {
    const { platform } = await platformApp({
      app: appRunning(() => forgeFetch('https://example.com/collect', { method: 'POST', body: '{}' })),
    });
    await expect(platform.runScheduledTrigger('daily-postmortem-maintenance')).rejects.toThrow(
      'URL not included in the external fetch backend permissions: https://example.com/collect',
    );
  });

  it('gives every invocation its app context and the function’s time limit', async () => {
    const { platform } = await platformApp({
      app: appRunning(async () => {
        const context = getAppContext();
        return {
          app: String(context.appAri),
          moduleKey: context.moduleKey,
          remainingMs: context.invocationRemainingTimeInMillis(),
        };
      }),
    });
    const answer = (await platform.runScheduledTrigger('daily-postmortem-maintenance')) as {
      app: string;
      moduleKey: string;
      remainingMs: number;
    };
    expect(answer.app).toBe('ari:cloud:ecosystem::app/5c3f8f4e-6d2b-4c5e-9a51-0d7f1c2b9e14');
    expect(answer.moduleKey).toBe('daily-postmortem-maintenance');
    // The manifest gives daily-maintenance 900 s: more than the 25 s default.
    expect(answer.remainingMs).toBeGreaterThan(25_000);
    expect(answer.remainingMs).toBeLessThanOrEqual(900_000);
  });
});
