import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { february2025AndMarch2025, NOW } from '../integration/global-page/march-2025';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';

// The month's figures are worked out by hand in test/integration/global-page/march-2025.ts.
describe('global page in the browser (local preview: real resolvers, Jira emulator)', () => {
  let preview: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    [preview, browser] = await Promise.all([
      startPreviewServer({
        port: 0,
        demo: false,
        quiet: true,
        now: () => new Date(NOW),
        retryDelayScale: 0.001,
      }),
      launchChromium(),
    ]);
    // Seeded the way a developer loads history into the preview: Jira issue beans over HTTP.
    const seeded = await fetch(`${preview.url}/__emulator/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(february2025AndMarch2025()),
    });
    expect(seeded.status).toBeLessThan(300);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function openTrends(month: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    // The browser's clock agrees with the preview's, so "last complete month" and the month list are April 2025's.
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(`${preview.url}/trends?month=${month}`);
    await page.getByTestId('overview-sev1-current').waitFor();
    return page;
  }

  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

  it("shows March 2025's overview against February with trend arrows", async () => {
    const page = await openTrends('2025-03');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Incident Trend Report – March 2025',
    );
    expect(await text(page, 'overview-sev1-current')).toBe('2');
    expect(await text(page, 'overview-sev1-previous')).toBe('1');
    expect(await text(page, 'overview-sev1-trend')).toContain('↑ 100%');
    expect(await text(page, 'overview-sev2-current')).toBe('1');
    expect(await text(page, 'overview-sev2-previous')).toBe('2');
    expect(await text(page, 'overview-sev2-trend')).toContain('↓ 50%');
    expect(await text(page, 'overview-mttr-current')).toBe('49 min');
    expect(await text(page, 'overview-mttr-previous')).toBe('70 min');
    expect(await text(page, 'overview-mttr-trend')).toContain('↓ 30%');
    expect(await text(page, 'overview-created-current')).toBe('4');
    expect(await text(page, 'overview-created-trend')).toContain('↑');
    expect(await text(page, 'overview-completed-current')).toBe('3/4 (75%)');
    expect(await text(page, 'overview-completed-previous')).toBe('1/2 (50%)');
    expect(await text(page, 'overview-completed-trend')).toContain('↑');
    await page.context().close();
  });

  it('shows the four process metrics with their ratios', async () => {
    const page = await openTrends('2025-03');
    const metric = async (id: string) =>
      `${await text(page, `metric-${id}-value`)} | ${await text(page, `metric-${id}-ratio`)}`;
    expect(await metric('completion')).toMatch(/^67\s?% \| .*2.*3/);
    expect(await metric('time-to-postmortem')).toMatch(/^5\.5.* \| /);
    expect(await metric('action-items')).toMatch(/^33\s?% \| .*1.*3/);
    expect(await metric('repeats')).toMatch(/^75\s?% \| .*3.*4/);
    await page.context().close();
  });

  it('changes the URL and the report when another month is chosen', async () => {
    const page = await openTrends('2025-03');
    await page.locator('#report-month').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'February 2025', exact: true }).click();
    await page.waitForURL(/month=2025-02/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Incident Trend Report – February 2025',
    );
    await page.getByTestId('overview-sev1-previous').filter({ hasText: '0' }).waitFor();
    expect(await text(page, 'overview-sev1-current')).toBe('1');
    expect(await text(page, 'overview-sev2-current')).toBe('2');
    expect(await text(page, 'overview-mttr-current')).toBe('70 min');
    await page.context().close();
  });

  it('finds a seeded finalized postmortem in the postmortem database', async () => {
    const page = await openTrends('2025-03');
    await page.getByTestId('pm-search-text').fill('index');
    await page.getByTestId('pm-search-text').press('Enter');
    const hit = page.getByTestId('pm-hit-INC-4');
    await hit.waitFor();
    expect(await hit.innerText()).toContain('Payment Service Outage');
    await expect(page.getByTestId('pm-search-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('pm-hit-INC-5').count()).resolves.toBe(0);
    await page.context().close();
  });

  it("downloads the month's report in the reference's Markdown format", async () => {
    const page = await openTrends('2025-03');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('incident-trend-report-2025-03.md');
    const markdown = await readFile(await download.path(), 'utf8');
    expect(markdown).toContain('# Incident Trend Report – March 2025');
    expect(markdown).toContain('## Overview');
    expect(markdown).toContain('| Metric | Mar 2025 | Feb 2025 | Trend |');
    expect(markdown).toContain('| SEV-1 Incidents | 2 | 1 | ↑ 100% |');
    expect(markdown).toContain('| MTTR Average | 49 min | 70 min | ↓ 30% |');
    expect(markdown).toContain('| Action items completed | 3/4 (75%) | 1/2 (50%) | ↑ |');
    expect(markdown).toContain('## Top Incident Categories');
    expect(markdown).toContain('## Recommendations');
    await page.context().close();
  });

  it('shows progress while a cold month too large for a resolver is computed, then the report', async () => {
    // 4,001 SEV-2 incidents in January 2024: one more than a resolver reads inline, far from March 2025's window.
    const bulk = Array.from({ length: 4_001 }, (_, index) => ({
      key: `BIG-${index + 1}`,
      fields: {
        issuetype: { name: 'Incident' },
        project: { key: 'BIG' },
        labels: ['SEV-2'],
        created: `2024-01-${String((index % 28) + 1).padStart(2, '0')}T10:00:00.000+0000`,
        resolutiondate: `2024-01-${String((index % 28) + 1).padStart(2, '0')}T10:30:00.000+0000`,
      },
    }));
    const seeded = await fetch(`${preview.url}/__emulator/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bulk),
    });
    expect(seeded.status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(`${preview.url}/trends?month=2024-01`);
    await page.getByTestId('trends-computing').filter({ hasText: 'of about 4,001 issues read' }).waitFor();
    await page.getByTestId('overview-sev2-current').filter({ hasText: '4001' }).waitFor();
    expect(await page.getByTestId('overview-mttr-current').innerText()).toBe('30 min');
    await context.close();
  });
});
