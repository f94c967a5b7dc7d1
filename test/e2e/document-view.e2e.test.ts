import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../preview/chromium';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';
import { referenceIncidentKey } from '../../preview/reference-incident';

// A laptop window: "the reference's first five sections within about two screens at 1,000 px".
const SCREEN = { width: 1000, height: 900 };

/** What axe-core reports as serious or critical on the panel: the accessibility bar of issue 15. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="postmortem-panel"]').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe('the postmortem as a document in the browser (local preview with its demo data)', () => {
  let preview: PreviewServer;
  let browser: Browser;
  let referenceKey: string;

  beforeAll(async () => {
    [preview, browser] = await Promise.all([
      startPreviewServer({ port: 0, quiet: true, retryDelayScale: 0.001 }),
      launchChromium(),
    ]);
    referenceKey = await referenceIncidentKey(preview.app);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  /** `editorLateMs`: the lazily loaded section editor arrives that much later, as on a slow connection. */
  async function openReference(
    viewport: { width: number; height: number },
    { editorLateMs = 0 } = {},
  ): Promise<Page> {
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(10_000);
    if (editorLateMs > 0)
      await context.route(/\/assets\/section-editor-[^/]*\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, editorLateMs));
        await route.continue();
      });
    const page = await context.newPage();
    await page.goto(`${preview.url}/panel?issue=${referenceKey}`);
    await page.getByTestId('header-read').waitFor();
    return page;
  }

  const saved = (page: Page) =>
    page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 10_000 });
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('reads the reference like the reference: header block, Impact as a list, tables, formatted text, within two screens, with no serious axe violation', async () => {
    const page = await openReference(SCREEN);
    const panel = page.getByTestId('postmortem-panel');
    // No section of the document is a form field in read mode.
    expect(await panel.getByTestId('postmortem-document').getByRole('textbox').count()).toBe(0);

    const header = flat(await page.getByTestId('header-read').innerText());
    for (const text of [
      'Payment Service Outage',
      'Incident ID INC-2025-034',
      'Date 2025-03-15',
      'Severity SEV-1',
      'Duration 47 minutes (14:23 – 15:10 UTC)',
      'Reviewed by @platform-lead, @head-of-engineering',
      'Status Draft',
    ])
      expect(header).toContain(text);
    expect(await page.getByTestId('impact-read').getByRole('listitem').allInnerTexts()).toEqual([
      'Users affected: about 12,000 customers could not complete a checkout',
      'Transactions failed: roughly 340 card payments answered with HTTP 500',
      'Revenue impact: around €8,500 of orders, estimated from the average basket',
      "SLO impact: the checkout availability SLO was breached; 2.3% of the month's error budget is gone",
    ]);
    const timeline = page.getByRole('table', { name: 'Timeline' });
    expect(await timeline.getByRole('columnheader').allInnerTexts()).toEqual(['Time (UTC)', 'Event']);
    const timelineRows = await timeline.locator('tbody tr').allInnerTexts();
    expect(timelineRows).toHaveLength(9);
    expect(flat(timelineRows[0] ?? '')).toBe(
      '14:23 Release 2.4.1 of the payment service finishes rolling out',
    );

    // The imported hard break ("Above roughly\n100 concurrent") reflows; `code` and **bold** are drawn.
    const rootCause = page.getByTestId('section-rootCause');
    expect(await rootCause.getByTestId('rootCause-read').innerText()).toContain(
      'Above roughly 100 concurrent requests each lookup scanned the whole table',
    );
    expect(await rootCause.locator('code').allInnerTexts()).toEqual([
      'payment_methods',
      'payment_methods.user_id',
    ]);
    expect(
      await page.getByTestId('section-contributingFactors').locator('ol > li strong').allInnerTexts(),
    ).toEqual([
      'Staging never sees real load:',
      'Slow queries raise no warning:',
      'The canary started too wide:',
    ]);
    const actionItems = page.getByRole('table', { name: 'Action items' });
    expect(await actionItems.getByRole('columnheader').allInnerTexts()).toEqual([
      '#',
      'Action',
      'Owner',
      'Due date',
      'Jira',
    ]);
    expect(flat((await actionItems.locator('tbody tr').allInnerTexts())[0] ?? '')).toBe(
      '1 Index payment_methods.user_id @db-engineer 2025-03-18 —',
    );

    // Layout: no sideways scrolling, and the first five sections end within two screens.
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
      fifthSectionBottom:
        (document.querySelector('[data-testid="section-contributingFactors"]')?.getBoundingClientRect()
          .bottom ?? Number.POSITIVE_INFINITY) + window.scrollY,
    }));
    expect(layout.scrollWidth).toBe(SCREEN.width);
    expect(layout.fifthSectionBottom).toBeLessThanOrEqual(2 * SCREEN.height);
    console.log(
      `Reference read mode at ${SCREEN.width} px: ${layout.height} px tall; the first five sections end at ${Math.round(layout.fifthSectionBottom)} px.`,
    );

    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('fits the issue panel at 600 px in read and edit mode, text areas grown to their text, with no serious axe violation while editing', async () => {
    const page = await openReference({ width: 600, height: 900 });
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBe(600);
    await page.getByRole('button', { name: 'Edit document' }).click();
    await page
      .getByRole('table', { name: 'Action items' })
      .getByRole('combobox', { name: 'Owner 1' })
      .waitFor();
    expect(await scrollWidth()).toBe(600);
    // Every text area shows all of its text (the narrow action column wraps the reference's actions).
    const cutOff = await page
      .locator('textarea')
      .evaluateAll((areas) =>
        areas.filter((area) => area.scrollHeight > area.clientHeight + 1).map((area) => area.id),
      );
    expect(cutOff).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('edits a timeline cell and an action item with the keyboard only: Tab to the next cell, Enter adds a row, Alt+ArrowUp moves it', async () => {
    // The editor's code is still on its way when Edit is pressed: focus waits for its first field.
    const page = await openReference(SCREEN, { editorLateMs: 2_000 });
    const { keyboard } = page;
    // The one pointer-free start: focus the section's Edit button, as Tab would reach it.
    await page.getByRole('button', { name: 'Edit Timeline' }).focus();
    await keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Time 1');

    // Tab to the event of row 1 and rewrite it; Enter adds row 2 below and focuses its time.
    await keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Event 1');
    await keyboard.press('ControlOrMeta+A');
    await keyboard.type('Release 2.4.1 reaches every payment pod');
    await keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Time 2');
    await keyboard.type('14:22');
    await keyboard.press('Tab');
    await keyboard.type('Deploy pipeline starts release 2.4.1');
    // It happened first: Alt+ArrowUp moves the row to the top, the focus goes along and a live region says so.
    await keyboard.press('Alt+ArrowUp');
    await page
      .getByTestId('timeline-announcement')
      .getByText('Moved timeline row 2 to position 1 of 10.')
      .waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Event 1');
    await page.getByRole('button', { name: 'Done editing Timeline' }).focus();
    await keyboard.press('Enter');

    // An action item: Edit, the action, Tab to the owner picker (type, Enter picks), the due date, the reference.
    await page.getByRole('button', { name: 'Edit Action items' }).focus();
    await keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Action 1');
    await keyboard.press('End');
    await keyboard.type(' (online, no table lock)');
    await keyboard.press('Tab');
    await keyboard.type('Alex');
    await page.getByRole('option', { name: 'Alex Rivera' }).waitFor();
    await keyboard.press('Enter');
    await keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Due date 1');
    // Chromium's date input in the en-US locale: month, day, year, typed as digits.
    await keyboard.type('04302025');
    await keyboard.press('Tab');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'External reference 1',
    );
    await keyboard.type('PAY-456');
    await keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Action 2');
    await keyboard.type('Alert on database connection saturation');
    await saved(page);

    // A reload reads it all back from storage.
    await page.reload();
    await page.getByTestId('header-read').waitFor();
    const timelineRows = await page
      .getByRole('table', { name: 'Timeline' })
      .locator('tbody tr')
      .allInnerTexts();
    expect(timelineRows.slice(0, 2).map(flat)).toEqual([
      '14:22 Deploy pipeline starts release 2.4.1',
      '14:23 Release 2.4.1 reaches every payment pod',
    ]);
    const actionRows = await page
      .getByRole('table', { name: 'Action items' })
      .locator('tbody tr')
      .allInnerTexts();
    expect(actionRows.slice(0, 2).map(flat)).toEqual([
      '1 Index payment_methods.user_id (online, no table lock) Alex Rivera 2025-04-30 PAY-456',
      '2 Alert on database connection saturation — — —',
    ]);
    await page.context().close();
  }, 60_000);

  it('reorders timeline rows by dragging a row by its handle', async () => {
    const page = await openReference(SCREEN);
    await page.getByRole('button', { name: 'Edit Timeline' }).click();
    const grid = page.getByRole('table', { name: 'Timeline' });
    const times = () =>
      Promise.all(
        ['Time 1', 'Time 2', 'Time 3'].map((label) => grid.getByLabel(label, { exact: true }).inputValue()),
      );
    const [first, second, third] = await times();
    const handle = grid.getByTestId('Timeline-row-3').getByTitle(/^Drag to reorder/);
    // Onto the upper half of row 1: the dragged row lands above it.
    const target = grid.getByTestId('Timeline-row-1');
    const box = await target.boundingBox();
    if (!box) throw new Error('Timeline row 1 not rendered');
    await handle.dragTo(target, { targetPosition: { x: box.width / 2, y: 2 } });
    await page.waitForFunction(
      (moved) => document.querySelector<HTMLInputElement>('[aria-label="Time 1"]')?.value === moved,
      third,
    );
    expect(await times()).toEqual([third, first, second]);
    await page.context().close();
  }, 60_000);
});
