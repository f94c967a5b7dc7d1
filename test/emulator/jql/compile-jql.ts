import { JastBuilder } from '@atlassianlabs/jql-ast';
import type { Clause, Field, Operand, TerminalClause } from '@atlassianlabs/jql-ast';
import { adfPlainText } from './adf-plain-text';
import type { CompileJql, CompiledJql, JqlContext, StoredIssue } from './compile-jql.types';
import { JqlError } from './compile-jql.types';
import { DATE_FUNCTIONS, resolveJqlDate } from './resolve-jql-date';
import { textSearchMatcher } from './text-search-matcher';

/*
 * The emulator's JQL evaluator. The query is parsed by Atlassian's ANTLR grammar
 * (@atlassianlabs/jql-ast) and compiled once into closures, so a search over tens of thousands of
 * stored issues only runs cheap per-issue predicates: operand values, dates and text patterns are
 * all resolved at compile time.
 *
 * Semantics follow Jira Cloud where they matter to users and the app:
 * - names (project, status, priority, issuetype, labels, components, statusCategory, users) compare
 *   case-insensitively, by any of the value's identifiers (project key/id/name, user accountId or
 *   display name, statusCategory key or name);
 * - every comparison other than IS [NOT] EMPTY ignores issues whose field is empty, so
 *   `assignee != x` does not return unassigned issues, exactly as Jira;
 * - a multi-value field (labels, component) matches `=`/IN when any value does, and `!=`/NOT IN
 *   when none does;
 * - date literals and startOf/endOf functions use the context's time zone;
 * - without ORDER BY, results come in Jira's default order: created DESC, then key DESC. Any ORDER BY
 *   is completed with key DESC so that pages are stable.
 */

type Kind = 'name' | 'user' | 'date' | 'number' | 'key' | 'text';
type Value = string | number;

interface FieldSpec {
  /** The name Jira uses in its messages. */
  name: string;
  kind: Kind;
  /** Every value of the field on the issue; for names, each value is its list of identifiers. */
  values(issue: StoredIssue): Value[] | string[][];
  /** For ORDER BY; undefined sorts as empty (last in ASC, first in DESC). */
  sortValue(issue: StoredIssue): Value | undefined;
}

type Predicate = (issue: StoredIssue) => boolean;

const EMPTY = Symbol('EMPTY');
type OperandValue = Value | typeof EMPTY;

const SUBTASK_TYPES = '\u0000subtask';
const STANDARD_TYPES = '\u0000standard';
const PRIORITY_RANK: Record<string, number> = { lowest: 1, low: 2, medium: 3, high: 4, highest: 5 };
const CATEGORY_RANK: Record<string, number> = { new: 1, undefined: 0, indeterminate: 2, done: 3 };
const CATEGORY_NAMES: Record<string, string> = { new: 'to do', indeterminate: 'in progress', done: 'done' };
const CATEGORY_IDS: Record<string, string> = { new: '2', indeterminate: '4', done: '3', undefined: '1' };

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

function lowerAll(values: Array<string | undefined>): string[] {
  const out: string[] = [];
  for (const value of values) if (value !== undefined) out.push(value.toLowerCase());
  return out;
}

/** A single-object field ({name}, {key,id,name}, ...) as one value with its identifiers. */
function objectField(name: string, fieldId: string, ids: string[], kind: Kind = 'name'): FieldSpec {
  return {
    name,
    kind,
    values: (issue) => {
      const object = record(issue.fields[fieldId]);
      if (!object) return [];
      const aliases = lowerAll(ids.map((id) => str(object[id])));
      return aliases.length > 0 ? [aliases] : [];
    },
    sortValue: (issue) => {
      const object = record(issue.fields[fieldId]);
      return object ? lowerAll(ids.slice(-1).map((id) => str(object[id])))[0] : undefined;
    },
  };
}

function dateField(name: string, fieldId: string): FieldSpec {
  const read = (issue: StoredIssue): number | undefined => {
    const raw = issue.fields[fieldId];
    if (typeof raw !== 'string' || raw === '') return undefined;
    const ms = Date.parse(raw);
    return Number.isNaN(ms) ? undefined : ms;
  };
  return {
    name,
    kind: 'date',
    values: (issue) => {
      const ms = read(issue);
      return ms === undefined ? [] : [ms];
    },
    sortValue: read,
  };
}

/** duedate is a calendar date: "2025-03-01" is midnight of that day in the searcher's zone. */
function dueDateField(timeZone: string): FieldSpec {
  const cache = new Map<string, number>();
  const read = (issue: StoredIssue): number | undefined => {
    const raw = issue.fields.duedate;
    if (typeof raw !== 'string' || raw === '') return undefined;
    let ms = cache.get(raw);
    if (ms === undefined) {
      ms = resolveJqlDate({ kind: 'value', text: raw.slice(0, 10) }, 'duedate', new Date(0), timeZone);
      cache.set(raw, ms);
    }
    return ms;
  };
  return {
    name: 'due',
    kind: 'date',
    values: (issue) => {
      const ms = read(issue);
      return ms === undefined ? [] : [ms];
    },
    sortValue: read,
  };
}

function textField(name: string, read: (issue: StoredIssue) => string | undefined): FieldSpec {
  return {
    name,
    kind: 'text',
    values: (issue) => {
      const text = read(issue);
      return text === undefined || text === '' ? [] : [text];
    },
    sortValue: (issue) => read(issue)?.toLowerCase(),
  };
}

function issueText(issue: StoredIssue): string {
  const parts = [str(issue.fields.summary) ?? '', adfPlainText(issue.fields.description)];
  const comments = record(issue.fields.comment)?.comments;
  if (Array.isArray(comments))
    for (const comment of comments) parts.push(adfPlainText(record(comment)?.body));
  return parts.join('\n');
}

function keySortValue(key: string): string {
  // "PM-7" sorts before "PM-12": project, then the number padded.
  const dash = key.lastIndexOf('-');
  return `${key.slice(0, dash).toLowerCase()}\u0000${key.slice(dash + 1).padStart(12, '0')}`;
}

const KEY_FIELD: FieldSpec = {
  name: 'key',
  kind: 'key',
  values: (issue) => [keySortValue(issue.key)],
  sortValue: (issue) => keySortValue(issue.key),
};

function buildFields(timeZone: string): Map<string, FieldSpec> {
  const project = objectField('project', 'project', ['key', 'id', 'name']);
  project.sortValue = (issue) => str(record(issue.fields.project)?.key)?.toLowerCase();
  const issuetype = objectField('issuetype', 'issuetype', ['id', 'name']);
  const typeAliases = issuetype.values;
  // A pseudo-identifier lets subTaskIssueTypes()/standardIssueTypes() reuse plain equality.
  issuetype.values = (issue) => {
    const values = typeAliases(issue) as string[][];
    const subtask = record(issue.fields.issuetype)?.subtask === true;
    return values.map((aliases) => [...aliases, subtask ? SUBTASK_TYPES : STANDARD_TYPES]);
  };
  const priority = objectField('priority', 'priority', ['id', 'name']);
  priority.sortValue = (issue) => {
    const name = str(record(issue.fields.priority)?.name)?.toLowerCase();
    return name === undefined ? undefined : (PRIORITY_RANK[name] ?? 0);
  };
  const status = objectField('status', 'status', ['id', 'name']);
  const statusCategory: FieldSpec = {
    name: 'statusCategory',
    kind: 'name',
    values: (issue) => {
      const category = record(record(issue.fields.status)?.statusCategory);
      const key = str(category?.key);
      if (!category || key === undefined) return [];
      const aliases = lowerAll([
        key,
        str(category.name),
        str(category.id),
        CATEGORY_NAMES[key],
        CATEGORY_IDS[key],
      ]);
      return [aliases];
    },
    sortValue: (issue) => {
      const key = str(record(record(issue.fields.status)?.statusCategory)?.key);
      return key === undefined ? undefined : (CATEGORY_RANK[key] ?? 0);
    },
  };
  const labels: FieldSpec = {
    name: 'labels',
    kind: 'name',
    values: (issue) => {
      const raw = issue.fields.labels;
      return Array.isArray(raw)
        ? raw.filter((l): l is string => typeof l === 'string').map((l) => [l.toLowerCase()])
        : [];
    },
    sortValue: (issue) => {
      const first = (issue.fields.labels as unknown[] | undefined)?.[0];
      return typeof first === 'string' ? first.toLowerCase() : undefined;
    },
  };
  const component: FieldSpec = {
    name: 'component',
    kind: 'name',
    values: (issue) => {
      const raw = issue.fields.components;
      if (!Array.isArray(raw)) return [];
      return raw.map((c) => lowerAll([str(record(c)?.id), str(record(c)?.name)])).filter((a) => a.length > 0);
    },
    sortValue: (issue) =>
      str(record((issue.fields.components as unknown[] | undefined)?.[0])?.name)?.toLowerCase(),
  };
  const parent: FieldSpec = {
    name: 'parent',
    kind: 'name',
    values: (issue) => {
      const object = record(issue.fields.parent);
      const aliases = lowerAll([str(object?.key), str(object?.id)]);
      return aliases.length > 0 ? [aliases] : [];
    },
    sortValue: (issue) => {
      const key = str(record(issue.fields.parent)?.key);
      return key === undefined ? undefined : keySortValue(key);
    },
  };
  const resolution = objectField('resolution', 'resolution', ['id', 'name']);
  const user = (name: string): FieldSpec => objectField(name, name, ['accountId', 'displayName'], 'user');
  const id: FieldSpec = {
    name: 'id',
    kind: 'number',
    values: (issue) => [Number(issue.id)],
    sortValue: (issue) => Number(issue.id),
  };
  const created = dateField('created', 'created');
  const resolved = dateField('resolved', 'resolutiondate');
  const due = dueDateField(timeZone);
  const summary = textField('summary', (issue) => str(issue.fields.summary));
  const entries: Array<[string[], FieldSpec]> = [
    [['project'], project],
    [['issuetype', 'type'], issuetype],
    [['labels'], labels],
    [['priority'], priority],
    [['status'], status],
    [['statuscategory'], statusCategory],
    [['created', 'createddate'], created],
    [['resolved', 'resolutiondate'], resolved],
    [['updated', 'updateddate'], dateField('updated', 'updated')],
    [['duedate', 'due'], due],
    [['parent'], parent],
    [['assignee'], user('assignee')],
    [['reporter'], user('reporter')],
    [['component'], component],
    [['resolution'], resolution],
    [['summary'], summary],
    [['description'], textField('description', (issue) => adfPlainText(issue.fields.description))],
    [['text'], textField('text', issueText)],
    [['key', 'issuekey'], KEY_FIELD],
    [['id'], id],
  ];
  const fields = new Map<string, FieldSpec>();
  for (const [names, spec] of entries) for (const name of names) fields.set(name, spec);
  return fields;
}

/** Values at a dotted path inside an entity property; arrays are indexed element by element, as Jira does. */
function propertyValues(root: unknown, path: string[]): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path) {
    const next: unknown[] = [];
    for (const value of current) {
      const child = record(value)?.[segment];
      if (Array.isArray(child)) next.push(...child);
      else if (child !== undefined && child !== null) next.push(child);
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]));
}

function propertyField(alias: JqlContext['propertyAliases'][number], name: string): FieldSpec {
  const path = alias.path.split('.').filter((s) => s !== '');
  const raw = (issue: StoredIssue): unknown[] => propertyValues(issue.properties[alias.propertyKey], path);
  switch (alias.type) {
    case 'number':
      return {
        name,
        kind: 'number',
        values: (issue) => raw(issue).filter((v): v is number => typeof v === 'number'),
        sortValue: (issue) => raw(issue).find((v): v is number => typeof v === 'number'),
      };
    case 'date': {
      const dates = (issue: StoredIssue): number[] =>
        raw(issue)
          .map((v) => (typeof v === 'string' ? Date.parse(v) : Number.NaN))
          .filter((ms) => !Number.isNaN(ms));
      return { name, kind: 'date', values: dates, sortValue: (issue) => dates(issue)[0] };
    }
    case 'text':
      return textField(name, (issue) => {
        const texts = raw(issue).filter((v): v is string => typeof v === 'string');
        return texts.length > 0 ? texts.join('\n') : undefined;
      });
    case 'string':
    case 'user': {
      const strings = (issue: StoredIssue): string[] =>
        raw(issue)
          .map((v) => str(v) ?? (typeof v === 'boolean' ? String(v) : undefined))
          .filter((v): v is string => v !== undefined)
          .map((v) => v.toLowerCase());
      return {
        name,
        kind: alias.type === 'user' ? 'user' : 'name',
        values: (issue) => strings(issue).map((v) => [v]),
        sortValue: (issue) => strings(issue)[0],
      };
    }
  }
}

function fieldLabel(field: Field): string {
  const property = field.properties?.[0];
  if (!property) return field.value;
  return `${field.value}[${property.key?.value ?? ''}]${(property.path ?? []).map((p) => p.value).join('')}`;
}

function noSuchField(label: string): JqlError {
  return new JqlError([`Field '${label}' does not exist or you do not have permission to view it.`]);
}

function resolveField(field: Field, fields: Map<string, FieldSpec>, context: JqlContext): FieldSpec {
  const properties = field.properties ?? [];
  const lower = field.value.toLowerCase();
  if (properties.length > 0) {
    const property = properties[0];
    const key = property?.key?.value;
    const path = (property?.path ?? []).map((p) => p.value.replace(/^\./, '')).join('.');
    const alias = context.propertyAliases.find((a) => a.propertyKey === key && a.path === path);
    if (lower !== 'issue.property' || properties.length > 1 || !alias) throw noSuchField(fieldLabel(field));
    return propertyField(alias, fieldLabel(field));
  }
  const builtIn = fields.get(lower);
  if (builtIn) return builtIn;
  const alias = context.propertyAliases.find((a) => a.searchAlias?.toLowerCase() === lower);
  if (alias) return propertyField(alias, alias.searchAlias ?? field.value);
  throw noSuchField(field.value);
}

const OPERATORS_BY_KIND: Record<Kind, Set<string>> = {
  name: new Set(['=', '!=', 'in', 'not in', 'is', 'is not']),
  user: new Set(['=', '!=', 'in', 'not in', 'is', 'is not']),
  date: new Set(['=', '!=', 'in', 'not in', 'is', 'is not', '>', '>=', '<', '<=']),
  number: new Set(['=', '!=', 'in', 'not in', 'is', 'is not', '>', '>=', '<', '<=']),
  key: new Set(['=', '!=', 'in', 'not in', '>', '>=', '<', '<=']),
  text: new Set(['~', '!~', 'is', 'is not']),
};

function operandText(operand: Operand): string {
  switch (operand.operandType) {
    case 'value':
      return operand.value;
    case 'keyword':
      return 'EMPTY';
    case 'function':
      return `${operand.function.value}(${operand.arguments.map((a) => a.value).join(', ')})`;
    case 'list':
      return `(${operand.values.map(operandText).join(', ')})`;
  }
}

/** One scalar operand (value, EMPTY or function) resolved for the field's kind. */
function resolveScalar(operand: Operand, spec: FieldSpec, context: JqlContext): OperandValue[] {
  switch (operand.operandType) {
    case 'keyword':
      return [EMPTY];
    case 'list':
      throw new JqlError([
        `The operator does not support the list value '${operandText(operand)}' for field '${spec.name}'.`,
      ]);
    case 'function': {
      const name = operand.function.value;
      const lower = name.toLowerCase();
      if (lower === 'currentuser') {
        if (spec.kind !== 'user') throw invalidFunctionValue(name, spec);
        return [context.currentAccountId.toLowerCase()];
      }
      if (lower === 'subtaskissuetypes' || lower === 'standardissuetypes') {
        if (spec.name !== 'issuetype') throw invalidFunctionValue(name, spec);
        return [lower === 'subtaskissuetypes' ? SUBTASK_TYPES : STANDARD_TYPES];
      }
      if (DATE_FUNCTIONS.has(lower)) {
        if (spec.kind !== 'date') throw invalidFunctionValue(name, spec);
        const args = operand.arguments.map((a) => a.value);
        return [resolveJqlDate({ kind: 'function', name, args }, spec.name, context.now, context.timeZone)];
      }
      throw new JqlError([`Unable to find JQL function '${name}()'.`]);
    }
    case 'value': {
      const text = operand.value;
      switch (spec.kind) {
        case 'date':
          return [resolveJqlDate({ kind: 'value', text }, spec.name, context.now, context.timeZone)];
        case 'number': {
          const number = Number(text);
          if (text.trim() === '' || Number.isNaN(number)) {
            throw new JqlError([`The value '${text}' is invalid for the field '${spec.name}'.`]);
          }
          return [number];
        }
        case 'key':
          if (/^\d+$/.test(text)) return [`#id:${text}`];
          if (!/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(text)) {
            throw new JqlError([`The issue key '${text}' for field '${spec.name}' is invalid.`]);
          }
          return [keySortValue(text)];
        case 'name':
          // `resolution = Unresolved` is Jira's spelling of "no resolution".
          if (spec.name === 'resolution' && text.toLowerCase() === 'unresolved') return [EMPTY];
          return [text.toLowerCase()];
        default:
          return [text.toLowerCase()];
      }
    }
  }
}

function invalidFunctionValue(name: string, spec: FieldSpec): JqlError {
  return new JqlError([
    `A value provided by the function '${name}' is invalid for the field '${spec.name}'.`,
  ]);
}

function compileTerminal(
  clause: TerminalClause,
  fields: Map<string, FieldSpec>,
  context: JqlContext,
): Predicate {
  const spec = resolveField(clause.field, fields, context);
  const operator = clause.operator?.value;
  const operand = clause.operand;
  if (operator && (clause.predicates.length > 0 || !OPERATORS_BY_KIND[spec.kind].has(operator))) {
    // WAS, CHANGED and history predicates need issue history the evaluator does not index.
    throw new JqlError([
      `The operator '${clause.operator?.text ?? operator}' is not supported by the '${spec.name}' field.`,
    ]);
  }
  if (!operator || !operand) {
    throw new JqlError([`Error in the JQL Query: incomplete clause for field '${spec.name}'.`]);
  }
  const isEmpty = (issue: StoredIssue): boolean => spec.values(issue).length === 0;

  if (operator === 'is' || operator === 'is not') {
    if (operand.operandType !== 'keyword') {
      throw new JqlError([
        `The operator '${operator.toUpperCase()}' only supports the EMPTY value for field '${spec.name}'.`,
      ]);
    }
    return operator === 'is' ? isEmpty : (issue) => !isEmpty(issue);
  }

  if (operator === '~' || operator === '!~') {
    if (operand.operandType !== 'value') {
      throw new JqlError([
        `The operator '${operator}' does not support the value '${operandText(operand)}' for field '${spec.name}'.`,
      ]);
    }
    const matcher = textSearchMatcher(operand.value);
    const contains = (issue: StoredIssue): boolean => {
      const texts = spec.values(issue) as string[];
      return texts.some((text) => matcher(text));
    };
    return operator === '~' ? contains : (issue) => !isEmpty(issue) && !contains(issue);
  }

  const isList = operator === 'in' || operator === 'not in';
  // IN takes a list or a function returning one (subTaskIssueTypes()); the grammar enforces most of this.
  if (
    isList
      ? operand.operandType !== 'list' && operand.operandType !== 'function'
      : operand.operandType === 'list'
  ) {
    const what = operand.operandType === 'list' ? 'list value' : 'value';
    throw new JqlError([
      `The operator '${operator.toUpperCase()}' does not support the ${what} '${operandText(operand)}' for field '${spec.name}'.`,
    ]);
  }
  const operands =
    operand.operandType === 'list'
      ? operand.values.flatMap((o) => resolveScalar(o, spec, context))
      : resolveScalar(operand, spec, context);
  const acceptsEmpty = operands.includes(EMPTY);
  const concrete = operands.filter((o): o is Value => o !== EMPTY);

  if (operator === '>' || operator === '>=' || operator === '<' || operator === '<=') {
    const bound = concrete[0];
    if (bound === undefined)
      throw new JqlError([
        `The operator '${operator}' does not support the value 'EMPTY' for field '${spec.name}'.`,
      ]);
    const test =
      operator === '>'
        ? (v: Value) => v > bound
        : operator === '>='
          ? (v: Value) => v >= bound
          : operator === '<'
            ? (v: Value) => v < bound
            : (v: Value) => v <= bound;
    if (spec.kind === 'key') {
      // Jira compares keys only within the bound's project: `key > INC-2` never returns OPS-1.
      if (typeof bound !== 'string' || bound.startsWith('#id:')) {
        throw new JqlError([
          `The operator '${operator}' does not support the value '${operandText(operand)}' for field 'key'.`,
        ]);
      }
      const project = bound.slice(0, bound.indexOf('\u0000') + 1);
      return (issue) => (spec.values(issue) as string[]).some((v) => v.startsWith(project) && test(v));
    }
    return (issue) => (spec.values(issue) as Value[]).some(test);
  }

  const anyEquals = equalityTest(spec, concrete);
  const positive = operator === '=' || operator === 'in';
  return positive
    ? (issue) => (isEmpty(issue) ? acceptsEmpty : anyEquals(issue))
    : (issue) => (isEmpty(issue) ? false : !anyEquals(issue));
}

function equalityTest(spec: FieldSpec, concrete: Value[]): Predicate {
  if (spec.kind === 'name' || spec.kind === 'user') {
    const wanted = new Set(concrete.map(String));
    return (issue) =>
      (spec.values(issue) as string[][]).some((aliases) => aliases.some((a) => wanted.has(a)));
  }
  if (spec.kind === 'key') {
    const keys = new Set(concrete.filter((v) => typeof v === 'string' && !v.startsWith('#id:')));
    const ids = new Set(
      concrete
        .filter((v): v is string => typeof v === 'string' && v.startsWith('#id:'))
        .map((v) => v.slice(4)),
    );
    return (issue) => keys.has(keySortValue(issue.key)) || ids.has(issue.id);
  }
  const wanted = new Set(concrete);
  return (issue) => (spec.values(issue) as Value[]).some((v) => wanted.has(v));
}

function compileClause(clause: Clause, fields: Map<string, FieldSpec>, context: JqlContext): Predicate {
  switch (clause.clauseType) {
    case 'terminal':
      return compileTerminal(clause, fields, context);
    case 'not': {
      const inner = compileClause(clause.clause, fields, context);
      return (issue) => !inner(issue);
    }
    case 'compound': {
      const parts = clause.clauses.map((c) => compileClause(c, fields, context));
      return clause.operator.value === 'and'
        ? (issue) => parts.every((p) => p(issue))
        : (issue) => parts.some((p) => p(issue));
    }
  }
}

type Comparator = CompiledJql['compare'];
type SortKey = Value | undefined;

/**
 * ORDER BY as one comparator. Sort values are computed once per issue and kept for the life of
 * this compiled query (a search request): a sort calls compare n·log n times, and re-reading and
 * re-parsing fields on every call made sorting 50,000 issues take seconds.
 */
function orderBy(keys: Array<{ spec: FieldSpec; descending: boolean }>): Comparator {
  const cache = new WeakMap<StoredIssue, SortKey[]>();
  const sortKeys = (issue: StoredIssue): SortKey[] => {
    let values = cache.get(issue);
    if (!values) {
      values = keys.map(({ spec }) => spec.sortValue(issue));
      cache.set(issue, values);
    }
    return values;
  };
  return (a, b) => {
    const x = sortKeys(a);
    const y = sortKeys(b);
    for (let i = 0; i < keys.length; i += 1) {
      const result = compareSortKeys(x[i], y[i], keys[i]?.descending === true);
      if (result !== 0) return result;
    }
    return 0;
  };
}

function compareSortKeys(x: SortKey, y: SortKey, descending: boolean): number {
  if (x === y) return 0;
  const sign = descending ? -1 : 1;
  // Empty values are the "largest": last ascending, first descending, as Jira sorts them.
  if (x === undefined) return sign;
  if (y === undefined) return -sign;
  return (x < y ? -1 : 1) * sign;
}

function parseErrorMessage(description: string, start: number): string {
  return `Error in the JQL Query: ${description} (line 1, character ${start + 1}).`;
}

export const compileJql: CompileJql = (jql, context) => {
  const jast = new JastBuilder().build(jql);
  const firstError = jast.errors[0];
  if (firstError) {
    const error = firstError as unknown as { description?: string; message?: string; start?: number };
    throw new JqlError([
      parseErrorMessage(error.description ?? error.message ?? 'invalid query', error.start ?? 0),
    ]);
  }
  const fields = buildFields(context.timeZone);
  const where = jast.query?.where ?? undefined;
  const matches: Predicate = where ? compileClause(where, fields, context) : () => true;
  const orderFields = jast.query?.orderBy?.fields ?? [];
  const keyDesc = { spec: KEY_FIELD, descending: true };
  const compare =
    orderFields.length === 0
      ? orderBy([{ spec: createdField(fields), descending: true }, keyDesc])
      : orderBy([
          ...orderFields.map((orderField) => ({
            spec: resolveField(orderField.field, fields, context),
            descending: orderField.direction?.value === 'DESC',
          })),
          keyDesc,
        ]);
  return { matches, compare, bounded: where !== undefined };
};

function createdField(fields: Map<string, FieldSpec>): FieldSpec {
  const created = fields.get('created');
  if (!created) throw new Error('created field missing');
  return created;
}
