import type { z } from 'zod';
import { AppError } from './errors';

/** Validates a resolver payload; a bad one is the caller's error, answered field by field. */
export function parsePayload<Schema extends z.ZodType>(schema: Schema, payload: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    fields[issue.path.join('.') || '(payload)'] = issue.message;
  }
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  throw new AppError('InvalidInput', `The request was not valid (${summary}).`, { fields });
}
