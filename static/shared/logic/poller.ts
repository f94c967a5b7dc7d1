/** Runs `run` after `ms`; returns a cancel. `setTimeout` in the browser; tests use fake timers. */
export type Schedule = (run: () => void, ms: number) => () => void;

export const timerSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export interface PollOptions<Answer> {
  fetch: () => Promise<Answer>;
  /** Each answer in turn with its round (1, 2, …); `true` asks again after `intervalMs`. */
  onAnswer: (answer: Answer, round: number) => boolean;
  intervalMs: number;
  /** Wait one interval before the first request, for work that has only just been started. */
  delayFirst?: boolean;
  schedule?: Schedule;
}

/**
 * Asks, and asks again every `intervalMs` (after each answer, so requests never overlap) while
 * `onAnswer` wants more. Returns a stop: after it no answer is reported and no request is made, so a
 * page that moved on (another month, another issue) is never handed a late answer.
 */
export function startPolling<Answer>(options: PollOptions<Answer>): () => void {
  const schedule = options.schedule ?? timerSchedule;
  let stopped = false;
  let cancelTimer: (() => void) | undefined;
  let round = 0;
  const ask = async (): Promise<void> => {
    const answer = await options.fetch();
    if (stopped) return;
    round += 1;
    if (options.onAnswer(answer, round)) cancelTimer = schedule(() => void ask(), options.intervalMs);
  };
  if (options.delayFirst) cancelTimer = schedule(() => void ask(), options.intervalMs);
  else void ask();
  return () => {
    stopped = true;
    cancelTimer?.();
  };
}
