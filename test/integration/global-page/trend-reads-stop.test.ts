import type { JiraPort } from '../../../src/ports';
import { computeTrendMonths } from '../../../src/usecases/trends/compute-trend-months';
import { february2025AndMarch2025, NOW } from './march-2025';
import { trendsHarness } from './trends-harness';

// Lets every chain of promises and immediates that is still running take its next steps.
async function settle(): Promise<void> {
  for (let turn = 0; turn < 100; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('computing trend months: the first failed read stops the others', () => {
  it('sends Jira nothing more once one kind of search has failed, while the other was retrying 503s', async () => {
    const harness = trendsHarness(NOW);
    harness.emulator.seed(february2025AndMarch2025());
    // Every search answers 503 (the action items' search retries it on the harness's fake clock,
    // whose sleeps return at once), except the first one sent, the incidents' search, which fails
    // outright: a failure the retrying port hands straight back.
    harness.emulator.faults.add({ method: 'POST', path: /\/search\/jql$/, response: { status: 503 } });
    const services = harness.services();
    const emulatorJira = services.jiraAsApp;
    let searches = 0;
    const jiraAsApp: JiraPort = {
      requestJira(path, init) {
        if (path.value.startsWith('/rest/api/3/search/jql') && (searches += 1) === 1)
          return Promise.reject(new Error('the incidents search failed'));
        return emulatorJira.requestJira(path, init);
      },
    };
    const computing = computeTrendMonths({ ...services, jiraAsApp }, '2025-03', '2025-03', {
      deadlineMs: Date.parse(NOW) + 20_000,
      totals: { incidents: 4, actionItems: 4 },
    });
    await expect(computing).rejects.toThrow('the incidents search failed');
    const sentByTheAnswer = harness.emulator.requests.length;
    await settle();
    expect(harness.emulator.requests.length).toBe(sentByTheAnswer);
    expect(sentByTheAnswer).toBeGreaterThanOrEqual(1);
  });
});
