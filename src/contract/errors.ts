/** Error kinds the backend answers with and the front end switches on. Created here, nowhere else. */
export const ERROR_KINDS = [
  'InvalidInput',
  'NotFound',
  'Forbidden',
  'Conflict',
  'RateLimited',
  'Unavailable',
  'NotImplemented',
  'Internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface AppErrorShape {
  kind: ErrorKind;
  message: string;
  /** Field-level problems for forms, keyed by field path. */
  fields?: Record<string, string>;
}

export class AppError extends Error implements AppErrorShape {
  readonly kind: ErrorKind;
  readonly fields?: Record<string, string>;
  readonly retryAfterMs?: number;

  constructor(
    kind: ErrorKind,
    message: string,
    extra: { fields?: Record<string, string>; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = `AppError(${kind})`;
    this.kind = kind;
    if (extra.fields) this.fields = extra.fields;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }

  toShape(): AppErrorShape {
    return this.fields
      ? { kind: this.kind, message: this.message, fields: this.fields }
      : { kind: this.kind, message: this.message };
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };
