import { NOW, PREVIEW_ACCOUNT_ID, dataOf, errorOf } from '../../helpers/incident-app';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { loadPostmortem } from '../../../src/storage/postmortem-store';
import { saveSettings } from '../../../src/storage/settings-store';
import { panelApp, SECOND_EDITOR } from './panel-fixture';

describe('issue panel: loading an incident (getPanel on the Jira emulator)', () => {
  it('pre-fills an unsaved postmortem from the issue: incident ID, dates, severity, duration, reporter', async () => {
    const { app, call } = await panelApp();
    const view = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(view.saved).toBe(false);
    expect(view.canEdit).toBe(true);
    expect(view.issue).toMatchObject({
      key: 'INC-1',
      summary: 'Payment Service Outage',
      severity: 'SEV-1',
      resolved: '2025-03-15T15:10:00.000+0000',
      url: 'http://jira.test/browse/INC-1',
    });
    expect(view.document.revision).toBe(0);
    expect(view.document.header).toMatchObject({
      incidentId: 'INC-1',
      title: 'Payment Service Outage',
      date: '2025-03-15',
      severity: 'SEV-1',
      startTime: '2025-03-15 14:23',
      endTime: '2025-03-15 15:10',
      timeZone: 'UTC',
      durationMinutes: 47,
      writtenBy: 'Mia Krystof',
      status: 'DRAFT',
    });
    // Loading never writes: the pre-filled document exists only in the answer until someone saves it.
    expect(await loadPostmortem(app.services({}).kv, 'INC-1')).toBeNull();
  });

  it('takes the severity from the priority when no SEV label is set, and leaves the duration open while unresolved', async () => {
    const { call } = await panelApp('INC-1', {
      labels: [],
      priority: { name: 'High' },
      resolutiondate: null,
    });
    const { document, policy } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(document.header).toMatchObject({ severity: 'SEV-2', durationMinutes: null, endTime: null });
    expect(policy).toMatchObject({ meeting: null, document: null });
  });

  it("pre-fills the severity from the admin's configured source (priority only: the SEV label is ignored)", async () => {
    const { app, call } = await panelApp('INC-1', { labels: ['SEV-1'], priority: { name: 'Low' } });
    await saveSettings(app.services({}).kv, {
      ...DEFAULT_SETTINGS,
      severitySource: { ...DEFAULT_SETTINGS.severitySource, kind: 'priority' },
    });
    const { issue, document } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(issue.severity).toBe('SEV-4');
    expect(document.header.severity).toBe('SEV-4');
  });

  it('computes the policy banner: required for SEV-1, meeting due soon, document due in 5 business days', async () => {
    const { call } = await panelApp();
    const { policy } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(policy.required).toBe(true);
    expect(policy.meeting).toMatchObject({ dueAt: '2025-03-17T15:10:00.000Z', state: 'due-soon' });
    expect(policy.document).toMatchObject({ dueAt: '2025-03-21T15:10:00.000Z', state: 'on-track' });
    expect(NOW.toISOString()).toBe('2025-03-17T09:00:00.000Z');
  });

  it('reads the issue and the permissions as the user', async () => {
    const { app, call, as } = await panelApp();
    dataOf(await call('getPanel', { issueKey: 'INC-1' }, as(SECOND_EDITOR)));
    const jiraCalls = app.emulator.requests;
    expect(jiraCalls.length).toBeGreaterThan(0);
    expect(jiraCalls.every((r) => !r.asApp && r.accountId === SECOND_EDITOR)).toBe(true);
  });

  it('gives a user who may browse but not edit the issue a read-only panel', async () => {
    const { app, call, as } = await panelApp();
    app.emulator.setPermissions(SECOND_EDITOR, { browse: true, edit: false });
    expect(dataOf(await call('getPanel', { issueKey: 'INC-1' }, as(SECOND_EDITOR))).canEdit).toBe(false);
    expect(dataOf(await call('getPanel', { issueKey: 'INC-1' }, as(PREVIEW_ACCOUNT_ID))).canEdit).toBe(true);
  });

  it('answers NotFound to a user who may not browse the issue, as Jira does', async () => {
    const { app, call, as } = await panelApp();
    app.emulator.setPermissions(SECOND_EDITOR, { browse: false, edit: false });
    const error = errorOf(await call('getPanel', { issueKey: 'INC-1' }, as(SECOND_EDITOR)));
    expect(error.kind).toBe('NotFound');
    expect(error.message).toContain('INC-1');
  });

  it('answers NotFound for an issue that does not exist', async () => {
    const { call } = await panelApp();
    expect(errorOf(await call('getPanel', { issueKey: 'INC-404' })).kind).toBe('NotFound');
  });

  it.each([
    [
      '429 on the issue read',
      'GET',
      /^\/rest\/api\/3\/issue\/INC-1$/,
      { status: 429 as const, retryAfterSeconds: 30 },
      'RateLimited',
      /rate-limited.*retry later/,
    ],
    [
      '500 on the issue read',
      'GET',
      /^\/rest\/api\/3\/issue\/INC-1$/,
      { status: 500 as const },
      'Unavailable',
      /unavailable \(HTTP 500\)/,
    ],
    [
      '503 on the permission check',
      'GET',
      /^\/rest\/api\/3\/mypermissions$/,
      { status: 503 as const },
      'Unavailable',
      /unavailable \(HTTP 503\)/,
    ],
  ])('answers a clear error on %s', async (_name, method, path, response, kind, message) => {
    const { app, call } = await panelApp();
    app.emulator.faults.add({ method, path, response });
    const error = errorOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it.each([
    // @forge/resolver hands a resolver `{}` for a missing payload.
    ['no payload', null, 'issueKey'],
    ['no issue key', {}, 'issueKey'],
    ['a lower-case key', { issueKey: 'inc-1' }, 'issueKey'],
    ['JQL instead of a key', { issueKey: 'INC-1 OR project = SECRET' }, 'issueKey'],
  ])('rejects %s with a validation error naming the field', async (_name, payload, field) => {
    const { app, call } = await panelApp();
    const error = errorOf(await call('getPanel', payload));
    expect(error.kind).toBe('InvalidInput');
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(app.emulator.requests).toEqual([]);
  });
});
