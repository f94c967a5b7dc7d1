import {
  JastBuilder,
  JQLSyntaxError,
  type Clause,
  type Operand,
  type OrderBy,
  type TerminalClause,
} from '@atlassianlabs/jql-ast';
import {
  JqlError,
  type CompileJql,
  type CompiledJql,
  type JqlContext,
  type StoredIssue,
} from './compile-jql.types';
import { DATE_FUNCTIONS, evaluateDateFunction, parseDateValue } from './jql-dates';
import {
  keySortKey,
  resolveField,
  resolveNamedField,
  unknownField,
  type FieldValue,
  type JqlField,
} from './jql-fields';
import { textMatcher } from './text-search';

/**
 * The emulator's JQL evaluator. The query is parsed by Atlassian's ANTLR JQL grammar
 * (@atlassianlabs/jql-ast) and compiled once into closures, so `matches` does no parsing per issue.
 *
 * Semantics follow Jira Cloud where users notice them:
 * - `!=`, `NOT IN`, `!~` and negated comparisons never match an issue whose field is EMPTY
 *   (`assignee != bob` leaves out unassigned issues), and NOT is pushed down to the clauses the way
 *   Jira rewrites it, so `NOT labels = x` behaves like `labels != x`;
 * - names (project, status, priority, issue type, …) compare case-insensitively;
 * - without ORDER BY, results come as Jira orders them: created DESC, then key DESC; an explicit
 *   ORDER BY is also tie-broken by key DESC so pages are stable.
 */

type Predicate = (issue: StoredIssue) => boolean;
type Comparator = (a: StoredIssue, b: StoredIssue) => number;

/** An operand value resolved for the field's kind; EMPTY is its own marker. */
type Target = { empty: true } | { empty: false; value: FieldValue };

const EMPTY: Target = { empty: true };

const NEGATED_OPERATOR: Record<string, string> = {
  '=': '!=',
  '!=': '=',
  in: 'not in',
  'not in': 'in',
  '~': '!~',
  '!~': '~',
  is: 'is not',
  'is not': 'is',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
};

const KNOWN_FUNCTIONS = new Set([...DATE_FUNCTIONS, 'currentuser']);

function syntaxError(detail: string): JqlError {
  return new JqlError([`Error in the JQL Query: ${detail}`]);
}

export const compileJql: CompileJql = (jql: string, context: JqlContext): CompiledJql => {
  const jast = new JastBuilder().build(jql);
  const firstError = jast.errors[0];
  if (firstError) {
    const at =
      firstError instanceof JQLSyntaxError
        ? ` (line ${String(firstError.line)}, character ${String(firstError.charPositionInLine + 1)})`
        : '';
    throw syntaxError(`${firstError.description}${at}.`);
  }
  const where = jast.query?.where ?? undefined;
  const orderBy = jast.query?.orderBy ?? undefined;
  const matches = where ? compileClause(where, false, context) : () => true;
  return {
    matches,
    compare: compileOrderBy(orderBy, context),
    bounded: where !== undefined,
  };
};

function compileClause(clause: Clause, negated: boolean, context: JqlContext): Predicate {
  switch (clause.clauseType) {
    case 'not':
      return compileClause(clause.clause, !negated, context);
    case 'compound': {
      const parts = clause.clauses.map((child) => compileClause(child, negated, context));
      // De Morgan: under NOT, AND becomes OR and vice versa.
      const conjunction = (clause.operator.value === 'and') !== negated;
      return conjunction
        ? (issue) => parts.every((part) => part(issue))
        : (issue) => parts.some((part) => part(issue));
    }
    case 'terminal':
      return compileTerminal(clause, negated, context);
  }
}

function compileTerminal(clause: TerminalClause, negated: boolean, context: JqlContext): Predicate {
  const field = resolveField(clause.field, context);
  const operatorNode = clause.operator ?? undefined;
  const operand = clause.operand ?? undefined;
  if (!operatorNode) throw syntaxError(`Expecting an operator after '${clause.field.text}'.`);
  const written = operatorNode.value.toLowerCase();
  // History operators (WAS, CHANGED) and predicates need a changelog index the emulator lacks.
  if (clause.predicates.length > 0 || !field.operators.has(written)) {
    throw new JqlError([
      `The operator '${operatorNode.text}' is not supported by the '${field.label}' field.`,
    ]);
  }
  if (!operand) throw syntaxError(`Expecting a value, list or function after '${operatorNode.text}'.`);
  const operator = negated ? (NEGATED_OPERATOR[written] ?? written) : written;

  if (operator === '~' || operator === '!~') return compileTextSearch(field, operator, operand);

  const targets = resolveOperand(operand, field, written, context);
  if (field.kind === 'text') {
    // Text fields only allow IS [NOT] EMPTY besides ~, and have no comparable values.
    const wantPresent = operator === 'is not';
    return (issue) => (field.text(issue) !== '') === wantPresent;
  }
  const wantsEmpty = targets.some((target) => target.empty);
  const values: FieldValue[] = [];
  for (const target of targets) if (!target.empty) values.push(target.value);

  switch (operator) {
    case 'is':
    case '=':
    case 'in':
      return (issue) => {
        const actual = field.values(issue);
        if (actual.length === 0) return wantsEmpty;
        return actual.some((value) => values.includes(value));
      };
    case 'is not':
    case '!=':
    case 'not in':
      return (issue) => {
        const actual = field.values(issue);
        if (actual.length === 0) return false;
        return !actual.some((value) => values.includes(value));
      };
    default: {
      const bound = values[0];
      if (wantsEmpty || bound === undefined || values.length > 1) {
        throw new JqlError([
          `The operator '${operatorNode.text}' does not support searching for EMPTY values or lists.`,
        ]);
      }
      const accept = ORDER_TESTS[operator];
      if (!accept)
        throw new JqlError([
          `The operator '${operatorNode.text}' is not supported by the '${field.label}' field.`,
        ]);
      if (field.rank) {
        const boundRank = field.rank(String(bound));
        if (boundRank === undefined) {
          const spelled = operand.operandType === 'value' ? operand.value : String(bound);
          throw new JqlError([`The value '${spelled}' does not exist for the field '${field.label}'.`]);
        }
        return (issue) => {
          const rank = field.sortKey(issue);
          return typeof rank === 'number' && accept(rank - boundRank);
        };
      }
      return (issue) =>
        field.values(issue).some((value) => {
          const order = compareValues(field, value, bound);
          return order !== undefined && accept(order);
        });
    }
  }
}

const ORDER_TESTS: Record<string, (order: number) => boolean> = {
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
  '>': (order) => order > 0,
  '>=': (order) => order >= 0,
};

/** Order of a stored value relative to an operand; undefined when they are not comparable. */
function compareValues(field: JqlField, actual: FieldValue, bound: FieldValue): number | undefined {
  if (field.kind === 'key') {
    if (typeof actual !== 'string' || typeof bound !== 'string') return undefined;
    const actualKey = keySortKey(actual);
    const boundKey = keySortKey(bound);
    // Jira compares keys only within the operand's project.
    if (actualKey.slice(0, actualKey.lastIndexOf('-')) !== boundKey.slice(0, boundKey.lastIndexOf('-')))
      return undefined;
    return actualKey < boundKey ? -1 : actualKey > boundKey ? 1 : 0;
  }
  if (typeof actual === 'number' && typeof bound === 'number') return actual - bound;
  const actualNumber = Number(actual);
  const boundNumber = Number(bound);
  if (!Number.isNaN(actualNumber) && !Number.isNaN(boundNumber)) return actualNumber - boundNumber;
  const a = String(actual);
  const b = String(bound);
  return a < b ? -1 : a > b ? 1 : 0;
}

function compileTextSearch(field: JqlField, operator: string, operand: Operand): Predicate {
  if (operand.operandType !== 'value') {
    throw new JqlError([
      `The operator '${operator}' only supports a text value for the '${field.label}' field.`,
    ]);
  }
  if (operand.value.trim() === '') {
    throw new JqlError([`The field '${field.label}' does not support searching for an empty string.`]);
  }
  const matcher = textMatcher(operand.value);
  if (operator === '~') return (issue) => matcher(field.text(issue));
  return (issue) => {
    const text = field.text(issue);
    return text !== '' && !matcher(text);
  };
}

function resolveOperand(operand: Operand, field: JqlField, operator: string, context: JqlContext): Target[] {
  switch (operand.operandType) {
    case 'keyword':
      return [EMPTY];
    case 'list':
      if (operator !== 'in' && operator !== 'not in') {
        throw new JqlError([
          `The operator '${operator}' does not support a list of values for the field '${field.label}'.`,
        ]);
      }
      return operand.values.flatMap((value) => resolveOperand(value, field, 'in', context));
    case 'function':
      return [
        resolveFunction(
          operand.function.value,
          operand.arguments.map((arg) => arg.value),
          field,
          context,
        ),
      ];
    case 'value':
      if (operator === 'is' || operator === 'is not') {
        throw syntaxError(`Expecting 'EMPTY' or 'NULL' after '${operator}' but got '${operand.text}'.`);
      }
      return [resolveValue(operand.value, field, context)];
  }
}

function resolveFunction(name: string, args: string[], field: JqlField, context: JqlContext): Target {
  const lower = name.toLowerCase();
  if (!KNOWN_FUNCTIONS.has(lower)) throw new JqlError([`Unable to find JQL function '${name}()'.`]);
  if (lower === 'currentuser' && field.kind === 'user') {
    if (args.length > 0)
      throw new JqlError([`Function '${name}' expected '0' arguments but received '${args.length}'.`]);
    return { empty: false, value: context.currentAccountId.toLowerCase() };
  }
  if (lower !== 'currentuser' && field.kind === 'date') {
    const result = evaluateDateFunction(name, args, context.now, context.timeZone);
    if (typeof result === 'string') throw new JqlError([result]);
    return { empty: false, value: result };
  }
  throw new JqlError([
    `A value provided by the function '${name}' is invalid for the field '${field.label}'.`,
  ]);
}

function resolveValue(raw: string, field: JqlField, context: JqlContext): Target {
  switch (field.kind) {
    case 'name':
    case 'user':
    case 'key':
      if (field.emptyAliases?.has(raw.toLowerCase())) return EMPTY;
      return { empty: false, value: raw.toLowerCase() };
    case 'date': {
      const time = parseDateValue(raw, context.now, context.timeZone);
      if (time === undefined) {
        throw new JqlError([
          `Date value '${raw}' for field '${field.label}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
        ]);
      }
      return { empty: false, value: time };
    }
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || Number.isNaN(value)) {
        throw new JqlError([`The value '${raw}' is not a valid number for the field '${field.label}'.`]);
      }
      return { empty: false, value };
    }
    case 'text':
    case 'string':
    case 'loose':
      return { empty: false, value: raw };
  }
}

function compileOrderBy(orderBy: OrderBy | undefined, context: JqlContext): Comparator {
  const byKeyDesc: Comparator = (a, b) => compareIssueKeys(b.key, a.key);
  const sorts: Comparator[] = [];
  const fields = orderBy?.fields ?? [];
  if (fields.length === 0) {
    const created = resolveNamedField('created', context);
    sorts.push(sortBy(created, true));
  }
  for (const entry of fields) {
    const field = resolveOrderField(entry.field, context);
    sorts.push(sortBy(field, entry.direction?.value.toLowerCase() === 'desc'));
  }
  sorts.push(byKeyDesc);
  return (a, b) => {
    for (const sort of sorts) {
      const order = sort(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function resolveOrderField(field: Parameters<typeof resolveField>[0], context: JqlContext): JqlField {
  try {
    return resolveField(field, context);
  } catch (error) {
    if (error instanceof JqlError) throw unknownField(field.text);
    throw error;
  }
}

/** Issue keys by project, then number, without allocating: this runs for every tie in a sort. */
function compareIssueKeys(a: string, b: string): number {
  const dashA = a.lastIndexOf('-');
  const dashB = b.lastIndexOf('-');
  const projectA = a.slice(0, dashA);
  const projectB = b.slice(0, dashB);
  if (projectA !== projectB) return projectA < projectB ? -1 : 1;
  return Number(a.slice(dashA + 1)) - Number(b.slice(dashB + 1));
}

function compareKeys(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** EMPTY sorts last ascending and first descending, as in Jira. */
function sortBy(field: JqlField, descending: boolean): Comparator {
  const direction = descending ? -1 : 1;
  return (a, b) => {
    const left = field.sortKey(a);
    const right = field.sortKey(b);
    if (left === undefined || right === undefined) {
      if (left === right) return 0;
      return (left === undefined ? 1 : -1) * direction;
    }
    return compareKeys(left, right) * direction;
  };
}
