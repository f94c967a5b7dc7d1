import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { z } from 'zod';
import { searchJqlAll } from '../src/jira/search-jql';
import { designTokensCss } from './design-tokens-css';
import { createPreviewApp, PREVIEW_ACCOUNT_ID, type PreviewApp, type PreviewOptions } from './preview-app';

const repo = resolve(__dirname, '..');
const customUis = {
  '/panel': {
    build: join(repo, 'static', 'issue-panel', 'build'),
    resource: 'issue-panel',
    moduleType: 'jira:issuePanel',
    moduleKey: 'postmortem-issue-panel',
  },
  '/trends': {
    build: join(repo, 'static', 'global-page', 'build'),
    resource: 'global-page',
    moduleType: 'jira:globalPage',
    moduleKey: 'incident-learning-page',
  },
} as const;
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const invokeBody = z.object({
  functionKey: z.string(),
  payload: z.unknown(),
  context: z.record(z.string(), z.unknown()).optional(),
});

export interface PreviewServer {
  server: Server;
  url: string;
  app: PreviewApp;
  close(): Promise<void>;
}

/**
 * The local preview: the Custom UI builds with a `@forge/bridge` shim, the app's real resolvers,
 * trigger and consumer, and the Jira emulator, Slack sink and demo data — on one port.
 */
export async function startPreviewServer(
  options: { port: number; host?: string } & Omit<PreviewOptions, 'baseUrl'>,
): Promise<PreviewServer> {
  const started: { app?: PreviewApp } = {};
  const server = createServer((request, response) => {
    const app = started.app;
    if (!app) {
      response.writeHead(503).end('Starting');
      return;
    }
    handle(app, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`Preview server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((done) => server.listen(options.port, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://localhost:${port}`;
  const app = await createPreviewApp({ ...options, baseUrl: url });
  started.app = app;
  return {
    server,
    url,
    app,
    close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

async function handle(app: PreviewApp, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (app.handleApi(request, response)) return;
  if (url.pathname === '/') return sendIndex(app, response);
  if (url.pathname === '/__preview/bridge-shim.js')
    return sendFile(response, join(__dirname, 'bridge-shim.js'));
  if (url.pathname === '/__preview/tokens.css') {
    response.writeHead(200, { 'content-type': contentTypes['.css'] ?? 'text/css' });
    response.end(designTokensCss());
    return;
  }
  const invoke = /^\/__preview\/invoke\/(issue-panel|global-page)$/.exec(url.pathname);
  if (invoke && request.method === 'POST')
    return sendInvoke(app, invoke[1] as 'issue-panel' | 'global-page', request, response);
  for (const [prefix, ui] of Object.entries(customUis)) {
    // The builds reference assets relatively (Forge serves them from a CDN path): keep a trailing slash.
    if (url.pathname === prefix) {
      response.writeHead(302, { location: `${prefix}/${url.search}` });
      response.end();
      return;
    }
    if (url.pathname === `${prefix}/` || url.pathname === `${prefix}/index.html`)
      return sendCustomUiPage(response, ui);
    if (url.pathname.startsWith(`${prefix}/`))
      return sendStatic(response, ui.build, url.pathname.slice(prefix.length));
  }
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('Not found');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What `invoke()` does in Jira: the resolver named by functionKey, with the module's context. */
async function sendInvoke(
  app: PreviewApp,
  resource: 'issue-panel' | 'global-page',
  request: IncomingMessage,
  response: ServerResponse,
) {
  const parsed = invokeBody.safeParse(JSON.parse((await readBody(request)) || '{}'));
  const handler = parsed.success ? app.resolvers[resource][parsed.data.functionKey] : undefined;
  if (!parsed.success || !handler) {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        error: `No resolver function "${parsed.success ? parsed.data.functionKey : '?'}" in ${resource}`,
      }),
    );
    return;
  }
  const context = parsed.data.context ?? {};
  const extension = (context.extension ?? {}) as { issue?: { key?: string } };
  const result = await handler({
    payload: parsed.data.payload,
    context: {
      accountId: typeof context.accountId === 'string' ? context.accountId : PREVIEW_ACCOUNT_ID,
      siteUrl: app.emulator.baseUrl,
      ...(extension.issue?.key ? { issueKey: extension.issue.key } : {}),
    },
  });
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(result));
}

function sendCustomUiPage(response: ServerResponse, ui: (typeof customUis)[keyof typeof customUis]): void {
  const index = join(ui.build, 'index.html');
  if (!existsSync(index)) {
    response.writeHead(503, { 'content-type': 'text/plain' });
    response.end('Custom UI not built: run `npm run build` (npm start does it for you).');
    return;
  }
  const config = JSON.stringify({
    resource: ui.resource,
    moduleType: ui.moduleType,
    moduleKey: ui.moduleKey,
    accountId: PREVIEW_ACCOUNT_ID,
    siteUrl: '',
    timeZone: 'UTC',
  }).replace(/'/g, '&#39;');
  // The bridge looks for its host when the bundle is imported, so the shim must run first.
  const shim = `<script src="/__preview/bridge-shim.js" data-preview='${config}'></script>`;
  const html = readFileSync(index, 'utf8').replace('<head>', `<head>\n    ${shim}`);
  response.writeHead(200, { 'content-type': contentTypes['.html'] ?? 'text/html' });
  response.end(html);
}

async function sendIndex(app: PreviewApp, response: ServerResponse): Promise<void> {
  const incidents = await searchJqlAll(app.emulator.appJiraPort(), {
    jql: 'issuetype = Incident ORDER BY created DESC',
    fields: ['summary', 'status', 'labels', 'created'],
    maxResults: 100,
  });
  const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  const rows = incidents
    .slice(0, 60)
    .map((issue) => {
      const fields = issue.fields as { summary?: string; created?: string; labels?: string[] };
      return `<li><a href="/panel?issue=${escape(issue.key)}">${escape(issue.key)}</a> ${escape(fields.summary ?? '')} <small>${escape((fields.created ?? '').slice(0, 10))} ${escape((fields.labels ?? []).join(' '))}</small></li>`;
    })
    .join('\n');
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Postmortems for Jira — local preview</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;line-height:1.5}small{color:#626f86}</style></head>
<body><h1>Postmortems for Jira — local preview</h1>
<p>The app's real resolvers, trigger and consumer against a local Jira Cloud emulator with demo data.
Slack messages land in <a href="/__slack/messages">/__slack/messages</a>.</p>
<h2><a href="/trends">Incident learning (global page)</a></h2>
<h2>Incidents — open the postmortem issue panel</h2>
<ul>${rows}</ul>
<p>Dark theme: add <code>&amp;theme=dark</code> to a panel link.</p>
</body></html>`);
}

function sendFile(response: ServerResponse, file: string): void {
  response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

function sendStatic(response: ServerResponse, root: string, path: string): void {
  const file = normalize(join(root, path));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found');
    return;
  }
  sendFile(response, file);
}
