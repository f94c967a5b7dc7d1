import { createMemoryKvs } from '../../../forge-platform/memory-kvs';

describe('the in-memory KvPort keeps the platform’s storage rules', () => {
  it.each(['trends:2025-01:*', 'trends:2025-01:INC,OPS', 'a/b', '   '])(
    'refuses the key %j with INVALID_KEY',
    async (key) => {
      await expect(createMemoryKvs().set(key, 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    },
  );

  it('accepts the characters the key rule allows', async () => {
    const kv = createMemoryKvs();
    await kv.set('trends:2025-01:#2a job-1.x_y', 1);
    expect(await kv.get('trends:2025-01:#2a job-1.x_y')).toBe(1);
  });

  it('refuses keys over 500 characters and values over 240 KiB', async () => {
    const kv = createMemoryKvs();
    await expect(kv.set('k'.repeat(501), 1)).rejects.toMatchObject({ code: 'KEY_TOO_LONG' });
    await expect(kv.set('big', 'x'.repeat(240 * 1024))).rejects.toMatchObject({ code: 'MAX_SIZE' });
  });

  it('writes with setIfAbsent only once, and again after the TTL ran out', async () => {
    let now = new Date('2025-03-17T09:00:00Z');
    const kv = createMemoryKvs({ now: () => now });
    expect(await kv.setIfAbsent('lock:INC-1', 'a', { ttlSeconds: 60 })).toBe(true);
    expect(await kv.setIfAbsent('lock:INC-1', 'b', { ttlSeconds: 60 })).toBe(false);
    now = new Date(now.getTime() + 60_000);
    expect(await kv.setIfAbsent('lock:INC-1', 'c')).toBe(true);
    expect(await kv.get('lock:INC-1')).toBe('c');
  });

  it('never lists secrets', async () => {
    const kv = createMemoryKvs();
    await kv.set('slack:digest', 1);
    await kv.setSecret('slack:webhook', 'https://hooks.slack.com/services/x');
    const listed: string[] = [];
    for await (const { key } of kv.listByPrefix('slack:')) listed.push(key);
    expect(listed).toEqual(['slack:digest']);
  });
});
