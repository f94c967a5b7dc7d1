/**
 * Validates request/response pairs against Atlassian's Jira OpenAPI spec (the subset in
 * ../shared/jira-openapi/). Requests are checked strictly; responses with every schema made
 * nullable, because Jira (and Atlassian's own examples) send `null` where the spec says string.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SHARED_DIR } from '../../helpers/shared-files';

export const SPEC_FILE =
  process.env.JIRA_OPENAPI_SUBSET ?? join(SHARED_DIR, 'jira-openapi', 'jira-platform-v3.subset.json');

export interface Exchange {
  method: string;
  /** Path with its query string. */
  path: string;
  requestBody?: unknown;
  status?: number;
  /** Parsed response body; left out to check only the request. */
  responseBody?: unknown;
}

export interface ValidationReport {
  /** One message per violation, with the index of its exchange. */
  problems: Array<{ index: number; message: string }>;
  /** Per exchange: whether the spec subset describes its operation (only those are validated). */
  matched: boolean[];
}

// openapi-backend's ref parser ships as ESM, which this Jest setup does not transform; Node loads it
// natively, so validation runs in a child process (as in test/unit/jira/openapi-requests.test.ts).
const VALIDATOR = `
const OpenAPIBackend = require('openapi-backend').default;
const fs = require('fs');
const exchanges = JSON.parse(fs.readFileSync(0, 'utf8'));
// Only schema objects are relaxed. Ajv needs a type beside "nullable", so a $ref becomes
// "the reference, or a nullable string that can only be null".
const relax = (schema) => {
  if (!schema || typeof schema !== 'object') return;
  if (schema.$ref) { schema.anyOf = [{ $ref: schema.$ref }, { type: 'string', nullable: true, enum: [null] }]; delete schema.$ref; }
  if (typeof schema.type === 'string') schema.nullable = true;
  Object.values(schema.properties || {}).forEach(relax);
  if (schema.items) relax(schema.items);
  if (typeof schema.additionalProperties === 'object') relax(schema.additionalProperties);
  ['allOf', 'oneOf', 'anyOf'].forEach((k) => (schema[k] || []).forEach((s) => s.$ref || relax(s)));
};
const strict = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const relaxed = JSON.parse(JSON.stringify(strict));
Object.values(relaxed.components.schemas).forEach(relax);
Object.values(relaxed.paths).forEach((item) => Object.values(item).forEach((op) => Object.values((op && op.responses) || {}).forEach((r) => Object.values(r.content || {}).forEach((c) => relax(c.schema)))));
const opts = (definition) => ({ definition, quick: false, validate: true, ajvOpts: { logger: false, strict: false } });
const requestApi = new OpenAPIBackend(opts(strict));
const responseApi = new OpenAPIBackend(opts(relaxed));
Promise.all([requestApi.init(), responseApi.init()]).then(() => {
  const report = { problems: [], matched: [] };
  exchanges.forEach((x, index) => {
    const url = new URL(x.path, 'http://x');
    const req = { method: x.method.toLowerCase(), path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams), headers: { 'content-type': 'application/json', accept: 'application/json' }, body: x.requestBody };
    const operation = requestApi.matchOperation(req);
    const label = x.method + ' ' + x.path;
    report.matched.push(Boolean(operation));
    if (!operation) return;
    for (const e of requestApi.validateRequest(req, operation).errors || []) report.problems.push({ index, message: 'request ' + label + ' ' + e.instancePath + ' ' + e.message });
    if (x.responseBody === undefined) return;
    for (const e of responseApi.validateResponse(x.responseBody, operation.operationId, x.status).errors || []) report.problems.push({ index, message: 'response ' + x.status + ' ' + label + ' ' + e.instancePath + ' ' + e.message });
  });
  process.stdout.write(JSON.stringify(report));
});`;

/** The whole spec, for the operations the subset leaves out (e.g. issue comments). */
export const FULL_SPEC_FILE =
  process.env.JIRA_OPENAPI_SPEC ?? join(SHARED_DIR, 'jira-openapi', 'jira-platform-v3.json');

export function validateExchanges(exchanges: Exchange[], specFile = SPEC_FILE): ValidationReport {
  const output = execFileSync(process.execPath, ['-e', VALIDATOR, specFile], {
    input: JSON.stringify(exchanges),
    cwd: join(__dirname, '..', '..', '..'),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as ValidationReport;
}
