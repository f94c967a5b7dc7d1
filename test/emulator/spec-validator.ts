/**
 * Validates Jira traffic against Atlassian's OpenAPI spec: requests strictly (the app must send what
 * Jira accepts), responses with every schema nullable, because Atlassian's own examples put nulls
 * where the spec says string (see ../shared/jira-openapi/README.md).
 * Built on Ajv directly: openapi-backend's ref parser is ESM-only and does not load under Jest's
 * CommonJS transform, and the subset spec needs nothing beyond path matching and JSON Schema.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface SpecVerdict {
  /** false when the spec has no operation for this method and path. */
  known: boolean;
  valid: boolean;
  errors: string[];
}

export interface SpecValidator {
  validateRequest(method: string, pathWithQuery: string, body?: unknown): SpecVerdict;
  validateResponse(method: string, pathWithQuery: string, status: number, body: unknown): SpecVerdict;
}

interface Operation {
  template: string;
  pattern: RegExp;
  params: number;
  method: string;
  spec: Record<string, unknown>;
}

export function specPath(): string {
  const repoRoot = path.resolve(__dirname, '../..');
  const folder = process.env.JIRA_OPENAPI_SPEC ?? path.resolve(repoRoot, '../shared/jira-openapi');
  return folder.endsWith('.json') ? folder : path.join(folder, 'jira-platform-v3.subset.json');
}

export async function createSpecValidator(file: string = specPath()): Promise<SpecValidator> {
  const spec = record(JSON.parse(readFileSync(file, 'utf8')));
  const strict = makeAjv(record(spec.components));
  const relaxed = makeAjv(record(relaxNullable(spec.components)));
  const operations = listOperations(record(spec.paths));
  const cache = new Map<string, ValidateFunction>();

  const compile = (ajv: Ajv, key: string, schema: unknown): ValidateFunction => {
    const cached = cache.get(key);
    if (cached) return cached;
    const compiled = ajv.compile(record(retarget(schema)));
    cache.set(key, compiled);
    return compiled;
  };
  const find = (method: string, pathWithQuery: string) => {
    const url = new URL(pathWithQuery, 'http://jira.local');
    const operation = operations.find(
      (candidate) => candidate.method === method.toLowerCase() && candidate.pattern.test(url.pathname),
    );
    return { url, operation };
  };
  const run = (validate: ValidateFunction, value: unknown): SpecVerdict => {
    const valid = validate(value);
    return {
      known: true,
      valid,
      errors: (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`),
    };
  };
  const unknownOperation: SpecVerdict = {
    known: false,
    valid: false,
    errors: ['no such operation in the spec'],
  };

  return {
    validateRequest(method, pathWithQuery, body) {
      const { url, operation } = find(method, pathWithQuery);
      if (!operation) return unknownOperation;
      const missing = requiredQuery(operation.spec).filter((name) => !url.searchParams.has(name));
      if (missing.length > 0)
        return {
          known: true,
          valid: false,
          errors: missing.map((name) => `missing query parameter ${name}`),
        };
      const schema = jsonSchema(record(operation.spec.requestBody));
      if (!schema)
        return {
          known: true,
          valid: body === undefined,
          errors: body === undefined ? [] : ['operation takes no body'],
        };
      if (body === undefined)
        return {
          known: true,
          valid: record(operation.spec.requestBody).required !== true,
          errors: ['body required'],
        };
      return run(compile(strict, `req ${operation.method} ${operation.template}`, schema), body);
    },
    validateResponse(method, pathWithQuery, status, body) {
      const { operation } = find(method, pathWithQuery);
      if (!operation) return unknownOperation;
      const responses = record(operation.spec.responses);
      const response = responses[String(status)] ?? responses.default;
      if (response === undefined)
        return { known: true, valid: false, errors: [`status ${status} is not documented`] };
      const schema = jsonSchema(record(response));
      if (!schema) return { known: true, valid: true, errors: [] };
      return run(compile(relaxed, `res ${operation.method} ${operation.template} ${status}`, schema), body);
    },
  };
}

function makeAjv(components: Record<string, unknown>): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'spec.json', components }, 'spec.json');
  return ajv;
}

function listOperations(paths: Record<string, unknown>): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const params = (template.match(/\{/g) ?? []).length;
    for (const [method, spec] of Object.entries(record(item))) {
      if (['get', 'put', 'post', 'delete', 'patch'].includes(method))
        operations.push({ template, pattern, params, method, spec: record(spec) });
    }
  }
  // Literal segments win over parameters (/issue/bulk before /issue/{issueIdOrKey}).
  return operations.sort((a, b) => a.params - b.params);
}

function requiredQuery(operation: Record<string, unknown>): string[] {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  return parameters
    .map(record)
    .filter((p) => p.in === 'query' && p.required === true)
    .map((p) => String(p.name));
}

function jsonSchema(holder: Record<string, unknown>): unknown {
  const content = record(holder.content);
  return record(content['application/json']).schema;
}

/** Points the spec's document-local refs at the components schema registered as spec.json. */
function retarget(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(retarget);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) {
    out[name] =
      name === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `spec.json${value}`
        : retarget(value);
  }
  return out;
}

/** Marks every typed schema nullable (OpenAPI 3.0's `nullable: true`). */
function relaxNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relaxNullable);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node))
    out[name] = name === 'properties' ? mapValues(value, relaxNullable) : relaxNullable(value);
  if (typeof out.type === 'string') out.nullable = true;
  return out;
}

function mapValues(value: unknown, fn: (item: unknown) => unknown): unknown {
  return Object.fromEntries(Object.entries(record(value)).map(([name, item]) => [name, fn(item)]));
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
