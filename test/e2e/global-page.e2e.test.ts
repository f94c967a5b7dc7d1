import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../preview/chromium';
import { february2025AndMarch2025, NOW } from '../integration/global-page/march-2025';
import { PREVIEW_ACCOUNT_ID } from '../../preview/preview-app';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';

// The month's figures are worked out by hand in test/integration/global-page/march-2025.ts.
describe('global page in the browser (local preview: real resolvers, Jira emulator)', () => {
  const running = usePreview();
  // Seeded the way a developer loads history into the preview: Jira issue beans over HTTP.
  beforeAll(() => seed(running.preview, february2025AndMarch2025()));

  async function openTrends(month: string): Promise<Page> {
    const context = await running.browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    // The browser's clock agrees with the preview's, so "last complete month" and the month list are April 2025's.
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(`${running.preview.url}/trends?month=${month}`);
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

  it('names the projects the figures cover and says issues with a security level are not counted', async () => {
    const page = await openTrends('2025-03');
    const scope = await text(page, 'trends-scope');
    expect(scope).toContain('Figures for the projects you can browse: INC, OPS.');
    expect(scope).toContain('issue security level are not counted');
    await page.context().close();
  });
});

/** A preview of its own (its clock, emulator and brief permission cache) and a browser, per describe block. */
function usePreview(now: (preview: PreviewServer | undefined) => Date = () => new Date(NOW)): {
  preview: PreviewServer;
  browser: Browser;
} {
  const running = {} as { preview: PreviewServer; browser: Browser };
  beforeAll(async () => {
    [running.preview, running.browser] = await Promise.all([
      startPreviewServer({
        port: 0,
        demo: false,
        quiet: true,
        now: () => now(running.preview),
        retryDelayScale: 0.001,
      }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.preview?.close();
  });
  return running;
}

/** OPS incidents in March 2025, beside the INC ones of march-2025.ts. */
const opsIncidents = [
  ['OPS-1', 'SEV-1', 'Project-Phoenix-Secret', '2025-03-04T10:00:00.000+0000'],
  ['OPS-2', 'SEV-2', 'Storage', '2025-03-06T10:00:00.000+0000'],
].map(([key, severity, component, created]) => ({
  key,
  fields: {
    issuetype: { name: 'Incident' },
    project: { key: 'OPS' },
    labels: [severity],
    components: [{ name: component }],
    created,
    resolutiondate: created?.replace('T10:', 'T11:'),
  },
}));

async function seed(preview: PreviewServer, beans: unknown[]): Promise<void> {
  const seeded = await fetch(`${preview.url}/__emulator/issues`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(beans),
  });
  expect(seeded.status).toBe(201);
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(url);
  return page;
}

describe('global page in the browser for a user who can browse one of two projects', () => {
  const running = usePreview();
  beforeAll(async () => {
    await seed(running.preview, [...february2025AndMarch2025(), ...opsIncidents]);
    // The preview's user may browse OPS only (INC holds the hand-computed February/March figures).
    running.preview.app.emulator.setPermissions(PREVIEW_ACCOUNT_ID, {
      browse: true,
      edit: true,
      projects: ['OPS'],
    });
  });

  it("shows exactly OPS's figures, and none of INC's categories", async () => {
    const page = await openPage(running.browser, `${running.preview.url}/trends?month=2025-03`);
    await page.getByTestId('overview-sev1-current').waitFor();
    expect(await page.getByTestId('overview-sev1-current').innerText()).toBe('1');
    expect(await page.getByTestId('overview-sev2-current').innerText()).toBe('1');
    expect(await page.getByTestId('trends-scope').innerText()).toContain(
      'Figures for the projects you can browse: OPS.',
    );
    const categories = await page.getByTestId('section-top-categories').innerText();
    expect(categories).toContain('Project-Phoenix-Secret');
    expect(categories).not.toContain('Database');
    await page.context().close();
  });

  it('refuses a project the user cannot browse, saying what to do', async () => {
    const page = await openPage(running.browser, `${running.preview.url}/trends?month=2025-03&projects=INC`);
    await page.getByText('You do not have access to these incidents').waitFor();
    await page.context().close();
  });
});

describe('global page in the browser while a cold month is read by the async consumer', () => {
  // A slow Jira: every search takes 3 s of the preview's clock, so a resolver's 20 s of reading
  // runs out after a few pages and the async consumer takes over.
  const running = usePreview(
    (preview) =>
      new Date(
        Date.parse(NOW) +
          3_000 *
            (preview?.app.emulator.requests.filter((request) =>
              request.path.startsWith('/rest/api/3/search/jql'),
            ).length ?? 0),
      ),
  );

  it('shows progress while the month is computed, then the report', async () => {
    // 1,200 SEV-2 incidents in January 2024, far from March 2025's window.
    await seed(
      running.preview,
      Array.from({ length: 1_200 }, (_, index) => ({
        key: `BIG-${index + 1}`,
        fields: {
          issuetype: { name: 'Incident' },
          project: { key: 'BIG' },
          labels: ['SEV-2'],
          created: `2024-01-${String((index % 28) + 1).padStart(2, '0')}T10:00:00.000+0000`,
          resolutiondate: `2024-01-${String((index % 28) + 1).padStart(2, '0')}T10:30:00.000+0000`,
        },
      })),
    );
    const page = await openPage(running.browser, `${running.preview.url}/trends?month=2024-01`);
    await page.getByTestId('trends-computing').filter({ hasText: 'of about 1,200 issues read' }).waitFor();
    await page.getByTestId('overview-sev2-current').filter({ hasText: '1200' }).waitFor();
    expect(await page.getByTestId('overview-mttr-current').innerText()).toBe('30 min');
    await page.context().close();
  });
});
