/**
 * Runs a refresh (the toolbar badge) at most once at a time, however many writes ask for it. Under load every
 * mail.seen that writes asks for one: recomputing after each would read the overdue invoices a thousand times a
 * second. Requests that arrive while a refresh runs are merged into ONE more run, started after it: a refresh
 * therefore always starts after the last request, so the last write is never missed (the badge ends matching the
 * data), while a burst of N writes costs a few refreshes instead of N.
 *
 * `spacingMs` is a pause between a run and its follow-up, so a steady stream of writes gives a bounded rate of
 * refreshes (and lets the writes' own transactions go first). `delayMs` holds the first run after a quiet spell
 * back: a write is usually followed at once by a read the user waits for (the sidebar reloads its client after a
 * snooze), and a badge recompute started at the same moment competes with it for IndexedDB (storage bench: the
 * largest client's sidebar 40 ms with it, 28 ms without). Requests made during the delay share that run.
 * `wait` is injected (tests use their own timers).
 */
export interface Coalesced {
  /** Ask for a run; resolves when a run that started after this request has finished (never rejects). */
  request(): Promise<void>;
  /** Resolves when nothing is running or pending. */
  idle(): Promise<void>;
  /** How many times the task ran (for tests and diagnostics). */
  readonly runs: number;
}

export function coalesce(task: () => Promise<void>, opts: { spacingMs?: number; delayMs?: number; wait?: (ms: number) => Promise<void>; onError?: (err: unknown) => void } = {}): Coalesced {
  const spacingMs = opts.spacingMs ?? 0;
  const delayMs = opts.delayMs ?? 0;
  const wait = opts.wait ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  let running: Promise<void> | null = null;
  /** The run that will start after the current one, shared by every request made meanwhile. */
  let next: Promise<void> | null = null;
  let runs = 0;

  const runOnce = async () => {
    runs++;
    try {
      await task();
    } catch (err) {
      opts.onError?.(err);
    }
  };

  const start = (): Promise<void> => {
    const p = runOnce().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };

  function request(): Promise<void> {
    // A follow-up run is already planned and has not started: it starts after this request, so it covers it.
    if (next) return next;
    if (!running && delayMs > 0) {
      next = wait(delayMs).then(async () => {
        next = null;
        await start();
      });
      return next;
    }
    if (!running) return start();
    next = running.then(async () => {
      if (spacingMs > 0) await wait(spacingMs);
      next = null;
      await start();
    });
    return next;
  }

  return {
    request,
    async idle() {
      while (running || next) await (next ?? running);
    },
    get runs() {
      return runs;
    },
  };
}
