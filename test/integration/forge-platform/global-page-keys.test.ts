import { platformApp } from './platform-fixture';
import { PREVIEW_ACCOUNT_ID } from '../../helpers/incident-app';

describe('the global page on the local Forge platform', () => {
  it.each([[[]], [['INC', 'OPS']]])(
    'answers trends for project selection %j with storage keys the platform accepts',
    async (projectKeys) => {
      const { platform } = await platformApp();
      const answer = await platform.invokeResolver({
        moduleKey: 'incident-learning-page',
        functionKey: 'getTrends',
        payload: { month: '2025-02', projectKeys },
        accountId: PREVIEW_ACCOUNT_ID,
      });
      await platform.drain();

      expect(answer).toMatchObject({ ok: true });
      expect(platform.invocations.filter((run) => run.error)).toEqual([]);
      expect(platform.failedEvents).toEqual([]);
    },
  );
});
