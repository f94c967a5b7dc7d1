import { mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../preview/chromium';
import { startPreviewServer, type PreviewServer } from '../preview/preview-server';
import { referenceIncidentKey } from '../preview/reference-incident';

const repo = resolve(__dirname, '..');
const outDir = join(repo, 'docs', 'screenshots');
// Jira's issue panel column is about this wide; the global page gets a laptop-sized window.
const PANEL_VIEWPORT = { width: 700, height: 900 };
const PAGE_VIEWPORT = { width: 1280, height: 900 };
// A README image, not a scroll: read mode from the top (status, policy, the header block, impact, timeline,
// root cause); edit mode from the timeline grid on (grid, root cause fields, lists).
const PANEL_CLIP_HEIGHT = 1800;

async function shoot(page: Page, file: string, clip?: { top: number; height: number }): Promise<void> {
  const path = join(outDir, file);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? PANEL_VIEWPORT.width;
  await page.screenshot({
    path,
    animations: 'disabled',
    caret: 'hide',
    fullPage: true,
    ...(clip ? { clip: { x: 0, y: clip.top, width, height: Math.min(clip.height, height - clip.top) } } : {}),
  });
  console.log(`${relative(repo, path)}  ${Math.round(statSync(path).size / 1024)} KB`);
}

async function panelShot(
  browser: Browser,
  preview: PreviewServer,
  key: string,
  shot: { theme: 'light' | 'dark'; mode: 'read' | 'edit' },
) {
  const page = await browser.newPage({ viewport: PANEL_VIEWPORT, colorScheme: shot.theme });
  await page.goto(`${preview.url}/panel?issue=${key}&theme=${shot.theme}`);
  await page.getByRole('button', { name: 'Finalize' }).waitFor();
  // The live checks' first answer and the design tokens' web fonts, so nothing shifts mid-shot.
  await page.locator('[data-testid="save-status"]').waitFor();
  let top = 0;
  if (shot.mode === 'edit') {
    await page.getByRole('button', { name: 'Edit document' }).click();
    await page.getByRole('combobox', { name: 'Owner 1' }).waitFor();
    top = await page
      .getByTestId('section-timeline')
      .evaluate((section) => section.getBoundingClientRect().top + window.scrollY);
  }
  await page.evaluate(() => document.fonts.ready);
  await shoot(page, `issue-panel-${shot.mode}-${shot.theme}.png`, { top, height: PANEL_CLIP_HEIGHT });
  await page.close();
}

/**
 * The review section of the reference: the first call asks two reviewers through the panel (as a person
 * would, picking them from Jira users), so both themes show a postmortem in review.
 */
async function reviewShot(browser: Browser, preview: PreviewServer, key: string, theme: 'light' | 'dark') {
  const page = await browser.newPage({ viewport: PANEL_VIEWPORT, colorScheme: theme });
  await page.goto(`${preview.url}/panel?issue=${key}&theme=${theme}`);
  const section = page.getByTestId('section-review');
  await section.getByTestId('review-section').waitFor({ timeout: 30_000 });
  if ((await section.getByTestId('review-reviewer-list').count()) === 0) {
    await section.getByTestId('review-open-request').click();
    for (const name of ['Maria Chen', 'Alex Rivera']) {
      await page.getByRole('combobox', { name: 'Reviewers' }).fill(name.split(' ')[0] ?? name);
      await page.getByRole('option', { name }).click();
    }
    await section.getByRole('textbox', { name: /Note to the reviewers/ }).fill('Ready for review.');
    await page.getByTestId('review-request').click();
    await section.getByTestId('review-reviewer-list').waitFor({ timeout: 30_000 });
  }
  await page.evaluate(() => document.fonts.ready);
  const path = join(outDir, `issue-panel-review-${theme}.png`);
  await section.screenshot({ path, animations: 'disabled', caret: 'hide' });
  console.log(`${relative(repo, path)}  ${Math.round(statSync(path).size / 1024)} KB`);
  await page.close();
}

async function globalPageShot(browser: Browser, preview: PreviewServer) {
  const page = await browser.newPage({ viewport: PAGE_VIEWPORT, colorScheme: 'light' });
  await page.goto(`${preview.url}/trends?theme=light`);
  await page.getByRole('table', { name: 'Trend overview' }).waitFor({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Postmortem maturity' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  await shoot(page, 'global-page.png');
  await page.close();
}

/** The UI Kit pages drawn by the local UI Kit host, once the app's first answer is on screen. */
async function uiKitShot(
  browser: Browser,
  preview: PreviewServer,
  page: { path: string; ready: string; viewport: typeof PAGE_VIEWPORT; file: string },
) {
  const theme = page.path.includes('theme=dark') ? 'dark' : 'light';
  const tab = await browser.newPage({ viewport: page.viewport, colorScheme: theme });
  await tab.goto(`${preview.url}${page.path}`);
  await tab.getByText(page.ready, { exact: true }).first().waitFor();
  await tab.evaluate(() => document.fonts.ready);
  await shoot(tab, page.file);
  await tab.close();
}

/** The preview's dashboard with both follow-through gadgets drawn (each in its own frame, as in Jira). */
async function dashboardShot(browser: Browser, preview: PreviewServer, theme: 'light' | 'dark') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: theme });
  await page.goto(`${preview.url}/dashboard?theme=${theme}`);
  for (const id of ['20001', '20002'])
    await page
      .frameLocator(`#gadget-${id}`)
      .getByText('Postmortems due or overdue')
      .waitFor({ timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await shoot(page, `dashboard-gadget-${theme}.png`);
  await page.close();
}

/** `npm run screenshots`: the README's images, taken from the local preview with its demo data. */
async function main() {
  mkdirSync(outDir, { recursive: true });
  const [preview, browser] = await Promise.all([
    startPreviewServer({ port: 0, quiet: true }),
    launchChromium(),
  ]);
  try {
    const key = await referenceIncidentKey(preview.app);
    for (const mode of ['read', 'edit'] as const)
      for (const theme of ['light', 'dark'] as const) await panelShot(browser, preview, key, { theme, mode });
    for (const theme of ['light', 'dark'] as const) await reviewShot(browser, preview, key, theme);
    await globalPageShot(browser, preview);
    await uiKitShot(browser, preview, {
      path: '/admin?theme=light',
      ready: 'Save settings',
      viewport: PAGE_VIEWPORT,
      file: 'admin-settings.png',
    });
    // The glance sits in Jira's issue sidebar: the panel's width.
    await uiKitShot(browser, preview, {
      path: `/glance?issue=${key}&theme=dark`,
      ready: 'Status',
      viewport: { width: PANEL_VIEWPORT.width, height: 240 },
      file: 'issue-glance-dark.png',
    });
    await dashboardShot(browser, preview, 'light');
    await dashboardShot(browser, preview, 'dark');
  } finally {
    await browser.close();
    await preview.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Could not take the screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
