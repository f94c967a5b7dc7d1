import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '..', '..', '..');

/** Starts the preview the way a newcomer does (minus the build, which `npm test` ran already). */
function startPreview(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [resolve(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'],
    {
      cwd: repo,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`preview did not start in time:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => fail(new Error(`preview exited with ${code}:\n${output}`)));
  });
}

describe('npm start (local preview)', () => {
  let preview: { child: ChildProcess; url: string };

  beforeAll(async () => {
    preview = await startPreview();
  });

  afterAll(() => {
    preview?.child.kill();
  });

  it('serves an index page linking to the issue panel, the global page, the settings page, the glance and the dashboard', async () => {
    const response = await fetch(preview.url);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('href="/trends"');
    expect(html).toMatch(/href="\/panel\?issue=[A-Z]+-\d+"/);
    expect(html).toContain('href="/admin"');
    expect(html).toMatch(/href="\/glance\?issue=[A-Z]+-\d+"/);
    expect(html).toContain('href="/dashboard"');
  });

  it.each(['/panel/', '/trends/', '/admin/', '/glance/', '/gadget/?dashboard=10100&gadget=20001'])(
    'serves the built Custom UI or UI Kit host at %s',
    async (path) => {
      const response = await fetch(preview.url + path);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(
        /<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/,
      );
    },
  );

  it('shows the demo’s own payment outage (preview/payment-outage.md), not a copy read from ../shared', async () => {
    const html = await (await fetch(preview.url)).text();
    expect(html).toContain('Payment Service Outage');
    const productFiles = ['preview', 'emulator', 'forge-platform'].flatMap((dir) =>
      readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(ts|js)$/.test(file))
        .map((file) => join(repo, dir, file)),
    );
    for (const file of [...productFiles, join(repo, 'scripts', 'start.ts')]) {
      const source = readFileSync(file, 'utf8');
      expect({ file, readsShared: /\.\.\/shared|SHARED_DIR|from '\.\.\/test\//.test(source) }).toEqual({
        file,
        readsShared: false,
      });
    }
  });

  it('runs a scheduled trigger on demand through the platform', async () => {
    const response = await fetch(`${preview.url}/__forge/scheduled/daily-postmortem-maintenance`, {
      method: 'POST',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ran: 'daily-postmortem-maintenance' });
  });

  it('serves the global page at the path Jira gives it (/jira/apps/<app>/<environment>), as Slack links use it', async () => {
    const response = await fetch(`${preview.url}/jira/apps/app-id/env-id?month=2025-03`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/trends/?month=2025-03');
  });
});
