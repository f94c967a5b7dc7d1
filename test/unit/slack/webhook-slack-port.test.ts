import { createWebhookSlackPort } from '../../../src/slack/webhook-slack-port';
import { fakeClock } from '../../helpers/fake-clock';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX';

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

/** A Slack webhook that answers `status` with `body`; records what was posted. */
function slack(status: number, body: string, headers: Record<string, string> = {}) {
  const sent: Sent[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: typeof url === 'string' ? url : url instanceof URL ? url.href : url.url, init });
    return new Response(body, { status, headers });
  }) as typeof globalThis.fetch;
  return { sent, port: createWebhookSlackPort({ fetch, clock: fakeClock() }) };
}

describe('webhook Slack port', () => {
  it('posts the payload as JSON and reports 200 "ok" as delivered', async () => {
    const { sent, port } = slack(200, 'ok');
    const payload = { text: 'Postmortem finalized', blocks: [{ type: 'divider' }] };
    await expect(port.send(WEBHOOK, payload)).resolves.toEqual({ ok: true, status: 200 });
    expect(sent[0]?.url).toBe(WEBHOOK);
    expect(sent[0]?.init?.method).toBe('POST');
    expect(JSON.parse(sent[0]?.init?.body as string)).toEqual(payload);
    expect(new Headers(sent[0]?.init?.headers).get('content-type')).toBe('application/json');
  });

  it.each([
    [400, 'invalid_blocks', false],
    [400, 'invalid_payload', false],
    [403, 'action_prohibited', false],
    [404, 'no_service', false],
    [404, 'channel_not_found', false],
    [410, 'channel_is_archived', false],
    [500, 'rollup_error', true],
    [503, '<html>Service Unavailable</html>', true],
  ])('maps HTTP %i %s to a failure value (retryable: %s)', async (status, body, retryable) => {
    const { port } = slack(status, body);
    const result = await port.send(WEBHOOK, { text: 'x' });
    expect(result).toEqual({
      ok: false,
      status,
      error: body.startsWith('<') ? `http_${status}` : body,
      retryable,
    });
  });

  it('marks 429 retryable and keeps the Retry-After hint', async () => {
    const { port } = slack(429, 'rate_limited', { 'Retry-After': '30' });
    await expect(port.send(WEBHOOK, {})).resolves.toEqual({
      ok: false,
      status: 429,
      error: 'rate_limited (retry after 30 s)',
      retryable: true,
    });
  });

  it('turns a network failure into a retryable value without the secret URL', async () => {
    const fetch = (async () => {
      throw new TypeError(`fetch failed: getaddrinfo ENOTFOUND ${WEBHOOK}`);
    }) as typeof globalThis.fetch;
    const port = createWebhookSlackPort({ fetch, clock: fakeClock() });
    const result = await port.send(WEBHOOK, {});
    expect(result).toMatchObject({ ok: false, status: null, retryable: true });
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });

  it('gives up after the timeout and reports it as retryable', async () => {
    const fetch = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof globalThis.fetch;
    const port = createWebhookSlackPort({ fetch, clock: fakeClock(), timeoutMs: 20 });
    await expect(port.send(WEBHOOK, {})).resolves.toEqual({
      ok: false,
      status: null,
      error: 'timeout',
      retryable: true,
    });
  });

  it('refuses a URL that is not https without calling out', async () => {
    const { sent, port } = slack(200, 'ok');
    await expect(port.send('http://hooks.slack.com/services/x', {})).resolves.toMatchObject({
      ok: false,
      error: 'invalid_webhook_url',
      retryable: false,
    });
    await expect(port.send('not a url', {})).resolves.toMatchObject({ error: 'invalid_webhook_url' });
    expect(sent).toHaveLength(0);
  });

  it('never throws, even for a payload that cannot be serialised', async () => {
    const { port } = slack(200, 'ok');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(port.send(WEBHOOK, cyclic)).resolves.toMatchObject({ ok: false, error: 'invalid_payload' });
  });
});
