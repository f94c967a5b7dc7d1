import { emptyPostmortem } from '../src/domain/postmortem';
import { savePostmortem } from '../src/storage/postmortem-store';
import { finalizePostmortem } from '../src/usecases/finalize-postmortem';
import { createPreviewApp, PREVIEW_ACCOUNT_ID } from '../preview/preview-app';
import { withLatency } from './latency-jira-port';

const LATENCY_MS = 150;
// Search lags writes by far more than a run lasts: the run must not need search to see its own work.
const INDEX_LAG_MS = 10 * 60_000;
// The requests a finalization makes whatever its size: the issue read (with its labels, subtasks and
// issuelinks: what exists is read there, strongly consistent, so no search for children), the site URL
// (serverInfo, once per installation), createmeta, and the summary property. A search (with
// reconcileIssues) is made only after a lost create answer.
const FIXED_REQUESTS = 4;

/** Issue 5: Jira requests and wall time to finalize 5, 50 and 120 action items at 150 ms per request. */
export async function run(): Promise<void> {
  console.log(
    `finalization against the emulator, ${LATENCY_MS} ms injected latency per Jira request, search index lag ${INDEX_LAG_MS / 60_000} min`,
  );
  console.log(`items | Jira requests | bulk creates | floor ⌈n/50⌉ + ${FIXED_REQUESTS} | wall time`);
  for (const count of [5, 50, 120]) {
    const now = new Date('2025-03-17T09:00:00Z');
    const app = await createPreviewApp({
      baseUrl: 'http://jira.test',
      now: () => now,
      demo: false,
      quiet: true,
      indexLag: INDEX_LAG_MS,
    });
    app.emulator.seed([
      {
        key: 'INC-1',
        fields: {
          summary: 'Bench incident',
          issuetype: { name: 'Incident', subtask: false },
          project: { key: 'INC' },
          status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } },
          labels: ['SEV-1', 'POSTMORTEM-FINAL'],
          created: '2025-03-15T14:23:00.000+0000',
          resolutiondate: '2025-03-15T15:10:00.000+0000',
        },
      },
    ]);
    const base = emptyPostmortem({ incidentId: 'INC-1' });
    const actionItems = Array.from({ length: count }, (_, i) => ({
      id: `ai-${i + 1}`,
      action: `Action ${i + 1}`,
      owner: { accountId: PREVIEW_ACCOUNT_ID },
      dueDate: '2025-04-01',
      externalRef: null,
      createdIssueKey: null,
    }));
    const services = app.services({});
    await savePostmortem(services.kv, 'INC-1', { ...base, actionItems }, { accountId: null, at: now });
    const before = app.emulator.requests.length;
    const started = performance.now();
    await finalizePostmortem(
      { ...services, jira: withLatency(services.jiraAsApp, LATENCY_MS) },
      { issueKey: 'INC-1', deliveryId: 'bench' },
    );
    const wall = performance.now() - started;
    const requests = app.emulator.requests.slice(before);
    const bulk = requests.filter((r) => r.path.startsWith('/rest/api/3/issue/bulk')).length;
    const floor = Math.ceil(count / 50) + FIXED_REQUESTS;
    const verdict = requests.length === floor ? 'at the floor' : `${requests.length - floor} over`;
    console.log(
      `${String(count).padStart(5)} | ${String(requests.length).padStart(13)} | ${String(bulk).padStart(12)} | ${String(floor).padStart(2)} (${verdict}) | ${(wall / 1000).toFixed(2)} s`,
    );
  }
}
