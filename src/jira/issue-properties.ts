/** Issue entity properties: where the indexed postmortem summary and action-item row ids live. */
import { z } from 'zod';
import { AppError } from '../contract/errors';
import type { JiraPort } from '../ports';
import { isNotFound } from './jira-errors';
import { ACCEPT_JSON, JSON_HEADERS, jiraResponse, sendJira } from './jira-response';
import { route } from './route';

/** Jira's limit on one entity property value, serialized (REST docs, setIssueProperty). */
export const MAX_PROPERTY_LENGTH = 32_768;
const MAX_PROPERTY_KEY_LENGTH = 255;

export interface IssuePropertyParams {
  issueIdOrKey: string;
  propertyKey: string;
}

/** The value, or `undefined` when the issue has no such property (Jira answers 404 for both). */
export async function getIssueProperty<T = unknown>(
  jira: JiraPort,
  params: IssuePropertyParams & { valueSchema?: z.ZodType<T> },
): Promise<T | undefined> {
  const schema = z.looseObject({
    key: z.string(),
    value: (params.valueSchema ?? z.unknown()) as z.ZodType<T>,
  });
  try {
    const property = await jiraResponse(
      `read property ${params.propertyKey} of ${params.issueIdOrKey}`,
      schema,
      () =>
        jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}/properties/${params.propertyKey}`, {
          method: 'GET',
          headers: ACCEPT_JSON,
        }),
    );
    return property.value;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export async function setIssueProperty(
  jira: JiraPort,
  params: IssuePropertyParams & { value: unknown },
): Promise<void> {
  if (params.propertyKey.length === 0 || params.propertyKey.length > MAX_PROPERTY_KEY_LENGTH) {
    throw new AppError(
      'InvalidInput',
      `An issue property key must be 1–${MAX_PROPERTY_KEY_LENGTH} characters long`,
    );
  }
  const body = JSON.stringify(params.value);
  if (body === undefined) {
    throw new AppError('InvalidInput', `Issue property ${params.propertyKey} needs a JSON value`);
  }
  if (body.length > MAX_PROPERTY_LENGTH) {
    throw new AppError(
      'InvalidInput',
      `Issue property ${params.propertyKey} would be ${body.length} characters; Jira stores at most ${MAX_PROPERTY_LENGTH}. Keep large data in app storage and only a summary on the issue.`,
    );
  }
  await sendJira(`write property ${params.propertyKey} of ${params.issueIdOrKey}`, () =>
    jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}/properties/${params.propertyKey}`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body,
    }),
  );
}

/** Deleting a property that is already gone is success: deletes are retried after crashes. */
export async function deleteIssueProperty(jira: JiraPort, params: IssuePropertyParams): Promise<void> {
  try {
    await sendJira(`delete property ${params.propertyKey} of ${params.issueIdOrKey}`, () =>
      jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}/properties/${params.propertyKey}`, {
        method: 'DELETE',
        headers: ACCEPT_JSON,
      }),
    );
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

const keysSchema = z.looseObject({ keys: z.array(z.looseObject({ key: z.string() })) });

export async function getIssuePropertyKeys(
  jira: JiraPort,
  params: { issueIdOrKey: string },
): Promise<string[]> {
  const result = await jiraResponse(`list properties of ${params.issueIdOrKey}`, keysSchema, () =>
    jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}/properties`, {
      method: 'GET',
      headers: ACCEPT_JSON,
    }),
  );
  return result.keys.map((entry) => entry.key);
}
