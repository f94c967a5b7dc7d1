/**
 * Discrete-event time for tests that run several deliveries at once: every wait is a timer on one
 * clock, and the clock moves only to the next timer once every piece of work is blocked on a timer.
 * Concurrent waits overlap instead of adding up, and no wall-clock timer decides an outcome.
 */
export interface VirtualTime {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Calls `fire` once the clock reaches now + `ms`; the returned function cancels it. */
  timer(ms: number, fire: () => void): () => void;
  /** Runs timers, in time order, until `work` settles. */
  run<T>(work: Promise<T>): Promise<T>;
}

// Macrotask turns allowed for in-process work (the emulator, storage, Slack sink) to settle before
// the clock moves: it does no real I/O, so this only covers promise chains spread over a few turns.
const SETTLE_TURNS = 5;

export function virtualTime(start: number): VirtualTime {
  let now = start;
  let sequence = 0;
  const timers: Array<{ at: number; sequence: number; fire: () => void }> = [];
  const timer = (ms: number, fire: () => void) => {
    const entry = { at: now + Math.max(0, ms), sequence: (sequence += 1), fire };
    timers.push(entry);
    return () => {
      const at = timers.indexOf(entry);
      if (at >= 0) timers.splice(at, 1);
    };
  };
  return {
    now: () => now,
    timer,
    sleep: (ms) => new Promise<void>((resolve) => timer(ms, resolve)),
    async run(work) {
      let settled = false;
      const done = work.finally(() => {
        settled = true;
      });
      done.catch(() => undefined);
      for (;;) {
        for (let turn = 0; turn < SETTLE_TURNS && !settled; turn += 1)
          await new Promise((resolve) => setImmediate(resolve));
        if (settled) return work;
        timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
        const next = timers.shift();
        if (!next) throw new Error('Every run waits and no timer is set: the work can never finish.');
        now = Math.max(now, next.at);
        next.fire();
      }
    },
  };
}
