import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJiraEmulator } from '../emulator/jira-emulator';
import { generateIssues } from './jira-emulator-jql.bench';

const ISSUE_COUNT = 50_000;
const QUERIES = [
  { jql: 'project = INC ORDER BY created DESC', maxResults: 100 },
  { jql: 'project in (INC, OPS) ORDER BY key ASC', maxResults: 100 },
  { jql: 'labels = action-item AND statusCategory != Done ORDER BY duedate ASC', maxResults: 5000 },
];
const FIELDS = ['summary', 'created', 'updated', 'labels', 'priority', 'status', 'assignee', 'duedate'];

interface SearchPage {
  issues: unknown[];
  isLast: boolean;
  nextPageToken?: string;
}

/** Pages a whole result set through `POST /rest/api/3/search/jql`, the way the app's iterator does. */
async function pageThrough(
  post: (body: string) => Promise<SearchPage>,
  query: (typeof QUERIES)[number],
): Promise<{ pages: number; issues: number; ms: number }> {
  const started = process.hrtime.bigint();
  let pages = 0;
  let issues = 0;
  let token: string | undefined;
  do {
    const page = await post(
      JSON.stringify({ ...query, fields: FIELDS, ...(token ? { nextPageToken: token } : {}) }),
    );
    pages += 1;
    issues += page.issues.length;
    token = page.isLast ? undefined : page.nextPageToken;
  } while (token);
  return { pages, issues, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Emulator `search/jql` throughput over 50,000 issues, in process and over HTTP (as the preview serves it). */
export async function run(): Promise<void> {
  const emulator = createJiraEmulator({ now: () => new Date('2025-06-15T12:00:00.000Z') });
  let started = process.hrtime.bigint();
  emulator.seed(generateIssues(ISSUE_COUNT));
  console.log(
    `seeded ${ISSUE_COUNT} issues in ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`,
  );

  const server = createServer((req, res) => emulator.nodeHandler(req, res));
  // The in-process runs leave the HTTP client's kept-alive socket idle for seconds; don't let it go stale.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  const transports = {
    'in process': async (body: string) => {
      const response = await emulator.handle({ method: 'POST', path: '/rest/api/3/search/jql', body });
      return JSON.parse(response.body) as SearchPage;
    },
    HTTP: async (body: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return (await response.json()) as SearchPage;
    },
  };
  try {
    for (const query of QUERIES) {
      for (const [name, post] of Object.entries(transports)) {
        started = process.hrtime.bigint();
        const { pages, issues, ms } = await pageThrough(post, query);
        console.log(
          `${name.padEnd(10)} ${(pages / (ms / 1000)).toFixed(0).padStart(5)} pages/s, ${Math.round(issues / (ms / 1000)).toLocaleString('en-US')} issues/s — ${pages} pages, ${issues} issues in ${ms.toFixed(0)} ms (maxResults ${query.maxResults}): ${query.jql}`,
        );
      }
    }
  } finally {
    await new Promise((closed) => server.close(closed));
  }
}
