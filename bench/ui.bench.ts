import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../preview/chromium';
import { startPreviewServer } from '../preview/preview-server';
import { referenceIncidentKey } from '../preview/reference-incident';

const repo = resolve(__dirname, '..');
const PANEL_BUDGET_KB = 250;
const RUNS = 5;

interface InitialLoad {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
}

// Static imports only: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`. A dynamic
// `import("./x.js")` has a parenthesis between the keyword and the string, so it is not matched.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([\w.-]+\.js)["']/g;

/** What the browser must fetch and run before the first render: the entry chunk and its static imports, transitively. */
function initialLoad(resource: 'issue-panel' | 'global-page'): InitialLoad {
  const build = join(repo, 'static', resource, 'build');
  const indexFile = join(build, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${resource} is not built: run \`npm run build\` first.`);
  const html = readFileSync(indexFile, 'utf8');
  const entry = /<script type="module"[^>]*\bsrc="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no entry script in ${indexFile}`);
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(build, 'assets', file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) if (match[1]) queue.push(match[1]);
  }
  const files = [...seen].sort();
  const contents = files.map((file) => readFileSync(join(build, 'assets', file)));
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*\bhref="\.\/assets\/([^"]+\.css)"/g)].map((m) =>
    readFileSync(join(build, 'assets', m[1] as string)),
  );
  return {
    files,
    rawBytes: contents.reduce((sum, buffer) => sum + buffer.length, 0),
    gzipBytes: contents.reduce((sum, buffer) => sum + gzipSync(buffer).length, 0),
    cssGzipBytes: css.reduce((sum, buffer) => sum + gzipSync(buffer).length, 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Milliseconds from navigation start (performance.timeOrigin) until `ready` first holds, observed on
 * every DOM change from the first byte, in a fresh browser context (empty cache) per run.
 */
async function timeToInteractive(browser: Browser, url: string, ready: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // A string, not a function: tsx's esbuild would wrap a serialized function's names in a helper the page lacks.
    await page.addInitScript(`(() => {
      const isReady = () => (${ready});
      new MutationObserver(() => {
        if (window.__readyAt === undefined && isReady()) window.__readyAt = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    })();`);
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as { __readyAt?: number }).__readyAt, undefined, {
      timeout: 30_000,
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/** Initial JS of each Custom UI (gzipped, budget for the panel) and time-to-interactive in the local preview. */
export async function run(): Promise<void> {
  console.log('initial JS = entry chunk + its static imports (gzip level 6); CSS listed apart');
  console.log('resource    | files | raw       | gzipped   | CSS gzipped | budget');
  for (const resource of ['issue-panel', 'global-page'] as const) {
    const load = initialLoad(resource);
    const budget =
      resource === 'issue-panel'
        ? `${load.gzipBytes <= PANEL_BUDGET_KB * 1024 ? 'within' : 'OVER'} ${PANEL_BUDGET_KB} KB`
        : '-';
    console.log(
      `${resource.padEnd(11)} | ${String(load.files.length).padStart(5)} | ${kb(load.rawBytes).padStart(9)} | ${kb(load.gzipBytes).padStart(9)} | ${kb(load.cssGzipBytes).padStart(11)} | ${budget}`,
    );
  }

  const [preview, browser] = await Promise.all([
    startPreviewServer({ port: 0, quiet: true }),
    launchChromium(),
  ]);
  try {
    const key = await referenceIncidentKey(preview.app);
    const pages = [
      {
        name: `panel (${key})`,
        url: `${preview.url}/panel?issue=${key}`,
        // The read view is drawn and its first control (the Save button) is enabled, not the skeleton.
        ready: `(() => { const b = document.querySelector('[data-testid="postmortem-panel"] button'); return !!b && !b.disabled && !!document.querySelector('[data-testid="header-read"]'); })()`,
      },
      {
        name: 'trends',
        url: `${preview.url}/trends`,
        ready: `!!document.querySelector('table[aria-label="Trend overview"] tbody td')`,
      },
    ];
    console.log(
      `\ntime to interactive in the local preview (headless Chromium, fresh context per run, ${RUNS} runs)`,
    );
    console.log('page                | median   | min      | max');
    for (const target of pages) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i += 1)
        times.push(await timeToInteractive(browser, target.url, target.ready));
      const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);
      console.log(
        `${target.name.padEnd(19)} | ${ms(median(times))} | ${ms(Math.min(...times))} | ${ms(Math.max(...times))}`,
      );
    }
    console.log(`\n${await referenceReadLayout(browser, `${preview.url}/panel?issue=${key}`)}`);
  } finally {
    await browser.close();
    await preview.close();
  }
}

/**
 * Issue 15: "read mode shows the reference's first five sections within about two screens at 1,000 px".
 * The panel is as tall as its content (Jira sizes the iframe to it), so this is the page's height.
 */
async function referenceReadLayout(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('header-read').waitFor({ timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    const layout = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      fifthSectionEnd:
        (document.querySelector('[data-testid="section-contributingFactors"]')?.getBoundingClientRect()
          .bottom ?? Number.NaN) + window.scrollY,
    }));
    return `reference in read mode at 1,000 px wide (Chromium): ${layout.height} px tall; its first five sections end at ${Math.round(layout.fifthSectionEnd)} px`;
  } finally {
    await context.close();
  }
}
