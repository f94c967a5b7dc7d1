/**
 * Slack incoming-webhook sink: answers like Slack (200 "ok", 400 "invalid_payload" /
 * "invalid_blocks") and records what it accepted, so tests and the preview can show messages.
 */
import type { SlackDeliveryResult, SlackPort } from '../../src/ports';

export interface SlackSinkMessage {
  receivedAt: string;
  payload: Record<string, unknown>;
}

export interface SlackSink {
  messages: SlackSinkMessage[];
  receive(body: string): { status: number; body: string };
  port(): SlackPort;
  reset(): void;
}

export function createSlackSink(now: () => Date = () => new Date()): SlackSink {
  const messages: SlackSinkMessage[] = [];
  const receive = (body: string): { status: number; body: string } => {
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return { status: 400, body: 'invalid_payload' };
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return { status: 400, body: 'invalid_payload' };
    }
    const record = payload as Record<string, unknown>;
    if (!blocksAreValid(record)) return { status: 400, body: 'invalid_blocks' };
    if (record.blocks === undefined && typeof record.text !== 'string')
      return { status: 400, body: 'no_text' };
    messages.push({ receivedAt: now().toISOString(), payload: record });
    return { status: 200, body: 'ok' };
  };
  return {
    messages,
    receive,
    reset: () => {
      messages.length = 0;
    },
    port: () => ({
      send: async (_webhookUrl, payload): Promise<SlackDeliveryResult> => {
        const answer = receive(JSON.stringify(payload));
        return answer.status === 200
          ? { ok: true, status: 200 }
          : { ok: false, status: answer.status, error: answer.body, retryable: false };
      },
    }),
  };
}

function blocksAreValid(payload: Record<string, unknown>): boolean {
  const blocks = payload.blocks;
  if (blocks === undefined) return true;
  if (!Array.isArray(blocks) || blocks.length > 50) return false;
  return blocks.every((block: unknown) => blockIsValid(block));
}

function blockIsValid(block: unknown): boolean {
  if (typeof block !== 'object' || block === null) return false;
  const record = block as Record<string, unknown>;
  const text = textOf(record.text);
  switch (record.type) {
    case 'header':
      return text !== undefined && text.length > 0 && text.length <= 150;
    case 'section':
      if (text === undefined) return Array.isArray(record.fields) && record.fields.length <= 10;
      return text.length > 0 && text.length <= 3000;
    case 'context':
      return Array.isArray(record.elements) && record.elements.length > 0 && record.elements.length <= 10;
    case 'divider':
    case 'actions':
    case 'rich_text':
    case 'image':
      return true;
    default:
      return false;
  }
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const text = (value as Record<string, unknown>).text;
  return typeof text === 'string' ? text : undefined;
}
