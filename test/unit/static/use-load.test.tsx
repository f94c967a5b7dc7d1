import { act, create, type ReactTestRenderer } from 'react-test-renderer';
import type { Result } from '../../../src/contract/errors';
import { useLoad, type LoadOptions, type LoadState } from '../../../static/shared/hooks/use-load';

/** Requests the test answers by hand, in any order. */
function pendingRequests<T>() {
  const requests: Array<{ key: string | undefined; answer: (result: Result<T>) => Promise<void> }> = [];
  const loader = (key: string | undefined) => () =>
    new Promise<Result<T>>((resolve) =>
      requests.push({ key, answer: async (result) => act(async () => resolve(result)) }),
    );
  return { requests, loader };
}

type Hook<T> = ReturnType<typeof useLoad<T>>;

/** Renders the hook for a key; `latest()` is what it returned last. */
async function renderLoad<T>(
  key: string | undefined,
  load: (key: string | undefined) => () => Promise<Result<T>>,
  options?: LoadOptions<T>,
) {
  const seen: Array<Hook<T>> = [];
  function Probe({ id }: { id: string | undefined }) {
    seen.push(useLoad(id, load(id), options));
    return null;
  }
  let renderer: ReactTestRenderer | undefined;
  await act(async () => {
    renderer = create(<Probe id={key} />);
  });
  const root = renderer as ReactTestRenderer;
  return {
    latest: () => seen.at(-1) as Hook<T>,
    states: () => seen.map((hook) => hook.state),
    rekey: (next: string | undefined) => act(async () => root.update(<Probe id={next} />)),
    unmount: () => act(async () => root.unmount()),
  };
}

const ready = <T,>(data: T): LoadState<T> => ({ kind: 'ready', data });

describe('useLoad', () => {
  it('is loading until the answer, then shows the data', async () => {
    const { requests, loader } = pendingRequests<string>();
    const page = await renderLoad('INC-1', loader);
    expect(page.latest().state).toEqual({ kind: 'loading' });
    await requests[0]?.answer({ ok: true, data: 'INC-1 glance' });
    expect(page.latest().state).toEqual(ready('INC-1 glance'));
  });

  it('shows the error, and on reload shows loading again until the new answer', async () => {
    const { requests, loader } = pendingRequests<string>();
    const page = await renderLoad('INC-1', loader);
    await requests[0]?.answer({ ok: false, error: { kind: 'RateLimited', message: 'Jira is busy' } });
    expect(page.latest().state).toEqual({
      kind: 'error',
      error: { kind: 'RateLimited', message: 'Jira is busy' },
    });
    await act(async () => page.latest().reload());
    expect(page.latest().state).toEqual({ kind: 'loading' });
    expect(requests).toHaveLength(2);
    await requests[1]?.answer({ ok: true, data: 'second try' });
    expect(page.latest().state).toEqual(ready('second try'));
  });

  it('drops the late answer for a key the page has left, and never shows the old data under the new key', async () => {
    const { requests, loader } = pendingRequests<string>();
    const page = await renderLoad('2026-01', loader);
    await requests[0]?.answer({ ok: true, data: 'January' });
    await page.rekey('2026-02');
    expect(page.latest().state).toEqual({ kind: 'loading' });
    await page.rekey('2026-03');
    await requests[2]?.answer({ ok: true, data: 'March' });
    await requests[1]?.answer({ ok: true, data: 'February' });
    expect(requests.map((request) => request.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(page.latest().state).toEqual(ready('March'));
    // Between the key change and the effect there is no render showing January as February's.
    expect(page.states().filter((state) => state.kind === 'ready')).toEqual([
      ready('January'),
      ready('March'),
    ]);
  });

  it('loads nothing while the key is undefined, and loads once it is known', async () => {
    const { requests, loader } = pendingRequests<string>();
    const page = await renderLoad(undefined, loader);
    expect(requests).toHaveLength(0);
    expect(page.latest().state).toEqual({ kind: 'loading' });
    await page.rekey('INC-2');
    expect(requests.map((request) => request.key)).toEqual(['INC-2']);
  });

  it('updates the loaded data in place', async () => {
    const { requests, loader } = pendingRequests<{ saved: number }>();
    const page = await renderLoad('settings', loader);
    await requests[0]?.answer({ ok: true, data: { saved: 1 } });
    await act(async () => page.latest().update((data) => ({ saved: data.saved + 1 })));
    expect(page.latest().state).toEqual(ready({ saved: 2 }));
    expect(requests).toHaveLength(1);
  });

  it('keeps the last answer on screen while a reload runs, when asked to, and only for the same key', async () => {
    const { requests, loader } = pendingRequests<string>();
    const page = await renderLoad('gadget-1', loader, { keepWhileReloading: true });
    expect(page.latest()).toMatchObject({ state: { kind: 'loading' }, reloading: false });
    await requests[0]?.answer({ ok: true, data: 'first' });
    await act(async () => page.latest().reload());
    expect(page.latest()).toMatchObject({ state: ready('first'), reloading: true });
    await requests[1]?.answer({ ok: true, data: 'second' });
    expect(page.latest()).toMatchObject({ state: ready('second'), reloading: false });
    await page.rekey('gadget-2');
    expect(page.latest()).toMatchObject({ state: { kind: 'loading' }, reloading: false });
  });

  describe('polling while the server is still working', () => {
    beforeEach(() => jest.useFakeTimers({ now: 0 }));
    afterEach(() => jest.useRealTimers());

    type Answer = { state: 'computing' } | { state: 'ready'; report: string };
    const poll = { everyMs: 3000, while: (answer: Answer) => answer.state === 'computing' };

    function serverComputingFor(rounds: number) {
      const asked: number[] = [];
      const loader = () => async (): Promise<Result<Answer>> => {
        asked.push(Date.now());
        return asked.length <= rounds
          ? { ok: true, data: { state: 'computing' } }
          : { ok: true, data: { state: 'ready', report: 'February' } };
      };
      return { asked, loader };
    }

    it('shows each answer and asks again every interval until it is ready', async () => {
      const { asked, loader } = serverComputingFor(2);
      const page = await renderLoad('2026-02', loader, { poll });
      expect(page.latest().state).toEqual(ready({ state: 'computing' }));
      await act(async () => jest.advanceTimersByTimeAsync(3000));
      expect(page.latest().state).toEqual(ready({ state: 'computing' }));
      await act(async () => jest.advanceTimersByTimeAsync(30_000));
      expect(page.latest().state).toEqual(ready({ state: 'ready', report: 'February' }));
      expect(asked).toEqual([0, 3000, 6000]);
    });

    it('stops asking once the page is gone', async () => {
      const { asked, loader } = serverComputingFor(100);
      const page = await renderLoad('2026-02', loader, { poll });
      await page.unmount();
      await act(async () => jest.advanceTimersByTimeAsync(30_000));
      expect(asked).toEqual([0]);
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
