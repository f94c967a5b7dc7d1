import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

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

  it('serves an index page linking to the issue panel and the global page', async () => {
    const response = await fetch(preview.url);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('href="/trends"');
    expect(html).toMatch(/href="\/panel\?issue=[A-Z]+-\d+"/);
  });

  it.each(['/panel/', '/trends/'])('serves the built Custom UI at %s', async (path) => {
    const response = await fetch(preview.url + path);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(
      /<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/,
    );
  });
});
