import { createMemoryKvs } from '../../emulator/memory-kvs';

describe('createMemoryKvs', () => {
  it('round-trips JSON, lists by prefix in key order and keeps secrets apart', async () => {
    const kvs = createMemoryKvs();
    await kvs.set('pm:INC-2', { n: 2 });
    await kvs.set('pm:INC-1', { n: 1 });
    await kvs.set('other', 1);
    await kvs.setSecret('pm:secret', 'hook');
    const listed: string[] = [];
    for await (const entry of kvs.listByPrefix('pm:')) listed.push(entry.key);
    expect(listed).toEqual(['pm:INC-1', 'pm:INC-2']);
    expect(await kvs.get('pm:secret')).toBeUndefined();
    expect(await kvs.getSecret('pm:secret')).toBe('hook');
  });

  it('writes setIfAbsent only once and expires ttl entries', async () => {
    let clock = 0;
    const kvs = createMemoryKvs({ now: () => clock });
    expect(await kvs.setIfAbsent('once', 1, { ttlSeconds: 10 })).toBe(true);
    expect(await kvs.setIfAbsent('once', 2)).toBe(false);
    clock = 11_000;
    expect(await kvs.get('once')).toBeUndefined();
  });
});

describe('createMemoryKvs with a file', () => {
  it('persists plain values and secrets across instances', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const filePath = path.join(mkdtempSync(path.join(tmpdir(), 'kvs-')), 'store.json');
    const first = createMemoryKvs({ filePath });
    await first.set('settings', { jql: 'issuetype = Incident' });
    await first.setSecret('slack', 'https://hooks.slack.com/x');
    const second = createMemoryKvs({ filePath });
    expect(await second.get('settings')).toEqual({ jql: 'issuetype = Incident' });
    expect(await second.getSecret('slack')).toBe('https://hooks.slack.com/x');
  });

  it('rejects keys Forge would reject', async () => {
    await expect(createMemoryKvs().set('bad/key', 1)).rejects.toThrow('Invalid storage key');
  });
});
