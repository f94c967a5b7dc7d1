import type { Clock } from '../../src/ports';

export interface FakeClock extends Clock {
  /** Every `sleep` requested, in order, in milliseconds. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

/** Time moves only when code sleeps or a test advances it, so retry timings are exact. */
export function fakeClock(start: string | Date = '2026-03-01T12:00:00.000Z'): FakeClock {
  let now = new Date(start).getTime();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
    async sleep(ms) {
      sleeps.push(ms);
      now += ms;
    },
  };
}
