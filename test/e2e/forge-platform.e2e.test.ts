/**
 * The preview's payment outage finalized from the panel in Chromium, every hop through the local Forge
 * platform and Atlassian's packages: @forge/bridge `invoke` → the panel's resolver function →
 * `asUser()` label edit → product event → trigger → `Queue.push` → consumer → Jira emulator → Slack
 * (egress to hooks.slack.com, the sink). And Forge's consent prompt for a user who has not allowed access.
 */
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../src/domain/postmortem';
import { savePostmortem } from '../../src/storage/postmortem-store';
import { launchChromium } from '../../preview/chromium';
import { incidentBean } from '../helpers/incident-app';
import { openPreviewPage } from '../helpers/panel-page';
import { PREVIEW_ACCOUNT_ID } from '../../preview/preview-app';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';
import { referenceIncidentKey } from '../../preview/reference-incident';

describe('the app on the local Forge platform, in the browser', () => {
  let preview: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    [preview, browser] = await Promise.all([
      startPreviewServer({ port: 0, quiet: true, retryDelayScale: 0.001, asUserWritesCountAsSelf: false }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function openPanel(issueKey: string): Promise<Page> {
    return openPreviewPage(browser, `${preview.url}/panel?issue=${issueKey}`, {
      viewport: { width: 700, height: 6000 },
      timeoutMs: 15_000,
    });
  }

  it('finalizes the demo’s payment outage from the panel through bridge, resolver, asUser label edit, trigger, queue, consumer, Jira and Slack', async () => {
    const key = await referenceIncidentKey(preview.app);
    const page = await openPanel(key);
    await page.getByRole('button', { name: 'Finalize' }).click();
    await page.getByTestId('slack-status').getByText('Sent').waitFor({ timeout: 30_000 });
    await preview.app.platform.drain();

    const runs = preview.app.platform.invocations;
    expect(runs.filter((run) => run.error)).toEqual([]);
    expect(runs.map((run) => run.functionKey)).toEqual(
      expect.arrayContaining(['issue-panel-resolver', 'issue-updated-trigger', 'jobs-consumer']),
    );
    const labelEdit = preview.app.emulator.requests.find(
      (request) => request.method === 'PUT' && request.path.startsWith(`/rest/api/3/issue/${key}`),
    );
    expect(labelEdit).toMatchObject({ asApp: false, accountId: PREVIEW_ACCOUNT_ID });
    const messages = preview.app.slackSink.messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]?.webhookUrl).toMatch(/^https:\/\/hooks\.slack\.com\//);
    expect(JSON.stringify(messages[0]?.payload)).toContain(key);
  });

  it('asks a user who has not allowed access for consent, then shows the panel', async () => {
    await fetch(`${preview.url}/__forge/consent/revoke`, { method: 'POST' });
    const page = await openPanel('INC-1');
    const consent = page.getByRole('dialog', { name: 'Allow access' });
    await consent.waitFor();
    await consent.getByRole('button', { name: 'Allow access' }).click();
    await page.getByRole('heading', { name: 'Postmortem', exact: true }).waitFor();
    expect(preview.app.platform.hasConsent(PREVIEW_ACCOUNT_ID)).toBe(true);
  });

  it('says in the panel that finalization did not finish when Jira refused the job through every platform retry', async () => {
    preview.app.emulator.seed([incidentBean('INC-900')]);
    const { document } = parseMarkdown(
      readFileSync(join(__dirname, '../../preview/payment-outage.md'), 'utf8'),
    );
    await savePostmortem(
      preview.app.services({}).kv,
      'INC-900',
      { ...document, header: { ...document.header, incidentId: 'INC-900' } },
      { accountId: PREVIEW_ACCOUNT_ID, at: new Date() },
    );
    // Only the consumer creates issues: Jira answers it with a Retry-After beyond its work budget.
    preview.app.emulator.faults.add({
      method: 'POST',
      path: /^\/rest\/api\/3\/issue\/bulk$/,
      response: { status: 429, retryAfterSeconds: 800 },
    });
    const page = await openPanel('INC-900');
    await page.getByRole('button', { name: 'Finalize' }).click();

    const failure = page.getByTestId('automation-job-failure');
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.innerText()).toContain('Finalization did not finish after 5 attempts');
    preview.app.emulator.faults.clear();
  });
});
