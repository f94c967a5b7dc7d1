import type { Result } from '../../../src/contract/errors';
import type { TrendsAnswer, TrendsView } from '../../../src/contract/global-page-api';
import { pollTrends, type TrendsState } from '../../../static/global-page/src/logic/poll-trends';
import { describeProgress } from '../../../static/global-page/src/logic/describe-progress';

const computing: Result<TrendsAnswer> = {
  ok: true,
  data: { state: 'computing', startedAt: '2025-03-01T00:00:00Z' },
};
const trends = { month: '2025-02' } as unknown as TrendsView;
const ready: Result<TrendsAnswer> = { ok: true, data: { state: 'ready', trends } };

/** A fake clock: scheduled runs wait until `tick()`. */
function harness(answers: Array<Result<TrendsAnswer>>) {
  const states: TrendsState[] = [];
  const timers: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  let calls = 0;
  const stop = pollTrends({
    fetch: async () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      if (answer === undefined) throw new Error('no answer');
      return answer;
    },
    onState: (state) => states.push(state),
    schedule: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    intervalMs: 3000,
  });
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  const tick = async () => {
    const timer = timers.at(-1);
    if (timer && !timer.cancelled) timer.run();
    await flush();
  };
  return { states, timers, stop, flush, tick, calls: () => calls };
}

describe('pollTrends', () => {
  it("passes the consumer's progress on while computing", async () => {
    const progress = { issuesRead: 1_200, issuesTotal: 5_000 };
    const h = harness([
      { ok: true, data: { state: 'computing', startedAt: '2025-03-01T00:00:00Z', progress } },
    ]);
    await h.flush();
    expect(h.states.at(-1)).toMatchObject({ kind: 'computing', progress });
    expect(describeProgress(progress)).toBe('1,200 of about 5,000 issues read (24%). ');
    expect(describeProgress({ issuesRead: 5_100, issuesTotal: 5_000 })).toBe(
      '5,100 of about 5,000 issues read (100%). ',
    );
    expect(describeProgress(null)).toBe('');
    h.stop();
  });

  it('shows loading, then the ready report without polling', async () => {
    const h = harness([ready]);
    await h.flush();
    expect(h.states.map((s) => s.kind)).toEqual(['loading', 'ready']);
    expect(h.timers).toHaveLength(0);
  });

  it('polls every 3 s while computing and counts the polls', async () => {
    const h = harness([computing, computing, ready]);
    await h.flush();
    expect(h.states.at(-1)).toEqual({
      kind: 'computing',
      startedAt: '2025-03-01T00:00:00Z',
      polls: 1,
      progress: null,
    });
    expect(h.timers[0]?.ms).toBe(3000);
    await h.tick();
    expect(h.states.at(-1)).toMatchObject({ kind: 'computing', polls: 2 });
    await h.tick();
    expect(h.states.at(-1)).toEqual({ kind: 'ready', trends });
    expect(h.calls()).toBe(3);
  });

  it('reports an error and stops polling', async () => {
    const h = harness([computing, { ok: false, error: { kind: 'RateLimited', message: 'slow down' } }]);
    await h.flush();
    await h.tick();
    expect(h.states.at(-1)).toEqual({ kind: 'error', error: { kind: 'RateLimited', message: 'slow down' } });
    expect(h.timers).toHaveLength(1);
  });

  it('reports nothing after stop and cancels the pending poll', async () => {
    const h = harness([computing]);
    await h.flush();
    const seen = h.states.length;
    h.stop();
    expect(h.timers[0]?.cancelled).toBe(true);
    await h.tick();
    expect(h.states).toHaveLength(seen);
  });

  it('ignores a late answer that arrives after stop', async () => {
    const h = harness([ready]);
    h.stop();
    await h.flush();
    expect(h.states.map((s) => s.kind)).toEqual(['loading']);
  });
});
