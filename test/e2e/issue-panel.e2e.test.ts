import type { Browser, Locator, Page } from 'playwright-core';
import { route } from '../../src/jira/route';
import { searchJqlAll } from '../../src/jira/search-jql';
import { launchChromium } from '../../preview/chromium';
import { openPreviewPage } from '../helpers/panel-page';
import { referencePostmortemMarkdown } from '../helpers/shared-files';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';

// Jira's issue panel column is about 700 px wide, and Jira sizes the panel's iframe to its content:
// the issue page scrolls around it, so anything moving inside the panel moves on screen. A viewport
// taller than the panel reproduces that (inside a scrolling page Chromium would hide such moves by
// clamping or anchoring the scroll position).
const PANEL_VIEWPORT = { width: 700, height: 6000 };
const DAY_MS = 86_400_000;

/** A resolved SEV-1 incident from three days ago with no postmortem yet (the preview uses the real clock). */
function incident(key: string, summary: string) {
  const created = new Date(Date.now() - 3 * DAY_MS);
  const resolved = new Date(created.getTime() + 47 * 60_000);
  const jiraTime = (date: Date) => date.toISOString().replace('Z', '+0000');
  return {
    key,
    fields: {
      summary,
      issuetype: { name: 'Incident', subtask: false },
      project: { key: 'INC' },
      status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } },
      priority: { name: 'Highest' },
      labels: ['SEV-1'],
      components: [{ name: 'Payments' }],
      created: jiraTime(created),
      updated: jiraTime(resolved),
      resolutiondate: jiraTime(resolved),
    },
  };
}

/** The 15th or 20th of next month: a due date that is always in the future. */
function nextMonthDay(day: number): string {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth() + 1, day);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('issue panel in the browser (local preview: real resolvers, Jira emulator, Slack sink)', () => {
  let preview: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    [preview, browser] = await Promise.all([
      startPreviewServer({ port: 0, demo: false, quiet: true, retryDelayScale: 0.001 }),
      launchChromium(),
    ]);
    preview.app.emulator.seed([
      incident('INC-1', 'Checkout latency spike'),
      incident('INC-2', 'Payment Service Outage'),
      incident('INC-3', 'Hub outage'),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function openPanel(issueKey: string): Promise<Page> {
    const page = await openPreviewPage(browser, `${preview.url}/panel?issue=${issueKey}`, {
      viewport: PANEL_VIEWPORT,
    });
    await page.getByRole('heading', { name: 'Postmortem', exact: true }).waitFor();
    return page;
  }

  /** Waits for the autosave to answer: the indicator turns "dirty" on every edit and "saved" once stored. */
  const saved = (page: Page) =>
    page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 10_000 });

  async function pickOwner(page: Page, label: string, name: string) {
    await page.getByRole('combobox', { name: label }).fill(name.split(' ')[0] ?? name);
    await page.getByRole('option', { name }).click();
  }

  // Exact names: "Contributing factor 1" is also part of its "Remove contributing factor 1" button.
  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
  const value = (page: Page, label: string) => field(page, label).inputValue();
  const texts = (locator: Locator) => locator.allInnerTexts();

  it('writes a postmortem from scratch, is blocked by an ownerless action item, then finalizes into child issues and one Slack message that survive a reload; the read view shows each child’s live Jira status and a due date moved into the past as overdue', async () => {
    const page = await openPanel('INC-1');
    await page.getByText('Not saved yet').waitFor();
    const due1 = nextMonthDay(15);
    const due2 = nextMonthDay(20);

    // Header
    await field(page, 'Title').fill('Checkout latency spike after release 3.2');
    await page.getByRole('combobox', { name: 'Severity' }).click();
    await page.getByRole('option', { name: 'SEV-2' }).click();
    await field(page, 'Start time').fill('14:23');
    await field(page, 'End time').fill('15:10');
    await field(page, 'Time zone').fill('UTC');
    await field(page, 'Duration (minutes)').fill('47');
    await field(page, 'Written by').fill('Mia Krystof');
    await field(page, 'Reviewed by').fill('Maria Chen, Alex Rivera');
    await field(page, 'Category').fill('Deployment');

    // Impact
    await field(page, 'Users affected').fill('~8,000 checkout users');
    await field(page, 'Failed transactions').fill('~210');
    await field(page, 'Revenue impact').fill('~€5,000');
    await field(page, 'SLO impact').fill('1.1% of monthly error budget');
    await field(page, 'Impact details').fill('Checkout requests took over 10 s for 47 minutes.');

    // Timeline
    await page.getByRole('button', { name: 'Add timeline row' }).click();
    await field(page, 'Time 1').fill('14:23');
    await field(page, 'Event 1').fill('Release 3.2 rolled out to all checkout pods');

    // Root cause, with a blame phrase first: the hint appears, and goes once reworded.
    const rootCauseFindings = page.getByTestId('findings-rootCause');
    await field(page, 'Root cause').fill('John forgot to restart the payment workers.');
    await rootCauseFindings.getByText(/"forgot to" puts a person at the centre/).waitFor();
    await field(page, 'Root cause').fill(
      'The payment workers kept the old connection pool: the release runbook has no restart step.',
    );
    await rootCauseFindings.waitFor({ state: 'detached' });
    await field(page, 'Root cause summary').fill('Workers not restarted after release');

    // Lists
    await page.getByRole('button', { name: 'Add contributing factor' }).click();
    await field(page, 'Contributing factor 1').fill('The restart step lives only in a wiki page');
    await page.getByRole('button', { name: 'Add what worked well' }).click();
    await field(page, 'What worked well 1').fill('The latency alert fired within two minutes');
    await page.getByRole('button', { name: 'Add lesson learned' }).click();
    await field(page, 'Lesson learned 1').fill('Deploy steps belong in the pipeline, not in a wiki');

    // Action items: the first complete, the second without an owner.
    await page.getByRole('button', { name: 'Add action item' }).click();
    await field(page, 'Action 1').fill('Restart workers from the deploy pipeline');
    await pickOwner(page, 'Owner 1', 'Alex Rivera');
    await field(page, 'Due date 1').fill(due1);
    await field(page, 'External reference 1').fill('OPS-42');
    await page.getByRole('button', { name: 'Add action item' }).click();
    await field(page, 'Action 2').fill('Document the restart step in the runbook');
    await field(page, 'Due date 2').fill(due2);

    await field(page, 'Notes on blameless culture').fill('The release followed the runbook as written.');
    await field(page, 'Other notes').fill('Reviewed in the weekly incident meeting.');
    await saved(page);

    // Finalize is blocked, with a list of what to fix, and focus goes to the first thing to fix.
    await page.getByRole('button', { name: 'Finalize' }).click();
    const blockers = page.getByTestId('finalize-blockers');
    await blockers.getByText('Fix these before finalizing').waitFor();
    expect(await texts(blockers.getByRole('listitem'))).toEqual([
      'Action item 2 ("Document the restart step in the runbook") has no owner; assign one before finalizing.',
    ]);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Owner 2');
    expect(preview.app.slackSink.messages()).toHaveLength(0);

    // Fix it, then aim at Finalize at once, as a person does: the button must still be there when
    // the live check and the autosave answer (their hints used to vanish late and pull it up).
    await pickOwner(page, 'Owner 2', 'Maria Chen');
    const finalizeButton = page.getByRole('button', { name: 'Finalize' });
    const aimed = await finalizeButton.boundingBox();
    if (!aimed) throw new Error('Finalize button not rendered');
    await saved(page);
    expect(await finalizeButton.boundingBox()).toEqual(aimed);
    await page.mouse.click(aimed.x + aimed.width / 2, aimed.y + aimed.height / 2);

    // The automation: child issues listed in the panel and Slack delivery reported.
    const slackStatus = page.getByTestId('slack-status');
    await slackStatus.getByText('Sent').waitFor({ timeout: 20_000 });
    await page.getByTestId('document-status').getByText('Final', { exact: true }).waitFor();
    const shownKeys = await texts(page.getByTestId('automation-children').getByRole('link'));

    // Searching right after the writes: wait for the index, as a person looking a little later would.
    preview.app.emulator.index.flush();
    const children = await searchJqlAll(preview.app.emulator.appJiraPort(), {
      jql: 'issue.property[postmortem-action-source].incidentKey = "INC-1" ORDER BY created ASC',
      fields: ['summary', 'assignee', 'duedate', 'parent'],
    });
    expect(children.map((child) => child.fields)).toEqual([
      expect.objectContaining({
        summary: 'Restart workers from the deploy pipeline',
        assignee: expect.objectContaining({ displayName: 'Alex Rivera' }),
        duedate: due1,
        parent: expect.objectContaining({ key: 'INC-1' }),
      }),
      expect.objectContaining({
        summary: 'Document the restart step in the runbook',
        assignee: expect.objectContaining({ displayName: 'Maria Chen' }),
        duedate: due2,
      }),
    ]);
    expect(shownKeys).toEqual(children.map((child) => child.key));
    const messages = preview.app.slackSink.messages();
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]?.payload)).toContain('INC-1');

    // Everything is stored: a reload shows the final document to read, the child keys and the Slack status.
    await page.reload();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    expect(await page.getByTestId('document-status').textContent()).toBe('Final');
    expect(await page.getByRole('button', { name: 'Edit document' }).count()).toBe(0);
    const read = async (testId: string) => (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ');
    for (const text of [
      'Checkout latency spike after release 3.2',
      'SEV-2',
      '47 minutes (14:23 – 15:10 UTC)',
      'Mia Krystof',
      'Maria Chen, Alex Rivera',
      'Deployment',
    ])
      expect(await read('header-read')).toContain(text);
    expect(await texts(page.getByTestId('impact-read').getByRole('listitem'))).toEqual([
      'Users affected: ~8,000 checkout users',
      'Transactions failed: ~210',
      'Revenue impact: ~€5,000',
      'SLO impact: 1.1% of monthly error budget',
    ]);
    expect(await read('impact-read')).toContain('Checkout requests took over 10 s for 47 minutes.');
    expect(await read('timeline-read')).toContain('14:23 Release 3.2 rolled out to all checkout pods');
    expect(await read('section-rootCause')).toContain(
      'The payment workers kept the old connection pool: the release runbook has no restart step. Root cause: Workers not restarted after release',
    );
    expect(await read('section-contributingFactors')).toContain('The restart step lives only in a wiki page');
    expect(await read('section-whatWorkedWell')).toContain('The latency alert fired within two minutes');
    expect(await read('section-lessonsLearned')).toContain(
      'Deploy steps belong in the pipeline, not in a wiki',
    );
    // Each row carries its child issue's live status, read from Jira when the panel opens.
    const actionItemsRead = page.getByTestId('action-items-read');
    await actionItemsRead.getByText('To Do', { exact: true }).nth(1).waitFor();
    const actionRows = await texts(actionItemsRead.locator('tbody tr'));
    expect(actionRows.map((row) => row.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^1 Restart workers from the deploy pipeline Alex Rivera ${due1} ${shownKeys[0]} to do$`,
          'i',
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^2 Document the restart step in the runbook Maria Chen ${due2} ${shownKeys[1]} to do$`,
          'i',
        ),
      ),
    ]);
    expect(await read('section-blamelessNotes')).toContain('The release followed the runbook as written.');
    expect(await read('section-otherNotes')).toContain('Reviewed in the weekly incident meeting.');
    expect(await texts(page.getByTestId('automation-children').getByRole('link'))).toEqual(shownKeys);
    await slackStatus.getByText('Sent').waitFor();
    expect(preview.app.slackSink.messages()).toHaveLength(1);

    // The child's due date moves into the past in Jira: the panel shows Jira's date, overdue in red.
    const pastDue = new Date(Date.now() - 5 * DAY_MS).toISOString().slice(0, 10);
    const edited = await preview.app.emulator
      .appJiraPort()
      .requestJira(route`/rest/api/3/issue/${shownKeys[0] ?? ''}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { duedate: pastDue } }),
      });
    expect(edited.status).toBe(204);
    await page.reload();
    const overdue = page.getByTestId('action-item-ai-1-overdue');
    await overdue.waitFor();
    expect((await overdue.innerText()).replace(/\s+/g, ' ')).toMatch(
      new RegExp(`^${pastDue} \\d+ days overdue$`),
    );
    expect(await overdue.getAttribute('style')).toContain('--ds-text-danger');
    await page.context().close();
  }, 60_000);

  it('imports the reference Markdown on another incident: the preview names the mapped sections, Apply fills the form, and a reload finds it saved', async () => {
    const page = await openPanel('INC-2');
    await page.getByRole('button', { name: 'Import Markdown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a postmortem' });
    await dialog.getByLabel('Markdown to import').fill(referencePostmortemMarkdown());
    await dialog.getByRole('button', { name: 'Preview import' }).click();

    const importPreview = dialog.getByTestId('import-preview');
    await importPreview.waitFor();
    // The import report: each source heading and the section it fills; nothing goes to Other notes.
    const mapped = await texts(importPreview.getByTestId('import-report-mapped').getByRole('listitem'));
    expect(mapped).toEqual(
      expect.arrayContaining([
        'Impact → Impact',
        'Timeline → Timeline',
        'Root Cause → Root Cause',
        'Contributing Factors → Contributing Factors',
        'What Worked Well → What Worked Well',
        'Action Items → Action Items',
        'Notes on Blameless Culture → Notes on Blameless Culture',
      ]),
    );
    expect(await importPreview.getByTestId('import-report-other-notes').count()).toBe(0);

    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    await saved(page);

    await page.reload();
    await page.getByRole('button', { name: 'Finalize' }).waitFor();
    expect(await page.getByText('Not saved yet').count()).toBe(0);
    // A saved postmortem opens to be read; its fields are one click away.
    await page.getByRole('button', { name: 'Edit document' }).click();
    // The incident keeps its own key; the content is the reference document's.
    expect(await value(page, 'Incident ID')).toBe('INC-2');
    expect(await value(page, 'Title')).toBe('Payment Service Outage');
    expect(await value(page, 'Duration (minutes)')).toBe('47');
    expect(await value(page, 'Users affected')).toBe('~12,000 users were unable to make payments');
    expect(await value(page, 'Time 9')).toBe('15:15');
    expect(await value(page, 'Event 3')).toBe('On-call engineer (Alex) paged, starts diagnosis');
    expect(await value(page, 'Root cause summary')).toBe(
      'Missing database index (`payment_methods.user_id`)',
    );
    expect(await value(page, 'What worked well 4')).toBe(
      'Communication to stakeholders happened within 30 minutes',
    );
    expect(await value(page, 'Action 5')).toBe('Update runbook for "failed deployment"');
    expect(await value(page, 'External reference 1')).toBe('PAY-456');
    // Owners written as handles wait for a real Jira user to be picked.
    await page.getByTestId('action-item-ai-1-owner-text').getByText('@db-engineer').waitFor();
    expect(await value(page, 'Notes on blameless culture')).toContain(
      'The action items address the system, not the people.',
    );
    await page.context().close();
  }, 60_000);

  it('imports a Google SRE-style postmortem: the report shows what went where and what was guessed, and Detection and Resolution appear as sections', async () => {
    const page = await openPanel('INC-3');
    await page.getByRole('button', { name: 'Import Markdown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a postmortem' });
    await dialog
      .getByLabel('Markdown to import')
      .fill(
        [
          '# Hub outage',
          '## Issue Summary',
          'The hub was down for an hour.',
          '## Detection',
          'A Pingdom alert.',
          '## Resolution',
          'Rolled back the chart.',
          '## Timeline (all times PST)',
          '- 2:54 PM: alert fired',
          '## Weather',
          'Sunny.',
        ].join('\n'),
      );
    await dialog.getByRole('button', { name: 'Preview import' }).click();
    const importPreview = dialog.getByTestId('import-preview');
    await importPreview.waitFor();
    expect(await texts(importPreview.getByTestId('import-report-mapped').getByRole('listitem'))).toEqual([
      'Hub outage → Title',
      'Issue Summary → Summary',
      'Detection → Detection',
      'Resolution → Resolution',
      'Timeline (all times PST) → Timeline',
    ]);
    expect(await texts(importPreview.getByTestId('import-report-other-notes').getByRole('listitem'))).toEqual(
      ['Weather: heading not recognised as a template section'],
    );
    expect(await texts(importPreview.getByTestId('import-report-guessed').getByRole('listitem'))).toEqual([
      'time zone PST from the heading "Timeline (all times PST)"',
    ]);

    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    await saved(page);
    await page.reload();
    await page.getByTestId('section-detection').waitFor();
    await page.getByRole('button', { name: 'Edit document' }).click();
    expect(await value(page, 'Incident summary')).toBe('The hub was down for an hour.');
    expect(await value(page, 'Detection')).toBe('A Pingdom alert.');
    expect(await value(page, 'Resolution')).toBe('Rolled back the chart.');
    expect(await value(page, 'Time 1')).toBe('2:54 PM');
    await page.context().close();
  }, 60_000);
});
