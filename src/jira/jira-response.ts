/**
 * Sends one Jira request and turns its answer into a validated value or an `AppError`. Endpoints
 * pass a thunk holding the literal `jira.requestJira(route`...`, { method })` call, so the permission
 * linter still sees each endpoint at its call site.
 */
import type { z } from 'zod';
import { isConsentRequired } from '../contract/consent';
import { AppError } from '../contract/errors';
import type { JiraResponse } from '../ports';
import { jiraError, jiraNetworkError } from './jira-errors';

export const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' } as const;
export const ACCEPT_JSON = { Accept: 'application/json' } as const;

export async function sendJira(operation: string, send: () => Promise<JiraResponse>): Promise<JiraResponse> {
  let response: JiraResponse;
  try {
    response = await send();
  } catch (error) {
    if (isConsentRequired(error)) throw error;
    throw jiraNetworkError(operation, error);
  }
  if (!response.ok) throw await jiraError(response, operation);
  return response;
}

export async function parseJiraBody<T>(
  operation: string,
  response: JiraResponse,
  schema: z.ZodType<T>,
): Promise<T> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw jiraNetworkError(operation, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AppError('Internal', `Jira answered the request to ${operation} with a body that is not JSON`, {
      cause,
    });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new AppError(
      'Internal',
      `Jira answered the request to ${operation} with an unexpected shape (${problems})`,
      {
        cause: result.error,
      },
    );
  }
  return result.data;
}

export async function jiraResponse<T>(
  operation: string,
  schema: z.ZodType<T>,
  send: () => Promise<JiraResponse>,
): Promise<T> {
  return parseJiraBody(operation, await sendJira(operation, send), schema);
}
