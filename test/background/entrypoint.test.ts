import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background/index';
import { invoiceInput, installFakePorts } from './helpers';

// The fake browser has no i18n; the background falls back to built-in titles.
const i18n = fakeBrowser.i18n as unknown as { getMessage: (k: string, s?: unknown) => string };

async function settle(): Promise<void> {
  // Let the background's fire-and-forget badge refreshes finish.
  // The badge refresh after a write starts 100 ms later (entrypoints/background/index.ts), then reads.
  for (let i = 0; i < 60; i++) await new Promise((r) => setTimeout(r, 5));
}

function fromExtensionPage() {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
}

describe('background entrypoint', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    installFakePorts(fakeBrowser.runtime);
    i18n.getMessage = () => '';
    indexedDB.deleteDatabase('relance');
    vi.useRealTimers();
  });

  it('creates its alarms on install and on startup, and sets the badge from the database', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await settle();
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
    expect(names).toEqual(['relance-overdue-hourly', 'relance-overdue-midnight']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect((await fakeBrowser.alarms.getAll()).length).toBe(2);
  });

  it('answers protocol messages and updates the badge on every change, not only on the alarm', async () => {
    background.main();
    const send = async (command: string, payload: unknown) =>
      (await fakeBrowser.runtime.onMessage.trigger({ relance: 1, command, payload }, fromExtensionPage())).find(Boolean) as unknown as {
        ok: boolean;
        data?: { id: string };
      };
    const overdue = invoiceInput({ issueDate: '2020-01-01', dueDate: '2020-01-31' });
    const created = await send('invoice.create', { invoice: overdue });
    expect(created.ok).toBe(true);
    await send('invoice.create', { invoice: invoiceInput({ number: 'future', dueDate: '2999-01-01' }) });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/1 overdue: 2880.00 EUR/);

    await send('invoice.markPaid', { id: created.data!.id });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('ignores messages that are not Relance envelopes, leaving them to other listeners', async () => {
    background.main();
    const answers = await fakeBrowser.runtime.onMessage.trigger({ hello: 'world' }, fromExtensionPage());
    expect(answers.every((a) => a === undefined)).toBe(true);
  });
});
