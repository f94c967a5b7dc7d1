import type { IssuePanelApi } from '../../../src/contract/issue-panel-api';
import { loadPostmortem } from '../../../src/storage/postmortem-store';
import { dataOf, errorOf, PREVIEW_ACCOUNT_ID } from '../../helpers/incident-app';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';
import { panelApp, SECOND_EDITOR, settle } from './panel-fixture';

const OUTSIDER = SECOND_EDITOR;

/** INC-1 finalized by the preview user (children, Slack), then hidden from OUTSIDER by Jira. */
async function finalizedAndHidden() {
  const fixture = await panelApp();
  const { app, call } = fixture;
  const opened = dataOf(await call('getPanel', { issueKey: 'INC-1' })).document;
  const preview = dataOf(
    await call('importMarkdown', { issueKey: 'INC-1', markdown: referencePostmortemMarkdown() }),
  ).document;
  const document = {
    ...preview,
    revision: opened.revision,
    header: { ...preview.header, incidentId: 'INC-1', status: 'DRAFT' as const },
  };
  dataOf(await call('finalize', { issueKey: 'INC-1', document }));
  await settle(app);
  app.emulator.setPermissions(OUTSIDER, { browse: false, edit: false });
  return fixture;
}

describe('issue panel: every resolver asks Jira, as the caller, before answering from storage', () => {
  it('refuses getAutomation to a user who cannot see the issue: no child keys, failures or Slack state', async () => {
    const { call, as } = await finalizedAndHidden();
    expect(dataOf(await call('getAutomation', { issueKey: 'INC-1' }))?.children).toHaveLength(5);

    const answer = await call('getAutomation', { issueKey: 'INC-1' }, as(OUTSIDER));

    expect(['NotFound', 'Forbidden']).toContain(errorOf(answer).kind);
    // Children are INC-2…INC-6; not one of them, nor the Slack outcome, is in the answer.
    expect(JSON.stringify(answer)).not.toMatch(/INC-[2-6]|slack/i);
  });

  it.each<[keyof IssuePanelApi, (document: unknown) => unknown]>([
    ['getPanel', () => ({ issueKey: 'INC-1' })],
    ['checkDraft', (document) => ({ issueKey: 'INC-1', document })],
    ['importMarkdown', () => ({ issueKey: 'INC-1', markdown: '# Postmortem' })],
    ['importDescription', () => ({ issueKey: 'INC-1' })],
  ])('refuses %s to a user who cannot see the issue', async (name, payload) => {
    const { app, call, as } = await finalizedAndHidden();
    const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
    const answer = await call(name, payload(stored?.document), as(OUTSIDER));
    expect(['NotFound', 'Forbidden']).toContain(errorOf(answer).kind);
  });

  it.each<[keyof IssuePanelApi]>([['getPanel'], ['saveDraft'], ['getAutomation'], ['exportMarkdown']])(
    'answers %s without an account id with a refusal, never as the app',
    async (name) => {
      const { app, call } = await panelApp();
      const opened = dataOf(await call('getPanel', { issueKey: 'INC-1' })).document;
      const requestsBefore = app.emulator.requests.length;

      const answer = await call(name, { issueKey: 'INC-1', document: opened }, { issueKey: 'INC-1' });

      expect(errorOf(answer)).toMatchObject({
        kind: 'Forbidden',
        message: expect.stringContaining('Log in'),
      });
      expect(app.emulator.requests.slice(requestsBefore)).toEqual([]);
      expect(await loadPostmortem(app.services({}).kv, 'INC-1')).toBeNull();
    },
  );
});

describe('issue panel: a payload names the issue that is open', () => {
  it.each(['getPanel', 'getAutomation', 'reopen', 'importDescription'] as const)(
    '%s for another issue than the one in the context is refused before anything is read',
    async (name) => {
      const { call, as } = await panelApp('INC-1');
      const error = errorOf(await call(name, { issueKey: 'INC-2' }, as(PREVIEW_ACCOUNT_ID)));
      expect(error).toMatchObject({ kind: 'InvalidInput' });
      expect(error.message).toMatch(/INC-2 while INC-1 is open/);
    },
  );
});
