import type { z } from 'zod';
import type { Result } from './errors';

/**
 * Who may make a call. The backend's `defineResolver` checks it after the payload's schema and before
 * the use case runs, so no call can forget it.
 */
export type CallAccess =
  /**
   * The payload's `issueKey` is the issue the module shows (Forge puts it in the invocation context) and
   * Jira lets the caller browse it.
   */
  | 'viewed-issue'
  /** As `viewed-issue`, and Jira lets the caller edit it: every write. One permission request checks both. */
  | 'edited-issue'
  /** A Jira administrator (the settings page). */
  | 'jira-admin'
  /** Anyone signed in: every Jira read is made as that user, so their own permissions apply. */
  | 'signed-in';

// Type only, never set at run time: carries the data a call answers inside its contract value.
declare const answerType: unique symbol;

/** One resolver call: the schema its payload must pass, who may make it, and what it answers. */
export interface CallContract<Input extends z.ZodType = z.ZodType, Data = unknown> {
  readonly input: Input;
  readonly access: CallAccess;
  readonly [answerType]?: Data;
}

/** The issue accesses compare with the context: only a payload with an `issueKey` may ask for them. */
type AccessFor<Input extends z.ZodType> =
  z.output<Input> extends { issueKey: string }
    ? CallAccess
    : Exclude<CallAccess, 'viewed-issue' | 'edited-issue'>;

/**
 * Declares a call answering `Data`, e.g. `answering<PanelView>()(withIssue, 'viewed-issue')`. Curried
 * because TypeScript infers no type argument once one is given: `Data` is named, `Input` inferred.
 */
export const answering =
  <Data>() =>
  <Input extends z.ZodType>(input: Input, access: AccessFor<Input>): CallContract<Input, Data> => ({
    input,
    access,
  });

/** A resolver's calls by name: what `src/contract/*-api.ts` exports for each UI module. */
export type ResolverContract = Record<string, CallContract>;

export type CallInput<Call extends CallContract> = Call extends CallContract<infer Input> ? Input : never;
export type CallData<Call extends CallContract> =
  Call extends CallContract<z.ZodType, infer Data> ? Data : never;

/**
 * A resolver API shared by backend and front end: each call takes one payload and answers a
 * `Result`. The front end specialises `@forge/bridge`'s `invoke` with it (`static/shared/api/bridge.ts`);
 * the backend implements it with `defineResolver`.
 */
export type ResolverApi = Record<string, (payload: never) => Result<unknown>>;

/** The API of a contract: what the front end sends (the schema's input) and the data it gets back. */
export type ApiOf<Contract extends ResolverContract> = {
  [Call in keyof Contract & string]: (
    payload: z.input<CallInput<Contract[Call]>>,
  ) => Result<CallData<Contract[Call]>>;
};

export type PayloadOf<Api extends ResolverApi, Call extends keyof Api> = Parameters<Api[Call]>[0];
export type DataOf<Api extends ResolverApi, Call extends keyof Api> =
  ReturnType<Api[Call]> extends Result<infer T> ? T : never;
