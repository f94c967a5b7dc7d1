import type { Result } from './errors';

/**
 * A resolver API shared by backend and front end: each call takes one payload and answers a
 * `Result`. The front end specialises `@forge/bridge`'s `makeInvoke<Api>()` with it; the backend
 * implements it with `ResolverHandlers<Api>`.
 */
export type ResolverApi = Record<string, (payload: never) => Result<unknown>>;

export type PayloadOf<Api extends ResolverApi, Call extends keyof Api> = Parameters<Api[Call]>[0];
export type DataOf<Api extends ResolverApi, Call extends keyof Api> =
  ReturnType<Api[Call]> extends Result<infer T> ? T : never;
