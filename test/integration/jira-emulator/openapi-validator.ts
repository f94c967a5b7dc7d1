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
  problems: string[];
  /** Exchanges whose operation the spec subset does not describe (not validated). */
  unmatched: string[];
  validated: number;
}

// openapi-backend's ref parser ships as ESM, which this Jest setup does not transform; Node loads it
// natively, so validation runs in a child process (as in test/unit/jira/openapi-requests.test.ts).
const VALIDATOR = `
const OpenAPIBackend = require('openapi-backend').default;
const fs = require('fs');
const exchanges = JSON.parse(fs.readFileSync(0, 'utf8'));
const relax = (node) => {
  if (Array.isArray(node)) return node.forEach(relax);
  if (!node || typeof node !== 'object') return;
  if (typeof node.type === 'string' || node.$ref || node.allOf) node.nullable = true;
  Object.values(node).forEach(relax);
};
const strict = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const relaxed = JSON.parse(JSON.stringify(strict));
relax(relaxed.components);
Object.values(relaxed.paths).forEach((item) => Object.values(item).forEach((op) => op && op.responses && relax(op.responses)));
const opts = (definition) => ({ definition, quick: false, validate: true, ajvOpts: { logger: false, strict: false } });
const requestApi = new OpenAPIBackend(opts(strict));
const responseApi = new OpenAPIBackend(opts(relaxed));
Promise.all([requestApi.init(), responseApi.init()]).then(() => {
  const report = { problems: [], unmatched: [], validated: 0 };
  for (const x of exchanges) {
    const url = new URL(x.path, 'http://x');
    const req = { method: x.method.toLowerCase(), path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams), headers: { 'content-type': 'application/json', accept: 'application/json' }, body: x.requestBody };
    const operation = requestApi.matchOperation(req);
    const label = x.method + ' ' + x.path;
    if (!operation) { report.unmatched.push(label); continue; }
    report.validated += 1;
    for (const e of requestApi.validateRequest(req, operation).errors || []) report.problems.push('request ' + label + ' ' + e.instancePath + ' ' + e.message);
    if (x.responseBody === undefined) continue;
    for (const e of responseApi.validateResponse(x.responseBody, operation.operationId, x.status).errors || []) report.problems.push('response ' + x.status + ' ' + label + ' ' + e.instancePath + ' ' + e.message);
  }
  process.stdout.write(JSON.stringify(report));
});`;

export function validateExchanges(exchanges: Exchange[]): ValidationReport {
  const output = execFileSync(process.execPath, ['-e', VALIDATOR, SPEC_FILE], {
    input: JSON.stringify(exchanges),
    cwd: join(__dirname, '..', '..', '..'),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as ValidationReport;
}
