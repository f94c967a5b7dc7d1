/**
 * The admin settings resolvers on the Jira emulator: field-level validation (the JQL through Jira's
 * own parser, the severity field against Jira's field list), the Slack webhook kept as a secret, and
 * admin-only access re-checked on the server for every call.
 */
import type { AdminSettingsApi, AppSettings } from '../../../src/contract/admin-settings-api';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { adminSettingsResolver } from '../../../src/handlers/resolvers/admin-settings-resolver';
import { loadSettings, loadSlackWebhookUrl } from '../../../src/storage/settings-store';
import { dataOf, errorOf, incidentApp, resolverCaller } from '../../helpers/incident-app';
import type { PreviewApp } from '../../../preview/preview-app';

const ADMIN = '6a20bb1c93f06d33dd1e5f02';
const MEMBER = '6a20bb1c93f06d33dd1e5f03';
// The preview stores this sink address as the secret; the tests replace it with their own.
const WEBHOOK = 'https://hooks.slack.com/services/T0ADMIN/B0SETTINGS/s3cr3tT0k3nValue';

const valid: AppSettings = {
  ...DEFAULT_SETTINGS,
  incidentJql: 'issuetype = Incident',
  projectKeys: ['INC', 'OPS'],
  timeZone: 'Europe/Berlin',
  holidays: ['2026-12-25', '2026-12-26'],
  userImpactMinutesThreshold: 30,
  finalizationLabel: 'PM-FINAL',
  actionItemLabel: 'pm-action',
  actionItemFallbackIssueType: 'Task',
};

async function setUp() {
  const app = await incidentApp();
  app.emulator.setPermissions(ADMIN, { browse: true, edit: true, administer: true });
  const call = resolverCaller<AdminSettingsApi>(app, adminSettingsResolver);
  const as = (accountId: string) => ({
    call: <C extends keyof AdminSettingsApi>(name: C, payload: unknown) => call(name, payload, { accountId }),
  });
  return { app, admin: as(ADMIN), member: as(MEMBER) };
}

const stored = (app: PreviewApp) => loadSettings(app.services({}).kv);

describe('admin settings: validation', () => {
  it('saves valid settings and answers them back', async () => {
    const { app, admin } = await setUp();
    const view = dataOf(await admin.call('saveSettings', { settings: valid }));
    expect(view.settings).toEqual(valid);
    expect(await stored(app)).toEqual(valid);
  });

  it('drops the stored trend aggregates when settings change (they counted by the old rules)', async () => {
    const { app, admin } = await setUp();
    const { kv } = app.services({});
    await kv.set('trends-agg:2025-03:INC', { month: '2025-03' });
    await kv.set('trends-months', { rules: {}, months: { '2025-03': { dataAsOf: 'x' } } });
    await kv.set('settings-unrelated-key', 'kept');
    dataOf(await admin.call('saveSettings', { settings: { ...valid, timeZone: 'Asia/Tokyo' } }));
    expect(await kv.get('trends-agg:2025-03:INC')).toBeUndefined();
    expect(await kv.get('trends-months')).toBeUndefined();
    expect(await kv.get('settings-unrelated-key')).toBe('kept');
  });

  it('checks the incident JQL with Jira (jql/parse, strict) and keeps the previous settings', async () => {
    const { app, admin } = await setUp();
    dataOf(await admin.call('saveSettings', { settings: valid }));
    const error = errorOf(
      await admin.call('saveSettings', { settings: { ...valid, incidentJql: 'issuetype = = Incident' } }),
    );
    expect(error.kind).toBe('InvalidInput');
    expect(error.fields?.incidentJql).toMatch(/JQL/i);
    expect(await stored(app)).toEqual(valid);
    const parses = app.emulator.requests.filter((r) => r.path.startsWith('/rest/api/3/jql/parse'));
    expect(parses.at(-1)?.path).toContain('validation=strict');
    // The projects in scope are checked in the same call (Jira names keys that do not exist).
    expect(JSON.parse(parses.at(-1)?.body ?? '{}')).toEqual({
      queries: ['issuetype = = Incident', 'project in ("INC", "OPS")'],
    });
  });

  it.each([
    'issuetype = Incident ORDER BY created DESC',
    'issuetype = Incident order  by priority',
    "project = INC AND summary ~ 'x' ORDER BY key",
  ])(
    'refuses an incident JQL with an ORDER BY (%s), saying why, and keeps the previous settings',
    async (jql) => {
      const { app, admin } = await setUp();
      dataOf(await admin.call('saveSettings', { settings: valid }));
      const error = errorOf(await admin.call('saveSettings', { settings: { ...valid, incidentJql: jql } }));
      expect(error.kind).toBe('InvalidInput');
      expect(error.fields?.incidentJql).toMatch(/Remove the ORDER BY clause.*parentheses/);
      expect(await stored(app)).toEqual(valid);
    },
  );

  it('accepts "order by" as words inside a quoted search value', async () => {
    const { admin } = await setUp();
    const incidentJql = 'issuetype = Incident AND summary ~ "order by \\"x\\""';
    expect(
      dataOf(await admin.call('saveSettings', { settings: { ...valid, incidentJql } })).settings.incidentJql,
    ).toBe(incidentJql);
  });

  it('answers one error per field, beside the field, and changes nothing', async () => {
    const { app, admin } = await setUp();
    dataOf(await admin.call('saveSettings', { settings: valid }));
    const error = errorOf(
      await admin.call('saveSettings', {
        settings: {
          ...valid,
          projectKeys: ['INC', 'not a key'],
          timeZone: 'Mars/Olympus_Mons',
          holidays: ['2026-12-25', '2026-02-30'],
          userImpactMinutesThreshold: -5,
          finalizationLabel: 'has spaces',
          actionItemLabel: '',
          actionItemFallbackIssueType: '  ',
        },
      }),
    );
    expect(error.kind).toBe('InvalidInput');
    expect(error.message).toContain('nothing was changed');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      'actionItemFallbackIssueType',
      'actionItemLabel',
      'finalizationLabel',
      'holidays',
      'projectKeys',
      'timeZone',
      'userImpactMinutesThreshold',
    ]);
    expect(error.fields?.holidays).toBe('"2026-02-30" is not a date as YYYY-MM-DD');
    expect(error.fields?.timeZone).toContain('IANA');
    expect(await stored(app)).toEqual(valid);
  });

  it('accepts a severity mapping from priorities and a category source', async () => {
    const { app, admin } = await setUp();
    const settings: AppSettings = {
      ...valid,
      severitySource: {
        kind: 'priority',
        priorityMapping: { Blocker: 'SEV-1', Critical: 'SEV-2', Major: 'SEV-3', Minor: 'SEV-4' },
      },
      categorySource: 'component',
    };
    dataOf(await admin.call('saveSettings', { settings }));
    expect((await stored(app)).severitySource).toEqual(settings.severitySource);
    expect((await stored(app)).categorySource).toBe('component');
    const error = errorOf(
      await admin.call('saveSettings', {
        settings: {
          ...settings,
          severitySource: { kind: 'priority', priorityMapping: { Blocker: 'SEV-9' } },
        },
      }),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['severitySource.priorityMapping']);
  });

  it('lists the custom fields from /rest/api/3/field and only accepts one of them as the severity source', async () => {
    const { app, admin } = await setUp();
    const fields = dataOf(await admin.call('listCustomFields', {}));
    expect(fields).toEqual([
      { id: 'customfield_10051', name: 'Incident category', type: 'string' },
      { id: 'customfield_10050', name: 'Severity', type: 'option' },
    ]);
    expect(app.emulator.requests.some((r) => r.method === 'GET' && r.path === '/rest/api/3/field')).toBe(
      true,
    );

    const missing = errorOf(
      await admin.call('saveSettings', { settings: { ...valid, severitySource: { kind: 'custom-field' } } }),
    );
    expect(missing.fields?.['severitySource.customFieldId']).toBe(
      'Pick the custom field that holds the severity.',
    );
    const unknown = errorOf(
      await admin.call('saveSettings', {
        settings: { ...valid, severitySource: { kind: 'custom-field', customFieldId: 'customfield_99999' } },
      }),
    );
    expect(unknown.fields?.['severitySource.customFieldId']).toContain('no field customfield_99999');
    expect(await stored(app)).toEqual(DEFAULT_SETTINGS);

    const view = dataOf(
      await admin.call('saveSettings', {
        settings: { ...valid, severitySource: { kind: 'custom-field', customFieldId: 'customfield_10050' } },
      }),
    );
    expect(view.settings.severitySource).toMatchObject({
      kind: 'custom-field',
      customFieldId: 'customfield_10050',
    });
  });

  it('keeps the previous settings when Jira cannot check the JQL', async () => {
    const { app, admin } = await setUp();
    dataOf(await admin.call('saveSettings', { settings: valid }));
    app.emulator.faults.add({ path: /\/jql\/parse$/, response: { status: 503 } });
    const error = errorOf(
      await admin.call('saveSettings', { settings: { ...valid, timeZone: 'Asia/Tokyo' } }),
    );
    expect(error.kind).toBe('Unavailable');
    expect(await stored(app)).toEqual(valid);
  });

  it('refuses a payload that is not settings at all', async () => {
    const { app, admin } = await setUp();
    const error = errorOf(await admin.call('saveSettings', { settings: 'everything' }));
    expect(error.kind).toBe('InvalidInput');
    expect(await stored(app)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('admin settings: the Slack webhook is a secret', () => {
  it('stores the webhook as a secret and answers only a masked hint', async () => {
    const { app, admin } = await setUp();
    const view = dataOf(await admin.call('setSlackWebhook', { url: ` ${WEBHOOK} ` }));
    expect(view.slackWebhook).toEqual({ configured: true, masked: 'https://hooks.slack.com/services/…alue' });
    expect(JSON.stringify(view)).not.toContain('s3cr3tT0k3n');
    expect(await loadSlackWebhookUrl(app.services({}).kv)).toBe(WEBHOOK);
    expect(await app.services({}).kv.get('slack-webhook-url')).toBeUndefined();
    expect(JSON.stringify(dataOf(await admin.call('getSettings', {})))).not.toContain('s3cr3tT0k3n');
  });

  it.each([
    ['http (not https)', 'http://hooks.slack.com/services/T0/B0/x'],
    ['another host', 'https://hooks.slack.com.evil.example/services/T0/B0/x'],
    ['a look-alike host', 'https://evil.example/hooks.slack.com/services/T0/B0/x'],
    ['not a URL', 'paste here'],
    ['credentials in the URL', 'https://user:pw@hooks.slack.com/services/T0/B0/x'],
  ])('refuses %s beside the field and keeps the previous webhook', async (_what, url) => {
    const { app, admin } = await setUp();
    dataOf(await admin.call('setSlackWebhook', { url: WEBHOOK }));
    const error = errorOf(await admin.call('setSlackWebhook', { url }));
    expect(error.kind).toBe('InvalidInput');
    expect(error.fields?.url).toContain('https://hooks.slack.com/');
    expect(await loadSlackWebhookUrl(app.services({}).kv)).toBe(WEBHOOK);
  });

  it("sends a test message and reports Slack's answer, good or bad", async () => {
    const { app, admin } = await setUp();
    dataOf(await admin.call('setSlackWebhook', { url: WEBHOOK }));
    expect(dataOf(await admin.call('sendSlackTest', {}))).toEqual({
      delivered: true,
      message: 'Slack accepted the test message.',
    });
    expect(app.slackSink.messages()).toHaveLength(1);
    expect(app.slackSink.messages()[0]?.webhookUrl).toBe(WEBHOOK);

    app.slackSink.failNext(404, 'no_service');
    expect(dataOf(await admin.call('sendSlackTest', {}))).toEqual({
      delivered: false,
      message: 'Slack answered 404: no_service',
    });
  });

  it('removes the webhook', async () => {
    const { app, admin } = await setUp();
    const view = dataOf(await admin.call('setSlackWebhook', { url: null }));
    expect(view.slackWebhook).toEqual({ configured: false, masked: null });
    expect(await loadSlackWebhookUrl(app.services({}).kv)).toBeNull();
    expect(dataOf(await admin.call('sendSlackTest', {}))).toEqual({
      delivered: false,
      message: 'No Slack webhook is set up yet.',
    });
  });
});

describe('admin settings: Jira admins only, checked on the server', () => {
  const calls: Array<[keyof AdminSettingsApi, unknown]> = [
    ['getSettings', {}],
    ['saveSettings', { settings: valid }],
    ['setSlackWebhook', { url: WEBHOOK }],
    ['sendSlackTest', {}],
    ['listCustomFields', {}],
  ];

  it.each(calls)('answers %s to a non-admin with Forbidden and stores nothing', async (name, payload) => {
    const { app, member } = await setUp();
    const kv = app.services({}).kv;
    const secretBefore = await loadSlackWebhookUrl(kv);
    const error = errorOf(await member.call(name, payload));
    expect(error).toEqual({
      kind: 'Forbidden',
      message: 'Only Jira administrators can change the postmortem settings.',
    });
    expect(await kv.get('settings')).toBeUndefined();
    expect(await loadSlackWebhookUrl(kv)).toBe(secretBefore);
    expect(app.slackSink.messages()).toHaveLength(0);
  });

  it('refuses a call that carries no user at all', async () => {
    const { app } = await setUp();
    const call = resolverCaller<AdminSettingsApi>(app, adminSettingsResolver);
    const error = errorOf(await call('saveSettings', { settings: valid }, {}));
    expect(error.kind).toBe('Forbidden');
    expect(await app.services({}).kv.get('settings')).toBeUndefined();
  });
});
