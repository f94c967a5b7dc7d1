/**
 * The two globals through which Atlassian's client packages reach the platform, as Forge's runtime
 * wrapper installs them in the function sandbox: `__forge_fetch__(descriptor, path, init)` (KVS,
 * product and Atlassian API requests) and `__forge_runtime__` (app context, tracing, metrics and the
 * Lambda context's `getRemainingTimeInMillis`). Shapes mirror `@forge/runtime`'s request (`_meta`,
 * `appContext`) and `@forge/tunnel`'s sandbox; the readers are node_modules/@forge/api/out/api/
 * {fetch,runtime}.js and node_modules/@forge/kvs/out/index.js.
 *
 * Several platforms can live in one process (one per test), and invocations overlap: both globals
 * answer for the invocation in whose async context they are called (AsyncLocalStorage).
 *
 * Egress: in Forge the sandbox's `fetch` goes through the platform's egress proxy. `@forge/api` binds
 * the global `fetch` when it is first loaded, so this module must be loaded before it (the platform
 * loads the app lazily, after this). Outside an invocation (tests, the preview server) `fetch` is the
 * plain one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ForgeFetchDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/** What one running invocation offers the client packages. */
export interface InvocationScope {
  runtime: Record<string, unknown>;
  forgeFetch(descriptor: ForgeFetchDescriptor, path: string, init: RequestInit): Promise<Response>;
  egressFetch(url: string, init: RequestInit | undefined): Promise<Response>;
  /** The platform's clock, when it is not the system's (tests and the preview run at a fixed time). */
  now?: () => number;
  /** Where the function's console output goes instead of the terminal (Forge keeps it as its logs). */
  log?: (level: string, args: unknown[]) => void;
}

const invocations = new AsyncLocalStorage<InvocationScope>();
const plainFetch = globalThis.fetch;

const globals = globalThis as unknown as {
  __forge_fetch__?: InvocationScope['forgeFetch'];
  __forge_runtime__?: Record<string, unknown>;
  __forge_platform_installed__?: boolean;
};

if (!globals.__forge_platform_installed__) {
  globals.__forge_platform_installed__ = true;
  globals.__forge_fetch__ = (descriptor, path, init) => {
    const scope = invocations.getStore();
    if (!scope)
      throw new Error(`__forge_fetch__ called outside a Forge invocation (${descriptor.type} ${path})`);
    return scope.forgeFetch(descriptor, path, init);
  };
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get: () => invocations.getStore()?.runtime,
  });
  // Inside an invocation `new Date()` and `Date.now()` read the platform's clock. Forge has no such
  // thing: it lets tests and the preview run the app at the fixed time their Jira emulator lives in.
  const PlainDate = Date;
  const clockNow = () => invocations.getStore()?.now?.() ?? PlainDate.now();
  globalThis.Date = new Proxy(PlainDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length === 0 ? [clockNow()] : args, newTarget) as object,
    apply: (target, thisArg, args): unknown =>
      invocations.getStore()?.now
        ? new PlainDate(clockNow()).toString()
        : Reflect.apply(target, thisArg, args),
    get: (target, property, receiver): unknown =>
      property === 'now' ? clockNow : Reflect.get(target, property, receiver),
  });
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const print = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const log = invocations.getStore()?.log;
      if (log) log(level, args);
      else print(...args);
    };
  }
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const scope = invocations.getStore();
    if (!scope) return plainFetch(input, init);
    return scope.egressFetch(input instanceof Request ? input.url : String(input), init);
  };
}

export const runInInvocation = <T>(scope: InvocationScope, work: () => Promise<T>): Promise<T> =>
  invocations.run(scope, work);

/** Runs platform work (deliveries, timers) outside any app invocation's context. */
export const outsideInvocations = <T>(work: () => T): T => invocations.exit(work);
