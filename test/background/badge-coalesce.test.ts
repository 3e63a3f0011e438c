import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';
import { coalesce } from '@/lib/background/coalesce';
import { invoiceInput, installFakePorts } from './helpers';

/**
 * Badge refreshes are coalesced (lib/background/coalesce.ts): a burst of writes shares a few recomputes. What must
 * hold: the last write is never missed — a refresh always starts after the last request — and the badge ends
 * matching the data.
 */

const tick = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

describe('coalesce', () => {
  it.each([
    { requests: 1, taskMs: 5, gapMs: 0, spacingMs: 0 },
    { requests: 50, taskMs: 5, gapMs: 0, spacingMs: 0 },
    { requests: 50, taskMs: 10, gapMs: 1, spacingMs: 0 },
    { requests: 30, taskMs: 3, gapMs: 2, spacingMs: 20 },
    { requests: 200, taskMs: 1, gapMs: 0, spacingMs: 50 },
  ])('$requests requests, task $taskMs ms, $gapMs ms apart, spacing $spacingMs ms: the last state is seen, in few runs', async ({ requests, taskMs, gapMs, spacingMs }) => {
    // The "data" is a version number; a run reads it when it starts, as the badge reads the database.
    let version = 0;
    let shown = -1;
    let concurrent = 0;
    let maxConcurrent = 0;
    const c = coalesce(
      async () => {
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        const seen = version;
        await tick(taskMs);
        shown = seen;
        concurrent--;
      },
      { spacingMs },
    );
    const answers: Promise<void>[] = [];
    for (let i = 0; i < requests; i++) {
      version++;
      answers.push(c.request());
      if (gapMs > 0) await tick(gapMs);
    }
    // Each request's promise resolves after a run that started after it: the last one sees the last version.
    await answers[answers.length - 1];
    expect(shown).toBe(version);
    await c.idle();
    expect(shown).toBe(version);
    expect(maxConcurrent).toBe(1);
    if (requests > 1 && gapMs === 0) expect(c.runs).toBe(2);
    expect(c.runs).toBeLessThanOrEqual(requests);
  });

  it('with a delay, the first run waits for it, and requests made meanwhile share that run', async () => {
    // The delay is a promise the test resolves: no clock involved.
    let releaseDelay = () => {};
    const waits: number[] = [];
    let runs = 0;
    const c = coalesce(
      async () => {
        runs++;
      },
      {
        delayMs: 100,
        wait: (ms) => {
          waits.push(ms);
          return new Promise<void>((ok) => (releaseDelay = ok));
        },
      },
    );
    const first = c.request();
    const more = [c.request(), c.request()];
    await tick(5);
    expect(runs).toBe(0);
    expect(waits).toEqual([100]);
    releaseDelay();
    await Promise.all([first, ...more]);
    expect(runs).toBe(1);
    await c.idle();
    expect(runs).toBe(1);
  });

  it('keeps going after a failing run and reports the error', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const c = coalesce(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      { onError: (e) => errors.push(e) },
    );
    await c.request();
    await c.request();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});

describe('the toolbar badge after a burst of writes (background entrypoint, fake browser)', () => {
  const i18n = fakeBrowser.i18n as unknown as { getMessage: (k: string, s?: unknown) => string };
  beforeEach(() => {
    fakeBrowser.reset();
    installFakePorts(fakeBrowser.runtime);
    i18n.getMessage = () => '';
    indexedDB.deleteDatabase('relance');
    vi.useRealTimers();
  });

  it('ends matching the data, with fewer recomputes than writes', async () => {
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    background.main();
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const send = async <T>(command: string, payload: unknown) => {
      const reply = (await fakeBrowser.runtime.onMessage.trigger({ relance: 1, command, payload }, sender)).find(Boolean) as unknown as { ok: boolean; data: T };
      expect(reply.ok).toBe(true);
      return reply.data;
    };
    // 40 invoices at once, 25 of them overdue; then 7 of those paid at once, while more invoices arrive.
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        send<{ id: string }>('invoice.create', {
          invoice: invoiceInput({ number: `B-${i}`, issueDate: '2020-01-01', dueDate: i < 25 ? '2020-01-31' : '2999-01-01' }),
        }),
      ),
    );
    await Promise.all([
      ...created.slice(0, 7).map((inv) => send('invoice.markPaid', { id: inv.id })),
      ...Array.from({ length: 5 }, (_, i) => send('invoice.create', { invoice: invoiceInput({ number: `C-${i}`, issueDate: '2020-01-01', dueDate: '2020-02-15' }) })),
    ]);
    const status = await send<{ overdue: { count: number } }>('status.get', {});
    expect(status.overdue.count).toBe(25 - 7 + 5);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(String(status.overdue.count)), { timeout: 5000, interval: 20 });
    // Nothing later overwrites it with an older figure.
    await tick(300);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('23');
    const writes = 40 + 7 + 5;
    expect(setBadgeText.mock.calls.length).toBeGreaterThan(0);
    expect(setBadgeText.mock.calls.length).toBeLessThan(writes);
  });
});
