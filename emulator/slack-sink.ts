/**
 * A Slack incoming-webhook stand-in: records what it receives and answers like Slack, including the
 * `invalid_blocks` refusals for payloads over Block Kit's limits.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackPort } from '../src/ports';
import { createWebhookSlackPort } from '../src/slack/webhook-slack-port';
import { appendBounded, DEFAULT_RECORD_LIMIT } from './bounded-log';
import { asRecord } from './field-values';

export interface SlackMessage {
  webhookUrl: string;
  payload: unknown;
  receivedAt: string;
}

export interface SlackSink {
  /** POST /__slack/webhook (records) and GET /__slack/messages (lists). */
  nodeHandler(req: IncomingMessage, res: ServerResponse): void;
  handle(body: string, webhookUrl?: string): { status: number; body: string };
  messages(): SlackMessage[];
  /** The next delivery fails with this answer (and is not recorded). */
  failNext(status: number, body: string): void;
  /** Delivers in-process through the app's real webhook adapter. */
  slackPort(): SlackPort;
  reset(): void;
}

// Block Kit limits: https://api.slack.com/reference/block-kit/blocks
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;

export function blockKitProblem(payload: unknown): string | undefined {
  const record = asRecord(payload);
  if (!record) return 'invalid_payload';
  const blocks = record.blocks;
  if (blocks === undefined)
    return typeof record.text === 'string' && record.text !== '' ? undefined : 'no_text';
  if (!Array.isArray(blocks) || blocks.length > MAX_BLOCKS) return 'invalid_blocks';
  return blocks.some((block) => !validBlock(asRecord(block))) ? 'invalid_blocks' : undefined;
}

function textOf(value: unknown): string | undefined {
  const text = asRecord(value)?.text;
  return typeof text === 'string' ? text : undefined;
}

function validBlock(block: Record<string, unknown> | undefined): boolean {
  if (!block || typeof block.type !== 'string') return false;
  if (block.type === 'header') {
    const text = textOf(block.text);
    return text !== undefined && text.length > 0 && text.length <= MAX_HEADER_TEXT;
  }
  if (block.type === 'section') {
    const text = textOf(block.text);
    if (text !== undefined) return text.length > 0 && text.length <= MAX_SECTION_TEXT;
    // A section without text must carry fields instead.
    return Array.isArray(block.fields) && block.fields.length > 0;
  }
  if (block.type === 'context') return Array.isArray(block.elements) && block.elements.length > 0;
  return true;
}

/** `recordLimit`: how many of the latest messages `messages()` keeps (`DEFAULT_RECORD_LIMIT` by default). */
export function createSlackSink({ recordLimit = DEFAULT_RECORD_LIMIT } = {}): SlackSink {
  let received: SlackMessage[] = [];
  let nextFailure: { status: number; body: string } | undefined;

  const handle = (
    body: string,
    webhookUrl = 'http://localhost/__slack/webhook',
  ): { status: number; body: string } => {
    if (nextFailure) {
      const failure = nextFailure;
      nextFailure = undefined;
      return failure;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return { status: 400, body: 'invalid_payload' };
    }
    const problem = blockKitProblem(payload);
    if (problem) return { status: 400, body: problem };
    appendBounded(received, { webhookUrl, payload, receivedAt: new Date().toISOString() }, recordLimit);
    return { status: 200, body: 'ok' };
  };

  const sinkFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const answer = handle(
      typeof init?.body === 'string' ? init.body : '',
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': 'text/html' } });
  };

  return {
    handle,
    messages: () => structuredClone(received),
    failNext(status, body) {
      nextFailure = { status, body };
    },
    slackPort: () =>
      createWebhookSlackPort({
        fetch: sinkFetch,
        clock: { now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
      }),
    nodeHandler(req, res) {
      const url = req.url ?? '/';
      if (req.method === 'GET' && url.startsWith('/__slack/messages')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
        return;
      }
      if (req.method !== 'POST' || !url.startsWith('/__slack/webhook')) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const answer = handle(
          Buffer.concat(chunks).toString('utf8'),
          `http://${req.headers.host ?? 'localhost'}${url}`,
        );
        res.writeHead(answer.status, { 'content-type': 'text/html' }).end(answer.body);
      });
    },
    reset() {
      received = [];
      nextFailure = undefined;
    },
  };
}
