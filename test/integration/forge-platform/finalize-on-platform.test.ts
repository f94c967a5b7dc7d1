import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../../forge-platform/manifest';
import type { PostmortemDocument } from '../../../src/domain/postmortem';
import { PREVIEW_ACCOUNT_ID } from '../../helpers/incident-app';
import { platformApp, referenceDocument, SLACK_WEBHOOK } from './platform-fixture';

const repositoryManifest = readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8');

describe('the app on the local Forge platform: finalizing from the issue panel', () => {
  it.each([
    ['counts as the app’s own (the trigger stays silent)', true],
    ['does not count as the app’s own (the trigger fires too)', false],
  ])(
    'finalizes once, with five children and one Slack message, when an asUser() edit %s',
    async (_name, asUserWritesCountAsSelf) => {
      const { platform, emulator, slackSink, panel } = await platformApp({ asUserWritesCountAsSelf });
      const document = await referenceDocument(panel);

      const answer = await panel<{ document: PostmortemDocument }>('finalize', {
        issueKey: 'INC-1',
        document,
      });
      expect(answer).toMatchObject({ ok: true, data: { document: { header: { status: 'FINALIZING' } } } });
      await platform.drain();

      const triggerRuns = platform.invocations.filter((run) => run.functionKey === 'issue-updated-trigger');
      expect(triggerRuns).toHaveLength(asUserWritesCountAsSelf ? 0 : 1);
      expect(platform.invocations.filter((run) => run.error)).toEqual([]);
      expect(platform.failedEvents).toEqual([]);
      expect(emulator.getIssue('INC-1')?.fields.labels).toContain('POSTMORTEM-FINAL');
      const messages = slackSink.messages();
      expect(messages).toHaveLength(1);
      expect(messages[0]?.webhookUrl).toBe(SLACK_WEBHOOK);
      const view = await panel<{ document: PostmortemDocument; automation: { children: unknown[] } }>(
        'getPanel',
        { issueKey: 'INC-1' },
      );
      expect(view).toMatchObject({ ok: true, data: { document: { header: { status: 'FINAL' } } } });
      expect(view.ok && view.data.automation.children).toHaveLength(5);
    },
  );

  it('records a finalization that Jira kept refusing through every platform retry as failed, and the panel says so', async () => {
    const { platform, emulator, slackSink, panel } = await platformApp({ delayScale: 0.0001 });
    const document = await referenceDocument(panel);
    await panel('finalize', { issueKey: 'INC-1', document });
    // From now on Jira answers the job's first read with a Retry-After longer than its work budget.
    emulator.faults.add({
      method: 'GET',
      path: /^\/rest\/api\/3\/issue\/INC-1$/,
      response: { status: 429, retryAfterSeconds: 3600 },
    });
    await platform.drain();

    expect(platform.failedEvents).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ issueKey: 'INC-1' }), attempts: 5 }),
    ]);
    expect(slackSink.messages()).toEqual([]);
    emulator.faults.clear();
    const automation = await panel<{ jobFailure: { message: string } | null }>('getAutomation', {
      issueKey: 'INC-1',
    });
    expect(automation.ok && automation.data.jobFailure?.message).toMatch(
      /^Finalization did not finish after 5 attempts: Jira rate-limited/,
    );
  });

  it('lets NEEDS_AUTHENTICATION_ERR reach the platform when the user has not allowed access, and works once they have', async () => {
    const { platform, panel } = await platformApp();
    platform.denyConsent(PREVIEW_ACCOUNT_ID);

    await expect(panel('getPanel', { issueKey: 'INC-1' })).rejects.toMatchObject({
      name: 'NEEDS_AUTHENTICATION_ERR',
    });

    platform.grantConsent(PREVIEW_ACCOUNT_ID);
    await expect(panel('getPanel', { issueKey: 'INC-1' })).resolves.toMatchObject({ ok: true });
  });

  it('refuses a Jira write whose scope the manifest does not declare, as Jira answers such a token', async () => {
    const manifest = parseManifest(repositoryManifest.replace('    - write:jira-work\n', ''));
    const { platform, emulator, panel } = await platformApp({ manifest });
    const document = await referenceDocument(panel);

    const answer = await panel('finalize', { issueKey: 'INC-1', document });
    await platform.drain();

    expect(answer).toMatchObject({ ok: false, error: { kind: 'Forbidden' } });
    expect(!answer.ok && answer.error.message).toContain('scope does not match');
    expect(emulator.getIssue('INC-1')?.fields.labels).not.toContain('POSTMORTEM-FINAL');
  });
});
