import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../preview/chromium';
import { historyDemo } from '../../preview/demo-history';
import { startPreviewServer, type PreviewServer } from '../../preview/preview-server';
import { DEFAULT_SETTINGS } from '../../src/domain/settings/app-settings';
import { loadPostmortem, savePostmortem } from '../../src/storage/postmortem-store';
import { expectAccessible } from '../helpers/axe';
import { openPreviewPage } from '../helpers/panel-page';
import { saveSettings } from '../../src/storage/settings-store';

describe('issue 15 history features in the browser (local preview: real resolvers, Jira emulator)', () => {
  let preview: PreviewServer;
  let browser: Browser;
  const demo = historyDemo(new Date(), 1);

  beforeAll(async () => {
    [preview, browser] = await Promise.all([
      startPreviewServer({ port: 0, demo: false, quiet: true, retryDelayScale: 0.001 }),
      launchChromium(),
    ]);
    preview.app.emulator.seed(demo.issues);
    preview.app.emulator.index.flush();
    const { kv } = preview.app.services({});
    for (const { issueKey, document } of demo.postmortems)
      await savePostmortem(kv, issueKey, document, { accountId: null, at: new Date() });
    // As the demo site: SEV-3/4 are written with the short template.
    await saveSettings(kv, { ...DEFAULT_SETTINGS, shortTemplateSeverities: ['SEV-3', 'SEV-4'] });
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function openPanel(issueKey: string): Promise<Page> {
    const page = await openPreviewPage(browser, `${preview.url}/panel?issue=${issueKey}`);
    await page.getByRole('heading', { name: 'Postmortem', exact: true }).waitFor();
    return page;
  }

  it('proposes timeline rows from the seeded changelog, comments and linked issue; the chosen ones are added and saved', async () => {
    const page = await openPanel(demo.keys.withHistory);
    await page.getByRole('button', { name: 'Propose rows from Jira' }).click();
    const modal = page.getByTestId('timeline-proposals-modal');
    const list = modal.getByTestId('timeline-proposals-list');
    await list.waitFor();
    const labels = await list
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((box) => box.closest('label')?.textContent ?? ''));
    expect(labels).toEqual([
      expect.stringMatching(/^\d\d:\d\d — Incident INC-1 created \(Mia Krystof\)$/),
      expect.stringMatching(/ — Assigned to Alex Rivera \(Mia Krystof\)$/),
      expect.stringMatching(/ — Status changed from To Do to In Progress \(Alex Rivera\)$/),
      expect.stringMatching(/ — Priority changed from High to Highest \(Alex Rivera\)$/),
      expect.stringMatching(
        / — Alex Rivera: Cache flush ran at the start; orders DB connection pool at 100%\.$/,
      ),
      expect.stringMatching(/ — Mia Krystof: Paused the cache warm-up job; error rate recovering\.$/),
      expect.stringMatching(/ — INC-2 created: Rate-limit the cache warm-up job$/),
      expect.stringMatching(/ — Status changed from In Progress to Done \(Alex Rivera\)$/),
    ]);
    await expectAccessible(page, '[data-testid="timeline-proposals-modal"]');

    // Keyboard only: focus the priority row's checkbox, Space unticks it, then Add.
    const priority = list.getByRole('checkbox', { name: /Priority changed/ });
    await priority.focus();
    await page.keyboard.press('Space');
    await expect(priority.isChecked()).resolves.toBe(false);
    await modal.getByRole('button', { name: 'Add 7 rows' }).click();
    await modal.waitFor({ state: 'detached' });
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();

    const stored = await loadPostmortem(preview.app.services({}).kv, demo.keys.withHistory);
    const events = stored?.document.timeline.map((row) => row.event) ?? [];
    expect(events).toHaveLength(7);
    expect(events).not.toContain('Priority changed from High to Highest (Alex Rivera)');
    expect(events).toContain('INC-2 created: Rate-limit the cache warm-up job');

    // Asked again, only the row left out is proposed: the added ones are in the timeline now.
    await page.getByRole('button', { name: 'Propose rows from Jira' }).click();
    // The list appears once the proposals are read; counting before that would count the spinner's none.
    await modal.getByTestId('timeline-proposals-list').waitFor();
    await expect(
      modal.getByTestId('timeline-proposals-list').getByRole('checkbox').allTextContents(),
    ).resolves.toHaveLength(1);
    await page.context().close();
  });

  it('"Seen before" lists the seeded earlier FINAL postmortem of the same category, with its open fix', async () => {
    const page = await openPanel(demo.keys.withHistory);
    const list = page.getByTestId('seen-before-list');
    await list.waitFor();
    const links = await list.getByRole('link').allTextContents();
    expect(links).toHaveLength(1);
    // Atlaskit's link adds "(opens new window)" for screen readers.
    expect(links[0]).toMatch(/^INC-3: Orders DB connection pool exhausted after cache eviction/);
    await expect(list.getByText('1 overdue').count()).resolves.toBe(1);
    await page.getByTestId(`seen-before-recurrence-${demo.keys.earlierFinal}`).waitFor();
    await expectAccessible(page, '[data-testid="section-seenBefore"]');
    await page.context().close();
  });

  it('a SEV-3 shows the short template — summary, impact, what happened, action items — and the rest on request', async () => {
    const page = await openPanel(demo.keys.minor);
    await page.getByTestId('short-template-notice').waitFor();
    const sections = (paths: string[]) =>
      Promise.all(paths.map((path) => page.locator(`#section-${path}`).count()));
    const SHORT = ['header', 'summary', 'impact', 'timeline', 'actionItems'];
    const REST = ['rootCause', 'contributingFactors', 'whatWorkedWell', 'lessonsLearned', 'blamelessNotes'];
    await expect(sections(SHORT)).resolves.toEqual([1, 1, 1, 1, 1]);
    await expect(sections(REST)).resolves.toEqual([0, 0, 0, 0, 0]);
    await expect(page.locator('#section-summary h3').textContent()).resolves.toBe('Incident summary');
    await expectAccessible(page, '[data-testid="postmortem-panel"]');
    // The checks ask for the short template's sections only.
    await expect(page.getByText('Root Cause is empty.').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Show all sections' }).click();
    await expect(sections(REST)).resolves.toEqual([1, 1, 1, 1, 1]);
    await page.context().close();
  });
});
