import AxeBuilder from '@axe-core/playwright';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../../preview/chromium';
import { demoData, type DemoIssue } from '../../preview/demo-data';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';

// Mid-month, so "this month" and "last month" both hold demo incidents.
const NOW = new Date('2026-11-18T10:00:00.000Z');
const DAY_MS = 86_400_000;

/**
 * The figures the gadget must show, worked out here from the demo site's seed beans by DESIGN's
 * definitions (UTC, severity from the SEV label else the priority), without the app's code.
 */
function expectedFromSeed() {
  const { issues } = demoData(NOW);
  const fields = (issue: DemoIssue) =>
    issue.fields as {
      issuetype: { name: string };
      labels?: string[];
      priority?: { name: string };
      created: string;
      resolutiondate?: string | null;
      status: { statusCategory: { key: string } };
      duedate?: string;
    };
  const severity = (issue: DemoIssue) => {
    const label = (fields(issue).labels ?? []).find((name) => /^SEV-[1-4]$/.test(name));
    if (label) return label;
    return { Highest: 'SEV-1', High: 'SEV-2' }[fields(issue).priority?.name ?? ''] ?? 'SEV-3';
  };
  const incidents = issues.filter((issue) => fields(issue).issuetype.name === 'Incident');
  const monthOf = (iso: string) => new Date(Date.parse(iso)).toISOString().slice(0, 7);
  const month = NOW.toISOString().slice(0, 7);
  const previous = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  const major = (m: string) =>
    incidents.filter(
      (issue) => monthOf(fields(issue).created) === m && ['SEV-1', 'SEV-2'].includes(severity(issue)),
    ).length;
  const mttr = (m: string) => {
    const restored = incidents
      .filter((issue) => monthOf(fields(issue).created) === m && fields(issue).resolutiondate)
      .map((issue) => Date.parse(fields(issue).resolutiondate as string) - Date.parse(fields(issue).created));
    return restored.length === 0
      ? null
      : Math.floor(restored.reduce((a, b) => a + b, 0) / restored.length / 60_000 + 0.5);
  };
  const today = NOW.toISOString().slice(0, 10);
  const overdue = issues
    .filter((issue) => (fields(issue).labels ?? []).includes('postmortem-action'))
    .filter((issue) => fields(issue).status.statusCategory.key !== 'done')
    .filter((issue) => (fields(issue).duedate ?? '9999') < today)
    .map((issue) => Math.round((Date.parse(today) - Date.parse(fields(issue).duedate as string)) / DAY_MS))
    .sort((a, b) => b - a);
  const label = (m: string) =>
    new Date(`${m}-01T00:00:00Z`).toLocaleString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return {
    majorLine: `${major(month)} in ${label(month)} — ${major(previous)} in ${label(previous)}`,
    mttrLine: `MTTR: ${mttr(month) ?? 'none resolved'}${mttr(month) === null ? '' : ' min'} — ${mttr(previous)} min in ${label(previous)}`,
    overdueDays: overdue,
  };
}

describe('the dashboard page with the Postmortem follow-through gadget (local UI Kit host and Forge platform)', () => {
  let preview: PreviewServer;
  let browser: Browser;
  const expected = expectedFromSeed();

  beforeAll(async () => {
    [preview, browser] = await Promise.all([
      startPreviewServer({ port: 0, quiet: true, retryDelayScale: 0.001, now: () => NOW }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function openDashboard(query = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${preview.url}/dashboard${query}`);
    return page;
  }

  const gadget = (page: Page, id: string): FrameLocator => page.frameLocator(`#gadget-${id}`);
  const overdueTable = (frame: FrameLocator) => frame.getByRole('table').first();
  const bodyRows = (frame: FrameLocator) => overdueTable(frame).locator('tbody tr');

  it("shows this month's SEV-1/2 count and MTTR against last month, and the overdue action items, as seeded", async () => {
    expect(expected.overdueDays.length).toBeGreaterThan(5);
    const page = await openDashboard();
    const first = gadget(page, '20001');
    await first.getByText('SEV-1 and SEV-2 incidents').waitFor();
    await first.getByText(expected.majorLine, { exact: false }).waitFor();
    await first.getByText(expected.mttrLine, { exact: false }).waitFor();
    // The browser's clock is the real one, the site's is fixed: only the wording is checked.
    await first.getByText(/^Updated (just now|\d+ (min|h|days?) ago)$/).waitFor();

    // Unconfigured: 5 rows, the longest overdue first; the second gadget was configured for 3.
    await expect(bodyRows(first).count()).resolves.toBe(5);
    const days = await bodyRows(first).locator('td:last-child').allInnerTexts();
    expect(days.map((text) => Number.parseInt(text, 10))).toEqual(expected.overdueDays.slice(0, 5));
    await first.getByText('Showing the first 5; there are more.').first().waitFor();
    // Each key links to the issue (Jira's /browse/<key>; the preview opens its postmortem panel there).
    const firstKey = bodyRows(first).first().getByRole('link');
    expect(await firstKey.getAttribute('href')).toBe(`${preview.url}/browse/${await firstKey.innerText()}`);
    const second = gadget(page, '20002');
    await second.getByText('Overdue action items').waitFor();
    await expect(bodyRows(second).count()).resolves.toBe(3);
    expect(await page.locator('[data-testid="ui-kit-unknown-component"]').count()).toBe(0);
    for (const id of ['20001', '20002'])
      expect(await gadget(page, id).getByTestId('ui-kit-unknown-component').count()).toBe(0);
    await page.context().close();
  });

  it('refuses an invalid configuration in the edit view, then stores a valid one for that gadget only', async () => {
    const page = await openDashboard();
    await page.getByRole('button', { name: 'Edit' }).first().click();
    const first = gadget(page, '20001');
    await first.getByLabel('Rows per list').fill('0');
    await first.getByRole('button', { name: 'Save' }).click();
    await first.getByText('Rows: at least 1 row.').waitFor();

    await first.getByLabel('Rows per list').fill('2');
    await first.getByRole('button', { name: 'Save' }).click();
    await first.getByText('Overdue action items').waitFor();
    await expect(bodyRows(first).count()).resolves.toBe(2);

    // The other gadget keeps its own configuration; a reload shows the stored one.
    await page.reload();
    await gadget(page, '20002').getByText('Overdue action items').waitFor();
    await expect(bodyRows(gadget(page, '20002')).count()).resolves.toBe(3);
    await gadget(page, '20001').getByText('Overdue action items').waitFor();
    await expect(bodyRows(gadget(page, '20001')).count()).resolves.toBe(2);
    await page.context().close();
  });

  it.each(['light', 'dark'])(
    'has no accessibility violations in the %s theme (axe, both gadgets)',
    async (theme) => {
      const page = await openDashboard(`?theme=${theme}`);
      for (const id of ['20001', '20002'])
        await gadget(page, id).getByText('Postmortems due or overdue').waitFor();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(
        violations.map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
      await page.context().close();
    },
  );
});
