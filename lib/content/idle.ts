/**
 * Work the page does not wait for, in its own task: when the browser is idle (requestIdleCallback), at the latest
 * after `timeoutMs`; a plain timer where there is no idle callback (Firefox content scripts have one, older Safari
 * not). Steps queued in order run in order, one per task, so a chain of them never forms one long task.
 */
export type IdleWindow = Pick<Window, 'setTimeout'> & { requestIdleCallback?: Window['requestIdleCallback'] };

export function createIdleRunner(win: IdleWindow, signal: AbortSignal, timeoutMs = 300): (step: () => void) => void {
  const queue: Array<() => void> = [];
  let pending = false;
  const runNext = () => {
    pending = false;
    const step = queue.shift();
    if (!step || signal.aborted) return;
    try {
      step();
    } finally {
      if (queue.length > 0) schedule();
    }
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(runNext, { timeout: timeoutMs });
    else win.setTimeout(runNext, 0);
  };
  return (step) => {
    queue.push(step);
    schedule();
  };
}
