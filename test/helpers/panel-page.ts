import type { Browser, Page } from 'playwright-core';

/** Jira's issue panel column is about 700 px wide, and Jira sizes the panel's iframe to its content. */
export const PANEL_VIEWPORT = { width: 700, height: 4000 };

/**
 * A new browser context on one preview page. Every state a test waits for arrives within seconds, so it
 * fails fast instead of at Jest's limit.
 */
export async function openPreviewPage(
  browser: Browser,
  url: string,
  {
    viewport = PANEL_VIEWPORT,
    timeoutMs = 10_000,
  }: { viewport?: { width: number; height: number }; timeoutMs?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(timeoutMs);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
