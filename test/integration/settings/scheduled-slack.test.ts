/**
 * The daily scheduled trigger on the Jira emulator: the reminder digest (one per day of the
 * configured zone, none when nothing is due, retried after a Slack failure) and the monthly trend
 * report (first business day of the month, once per month, Block Kit within Slack's limits).
 */
import type { KnownBlock } from '@slack/types';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../src/domain/settings/app-settings';
import { dailyMaintenance } from '../../../src/handlers/scheduled/daily-maintenance';
import { monthlyReportMarkerKey } from '../../../src/usecases/monthly-trend-report';
import { saveSettings } from '../../../src/storage/settings-store';
import { dataOf, incidentApp, incidentBean, resolverCaller } from '../../helpers/incident-app';
import { globalPageResolver } from '../../../src/handlers/resolvers/global-page-resolver';
import { monthlyReportMessage } from '../../../src/domain/slack/monthly-report-message';
import { blockKitProblem } from '../../../emulator/slack-sink';
import type { PreviewApp } from '../../../preview/preview-app';

const OWNER = '5b109f2e9729b51b54dc274d'; // Alex Rivera

interface Payload {
  text: string;
  blocks: KnownBlock[];
}

async function setUp(start: string, settings: Partial<AppSettings> = {}) {
  let now = new Date(start);
  const app = await incidentApp(() => now);
  await saveSettings(app.services({}).kv, { ...DEFAULT_SETTINGS, ...settings });
  return {
    app,
    at(instant: string) {
      now = new Date(instant);
    },
    run: () => dailyMaintenance(app.services({})),
  };
}

const payloads = (app: PreviewApp) => app.slackSink.messages().map((message) => message.payload as Payload);
const headerOf = (payload: Payload) => {
  const header = payload.blocks[0];
  return header?.type === 'header' ? header.text.text : '';
};
const digests = (app: PreviewApp) =>
  payloads(app).filter((p) => headerOf(p).startsWith('Postmortem reminders'));
const reports = (app: PreviewApp) =>
  payloads(app).filter((p) => headerOf(p).startsWith('Incident Trend Report'));
const mrkdwn = (payload: Payload) => JSON.stringify(payload.blocks);

/** A SEV-1 resolved on Monday 3 March 2025 (document due 10 March) with no postmortem, and one action item due. */
function seedDueWork(app: PreviewApp) {
  app.emulator.seed([
    incidentBean('INC-1', {
      summary: 'Checkout <errors> & @channel',
      assignee: { accountId: OWNER },
      created: '2025-03-03T08:00:00.000+0000',
      resolutiondate: '2025-03-03T10:00:00.000+0000',
    }),
    {
      key: 'INC-2',
      fields: {
        summary: 'Add index on payment_methods.user_id',
        issuetype: { name: 'Task', subtask: false },
        project: { key: 'INC' },
        status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } },
        labels: ['postmortem-action'],
        duedate: '2025-03-16',
        assignee: { accountId: OWNER },
        created: '2025-03-04T08:00:00.000+0000',
      },
    },
  ]);
}

describe('daily reminder digest', () => {
  it('posts one digest a day with an owner and a link on each line, however often the trigger fires', async () => {
    const { app, run } = await setUp('2025-03-17T09:00:00Z');
    seedDueWork(app);
    await run();
    await run();
    const sent = digests(app);
    expect(sent).toHaveLength(1);
    const text = mrkdwn(sent[0] as Payload);
    expect(headerOf(sent[0] as Payload)).toBe('Postmortem reminders – 2025-03-17');
    expect(text).toContain('<http://jira.test/browse/INC-1|INC-1>');
    expect(text).toContain('<http://jira.test/browse/INC-2|INC-2>');
    expect(text).toContain('Alex Rivera');
    expect(text).toContain('document overdue by 7 days');
    expect(text).toContain('due date overdue by less than a day');
    // User text is inert in Slack.
    expect(text).toContain('Checkout &lt;errors&gt; &amp; @\u200bchannel');
    expect(blockKitProblem(sent[0])).toBeUndefined();
  });

  it('scopes the digest to the configured projects with quoted keys (a key may be a JQL word)', async () => {
    const { app, run } = await setUp('2025-03-17T09:00:00Z', { projectKeys: ['INC', 'IS'] });
    seedDueWork(app);
    await run();
    const searches = app.emulator.requests
      .filter((request) => request.path.startsWith('/rest/api/3/search/jql'))
      .map((request) => (JSON.parse(request.body ?? '{}') as { jql?: string }).jql ?? '');
    expect(searches.length).toBeGreaterThanOrEqual(2);
    for (const jql of searches) expect(jql).toContain('project in ("INC", "IS")');
    expect(digests(app)).toHaveLength(1);
  });

  it('leaves out an action item closed and a postmortem finalized a moment ago, though search still lists them', async () => {
    const { app, run } = await setUp('2025-03-17T09:00:00Z');
    seedDueWork(app);
    // Seconds before the run: the emulator's index (5 s lag on a clock that stands still) has not seen them.
    const send = (method: string, path: string, body: unknown) =>
      app.emulator.handle({ method, path: `/rest/api/3${path}`, body: JSON.stringify(body), asApp: true });
    await send('POST', '/issue/INC-2/transitions', { transition: { id: '31' } });
    await send('PUT', '/issue/INC-1/properties/postmortem-summary', { status: 'FINAL' });
    expect(app.emulator.index.pending()).toBe(2);
    await run();
    expect(app.slackSink.messages()).toHaveLength(0);
  });

  it('still reminds of what is due when Jira confirms it is current', async () => {
    const { app, run } = await setUp('2025-03-17T09:00:00Z');
    seedDueWork(app);
    await run();
    const reconciled = app.emulator.requests
      .filter((request) => request.path.startsWith('/rest/api/3/search/jql'))
      .map((request) => (JSON.parse(request.body ?? '{}') as { reconcileIssues?: number[] }).reconcileIssues)
      .filter((ids) => ids !== undefined);
    // One confirming request per list, each naming just the issues about to be listed.
    expect(reconciled).toEqual([
      [Number(app.emulator.getIssue('INC-1')?.id)],
      [Number(app.emulator.getIssue('INC-2')?.id)],
    ]);
    expect(mrkdwn(digests(app)[0] as Payload)).toContain('INC-2');
  });

  it('posts nothing when nothing is due', async () => {
    const { app, run } = await setUp('2025-03-17T09:00:00Z');
    app.emulator.seed([incidentBean('INC-1', { labels: ['SEV-4'], priority: { name: 'Low' } })]);
    await run();
    expect(app.slackSink.messages()).toHaveLength(0);
  });

  it('reads the severity where the admin said it is (a custom field here)', async () => {
    const incident = incidentBean('INC-7', {
      labels: [],
      priority: { name: 'Low' },
      customfield_10050: { value: 'SEV-1', id: '10100' },
      created: '2025-03-03T08:00:00.000+0000',
      resolutiondate: '2025-03-03T10:00:00.000+0000',
    });
    const byPriority = await setUp('2025-03-17T09:00:00Z');
    byPriority.app.emulator.seed([incident]);
    await byPriority.run();
    expect(digests(byPriority.app)).toHaveLength(0);

    const byField = await setUp('2025-03-17T09:00:00Z', {
      severitySource: {
        kind: 'custom-field',
        customFieldId: 'customfield_10050',
        priorityMapping: DEFAULT_SETTINGS.severitySource.priorityMapping,
      },
    });
    byField.app.emulator.seed([incident]);
    await byField.run();
    expect(mrkdwn(digests(byField.app)[0] as Payload)).toContain('INC-7');
  });

  it('tries again later the same day when Slack failed, and still posts only once', async () => {
    const { app, at, run } = await setUp('2025-03-17T09:00:00Z');
    seedDueWork(app);
    app.slackSink.failNext(503, 'service_unavailable');
    await run();
    expect(digests(app)).toHaveLength(0);
    at('2025-03-17T15:00:00Z');
    await run();
    at('2025-03-17T21:00:00Z');
    await run();
    expect(digests(app)).toHaveLength(1);
  });

  it("keys the day in the configured zone: Auckland's Monday is one day, even across UTC midnight", async () => {
    // 20:00 UTC Sunday = 09:00 Monday in Auckland (NZDT, UTC+13); 09:00 UTC Monday = 22:00 Monday there.
    const { app, at, run } = await setUp('2025-03-16T20:00:00Z', { timeZone: 'Pacific/Auckland' });
    seedDueWork(app);
    await run();
    at('2025-03-17T09:00:00Z');
    await run();
    expect(digests(app).map(headerOf)).toEqual(['Postmortem reminders – 2025-03-17']);
    at('2025-03-17T11:30:00Z'); // 00:30 Tuesday in Auckland
    await run();
    expect(digests(app).map(headerOf)).toEqual([
      'Postmortem reminders – 2025-03-17',
      'Postmortem reminders – 2025-03-18',
    ]);
  });
});

/** Incidents of May 2026 (and one of April) so the report has numbers to show. */
function seedMay(app: PreviewApp) {
  app.emulator.seed([
    incidentBean('INC-10', {
      summary: 'Payments down',
      created: '2026-05-05T10:00:00.000+0000',
      resolutiondate: '2026-05-05T11:00:00.000+0000',
    }),
    incidentBean('INC-11', {
      summary: 'Login slow',
      labels: ['SEV-2'],
      priority: { name: 'High' },
      components: [{ name: 'Auth <core>' }],
      created: '2026-05-12T10:00:00.000+0000',
      resolutiondate: '2026-05-12T10:30:00.000+0000',
    }),
    incidentBean('INC-9', {
      created: '2026-04-20T10:00:00.000+0000',
      resolutiondate: '2026-04-20T12:00:00.000+0000',
    }),
  ]);
}

describe('monthly trend report to Slack', () => {
  it("posts May's report on Monday 1 June 2026, once, as valid Block Kit", async () => {
    const { app, at, run } = await setUp('2026-06-01T08:00:00Z');
    seedMay(app);
    await run();
    at('2026-06-01T16:00:00Z');
    await run();
    const sent = reports(app);
    expect(sent).toHaveLength(1);
    const report = sent[0] as Payload;
    expect(headerOf(report)).toBe('Incident Trend Report – May 2026');
    expect(blockKitProblem(report)).toBeUndefined();
    const text = mrkdwn(report);
    expect(text).toContain('*Overview*');
    expect(text).toContain('SEV-1 Incidents');
    expect(text).toContain('*Top Incident Categories*');
    expect(text).toContain('Auth &lt;core&gt;');
    expect(report.text).toContain('Incident Trend Report – May 2026');
    expect(report.blocks.length).toBeLessThanOrEqual(50);

    // It is the global page's Markdown export for May, in Block Kit.
    const trends = dataOf(
      await resolverCaller(app, globalPageResolver)('getTrends', { month: '2026-05', projectKeys: [] }),
    );
    expect(trends.state).toBe('ready');
    // With a link to the month on the global page (the preview serves it at /trends of the site).
    expect(JSON.stringify(report)).toContain('<http://jira.test/trends?month=2026-05|Open the full report>');
    if (trends.state === 'ready')
      expect(report).toEqual(
        monthlyReportMessage({
          markdown: trends.trends.markdown,
          projectKeys: [],
          reportUrl: 'http://jira.test/trends?month=2026-05',
        }),
      );
  });

  it('posts the same report the global page exports (its stored month is reused when read after the month)', async () => {
    const { app, at, run } = await setUp('2026-06-01T08:00:00Z');
    seedMay(app);
    // Reads of the month's issues; the daily refresh's search for changed issues is not one.
    const trendSearches = () =>
      app.emulator.requests.filter(
        (r) =>
          r.path.startsWith('/rest/api/3/search/jql') &&
          (r.body ?? '').includes('created >= ') &&
          !(r.body ?? '').includes('updated >= '),
      ).length;
    await run();
    const searchesBefore = trendSearches();
    expect(searchesBefore).toBeGreaterThan(0);
    // A second report for the same month (marker removed) is built from the stored month: no new reads.
    await app.services({}).kv.delete('monthly-report:2026-05');
    at('2026-06-01T10:00:00Z');
    await run();
    expect(trendSearches()).toBe(searchesBefore);
    expect(reports(app)).toHaveLength(2);
    expect(reports(app)[1]).toEqual(reports(app)[0]);
  });

  it("leaves May to the next day's run when the run comes in the first hour of June (May's last writes may not be searchable yet)", async () => {
    const { app, at, run } = await setUp('2026-06-01T00:30:00Z');
    seedMay(app);
    await run();
    expect(reports(app)).toHaveLength(0);
    at('2026-06-02T00:30:00Z');
    await run();
    expect(reports(app).map(headerOf)).toEqual(['Incident Trend Report – May 2026']);
  });

  it('does not reuse a month the global page computed in the first hour after it ended', async () => {
    const { app, at, run } = await setUp('2026-06-01T00:10:00Z');
    seedMay(app);
    const trendSearches = () =>
      app.emulator.requests.filter(
        (r) => r.path.startsWith('/rest/api/3/search/jql') && (r.body ?? '').includes('created >= '),
      ).length;
    const early = dataOf(
      await resolverCaller(app, globalPageResolver)('getTrends', { month: '2026-05', projectKeys: [] }),
    );
    expect(early.state).toBe('ready');
    const searchesBefore = trendSearches();
    at('2026-06-01T08:00:00Z');
    await run();
    expect(reports(app)).toHaveLength(1);
    expect(trendSearches()).toBeGreaterThan(searchesBefore);
  });

  it('waits for Monday 3 August when 1 August 2026 is a Saturday', async () => {
    const { app, at, run } = await setUp('2026-08-01T09:00:00Z');
    await run();
    at('2026-08-02T09:00:00Z');
    await run();
    expect(reports(app)).toHaveLength(0);
    at('2026-08-03T09:00:00Z');
    await run();
    expect(reports(app).map(headerOf)).toEqual(['Incident Trend Report – July 2026']);
  });

  it('skips a configured holiday on the 1st', async () => {
    const { app, at, run } = await setUp('2026-06-01T09:00:00Z', { holidays: ['2026-06-01'] });
    await run();
    expect(reports(app)).toHaveLength(0);
    at('2026-06-02T09:00:00Z');
    await run();
    expect(reports(app).map(headerOf)).toEqual(['Incident Trend Report – May 2026']);
  });

  it('follows the configured zone: Auckland gets it while Los Angeles is still on Sunday', async () => {
    const instant = '2026-05-31T20:00:00Z'; // Monday 08:00 in Auckland, Sunday 13:00 in Los Angeles
    const auckland = await setUp(instant, { timeZone: 'Pacific/Auckland' });
    await auckland.run();
    expect(reports(auckland.app)).toHaveLength(1);
    const losAngeles = await setUp(instant, { timeZone: 'America/Los_Angeles' });
    await losAngeles.run();
    expect(reports(losAngeles.app)).toHaveLength(0);
  });

  it('leaves the report to a later run when a run died half-way (its claim lapses, it is not marked sent)', async () => {
    const { app, at, run } = await setUp('2026-06-01T08:00:00Z');
    seedMay(app);
    // What a run the platform killed after claiming leaves behind: the claim, and no message.
    await app.services({}).kv.setIfAbsent(monthlyReportMarkerKey('2026-05'), '2026-06-01T08:00:00Z', {
      ttlSeconds: 15 * 60,
    });
    at('2026-06-01T08:05:00Z');
    await run();
    expect(reports(app)).toHaveLength(0);
    at('2026-06-01T08:20:00Z');
    await run();
    expect(reports(app)).toHaveLength(1);
    at('2026-06-02T08:00:00Z');
    await run();
    expect(reports(app)).toHaveLength(1);
  });

  it('links a report scoped to projects to the same scope on the global page', async () => {
    const { app, run } = await setUp('2026-06-01T08:00:00Z', { projectKeys: ['INC', 'OPS'] });
    seedMay(app);
    await run();
    expect(JSON.stringify(reports(app)[0])).toContain(
      '<http://jira.test/trends?month=2026-05&projects=INC,OPS|Open the full report>',
    );
  });

  it('tries again after Slack failed, and posts only once', async () => {
    const { app, at, run } = await setUp('2026-06-01T08:00:00Z');
    seedMay(app);
    app.slackSink.failNext(500, 'rollup_error');
    await run();
    expect(reports(app)).toHaveLength(0);
    at('2026-06-01T14:00:00Z');
    await run();
    at('2026-06-02T08:00:00Z');
    await run();
    expect(reports(app)).toHaveLength(1);
  });

  it('posts nothing on other days of the month', async () => {
    const { app, run } = await setUp('2026-06-15T09:00:00Z');
    seedMay(app);
    await run();
    expect(reports(app)).toHaveLength(0);
  });
});
