import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../preview/chromium';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';
import { parseMarkdown } from '../../src/domain/postmortem';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/app-settings';
import { savePostmortem } from '../../src/storage/postmortem-store';
import { saveSettings } from '../../src/storage/settings-store';
import { incidentBean, PREVIEW_ACCOUNT_ID } from '../helpers/incident-app';
import { referencePostmortemMarkdown } from '../helpers/shared-files';
import { expectAccessible } from '../helpers/axe';
import { openPreviewPage } from '../helpers/panel-page';

const MARIA = '5b10a2844c20165700ede21g';
const PRIYA = '6a20bb1c93f06d33dd1e5f02';

describe('issue 15 review round trip in the browser (local preview: real resolvers, Jira emulator)', () => {
  let preview: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    [preview, browser] = await Promise.all([
      startPreviewServer({ port: 0, demo: false, quiet: true, retryDelayScale: 0.001 }),
      launchChromium(),
    ]);
    preview.app.emulator.seed([incidentBean('INC-1')]);
    const { kv } = preview.app.services({});
    await saveSettings(kv, { ...DEFAULT_SETTINGS, approvalsRequired: 'all' });
    const { document } = parseMarkdown(referencePostmortemMarkdown());
    await savePostmortem(
      kv,
      'INC-1',
      {
        ...document,
        header: {
          ...document.header,
          incidentId: 'INC-1',
          status: 'DRAFT',
          reviewedBy: [],
          finalizedAt: null,
        },
      },
      { accountId: PREVIEW_ACCOUNT_ID, at: new Date() },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  /** The panel of INC-1 as `accountId` (the preview's `?as=`), its review section loaded. */
  async function openPanel(accountId = PREVIEW_ACCOUNT_ID): Promise<Page> {
    const page = await openPreviewPage(browser, `${preview.url}/panel?issue=INC-1&as=${accountId}`);
    await page.getByTestId('review-section').waitFor();
    return page;
  }

  async function pickReviewer(page: Page, query: string, name: string) {
    await page.locator('#review-reviewers').fill(query);
    await page.getByRole('option', { name }).click();
  }

  const reviewerState = (page: Page, accountId: string) =>
    page.getByTestId(`review-reviewer-${accountId}`).textContent();

  it('two reviewers: changes requested, then both approve, then Finalize is enabled; an edit makes the approvals stale', async () => {
    const author = await openPanel();
    const finalize = author.getByTestId('finalize-button');
    await expect(finalize.isDisabled()).resolves.toBe(true);
    await expect(author.getByTestId('finalize-reason').textContent()).resolves.toContain(
      'Finalizing needs approvals from all named reviewers',
    );
    await author.getByTestId('review-no-reviewers').waitFor();
    await expectAccessible(author, '[data-testid="section-review"]');

    // The author picks two reviewers with the Jira user search and asks.
    await author.getByTestId('review-open-request').click();
    await pickReviewer(author, 'Maria', 'Maria Chen');
    await pickReviewer(author, 'Priya', 'Priya Nair');
    await author.getByTestId('review-note').fill('Please look at the action items.');
    await author.getByTestId('review-request').click();
    await author.getByTestId(`review-reviewer-${PRIYA}`).waitFor();
    await expect(reviewerState(author, MARIA)).resolves.toContain('Pending');
    const [comment] = preview.app.emulator.getComments('INC-1');
    expect(JSON.stringify(comment?.body)).toContain(`"id":"${MARIA}"`);
    expect(JSON.stringify(comment?.body)).toContain(`"id":"${PRIYA}"`);
    await author.context().close();

    // Maria asks for changes, then (after looking again) approves.
    const maria = await openPanel(MARIA);
    await maria.getByTestId('review-comment').fill('Item 3 needs an owner who is on call.');
    await maria.getByTestId('review-request-changes').click();
    await maria.getByTestId('review-history').getByText('Maria Chen requested changes').waitFor();
    await expect(reviewerState(maria, MARIA)).resolves.toContain('Changes requested');
    await maria.getByTestId('review-approve').click();
    await maria.getByTestId('review-history').getByText('Maria Chen approved').waitFor();
    await expectAccessible(maria, '[data-testid="section-review"]');
    await maria.context().close();

    // Priya approves with the keyboard.
    const priya = await openPanel(PRIYA);
    await priya.getByTestId('review-approve').focus();
    await priya.keyboard.press('Enter');
    await priya.getByTestId('review-history').getByText('Priya Nair approved').waitFor();
    await priya.context().close();

    const back = await openPanel();
    await expect(reviewerState(back, MARIA)).resolves.toContain('Approved');
    await expect(reviewerState(back, PRIYA)).resolves.toContain('Approved');
    await expect(back.getByTestId('review-status').textContent()).resolves.toBe('Approved');
    await expect(back.getByTestId('finalize-button').isEnabled()).resolves.toBe(true);
    await expect(back.getByTestId('finalize-reason').textContent()).resolves.toContain(
      'Adds the POSTMORTEM-FINAL label',
    );
    await expect(back.getByTestId('review-history').locator('li').count()).resolves.toBe(3);

    // An edit after the approvals asks again: both show stale, and Finalize waits once more.
    await back.getByRole('button', { name: 'Edit Notes on blameless culture' }).click();
    await back.locator('#blameless-notes').fill('Edited after the approvals.');
    await back.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    await back.getByTestId(`review-reviewer-${MARIA}`).getByText('Approval stale').waitFor();
    await expect(reviewerState(back, PRIYA)).resolves.toContain('Approval stale');
    await back.getByTestId('finalize-reason').getByText('no longer count').waitFor();
    await expect(back.getByTestId('finalize-button').isDisabled()).resolves.toBe(true);
    await back.context().close();
  }, 120_000);
});
