/**
 * An in-process Jira Cloud: the REST v3 subset the app calls, with Jira's shapes, paging, limits and
 * errors; product events for edits; fault injection; and a node:http handler for the local preview.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JiraPort } from '../src/ports';
import type { CompileJql, JqlContext } from './jql/compile-jql.types';
import {
  DEFAULT_ACCOUNT_ID,
  defaultDirectory,
  findProject,
  type AccountPermissions,
  type Directory,
  type EmulatedProject,
  type EmulatedUser,
} from './directory';
import {
  errorResponse,
  jsonResponse,
  type EmulatedIssue,
  type EmulatorRequest,
  type EmulatorResponse,
  type RecordedEmulatorRequest,
} from './emulator-types';
import { appendBounded, DEFAULT_RECORD_LIMIT } from './bounded-log';
import { COMMENT_ROUTES } from './comment-routes';
import { TRANSITION_ROUTES } from './transition-routes';
import { createCommentStore, type EmulatedComment } from './comment-store';
import { createFaultInjector, type Faults } from './fault-injector';
import { FIELD_ROUTES } from './field-routes';
import { SERVER_INFO_ROUTES } from './server-info-routes';
import { createIssueEvents, type DeliveryOptions, type IssueUpdatedListener } from './issue-events';
import { ISSUE_ROUTES } from './issue-routes';
import { PROJECT_ROUTES } from './project-routes';
import { createIssueStore } from './issue-store';
import { compileJql as defaultCompileJql } from './jql/compile-jql';
import { emulatorJiraPort } from './jira-port-adapter';
import { manifestPropertyAliases } from './manifest-property-aliases';
import type { Route, RouteContext } from './route-context';
import { SEARCH_ROUTES } from './search-routes';
import { createSearchIndex, type IndexLag, type SearchIndexControl } from './search-index';
import { createSlackSink, type SlackSink } from './slack-sink';
import { USER_ROUTES } from './user-routes';

export interface JiraEmulatorOptions {
  now?: () => Date;
  baseUrl?: string;
  compileJql?: CompileJql;
  /** Indexed entity properties for JQL aliases; by default the repository manifest's `jira:entityProperty`. */
  propertyAliases?: JqlContext['propertyAliases'];
  /** The sink served under `/__slack/...` by `nodeHandler`; a fresh one by default. */
  slack?: SlackSink;
  /**
   * How long a write takes to reach `search/jql` and `approximate-count`, on the `now` clock;
   * `DEFAULT_INDEX_LAG_MS` by default. With a clock that only moves when a test moves it, any lag
   * above 0 keeps writes out of search until the test advances the clock or flushes the index.
   */
  indexLag?: IndexLag;
  /** How many of the latest requests `requests` keeps (`DEFAULT_RECORD_LIMIT` by default). */
  recordLimit?: number;
}

/**
 * A write usually reaches Jira Cloud's search in about a second, and sometimes in minutes (RFC-61,
 * https://community.developer.atlassian.com/t/rfc-61-evolving-search-capabilities-addressing-scalability-with-a-new-enhanced-search-api/83027):
 * the default is on the slow side of usual, so code that searches right after it writes is caught.
 */
export const DEFAULT_INDEX_LAG_MS = 5_000;

export interface JiraEmulator {
  handle(request: EmulatorRequest): Promise<EmulatorResponse>;
  /** As a user (Forge `asUser()`); the default account when left out. */
  jiraPort(accountId?: string): JiraPort;
  /** As the app (Forge `asApp()`): its edits reach listeners flagged `selfGenerated`. */
  appJiraPort(): JiraPort;
  /** Serves `/rest/api/3/...`, `/__emulator/...` and `/__slack/...`. */
  nodeHandler(req: IncomingMessage, res: ServerResponse): void;
  seed(issueBeans: unknown[]): EmulatedIssue[];
  reset(): void;
  /** A copy of the stored issue (all fields, properties, histories), or `undefined`. */
  getIssue(key: string): EmulatedIssue | undefined;
  /** Copies of an issue's comments, oldest first (empty for an unknown issue). */
  getComments(issueIdOrKey: string): EmulatedComment[];
  /** The search index's lag: `setLag`, `flush`, `freeze`/`unfreeze`, `pending`. */
  readonly index: SearchIndexControl;
  /** The latest requests (up to `recordLimit`), oldest first. */
  readonly requests: RecordedEmulatorRequest[];
  addUser(user: EmulatedUser): void;
  addProject(project: EmulatedProject): void;
  setPermissions(accountId: string, permissions: AccountPermissions): void;
  /** The fields on a project's create screen (`undefined`: the default screen); others are refused on create. */
  setCreateScreen(projectIdOrKey: string, fieldIds: string[] | undefined): void;
  onIssueUpdated(listener: IssueUpdatedListener): () => void;
  deliveryOptions(options: DeliveryOptions): void;
  drainEvents(): Promise<void>;
  /** Errors thrown by event listeners, kept so tests can assert there were none. */
  readonly listenerErrors: unknown[];
  readonly faults: Faults;
  readonly slack: SlackSink;
  readonly baseUrl: string;
}

/**
 * A seeded bean's `fields.comment.comments` (the shape GET issue answers with `fields=comment`) go to
 * the comment store, with their own `created`, so demo and test incidents carry a history of
 * comments; the issue keeps no copy, as comments are read through the comment resource.
 */
function splitSeededComments(bean: unknown): {
  issueBean: unknown;
  seededComments: Array<Omit<EmulatedComment, 'id' | 'issueId'>>;
} {
  const record = (bean ?? {}) as { fields?: Record<string, unknown> };
  const listed = (record.fields?.comment as { comments?: unknown } | undefined)?.comments;
  if (!Array.isArray(listed)) return { issueBean: bean, seededComments: [] };
  const { comment: _comments, ...fields } = record.fields ?? {};
  const seededComments = listed.map((entry) => {
    const comment = (entry ?? {}) as { author?: { accountId?: unknown }; body?: unknown; created?: unknown };
    const created = typeof comment.created === 'string' ? comment.created : '';
    if (!created) throw new Error('a seeded comment needs its created timestamp');
    return {
      author: {
        accountId: typeof comment.author?.accountId === 'string' ? comment.author.accountId : '',
        asApp: false,
      },
      body: comment.body as Record<string, unknown>,
      created,
      updated: created,
    };
  });
  return { issueBean: { ...record, fields }, seededComments };
}

const API_PREFIX = '/rest/api/3';
const ROUTES: Route[] = [
  ...ISSUE_ROUTES,
  ...COMMENT_ROUTES,
  ...TRANSITION_ROUTES,
  ...SEARCH_ROUTES,
  ...USER_ROUTES,
  ...PROJECT_ROUTES,
  ...FIELD_ROUTES,
  ...SERVER_INFO_ROUTES,
];

function findRoute(method: string, path: string): { route: Route; params: string[] } | 'method' | undefined {
  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method === method) return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return pathMatched ? 'method' : undefined;
}

export function createJiraEmulator(options: JiraEmulatorOptions = {}): JiraEmulator {
  const baseUrl = (options.baseUrl ?? 'http://localhost:8080').replace(/\/$/, '');
  const now = options.now ?? (() => new Date());
  let directory: Directory = defaultDirectory();
  const searchIndex = createSearchIndex({ now, lag: options.indexLag ?? DEFAULT_INDEX_LAG_MS });
  const store = createIssueStore({
    get directory() {
      return directory;
    },
    baseUrl,
    now,
    searchIndex,
  });
  const comments = createCommentStore();
  const events = createIssueEvents();
  const faults = createFaultInjector(now);
  const slack = options.slack ?? createSlackSink();
  const requests: RecordedEmulatorRequest[] = [];
  const recordLimit = options.recordLimit ?? DEFAULT_RECORD_LIMIT;
  const propertyAliases = options.propertyAliases ?? manifestPropertyAliases();
  const searchCache = new Map<string, EmulatedIssue[]>();

  const serve = (request: EmulatorRequest, accountId: string, url: URL): EmulatorResponse => {
    const method = request.method.toUpperCase();
    const path = url.pathname.slice(API_PREFIX.length) || '/';
    const found = findRoute(method, path);
    if (found === undefined) return errorResponse(404, [`No Jira REST resource at ${url.pathname}.`]);
    if (found === 'method')
      return errorResponse(405, [`Method ${method} is not allowed on ${url.pathname}.`]);
    const context: RouteContext = {
      store,
      comments,
      searchIndex,
      directory,
      events,
      baseUrl,
      now,
      compileJql: options.compileJql ?? defaultCompileJql,
      propertyAliases,
      searchCache,
      actor: { accountId, asApp: request.asApp === true },
      method,
      query: url.searchParams,
      body: request.body,
      params: found.params,
    };
    return found.route.handler(context);
  };

  const handle = async (request: EmulatorRequest): Promise<EmulatorResponse> => {
    const url = new URL(request.path, 'http://emulator.invalid');
    const accountId = request.accountId ?? DEFAULT_ACCOUNT_ID;
    const record: RecordedEmulatorRequest = {
      method: request.method.toUpperCase(),
      path: request.path,
      body: request.body,
      asApp: request.asApp === true,
      accountId,
    };
    appendBounded(requests, record, recordLimit);
    const response = await answer(request, accountId, url);
    record.response = response;
    return response;
  };

  const answer = async (request: EmulatorRequest, accountId: string, url: URL): Promise<EmulatorResponse> => {
    const faulted = faults.intercept(request.method, url.pathname, request.signal);
    if (faulted) return faulted;
    if (!url.pathname.startsWith(`${API_PREFIX}/`))
      return errorResponse(404, [`No Jira REST resource at ${url.pathname}.`]);
    let served: EmulatorResponse;
    try {
      served = serve(request, accountId, url);
    } catch (error) {
      // A bug in the emulator surfaces as Jira's 500, with the reason for whoever reads the test log.
      return errorResponse(500, [
        `Emulator error: ${error instanceof Error ? error.message : String(error)}`,
      ]);
    }
    return (await faults.interceptServed(request.method, url.pathname, request.signal)) ?? served;
  };

  const emulator: JiraEmulator = {
    handle,
    jiraPort: (accountId) => emulatorJiraPort(handle, { ...(accountId ? { accountId } : {}), asApp: false }),
    appJiraPort: () => emulatorJiraPort(handle, { asApp: true }),
    nodeHandler: (req, res) => serveNode(emulator, req, res),
    seed: (beans) =>
      beans.map((bean) => {
        const { issueBean, seededComments } = splitSeededComments(bean);
        const issue = store.seed(issueBean);
        for (const comment of seededComments) comments.add({ ...comment, issueId: issue.id });
        return structuredClone(issue);
      }),
    reset() {
      store.clear();
      comments.clear();
      directory = defaultDirectory();
      events.reset();
      faults.clear();
      requests.length = 0;
      slack.reset();
    },
    getIssue(key) {
      const issue = store.find(key);
      return issue ? structuredClone(issue) : undefined;
    },
    getComments(issueIdOrKey) {
      const issue = store.find(issueIdOrKey);
      return issue ? structuredClone(comments.of(issue.id)) : [];
    },
    index: {
      setLag: (lag) => searchIndex.setLag(lag),
      flush: () => searchIndex.flush(),
      freeze: () => searchIndex.freeze(),
      unfreeze: () => searchIndex.unfreeze(),
      pending: () => searchIndex.pending(),
    },
    requests,
    addUser: (user) => void directory.users.set(user.accountId, { ...user }),
    addProject: (project) =>
      void directory.projects.push({ ...project, issueTypes: [...project.issueTypes] }),
    setPermissions(accountId, permissions) {
      directory.permissions.set(accountId, { ...permissions });
      // Cached search results were filtered by the old permissions.
      searchCache.clear();
    },
    setCreateScreen(projectIdOrKey, fieldIds) {
      const project = findProject(directory, projectIdOrKey);
      if (!project) throw new Error(`no project ${projectIdOrKey} on the emulated site`);
      project.createScreen = fieldIds === undefined ? undefined : [...fieldIds];
    },
    onIssueUpdated: (listener) => events.onIssueUpdated(listener),
    deliveryOptions: (delivery) => events.deliveryOptions(delivery),
    drainEvents: () => events.drain(),
    listenerErrors: events.listenerErrors,
    faults,
    slack,
    baseUrl,
  };
  return emulator;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(response.status, response.headers).end(response.body);
}

/** Who is calling over HTTP: the preview's bridge shim says so in headers. */
function callerOf(req: IncomingMessage): { accountId?: string; asApp: boolean } {
  const accountId = req.headers['x-emulator-account-id'];
  return {
    ...(typeof accountId === 'string' ? { accountId } : {}),
    asApp: req.headers['x-emulator-as-app'] === 'true',
  };
}

async function serveEmulatorAdmin(
  emulator: JiraEmulator,
  method: string,
  path: string,
  body: string,
): Promise<EmulatorResponse> {
  if (method === 'POST' && path === '/__emulator/reset') {
    emulator.reset();
    return { status: 204, headers: {}, body: '' };
  }
  if (method === 'POST' && path === '/__emulator/index/flush') {
    // For a person trying the preview who does not want to wait for the index.
    emulator.index.flush();
    return { status: 204, headers: {}, body: '' };
  }
  if (method === 'POST' && path === '/__emulator/issues') {
    try {
      const parsed = JSON.parse(body) as unknown;
      const beans = Array.isArray(parsed) ? parsed : [parsed];
      const seeded = emulator.seed(beans);
      return jsonResponse(201, { issues: seeded.map((issue) => ({ id: issue.id, key: issue.key })) });
    } catch (error) {
      return errorResponse(400, [error instanceof Error ? error.message : String(error)]);
    }
  }
  return errorResponse(404, [`No emulator resource at ${path}.`]);
}

function serveNode(emulator: JiraEmulator, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  if (url.startsWith('/__slack/')) {
    emulator.slack.nodeHandler(req, res);
    return;
  }
  const controller = new AbortController();
  // A client that gives up on a hanging request releases it.
  res.on('close', () => controller.abort());
  void readBody(req)
    .then(async (body) => {
      const method = (req.method ?? 'GET').toUpperCase();
      const pathname = new URL(url, 'http://emulator.invalid').pathname;
      if (pathname.startsWith('/__emulator/')) return serveEmulatorAdmin(emulator, method, pathname, body);
      return emulator.handle({
        method,
        path: url,
        body: body === '' ? undefined : body,
        ...callerOf(req),
        signal: controller.signal,
      });
    })
    .then((response) => send(res, response))
    .catch(() => {
      if (!res.writableEnded && !res.destroyed) res.destroy();
    });
}
