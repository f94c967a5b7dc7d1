import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { z } from 'zod';
import { searchJqlAll } from '../src/jira/search-jql';
import {
  gadgetInstanceOf,
  gadgetInstanceOfExtension,
  sendDashboardPage,
  sendGadgetSubmit,
} from './dashboard-page';
import { designTokensCss } from './design-tokens-css';
import { referenceIncidentKey } from './reference-incident';
import { LOCAL_ENVIRONMENT_ID } from '../forge-platform/forge-platform';
import {
  createPreviewApp,
  PREVIEW_ACCOUNT_ID,
  PREVIEW_MODULES,
  type PreviewApp,
  type PreviewOptions,
} from './preview-app';

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
  // The UI Kit modules, drawn by the local UI Kit host (preview/ui-kit-host/).
  '/admin': {
    build: join(repo, 'preview', 'ui-kit-host', 'build'),
    resource: 'admin-settings',
    moduleType: 'jira:adminPage',
    moduleKey: 'postmortem-settings-page',
  },
  '/glance': {
    build: join(repo, 'preview', 'ui-kit-host', 'build'),
    resource: 'issue-context',
    moduleType: 'jira:issueContext',
    moduleKey: 'postmortem-issue-context',
  },
  // One gadget of the dashboard (/dashboard frames it): `?dashboard=…&gadget=…[&entry=edit]`.
  '/gadget': {
    build: join(repo, 'preview', 'ui-kit-host', 'build'),
    resource: 'dashboard-gadget',
    moduleType: 'jira:dashboardGadget',
    moduleKey: 'postmortem-follow-through-gadget',
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
  const invoke = /^\/__preview\/invoke\/([\w-]+)$/.exec(url.pathname);
  if (invoke?.[1] && invoke[1] in PREVIEW_MODULES && request.method === 'POST')
    return sendInvoke(app, invoke[1] as keyof typeof PREVIEW_MODULES, request, response);
  if (url.pathname === '/dashboard') return sendDashboardPage(response, url.searchParams);
  if (url.pathname === '/__preview/gadget/submit' && request.method === 'POST')
    return sendGadgetSubmit(app, request, response);
  const scheduled = /^\/__forge\/scheduled\/([\w-]+)$/.exec(url.pathname);
  if (scheduled?.[1] && request.method === 'POST') return sendScheduled(app, scheduled[1], response);
  const consent = /^\/__forge\/consent\/(grant|revoke)$/.exec(url.pathname);
  if (consent && request.method === 'POST') {
    // The switch for "a user who has not allowed access yet": asUser() then needs consent.
    if (consent[1] === 'grant') app.platform.grantConsent(PREVIEW_ACCOUNT_ID);
    else app.platform.denyConsent(PREVIEW_ACCOUNT_ID);
    return sendJson(response, 200, { consent: app.platform.hasConsent(PREVIEW_ACCOUNT_ID) });
  }
  // Jira's issue URL (links the app builds from the site URL): the preview shows the issue's postmortem panel.
  const browse = /^\/browse\/([A-Z][A-Z0-9_]+-\d+)$/.exec(url.pathname);
  if (browse?.[1]) {
    response.writeHead(302, { location: `/panel?issue=${browse[1]}` });
    response.end();
    return;
  }
  // Jira serves a global page at /jira/apps/<app id>/<environment id>: links in Slack messages use it.
  if (url.pathname.startsWith('/jira/apps/')) {
    response.writeHead(302, { location: `/trends/${url.search}` });
    response.end();
    return;
  }
  for (const [prefix, ui] of Object.entries(customUis)) {
    // The builds reference assets relatively (Forge serves them from a CDN path): keep a trailing slash.
    if (url.pathname === prefix) {
      response.writeHead(302, { location: `${prefix}/${url.search}` });
      response.end();
      return;
    }
    if (url.pathname === `${prefix}/` || url.pathname === `${prefix}/index.html`) {
      // A gadget's context is the platform's: its ids, entry point and the configuration stored for it.
      const gadget = ui.moduleType === 'jira:dashboardGadget' ? gadgetInstanceOf(url.searchParams) : null;
      return sendCustomUiPage(
        response,
        ui,
        gadget ? app.platform.gadgetExtension(ui.moduleKey, gadget) : undefined,
      );
    }
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

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * What `invoke()` does in Jira: the platform runs the module's resolver function with the user and the
 * page's context. A user who has not allowed access gets Forge's consent prompt (the bridge shim shows it).
 */
async function sendInvoke(
  app: PreviewApp,
  resource: keyof typeof PREVIEW_MODULES,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const parsed = invokeBody.safeParse(JSON.parse((await readBody(request)) || '{}'));
  if (!parsed.success) return sendJson(response, 400, { error: 'An invoke needs a functionKey.' });
  const context = parsed.data.context ?? {};
  const extension = (context.extension ?? {}) as Record<string, unknown>;
  // Only the gadget's ids cross from the page: the platform supplies its stored configuration.
  const gadget = gadgetInstanceOfExtension(extension);
  try {
    const result = await app.platform.invokeResolver({
      moduleKey: PREVIEW_MODULES[resource],
      functionKey: parsed.data.functionKey,
      payload: parsed.data.payload,
      accountId: typeof context.accountId === 'string' ? context.accountId : PREVIEW_ACCOUNT_ID,
      extension,
      ...(gadget ? { gadget } : {}),
    });
    sendJson(response, 200, result);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    sendJson(response, name === 'NEEDS_AUTHENTICATION_ERR' ? 401 : 500, { error: name, message });
  }
}

async function sendScheduled(app: PreviewApp, moduleKey: string, response: ServerResponse) {
  try {
    await app.platform.runScheduledTrigger(moduleKey);
    await app.platform.drain();
    sendJson(response, 200, { ran: moduleKey });
  } catch (error) {
    sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
  }
}

function sendCustomUiPage(
  response: ServerResponse,
  ui: (typeof customUis)[keyof typeof customUis],
  extension?: Record<string, unknown>,
): void {
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
    ...(extension ? { extension } : {}),
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
  // The demo's full payment-outage postmortem is older than the recent incidents: link it on its own.
  const reference = await referenceIncidentKey(app);
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Postmortems for Jira — local preview</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;line-height:1.5}small{color:#626f86}</style></head>
<body><h1>Postmortems for Jira — local preview</h1>
<p>The app's real resolvers, trigger and consumer against a local Jira Cloud emulator with demo data.
Slack messages land in <a href="/__slack/messages">/__slack/messages</a>.</p>
<h2><a href="/trends">Incident learning (global page)</a></h2>
<h2><a href="/admin">Postmortem settings (admin page)</a></h2>
<h2><a href="/dashboard">Dashboard with the Postmortem follow-through gadget</a></h2>
<p>Overdue action items, postmortems due, this month's SEV-1/2 incidents and MTTR; each gadget has its own configuration (Edit) (<a href="/dashboard?theme=dark">dark</a>).</p>
<p>Incident JQL, severity and category sources, time zone, holidays, labels and the Slack webhook (<a href="/admin?theme=dark">dark</a>).</p>
<h2>Try it: <a href="/panel?issue=${escape(reference)}">${escape(reference)} Payment Service Outage</a></h2>
<p>A complete postmortem draft, ready to finalize into child issues and a Slack message.
Its glance beside the issue: <a href="/glance?issue=${escape(reference)}">status, deadline and action items</a> (<a href="/glance?issue=${escape(reference)}&amp;theme=dark">dark</a>).</p>
<h2>Incidents — open the postmortem issue panel</h2>
<ul>${rows}</ul>
<p>Dark theme: add <code>&amp;theme=dark</code> to a panel link.</p>
<h2>Local Forge platform</h2>
<form method="post" action="/__forge/scheduled/daily-postmortem-maintenance"><button>Run the daily maintenance now</button></form>
<form method="post" action="/__forge/consent/revoke"><button>Act as a user who has not allowed access yet</button> (the panel then asks for consent)</form>
<p>Global page link used in Slack messages: <a href="/jira/apps/local/${LOCAL_ENVIRONMENT_ID}">/jira/apps/…</a></p>
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
