/** Jira's field list, so an admin picks the severity custom field from what the site has. */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { ACCEPT_JSON, jiraResponse } from './jira-response';
import { route } from './route';

export interface JiraField {
  id: string;
  name: string;
  custom: boolean;
  /** `schema.type` (`option`, `string`, `array`, …); null when Jira gives none. */
  type: string | null;
}

const fieldsSchema = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string(),
    custom: z.boolean().optional(),
    schema: z.looseObject({ type: z.string().optional() }).optional(),
  }),
);

/** `GET /rest/api/3/field`: every system and custom field the caller can see. */
export async function listFields(jira: JiraPort): Promise<JiraField[]> {
  const fields = await jiraResponse('list the Jira fields', fieldsSchema, () =>
    jira.requestJira(route`/rest/api/3/field`, { method: 'GET', headers: ACCEPT_JSON }),
  );
  return fields.map((field) => ({
    id: field.id,
    name: field.name,
    custom: field.custom === true,
    type: field.schema?.type ?? null,
  }));
}
