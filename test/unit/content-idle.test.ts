import { describe, expect, it } from 'vitest';
import { createIdleRunner, type IdleWindow } from '@/lib/content/idle';
import { startController } from '@/lib/content/controller';
import type { WebmailAdapter } from '@/lib/webmail/adapter';

/** A window whose idle callbacks (or timers) wait in a list until the test runs them, one task at a time. */
function fakeWindow(withIdle: boolean) {
  const tasks: Array<() => void> = [];
  const win: IdleWindow = {
    setTimeout: ((fn: () => void) => tasks.push(fn)) as unknown as Window['setTimeout'],
    ...(withIdle ? { requestIdleCallback: ((fn: () => void) => tasks.push(fn)) as unknown as Window['requestIdleCallback'] } : {}),
  };
  const runTask = () => tasks.shift()?.();
  return { win, tasks, runTask };
}

describe('createIdleRunner', () => {
  it.each([
    ['with requestIdleCallback', true],
    ['with only timers', false],
  ])('runs queued steps in order, one per task (%s)', (_label, withIdle) => {
    const { win, tasks, runTask } = fakeWindow(withIdle);
    const run = createIdleRunner(win, new AbortController().signal);
    const done: number[] = [];
    [1, 2, 3].forEach((n) => run(() => done.push(n)));
    expect(done).toEqual([]);
    expect(tasks).toHaveLength(1);
    runTask();
    expect(done).toEqual([1]);
    runTask();
    runTask();
    expect(done).toEqual([1, 2, 3]);
    expect(tasks).toHaveLength(0);
  });

  it('keeps going after a step that throws, and stops once aborted', () => {
    const { win, runTask } = fakeWindow(true);
    const abort = new AbortController();
    const run = createIdleRunner(win, abort.signal);
    const done: string[] = [];
    run(() => {
      throw new Error('webmail quirk');
    });
    run(() => done.push('second'));
    run(() => done.push('third'));
    expect(runTask).toThrow('webmail quirk');
    runTask();
    abort.abort();
    runTask();
    expect(done).toEqual(['second']);
  });
});

describe('startController with deferred start steps', () => {
  it('watches sends first and does nothing in the calling task', () => {
    const order: string[] = [];
    const adapter = {
      name: 'gmail',
      recognised: () => (order.push('check'), true),
      diagnose: () => null,
      observe: () => order.push('observe'),
      observeMessages: () => order.push('messages'),
      observeSends: () => order.push('sends'),
    } as unknown as WebmailAdapter;
    const { win, runTask } = fakeWindow(true);
    const states: boolean[] = [];
    startController({ adapter, ask: async () => ({}) as never, signal: new AbortController().signal, onPageState: (s) => states.push(s.recognised), onDataChanged: () => undefined, runStep: createIdleRunner(win, new AbortController().signal) });
    expect(order).toEqual([]);
    for (let i = 0; i < 4; i++) runTask();
    expect(order).toEqual(['sends', 'observe', 'messages', 'check']);
    expect(states).toEqual([true]);
  });
});
