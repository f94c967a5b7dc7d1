// First: the platform's globals must be in place before @forge/kvs and @forge/api load.
import { platformApp } from './platform-fixture';
import { Filter, FilterConditions, kvs, WhereConditions } from '@forge/kvs';
import * as realApp from '../../../src/index';
import { forgeKvsPort } from '../../../src/forge/forge-kvs-port';

/** Runs `work` inside an invocation of the app's scheduled function (so @forge/kvs reaches the platform). */
async function inInvocation<T>(work: () => Promise<T>): Promise<T> {
  const { platform } = await platformApp({ app: { ...realApp, dailyMaintenance: work } });
  return (await platform.runScheduledTrigger('daily-postmortem-maintenance')) as T;
}

describe('Forge storage through @forge/kvs on the local platform', () => {
  it('queries plain keys by prefix, pages with a cursor, and never returns secrets', async () => {
    const pages = await inInvocation(async () => {
      for (const n of [1, 2, 3]) await kvs.set(`item:${n}`, { n });
      await kvs.setSecret('item:secret', 'hidden');
      const first = await kvs.query().where('key', WhereConditions.beginsWith('item:')).limit(2).getMany();
      const rest = await kvs
        .query()
        .where('key', WhereConditions.beginsWith('item:'))
        .limit(2)
        .cursor(first.nextCursor ?? '')
        .getMany();
      return [first.results.map((r) => r.key), rest.results.map((r) => r.key), rest.nextCursor ?? null];
    });
    expect(pages).toEqual([['item:1', 'item:2'], ['item:3'], null]);
  });

  it('answers KEY_CONFLICT with HTTP 409 to FAIL_IF_EXISTS on a present key', async () => {
    const refusal = await inInvocation(async () => {
      await kvs.set('lock:INC-1', 'first');
      return kvs.set('lock:INC-1', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }).then(
        () => null,
        (error: { code: string; responseDetails: { status: number } }) => [
          error.code,
          error.responseDetails.status,
        ],
      );
    });
    expect(refusal).toEqual(['KEY_CONFLICT', 409]);
  });

  it('runs a transaction all or nothing: a failed condition writes none of its operations', async () => {
    const outcome = await inInvocation(async () => {
      await kvs.entity<{ revision: number }>('postmortem').set('INC-1', { revision: 1 });
      const stale = new Filter<{ revision: number }>().and('revision', FilterConditions.equalTo(0));
      const failed = await kvs
        .transact()
        .set('side-effect', 'written')
        .set('INC-1', { revision: 2 }, { entityName: 'postmortem', conditions: stale })
        .execute()
        .then(
          () => null,
          (error: { responseDetails: { status: number } }) => error.responseDetails.status,
        );
      return {
        failed,
        sideEffect: (await kvs.get('side-effect')) ?? null,
        stored: await kvs.entity('postmortem').get('INC-1'),
      };
    });
    expect(outcome).toEqual({ failed: 409, sideEffect: null, stored: { revision: 1 } });
  });

  it('refuses a batch of more than 25 keys and reports per-key refusals inside a batch', async () => {
    const outcome = await inInvocation(async () => {
      const tooMany = await kvs
        .batchSet(Array.from({ length: 26 }, (_, n) => ({ key: `k${n}`, value: n })))
        .then(
          () => null,
          (error: { code: string }) => error.code,
        );
      const mixed = await kvs.batchSet([
        { key: 'good', value: 1 },
        { key: 'bad*key', value: 2 },
      ]);
      return {
        tooMany,
        ok: mixed.successfulKeys.map((k) => k.key),
        failed: mixed.failedKeys.map((k) => k.key),
      };
    });
    expect(outcome).toEqual({ tooMany: 'TOO_MANY_KEYS', ok: ['good'], failed: ['bad*key'] });
  });
});

describe('storage refusals as the app’s error kinds (src/forge/forge-kvs-port.ts)', () => {
  it.each([
    [429, 'RateLimited'],
    [503, 'Unavailable'],
  ])('maps HTTP %i from Forge storage to %s', async (status, kind) => {
    const { platform } = await platformApp({
      app: {
        ...realApp,
        dailyMaintenance: async () => {
          platform.failNextStorageRequest(status);
          return forgeKvsPort().get('settings');
        },
      },
    });
    await expect(platform.runScheduledTrigger('daily-postmortem-maintenance')).rejects.toMatchObject({
      kind,
    });
  });
});
