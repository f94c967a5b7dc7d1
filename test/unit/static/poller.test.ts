import { startPolling } from '../../../static/shared/logic/poller';

/** Answers from a list (the last one repeats), each request recorded with the fake time it was made. */
function server(answers: string[]) {
  const asked: number[] = [];
  const fetch = async () => {
    asked.push(Date.now());
    return answers[Math.min(asked.length - 1, answers.length - 1)] as string;
  };
  return { asked, fetch };
}

beforeEach(() => jest.useFakeTimers({ now: 0 }));
afterEach(() => jest.useRealTimers());

describe('startPolling', () => {
  it('asks at once, then again one interval after each answer while the answer wants more', async () => {
    const { asked, fetch } = server(['computing', 'computing', 'ready']);
    const seen: Array<[string, number]> = [];
    startPolling({
      fetch,
      intervalMs: 3000,
      onAnswer: (answer, round) => {
        seen.push([answer, round]);
        return answer === 'computing';
      },
    });
    await jest.advanceTimersByTimeAsync(20_000);
    expect(seen).toEqual([
      ['computing', 1],
      ['computing', 2],
      ['ready', 3],
    ]);
    expect(asked).toEqual([0, 3000, 6000]);
  });

  it('waits one interval before the first request when asked to', async () => {
    const { asked, fetch } = server(['done']);
    startPolling({ fetch, intervalMs: 2000, delayFirst: true, onAnswer: () => false });
    await jest.advanceTimersByTimeAsync(1999);
    expect(asked).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(asked).toEqual([2000]);
  });

  it('never overlaps requests: the next interval starts when the slow answer arrives', async () => {
    const asked: number[] = [];
    const fetch = () => {
      asked.push(Date.now());
      return new Promise<string>((resolve) => setTimeout(() => resolve('computing'), 5000));
    };
    const stop = startPolling({ fetch, intervalMs: 3000, onAnswer: () => true });
    await jest.advanceTimersByTimeAsync(16_000);
    expect(asked).toEqual([0, 8000, 16_000]);
    stop();
  });

  it('after stop, reports no answer still in flight and makes no further request', async () => {
    let answer: (value: string) => void = () => undefined;
    const asked: number[] = [];
    const fetch = () => {
      asked.push(Date.now());
      return new Promise<string>((resolve) => (answer = resolve));
    };
    const onAnswer = jest.fn(() => true);
    const stop = startPolling({ fetch, intervalMs: 1000, onAnswer });
    stop();
    answer('late');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(onAnswer).not.toHaveBeenCalled();
    expect(asked).toEqual([0]);
  });

  it('cancels the pending timer on stop', async () => {
    const { asked, fetch } = server(['computing']);
    const stop = startPolling({ fetch, intervalMs: 1000, onAnswer: () => true });
    await jest.advanceTimersByTimeAsync(1500);
    expect(asked).toEqual([0, 1000]);
    stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(asked).toEqual([0, 1000]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
