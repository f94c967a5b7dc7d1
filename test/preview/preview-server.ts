import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const repo = resolve(__dirname, '..', '..');
const customUiBuilds: Record<string, string> = {
  '/panel': join(repo, 'static', 'issue-panel', 'build'),
  '/trends': join(repo, 'static', 'global-page', 'build'),
};
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface PreviewServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The local preview: the Custom UI builds and an index page (the Jira emulator mounts here too). */
export async function startPreviewServer(options: { port: number; host?: string }): Promise<PreviewServer> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`Preview server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((done) => server.listen(options.port, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://localhost:${port}`,
    close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/') return sendIndex(response);
  for (const [prefix, buildDir] of Object.entries(customUiBuilds)) {
    // The builds reference assets relatively (Forge serves them from a CDN path): keep a trailing slash.
    if (url.pathname === prefix) {
      response.writeHead(302, { location: `${prefix}/${url.search}` });
      response.end();
      return;
    }
    if (url.pathname.startsWith(`${prefix}/`)) {
      return sendStatic(response, buildDir, url.pathname.slice(prefix.length) || '/index.html');
    }
  }
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('Not found');
}

function sendIndex(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Postmortems for Jira — local preview</title></head>
<body><h1>Postmortems for Jira — local preview</h1>
<ul><li><a href="/trends">Incident learning (global page)</a></li><li><a href="/panel?issue=INC-1">Postmortem issue panel</a></li></ul>
</body></html>`);
}

function sendStatic(response: ServerResponse, root: string, path: string): void {
  const file = normalize(join(root, path === '/' ? '/index.html' : path));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end(
      existsSync(root)
        ? 'Not found'
        : 'Custom UI not built: run `npm run build` (npm start does it for you).',
    );
    return;
  }
  response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}
