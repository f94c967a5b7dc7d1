import type { Timers } from './create-autosaver';

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `run` with the last value once `ms` pass without a new one (live checks while typing). */
export function createDebouncer<T>(run: (value: T) => void, ms: number, timers: Timers = browserTimers) {
  let handle: unknown = null;
  return {
    // Arrow functions: the hook hands `push` on its own.
    push: (value: T): void => {
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(() => {
        handle = null;
        run(value);
      }, ms);
    },
    cancel: (): void => {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}
