// First: the platform's globals must be in place before @forge/kvs loads.
import { createForgePlatform } from '../../../forge-platform/forge-platform';
import { kvs } from '@forge/kvs';
import { appendBounded } from '../../../emulator/bounded-log';
import { createJiraEmulator } from '../../../emulator/jira-emulator';
import { createSlackSink } from '../../../emulator/slack-sink';

const message = (text: string) => JSON.stringify({ text });

describe("the stand-ins' records keep only their latest entries", () => {
  it('appendBounded drops the oldest entries beyond the limit', () => {
    const log: number[] = [];
    for (let entry = 1; entry <= 5; entry += 1) appendBounded(log, entry, 3);
    expect(log).toEqual([3, 4, 5]);
  });

  it("the Jira emulator's requests", async () => {
    const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', recordLimit: 2 });
    const jira = emulator.appJiraPort();
    for (const key of ['INC-1', 'INC-2', 'INC-3'])
      await jira.requestJira({ value: `/rest/api/3/issue/${key}` });
    expect(emulator.requests.map((request) => request.path)).toEqual([
      '/rest/api/3/issue/INC-2',
      '/rest/api/3/issue/INC-3',
    ]);
  });

  it("the Slack sink's messages", () => {
    const sink = createSlackSink({ recordLimit: 2 });
    for (const text of ['one', 'two', 'three']) sink.handle(message(text));
    expect(sink.messages().map((received) => received.payload)).toEqual([{ text: 'two' }, { text: 'three' }]);
  });

  it("the platform's invocations, pushed events and failed events", async () => {
    const platform = createForgePlatform({
      emulator: createJiraEmulator({ baseUrl: 'http://jira.test' }),
      // No exports: every delivery fails at once, so each event is both pushed and failed.
      app: {},
      quiet: true,
      delayScale: 0,
      recordLimit: 2,
    });
    await platform.push('postmortem-jobs', [{ n: 1 }, { n: 2 }, { n: 3 }]);
    await platform.drain();
    expect(platform.pushedEvents.map((event) => event.body)).toEqual([{ n: 2 }, { n: 3 }]);
    expect(platform.failedEvents.map((event) => event.body)).toEqual([{ n: 2 }, { n: 3 }]);
    expect(platform.invocations).toHaveLength(2);
  });

  it("the platform's storage requests and the functions' logs", async () => {
    let runs = 0;
    const platform = createForgePlatform({
      emulator: createJiraEmulator({ baseUrl: 'http://jira.test' }),
      app: {
        dailyMaintenance: async () => {
          runs += 1;
          console.log(`run ${runs}`);
          await kvs.get('last-run');
        },
      },
      quiet: true,
      recordLimit: 2,
    });
    for (let run = 0; run < 3; run += 1) await platform.runScheduledTrigger('daily-postmortem-maintenance');
    expect(platform.storageRequests).toHaveLength(2);
    expect(platform.logs).toEqual(['log daily-maintenance: run 2', 'log daily-maintenance: run 3']);
    expect(platform.invocations).toHaveLength(2);
  });
});
