import { lastCompleteMonth } from './last-complete-month';

export interface PageParams {
  month: string;
  projectKeys: string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// Jira project keys as the resolver accepts them: an uppercase letter, then 1+ uppercase letters, digits or underscores.
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,49}$/;

/** Splits `INC, ops,,OPS` into valid, upper-cased, de-duplicated keys in the order typed. */
export function parseProjectKeys(text: string): string[] {
  const keys = text
    .split(/[\s,]+/)
    .map((key) => key.trim().toUpperCase())
    .filter((key) => PROJECT_KEY.test(key));
  return [...new Set(keys)];
}

/**
 * `?month=YYYY-MM&projects=INC,OPS` from a shared link. An invalid or future month falls back to the
 * last complete month, because a future month has no data and an error page would be a dead end.
 */
export function readPageParams(search: string, now: Date): PageParams {
  const params = new URLSearchParams(search);
  const fallback = lastCompleteMonth(now);
  const month = params.get('month');
  const currentMonth = now.toISOString().slice(0, 7);
  return {
    month: month !== null && MONTH.test(month) && month <= currentMonth ? month : fallback,
    projectKeys: parseProjectKeys(params.get('projects') ?? ''),
  };
}
