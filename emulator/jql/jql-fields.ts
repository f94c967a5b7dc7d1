import type { Field } from '@atlassianlabs/jql-ast';
import { JqlError, type JqlContext, type StoredIssue } from './compile-jql.types';
import { adfText } from './adf-text';
import { parseStoredDate } from './jql-dates';

/**
 * The JQL fields the emulator can search and sort, read from Jira issue beans. Each field says how
 * its operands are interpreted (`kind`) and which operators Jira allows on it, so unsupported
 * combinations fail at compile time with Jira's message rather than silently matching nothing.
 */
export type FieldKind = 'name' | 'user' | 'key' | 'number' | 'date' | 'text' | 'string' | 'loose';

export type FieldValue = string | number;

export interface JqlField {
  /** As written in the query, for error messages. */
  readonly label: string;
  readonly kind: FieldKind;
  readonly operators: ReadonlySet<string>;
  /** Comparable values; [] means EMPTY. Case-insensitive kinds are lower-cased already. */
  values(issue: StoredIssue): FieldValue[];
  /** Searchable text for `~`; '' means EMPTY. */
  text(issue: StoredIssue): string;
  sortKey(issue: StoredIssue): FieldValue | undefined;
  /** Operand spellings that mean EMPTY for this field (resolution = Unresolved). */
  readonly emptyAliases?: ReadonlySet<string>;
  /** Rank of an operand for fields Jira orders by scheme (priority > Medium); sortKey gives the issue's. */
  readonly rank?: (value: string) => number | undefined;
}

const EQUALITY = ['=', '!=', 'in', 'not in', 'is', 'is not'];
const ORDERING = [...EQUALITY, '<', '<=', '>', '>='];
const TEXT = ['~', '!~', 'is', 'is not'];
const OPERATORS: Record<FieldKind, ReadonlySet<string>> = {
  name: new Set(EQUALITY),
  user: new Set(EQUALITY),
  key: new Set(ORDERING),
  number: new Set(ORDERING),
  date: new Set(ORDERING),
  text: new Set(TEXT),
  string: new Set(EQUALITY),
  loose: new Set([...ORDERING, '~', '!~']),
};

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function lowerAll(values: Array<string | undefined>): string[] {
  const result: string[] = [];
  for (const value of values) if (value !== undefined) result.push(value.toLowerCase());
  return result;
}

/** Lower-cased name/key/id aliases of an object field such as project or issuetype. */
function objectNames(value: unknown, props: string[]): string[] {
  const object = record(value);
  return object ? lowerAll(props.map((prop) => scalar(object[prop]))) : [];
}

function noText(): string {
  return '';
}

interface FieldSpec {
  kind: FieldKind;
  values: (issue: StoredIssue) => FieldValue[];
  text?: (issue: StoredIssue) => string;
  sortKey?: (issue: StoredIssue) => FieldValue | undefined;
  emptyAliases?: string[];
  rank?: (value: string) => number | undefined;
}

/** Jira's priority scheme order, so ORDER BY priority DESC lists Highest first. */
const PRIORITY_RANK: Record<string, number> = { lowest: 1, low: 2, medium: 3, high: 4, highest: 5 };
const STATUS_CATEGORY_RANK: Record<string, number> = { new: 1, indeterminate: 2, done: 3 };

function nameField(fieldId: string, props: string[] = ['name', 'id']): FieldSpec {
  return {
    kind: 'name',
    values: (issue) => objectNames(issue.fields[fieldId], props),
    sortKey: (issue) => objectNames(issue.fields[fieldId], props)[0],
  };
}

function userField(fieldId: string): FieldSpec {
  return {
    kind: 'user',
    values: (issue) => objectNames(issue.fields[fieldId], ['accountId', 'displayName', 'emailAddress']),
    sortKey: (issue) => objectNames(issue.fields[fieldId], ['displayName', 'accountId'])[0],
  };
}

function dateField(fieldId: string, timeZone: string): FieldSpec {
  return {
    kind: 'date',
    values: (issue) => {
      const time = parseStoredDate(issue.fields[fieldId], timeZone);
      return time === undefined ? [] : [time];
    },
    sortKey: (issue) => parseStoredDate(issue.fields[fieldId], timeZone),
  };
}

function summaryText(issue: StoredIssue): string {
  return scalar(issue.fields.summary) ?? '';
}

function descriptionText(issue: StoredIssue): string {
  return adfText(issue.fields.description);
}

/** "OPS-12" → "ops-000000000012" so keys sort by project, then numerically. */
export function keySortKey(key: string): string {
  const dash = key.lastIndexOf('-');
  return `${key.slice(0, dash).toLowerCase()}-${key.slice(dash + 1).padStart(12, '0')}`;
}

function systemFields(timeZone: string): Record<string, FieldSpec> {
  const project = nameField('project', ['key', 'name', 'id']);
  const issuetype = nameField('issuetype');
  const created = dateField('created', timeZone);
  const updated = dateField('updated', timeZone);
  const resolved = dateField('resolutiondate', timeZone);
  const due = dateField('duedate', timeZone);
  const key: FieldSpec = {
    kind: 'key',
    values: (issue) => [issue.key.toLowerCase(), issue.id],
    sortKey: (issue) => keySortKey(issue.key),
  };
  return {
    project,
    issuetype,
    type: issuetype,
    priority: {
      ...nameField('priority'),
      rank: (value) => PRIORITY_RANK[value.toLowerCase()],
      sortKey: (issue) => PRIORITY_RANK[objectNames(issue.fields.priority, ['name'])[0] ?? ''],
    },
    status: nameField('status'),
    // The issue security level (`security` in the bean); `level IS EMPTY` finds issues without one.
    level: nameField('security'),
    statuscategory: {
      kind: 'name',
      values: (issue) => objectNames(record(issue.fields.status)?.statusCategory, ['key', 'name', 'id']),
      sortKey: (issue) =>
        STATUS_CATEGORY_RANK[objectNames(record(issue.fields.status)?.statusCategory, ['key'])[0] ?? ''],
    },
    resolution: { ...nameField('resolution'), emptyAliases: ['unresolved'] },
    labels: {
      kind: 'name',
      values: (issue) => {
        const labels = issue.fields.labels;
        return Array.isArray(labels) ? lowerAll(labels.map(scalar)) : [];
      },
    },
    component: {
      kind: 'name',
      values: (issue) => {
        const components = issue.fields.components;
        return Array.isArray(components)
          ? components.flatMap((component) => objectNames(component, ['name', 'id']))
          : [];
      },
    },
    parent: nameField('parent', ['key', 'id']),
    assignee: userField('assignee'),
    reporter: userField('reporter'),
    creator: userField('creator'),
    created,
    createddate: created,
    updated,
    updateddate: updated,
    resolved,
    resolutiondate: resolved,
    duedate: due,
    due,
    summary: {
      kind: 'text',
      values: noValues,
      text: summaryText,
      sortKey: (issue) => summaryText(issue).toLowerCase(),
    },
    description: { kind: 'text', values: noValues, text: descriptionText },
    text: {
      kind: 'text',
      values: noValues,
      text: (issue) => `${summaryText(issue)}\n${descriptionText(issue)}`,
    },
    key,
    issuekey: key,
    id: {
      kind: 'number',
      values: (issue) => [Number(issue.id)],
      sortKey: (issue) => Number(issue.id),
    },
  };
}

function noValues(): FieldValue[] {
  return [];
}

/** Values at a dotted path of an entity property; arrays contribute each element, as Jira indexes them. */
function propertyValues(issue: StoredIssue, propertyKey: string, path: string[]): unknown[] {
  let current: unknown[] = [issue.properties[propertyKey]];
  for (const segment of path) {
    const next: unknown[] = [];
    for (const value of current) {
      const object = record(value);
      if (object) next.push(object[segment]);
    }
    current = next;
  }
  return current.flat().filter((value) => value !== undefined && value !== null && value !== '');
}

type PropertyType = JqlContext['propertyAliases'][number]['type'] | 'undeclared';

function propertyField(propertyKey: string, path: string[], type: PropertyType, timeZone: string): FieldSpec {
  const raw = (issue: StoredIssue): unknown[] => propertyValues(issue, propertyKey, path);
  const strings = (issue: StoredIssue): string[] =>
    raw(issue).flatMap((value) => {
      const text = scalar(value);
      return text === undefined ? [] : [text];
    });
  switch (type) {
    case 'number': {
      const numbers = (issue: StoredIssue): number[] =>
        strings(issue)
          .map(Number)
          .filter((value) => !Number.isNaN(value));
      return { kind: 'number', values: numbers, sortKey: (issue) => numbers(issue)[0] };
    }
    case 'date': {
      const dates = (issue: StoredIssue): number[] =>
        strings(issue).flatMap((value) => {
          const time = parseStoredDate(value, timeZone);
          return time === undefined ? [] : [time];
        });
      return { kind: 'date', values: dates, sortKey: (issue) => dates(issue)[0] };
    }
    case 'text':
      return { kind: 'text', values: noValues, text: (issue) => strings(issue).join('\n') };
    case 'user':
      return {
        kind: 'user',
        values: (issue) => lowerAll(strings(issue)),
        sortKey: (issue) => strings(issue)[0],
      };
    case 'string':
      // Indexed string properties match the exact stored value, unlike Jira's named fields.
      return { kind: 'string', values: strings, sortKey: (issue) => strings(issue)[0] };
    case 'undeclared':
      // Jira indexes only the paths an app declares in `jira:entityProperty`
      // (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/):
      // a clause on any other path is valid JQL, but no value of it was ever indexed, so it finds nothing.
      return { kind: 'loose', values: noValues };
  }
}

function build(label: string, spec: FieldSpec): JqlField {
  return {
    label,
    kind: spec.kind,
    operators: spec.rank ? OPERATORS.number : OPERATORS[spec.kind],
    values: spec.values,
    text: spec.text ?? noText,
    sortKey: spec.sortKey ?? ((issue) => spec.values(issue)[0]),
    ...(spec.emptyAliases ? { emptyAliases: new Set(spec.emptyAliases) } : {}),
    ...(spec.rank ? { rank: spec.rank } : {}),
  };
}

export function unknownField(label: string): JqlError {
  return new JqlError([`Field '${label}' does not exist or you do not have permission to view it.`]);
}

/** Resolves a field node of the AST (system field, searchAlias, or issue.property[key].path). */
export function resolveField(field: Field, context: JqlContext): JqlField {
  const name = field.value.toLowerCase();
  const properties = field.properties ?? [];
  if (name === 'issue.property') {
    const property = properties[0];
    const propertyKey = property?.key?.value;
    const path = (property?.path ?? [])
      .flatMap((segment) => segment.value.split('.'))
      .filter((segment) => segment !== '');
    if (propertyKey === undefined || path.length === 0 || properties.length > 1)
      throw unknownField(field.text);
    const joined = path.join('.');
    const alias = context.propertyAliases.find(
      (candidate) => candidate.propertyKey === propertyKey && candidate.path === joined,
    );
    return build(field.text, propertyField(propertyKey, path, alias?.type ?? 'undeclared', context.timeZone));
  }
  if (properties.length > 0) throw unknownField(field.text);
  return resolveNamedField(field.text, context);
}

/** A system field or property searchAlias by name, as written in the query. */
export function resolveNamedField(label: string, context: JqlContext): JqlField {
  const name = label.toLowerCase();
  const system = systemFields(context.timeZone)[name];
  if (system) return build(label, system);
  const alias = context.propertyAliases.find((candidate) => candidate.searchAlias?.toLowerCase() === name);
  if (alias) {
    return build(
      label,
      propertyField(alias.propertyKey, alias.path.split('.'), alias.type, context.timeZone),
    );
  }
  throw unknownField(label);
}
