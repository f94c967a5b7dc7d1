/**
 * The Slack webhook URL is a secret (DESIGN "Bad input and faults"): with one stored, every function
 * key of every resolver (issue panel, issue glance, global page, admin settings) is called, as an
 * admin and as a plain user, after Slack both accepted and refused a message, and no serialized
 * answer contains the URL or its token.
 */
import type { Result } from '../../../src/contract/errors';
import type { ResolverApi } from '../../../src/contract/resolver-contract';
import { parseMarkdown, type PostmortemDocument } from '../../../src/domain/postmortem';
import { adminSettingsResolver } from '../../../src/handlers/resolvers/admin-settings-resolver';
import { globalPageResolver } from '../../../src/handlers/resolvers/global-page-resolver';
import { issueContextResolver } from '../../../src/handlers/resolvers/issue-context-resolver';
import { issuePanelResolver } from '../../../src/handlers/resolvers/issue-panel-resolver';
import type { ResolverImplementation } from '../../../src/handlers/resolvers/resolver-handlers';
import { savePostmortem } from '../../../src/storage/postmortem-store';
import { saveSlackWebhookUrl } from '../../../src/storage/settings-store';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';
import { incidentApp, incidentBean, PREVIEW_ACCOUNT_ID, resolverCaller } from '../../helpers/incident-app';
import type { PreviewApp } from '../../../preview/preview-app';

const ADMIN = '6a20bb1c93f06d33dd1e5f02';
const TOKEN = 'XyZsecretWebhookToken0123456789';
const WEBHOOK = `https://hooks.slack.com/services/T0SECRET/B0SECRET/${TOKEN}`;

function referenceDocument(): PostmortemDocument {
  const { document } = parseMarkdown(referencePostmortemMarkdown());
  return {
    ...document,
    header: { ...document.header, incidentId: 'INC-1', status: 'IN_REVIEW', finalizedAt: null },
  };
}

/** A payload that gets each call past validation; calls added later fall back to a generic one. */
function payloads(document: PostmortemDocument): Record<string, unknown> {
  return {
    // issue panel
    getPanel: { issueKey: 'INC-1' },
    checkDraft: { issueKey: 'INC-1', document },
    saveDraft: {
      issueKey: 'INC-2',
      document: { ...document, header: { ...document.header, incidentId: 'INC-2' } },
    },
    finalize: {
      issueKey: 'INC-3',
      document: { ...document, header: { ...document.header, incidentId: 'INC-3' } },
    },
    reopen: { issueKey: 'INC-1' },
    getAutomation: { issueKey: 'INC-1' },
    importMarkdown: { issueKey: 'INC-1', markdown: referencePostmortemMarkdown() },
    importDescription: { issueKey: 'INC-1' },
    exportToDescription: { issueKey: 'INC-2', document },
    exportMarkdown: { document },
    searchUsers: { query: 'mia' },
    // issue glance
    getGlance: { issueKey: 'INC-1' },
    // global page
    getTrends: { month: '2025-03', projectKeys: [] },
    searchPostmortems: { text: 'payment' },
    // admin settings (setSlackWebhook is left out: it replaces the secret under test)
    getSettings: {},
    saveSettings: { settings: {} },
    sendSlackTest: {},
    listCustomFields: {},
  };
}

const RESOLVERS: Array<[string, ResolverImplementation<ResolverApi>]> = [
  ['issue panel', issuePanelResolver],
  ['issue glance', issueContextResolver],
  ['global page', globalPageResolver],
  ['admin settings', adminSettingsResolver],
];

async function setUp(): Promise<PreviewApp> {
  const app = await incidentApp();
  app.emulator.setPermissions(ADMIN, { browse: true, edit: true, administer: true });
  app.emulator.seed([incidentBean('INC-1'), incidentBean('INC-2'), incidentBean('INC-3')]);
  const kv = app.services({}).kv;
  await saveSlackWebhookUrl(kv, WEBHOOK);
  await savePostmortem(kv, 'INC-1', referenceDocument(), { accountId: PREVIEW_ACCOUNT_ID, at: new Date() });
  return app;
}

async function callEverything(app: PreviewApp, accountId: string) {
  const answers: Array<{ resolver: string; call: string; answer: Result<unknown> }> = [];
  const table = payloads(referenceDocument());
  for (const [resolver, implementation] of RESOLVERS) {
    const call = resolverCaller(app, implementation);
    for (const name of Object.keys(implementation)) {
      const payload = name in table ? table[name] : { issueKey: 'INC-1', month: '2025-03', projectKeys: [] };
      answers.push({
        resolver,
        call: name,
        // Forge puts the open issue in the context: the one the payload names (resolvers check they agree).
        answer: await call(name, payload, {
          accountId,
          issueKey: (payload as { issueKey?: string }).issueKey ?? 'INC-1',
        }),
      });
      await app.emulator.drainEvents();
      await app.queue.drain();
    }
  }
  return answers;
}

function expectNoSecret(answers: Array<{ resolver: string; call: string; answer: Result<unknown> }>) {
  for (const { resolver, call, answer } of answers) {
    const serialized = JSON.stringify(answer);
    expect({ resolver, call, leaks: serialized.includes(TOKEN) || serialized.includes(WEBHOOK) }).toEqual({
      resolver,
      call,
      leaks: false,
    });
    expect(serialized).not.toContain('T0SECRET/B0SECRET');
  }
}

describe('no resolver answer ever contains the Slack webhook URL', () => {
  it('calls every function key of every resolver, as an admin and as a plain user', async () => {
    const app = await setUp();
    const answers = [
      ...(await callEverything(app, ADMIN)),
      ...(await callEverything(app, PREVIEW_ACCOUNT_ID)),
    ];
    const called = new Set(answers.map(({ call }) => call));
    for (const [, implementation] of RESOLVERS) {
      for (const name of Object.keys(implementation)) expect(called).toContain(name);
    }
    // The admin's answers include real data: the calls got past validation, not just errors.
    const okCalls = answers.filter(({ answer }) => answer.ok).map(({ call }) => call);
    expect(okCalls).toEqual(
      expect.arrayContaining([
        'getPanel',
        'getGlance',
        'getTrends',
        'getSettings',
        'sendSlackTest',
        'finalize',
      ]),
    );
    // Slack really received messages on that webhook while the answers were collected.
    expect(app.slackSink.messages().some((message) => message.webhookUrl === WEBHOOK)).toBe(true);
    expectNoSecret(answers);
  });

  it('keeps it out of the answers after Slack refused deliveries (errors and retry records)', async () => {
    const app = await setUp();
    // Every delivery through the platform's egress to Slack is refused.
    const accept = app.slackSink.handle;
    app.slackSink.handle = (body, url) => {
      app.slackSink.failNext(500, 'rollup_error');
      return accept(body, url);
    };
    const answers = [
      ...(await callEverything(app, ADMIN)),
      ...(await callEverything(app, PREVIEW_ACCOUNT_ID)),
    ];
    await app.platform.runScheduledTrigger('daily-postmortem-maintenance');
    answers.push(...(await callEverything(app, ADMIN)));
    const test = answers.find(({ call, answer }) => call === 'sendSlackTest' && answer.ok)?.answer;
    expect(test).toEqual({
      ok: true,
      data: { delivered: false, message: 'Slack answered 500: rollup_error' },
    });
    expectNoSecret(answers);
  });
});
