import type { JiraPort, JiraRequestInit, JiraResponse } from '../../src/ports';
import type { JiraRoute } from '../../src/jira/route';

export type HttpMethod = NonNullable<JiraRequestInit['method']>;

export interface RecordedRequest {
  method: HttpMethod;
  /** Path without the query string, decoded segments left encoded as sent. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The JSON body, parsed; `undefined` when none was sent. */
  body: unknown;
}

export type FakeReply =
  { status: number; body?: unknown; rawBody?: string; headers?: Record<string, string> } | { throws: Error };

export type FakeHandler = (request: RecordedRequest, call: number) => FakeReply;

export interface FakeJiraPort extends JiraPort {
  readonly requests: RecordedRequest[];
  /** Answers every call to method + path (string or pattern) through `handler`. */
  on(method: HttpMethod, path: string | RegExp, handler: FakeHandler | FakeReply): FakeJiraPort;
  /** Answers successive calls with `replies`, the last one repeating. */
  sequence(method: HttpMethod, path: string | RegExp, replies: FakeReply[]): FakeJiraPort;
  requestsTo(method: HttpMethod, path: string | RegExp): RecordedRequest[];
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

function toResponse(reply: Extract<FakeReply, { status: number }>): JiraResponse {
  const text = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: reply.status >= 200 && reply.status < 300,
    status: reply.status,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  };
}

/** An in-memory Jira: records every request and answers from per-route scripts. */
export function fakeJiraPort(): FakeJiraPort {
  const requests: RecordedRequest[] = [];
  const routes: Array<{ method: HttpMethod; path: string | RegExp; handler: FakeHandler; calls: number }> =
    [];

  const fake: FakeJiraPort = {
    requests,
    on(method, path, handler) {
      routes.unshift({
        method,
        path,
        handler: typeof handler === 'function' ? handler : () => handler,
        calls: 0,
      });
      return fake;
    },
    sequence(method, path, replies) {
      if (replies.length === 0) throw new Error('sequence needs at least one reply');
      return fake.on(
        method,
        path,
        (_request, call) => replies[Math.min(call, replies.length - 1)] as FakeReply,
      );
    },
    requestsTo(method, path) {
      return requests.filter((r) => r.method === method && matches(path, r.path));
    },
    async requestJira(route: JiraRoute, init?: JiraRequestInit) {
      const [path = '', query = ''] = route.value.split('?', 2);
      const method = init?.method ?? 'GET';
      const request: RecordedRequest = {
        method,
        path,
        query: new URLSearchParams(query),
        headers: { ...init?.headers },
        body: init?.body === undefined ? undefined : (JSON.parse(init.body) as unknown),
      };
      requests.push(request);
      const scripted = routes.find((r) => r.method === method && matches(r.path, path));
      if (!scripted) throw new Error(`fakeJiraPort: nothing scripted for ${method} ${path}`);
      const reply = scripted.handler(request, scripted.calls);
      scripted.calls += 1;
      if ('throws' in reply) throw reply.throws;
      return toResponse(reply);
    },
  };
  return fake;
}
