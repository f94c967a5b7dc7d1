import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryKvs } from '../../../forge-platform/memory-kvs';
import { createSlackSink } from '../../../emulator/slack-sink';

describe('memory KVS', () => {
  it('returns JSON copies, so stored values cannot be mutated by callers', async () => {
    const kv = createMemoryKvs();
    const value = { list: [1], when: new Date('2026-01-01T00:00:00Z') };
    await kv.set('k', value);
    value.list.push(2);
    const read = await kv.get<{ list: number[]; when: unknown }>('k');
    expect(read).toEqual({ list: [1], when: '2026-01-01T00:00:00.000Z' });
    read?.list.push(3);
    expect(await kv.get('k')).toEqual({ list: [1], when: '2026-01-01T00:00:00.000Z' });
    await expect(kv.set('bad', undefined)).rejects.toThrow(/not JSON/);
  });

  it('writes with setIfAbsent only once, honouring TTL expiry', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const kv = createMemoryKvs({ now: () => now });
    expect(await kv.setIfAbsent('lock', 'a', { ttlSeconds: 60 })).toBe(true);
    expect(await kv.setIfAbsent('lock', 'b')).toBe(false);
    expect(await kv.get('lock')).toBe('a');
    now = new Date('2026-01-01T00:01:00Z');
    expect(await kv.get('lock')).toBeUndefined();
    expect(await kv.setIfAbsent('lock', 'c')).toBe(true);
    await kv.delete('lock');
    expect(await kv.get('lock')).toBeUndefined();
  });

  it('lists by prefix in key order and keeps secrets apart', async () => {
    const kv = createMemoryKvs();
    for (const key of ['pm:INC-3', 'other', 'pm:INC-1', 'pm:INC-2']) await kv.set(key, key.length);
    await kv.setSecret('pm:secret', 'https://hooks.slack.com/x');
    const listed: string[] = [];
    for await (const entry of kv.listByPrefix<number>('pm:')) listed.push(entry.key);
    expect(listed).toEqual(['pm:INC-1', 'pm:INC-2', 'pm:INC-3']);
    expect(await kv.get('pm:secret')).toBeUndefined();
    expect(await kv.getSecret('pm:secret')).toBe('https://hooks.slack.com/x');
    await kv.deleteSecret('pm:secret');
    expect(await kv.getSecret('pm:secret')).toBeUndefined();
  });
});

describe('Slack webhook sink', () => {
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

  it('accepts valid Block Kit and refuses payloads over its limits', () => {
    const sink = createSlackSink();
    expect(sink.handle(JSON.stringify({ text: 'hi', blocks: [section('hello')] }))).toEqual({
      status: 200,
      body: 'ok',
    });
    const refused = [
      { blocks: Array.from({ length: 51 }, () => section('x')) },
      { blocks: [section('x'.repeat(3001))] },
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] },
      { blocks: [{ type: 'section' }] },
    ];
    for (const payload of refused)
      expect(sink.handle(JSON.stringify(payload))).toEqual({ status: 400, body: 'invalid_blocks' });
    expect(sink.handle(JSON.stringify({ blocks: [section('x'.repeat(3000))] })).status).toBe(200);
    expect(sink.handle('{not json')).toEqual({ status: 400, body: 'invalid_payload' });
    expect(sink.messages()).toHaveLength(2);
  });

  it('delivers through slackPort() and fails the next delivery on request', async () => {
    const sink = createSlackSink();
    const port = sink.slackPort();
    const url = 'https://hooks.slack.com/services/T0/B0/secret';
    expect(await port.send(url, { text: 'one', blocks: [section('one')] })).toEqual({
      ok: true,
      status: 200,
    });
    sink.failNext(500, 'rollup_error');
    expect(await port.send(url, { text: 'two' })).toMatchObject({
      ok: false,
      status: 500,
      error: 'rollup_error',
      retryable: true,
    });
    expect(await port.send(url, { blocks: [{ type: 'section' }] })).toMatchObject({
      ok: false,
      status: 400,
      error: 'invalid_blocks',
      retryable: false,
    });
    expect(sink.messages().map((m) => m.webhookUrl)).toEqual([url]);
  });

  describe('over HTTP', () => {
    let server: Server;
    let base: string;
    const sink = createSlackSink();
    beforeAll(async () => {
      server = createServer((req, res) => sink.nodeHandler(req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('answers POST /__slack/webhook like Slack and lists messages', async () => {
      const ok = await fetch(`${base}/__slack/webhook`, {
        method: 'POST',
        body: JSON.stringify({ text: 'hi' }),
      });
      expect([ok.status, await ok.text()]).toEqual([200, 'ok']);
      const bad = await fetch(`${base}/__slack/webhook`, { method: 'POST', body: 'nope' });
      expect([bad.status, await bad.text()]).toEqual([400, 'invalid_payload']);
      const listed = (await (await fetch(`${base}/__slack/messages`)).json()) as Array<{ payload: unknown }>;
      expect(listed.map((m) => m.payload)).toEqual([{ text: 'hi' }]);
    });
  });
});
