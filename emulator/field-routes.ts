/** `GET /field`: the site's system fields and a few custom fields, shaped like Jira's `FieldDetails`. */
import { jsonResponse, type EmulatorResponse } from './emulator-types';
import type { Route } from './route-context';

interface FieldSpec {
  id: string;
  name: string;
  type: string;
  items?: string;
  customType?: string;
}

const SYSTEM_FIELDS: FieldSpec[] = [
  { id: 'summary', name: 'Summary', type: 'string' },
  { id: 'priority', name: 'Priority', type: 'priority' },
  { id: 'labels', name: 'Labels', type: 'array', items: 'string' },
  { id: 'components', name: 'Components', type: 'array', items: 'component' },
  { id: 'created', name: 'Created', type: 'datetime' },
  { id: 'resolutiondate', name: 'Resolved', type: 'datetime' },
];

/** Custom fields a site running incidents in Jira typically has (ids as Jira numbers them). */
export const EMULATED_CUSTOM_FIELDS: FieldSpec[] = [
  {
    id: 'customfield_10050',
    name: 'Severity',
    type: 'option',
    customType: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
  },
  {
    id: 'customfield_10051',
    name: 'Incident category',
    type: 'string',
    customType: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
  },
];

function bean(field: FieldSpec, custom: boolean): Record<string, unknown> {
  const number = custom ? Number(field.id.replace('customfield_', '')) : undefined;
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    custom,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: custom ? [field.id.replace('customfield_', 'cf[') + ']', field.name] : [field.id],
    schema: {
      type: field.type,
      ...(field.items ? { items: field.items } : {}),
      ...(custom ? { custom: field.customType, customId: number } : { system: field.id }),
    },
  };
}

function listFields(): EmulatorResponse {
  return jsonResponse(200, [
    ...SYSTEM_FIELDS.map((field) => bean(field, false)),
    ...EMULATED_CUSTOM_FIELDS.map((field) => bean(field, true)),
  ]);
}

export const FIELD_ROUTES: Route[] = [{ method: 'GET', pattern: /^\/field$/, handler: listFields }];
