/**
 * The preview's Jira dashboard: the "Postmortem follow-through" gadget twice on one dashboard, each in
 * its own frame like Jira's, with an Edit button that opens the gadget's edit entry point. The gadgets'
 * configurations live in the local Forge platform, one per gadget, as Jira keeps them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { GadgetInstance } from '../forge-platform/forge-platform';
import type { PreviewApp } from './preview-app';

export const GADGET_MODULE_KEY = 'postmortem-follow-through-gadget';
export const DEMO_DASHBOARD_ID = '10100';
/** The two gadgets on the demo dashboard: one as added (never configured), one configured by the demo. */
export const DEMO_GADGETS = [
  { gadgetId: '20001', title: 'Postmortem follow-through' },
  { gadgetId: '20002', title: 'Postmortem follow-through (3 rows)' },
] as const;

const submitBody = z.object({
  dashboardId: z.string().min(1),
  gadgetId: z.string().min(1),
  entryPoint: z.literal('edit').optional(),
  configuration: z.unknown(),
});

/** The gadget a page or invoke is for, from `?dashboard=…&gadget=…[&entry=edit]`; null without one. */
export function gadgetInstanceOf(query: URLSearchParams): GadgetInstance | null {
  const dashboardId = query.get('dashboard');
  const gadgetId = query.get('gadget');
  if (!dashboardId || !gadgetId) return null;
  return { dashboardId, gadgetId, ...(query.get('entry') === 'edit' ? { entryPoint: 'edit' as const } : {}) };
}

/** The gadget named by an invoke's context (`extension.dashboard.id`, `extension.gadget.id`, `entryPoint`). */
export function gadgetInstanceOfExtension(extension: Record<string, unknown>): GadgetInstance | undefined {
  const ids = z
    .object({
      dashboard: z.object({ id: z.string() }),
      gadget: z.object({ id: z.string() }),
      entryPoint: z.string().optional(),
    })
    .safeParse(extension);
  if (!ids.success) return undefined;
  return {
    dashboardId: ids.data.dashboard.id,
    gadgetId: ids.data.gadget.id,
    ...(ids.data.entryPoint === 'edit' ? { entryPoint: 'edit' as const } : {}),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `view.submit(config)` from a gadget's edit view, through the platform: `{ submitted }` or the refusal. */
export async function sendGadgetSubmit(
  app: PreviewApp,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = submitBody.safeParse(JSON.parse((await readBody(request)) || '{}'));
  const send = (status: number, answer: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer));
  };
  if (!body.success) return send(400, { message: 'A submit names its dashboard and gadget.' });
  const { configuration, ...instance } = body.data;
  try {
    send(200, {
      submitted: app.platform.submitGadgetConfiguration(GADGET_MODULE_KEY, instance, configuration),
    });
  } catch (error) {
    send(400, { message: error instanceof Error ? error.message : String(error) });
  }
}

/** The dashboard page: a frame per gadget, each switching between its view and its edit entry point. */
export function sendDashboardPage(response: ServerResponse, query: URLSearchParams): void {
  const dark = query.get('theme') === 'dark';
  const theme = dark ? '&theme=dark' : '';
  const gadgets = DEMO_GADGETS.map(
    ({ gadgetId, title }) => `<section class="gadget" aria-label="${title}">
  <header><h2>${title}</h2>
  <button type="button" data-edit="${gadgetId}">Edit</button></header>
  <iframe id="gadget-${gadgetId}" title="${title}" src="/gadget/?dashboard=${DEMO_DASHBOARD_ID}&gadget=${gadgetId}${theme}"></iframe>
</section>`,
  ).join('\n');
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard — Postmortems for Jira (local preview)</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;background:${dark ? '#1d2125' : '#f7f8f9'};color:${dark ? '#b6c2cf' : '#172b4d'}}
.gadgets{display:grid;grid-template-columns:repeat(auto-fit,minmax(34rem,1fr));gap:1.5rem}
.gadget{background:${dark ? '#22272b' : '#fff'};border-radius:8px;box-shadow:0 1px 2px rgba(9,30,66,.25);padding:0 1rem 1rem}
.gadget header{display:flex;justify-content:space-between;align-items:center}
.gadget h2{font-size:1rem}
iframe{border:0;width:100%;height:44rem}
</style></head>
<body><main><h1>Dashboard</h1>
<div class="gadgets">
${gadgets}
</div></main>
<script>
// Jira opens a gadget's edit entry point from its menu; after view.submit the gadget shows its view again.
document.querySelectorAll('[data-edit]').forEach(function (button) {
  button.addEventListener('click', function () {
    var frame = document.getElementById('gadget-' + button.getAttribute('data-edit'));
    var url = new URL(frame.src);
    url.searchParams.set('entry', 'edit');
    frame.src = url.toString();
  });
});
</script>
</body></html>`);
}
