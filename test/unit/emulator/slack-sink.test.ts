import { createSlackSink } from '../../emulator/slack-sink';

describe('createSlackSink', () => {
  const send = (payload: unknown) => createSlackSink().receive(JSON.stringify(payload));

  it.each([
    [
      'section text over 3000 characters',
      { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] },
    ],
    [
      'header text over 150 characters',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] },
    ],
    ['a section without text or fields', { blocks: [{ type: 'section' }] }],
    ['an unknown block type', { blocks: [{ type: 'carousel' }] }],
  ])('answers invalid_blocks for %s', (_name, payload) => {
    expect(send(payload)).toEqual({ status: 400, body: 'invalid_blocks' });
  });

  it('accepts blocks at the limits and records them', async () => {
    const sink = createSlackSink(() => new Date('2026-01-01T00:00:00Z'));
    const payload = {
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(150) } },
        { type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3000) } },
      ],
    };
    expect(await sink.port().send('https://hooks.slack.com/services/T/B/X', payload)).toEqual({
      ok: true,
      status: 200,
    });
    expect(sink.messages).toEqual([{ receivedAt: '2026-01-01T00:00:00.000Z', payload }]);
  });

  it('reports rejected payloads through the port as non-retryable failures', async () => {
    const result = await createSlackSink()
      .port()
      .send('https://hooks.slack.com/x', { blocks: [{ type: 'section' }] });
    expect(result).toEqual({ ok: false, status: 400, error: 'invalid_blocks', retryable: false });
  });
});
