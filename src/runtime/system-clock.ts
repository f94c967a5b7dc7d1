import type { Clock } from '../ports';

export const systemClock: Clock = {
  now: () => new Date(),
  // An aborted wait clears its timer: a given-up retry keeps no invocation (or test run) alive.
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const wake = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      signal?.addEventListener('abort', wake, { once: true });
    }),
};
