import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../preview/chromium';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';
import { referenceIncidentKey } from '../../preview/reference-incident';

// An account of the demo site that is not a Jira admin (the preview's own user is).
const PLAIN_USER = '5b109f2e9729b51b54dc274d';
const WEBHOOK = 'https://hooks.slack.com/services/T0PREVIEW/B0PREVIEW/uiKitHostSecret42';

// The UI Kit modules through the local UI Kit host (preview/ui-kit-host/): the app's own @forge/react
// pages, their resolvers on the local Forge platform, the demo site in the Jira emulator.
describe('UI Kit pages in the browser (local UI Kit host, local Forge platform)', () => {
  let preview: PreviewServer;
  let browser: Browser;
  beforeAll(async () => {
    [preview, browser] = await Promise.all([
      startPreviewServer({ port: 0, quiet: true, retryDelayScale: 0.001 }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  /** Opens a page and records every answer the app's resolvers give it. */
  async function open(path: string): Promise<{ page: Page; answers: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const answers: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/__preview/invoke/'))
        void response.text().then(
          (body) => answers.push(body),
          () => undefined,
        );
    });
    await page.goto(`${preview.url}${path}`);
    await page.getByTestId('ui-kit-host').waitFor();
    return { page, answers };
  }

  async function openTrends(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${preview.url}/trends`);
    await page.getByRole('row', { name: /^SEV-2 Incidents/ }).waitFor();
    return page;
  }

  /** Every UI Kit component the page drew is one the host knows. */
  async function expectNoUnknownComponents(page: Page) {
    expect(await page.getByTestId('ui-kit-unknown-component').allInnerTexts()).toEqual([]);
  }

  const overviewCell = async (page: Page, row: string) =>
    (
      await page
        .getByRole('row', { name: new RegExp(`^${row}`) })
        .getByRole('cell')
        .nth(1)
        .innerText()
    ).trim();

  it('saves a new incident JQL and severity source on /admin, and the global page recounts', async () => {
    const trends = await openTrends();
    const sev1Before = await overviewCell(trends, 'SEV-1 Incidents');
    const sev2Before = await overviewCell(trends, 'SEV-2 Incidents');
    expect(Number(sev2Before)).toBeGreaterThan(0);

    const { page } = await open('/admin');
    // Typed key by key before the saved text: the caret stays where the user types while each
    // keystroke's update comes back from the app.
    await page.getByLabel('Incident JQL').press('Home');
    await page.getByLabel('Incident JQL').pressSequentially('labels = SEV-1 AND ');
    await page.getByRole('radio', { name: 'SEV-1 … SEV-4 labels only' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await expectNoUnknownComponents(page);
    await page.reload();
    await expect(page.getByLabel('Incident JQL').inputValue()).resolves.toBe(
      'labels = SEV-1 AND issuetype = Incident',
    );
    await expect(page.getByRole('radio', { name: 'SEV-1 … SEV-4 labels only' }).isChecked()).resolves.toBe(
      true,
    );

    await trends.reload();
    await trends.getByRole('row', { name: /^SEV-2 Incidents/ }).waitFor();
    expect(await overviewCell(trends, 'SEV-2 Incidents')).toBe('0');
    expect(await overviewCell(trends, 'SEV-1 Incidents')).toBe(sev1Before);
    await trends.context().close();
    await page.context().close();
  });

  it('sends a Slack test message, then the daily job run from the index, to the webhook entered on /admin; the URL reaches no page', async () => {
    const { page, answers } = await open('/admin');
    await page.getByLabel('Incoming webhook URL').fill(WEBHOOK);
    await page.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByText('Slack webhook saved.').waitFor();
    await page.getByRole('button', { name: 'Send test message' }).click();
    await page.getByText('Slack accepted the test message.').waitFor();

    expect(preview.app.slackSink.messages().at(-1)?.webhookUrl).toBe(WEBHOOK);
    const secret = 'uiKitHostSecret42';
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('button', { name: 'Send test message' }).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(answers.length).toBeGreaterThan(2);
    expect(answers.filter((body) => body.includes(secret))).toEqual([]);

    // The index page's control runs the daily job now: its reminders go to the webhook saved above.
    const delivered = preview.app.slackSink.messages().length;
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Run the daily maintenance now' }).click();
    await page.getByText('daily-postmortem-maintenance').waitFor();
    const daily = preview.app.slackSink.messages().slice(delivered);
    expect(daily.length).toBeGreaterThan(0);
    expect(daily.every((message) => message.webhookUrl === WEBHOOK)).toBe(true);
    await page.context().close();
  });

  it('refuses the settings to a user who is not a Jira admin', async () => {
    const { page } = await open(`/admin?as=${PLAIN_USER}`);
    await page.getByText('Settings unavailable').waitFor();
    await expect(page.getByRole('button', { name: 'Save settings' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("shows the reference incident's status, nearest deadline and action items on /glance (dark theme), by the saved policy", async () => {
    const key = await referenceIncidentKey(preview.app);
    const { page } = await open(`/glance?issue=${key}&theme=dark`);
    await page.getByText('Status').waitFor();
    const text = await page.getByTestId('ui-kit-host').innerText();
    expect(text).toContain('Draft');
    expect(text).toMatch(/Document: overdue, .* \(due [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(text).toContain('5 action items, all with owner and due date');
    expect(text).toContain('User impact lasted 47 minutes (more than 15) at SEV-1.');
    await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
    // Drawn on the dark theme's surface token, as Jira draws a UI Kit module, not on the page's default.
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe(
      'rgb(31, 31, 33)',
    );
    await expectNoUnknownComponents(page);

    // A threshold saved on /admin is the one the glance's policy applies.
    const { page: admin } = await open('/admin');
    await admin.getByLabel('User impact threshold (minutes)').fill('60');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Settings saved.').waitFor();
    await page.reload();
    await page.getByText('Status').waitFor();
    const after = await page.getByTestId('ui-kit-host').innerText();
    expect(after).toContain('Every SEV-1 incident requires a postmortem.');
    expect(after).not.toContain('User impact lasted');
    await admin.context().close();
    await page.context().close();
  });
});
