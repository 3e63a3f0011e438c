import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakePorts } from './helpers';
import background from '@/entrypoints/background/index';

const i18n = fakeBrowser.i18n as unknown as { getMessage: (k: string, s?: unknown) => string };

async function settle(): Promise<void> {
  // The badge refresh after a write starts 100 ms later (entrypoints/background/index.ts), then reads.
  for (let i = 0; i < 60; i++) await new Promise((r) => setTimeout(r, 5));
}

const fromExtensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

async function send(command: string, payload: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> {
  const answers = await fakeBrowser.runtime.onMessage.trigger({ relance: 1, command, payload }, fromExtensionPage());
  return answers.find(Boolean) as unknown as { ok: boolean; data?: unknown };
}

/** Two overdue invoices on Monday 16 June 2025: one 2 days late, one 46 days late (past the formal notice). */
const CSV = [
  'Invoice Number;Client;Email;Invoice Date;Due Date;Total;Status',
  'A-1;Acme;a@acme.example;2025-05-15;2025-06-14;100,00;Sent',
  'B-1;Beta;b@beta.example;2025-04-01;2025-05-01;250,00;Overdue',
  'C-1;Gamma;c@gamma.example;2025-06-10;2025-07-10;80,00;Sent',
].join('\n');

describe('background: badge colour and notifications', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installFakePorts(fakeBrowser.runtime);
    i18n.getMessage = () => '';
    indexedDB.deleteDatabase('relance');
    // Only the clock is fixed (a Monday, 10:00): IndexedDB's timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 5, 16, 10, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('after a CSV import the badge counts and turns red; marking the old one paid makes it amber', async () => {
    background.main();
    const preview = (await send('csv.preview', { text: CSV })) as { ok: true; data: { ok: true; mapping: Record<string, number> } };
    expect(preview.data.ok).toBe(true);
    const imported = await send('csv.import', { text: CSV, mapping: preview.data.mapping });
    expect(imported).toMatchObject({ ok: true, data: { imported: 3, skippedDuplicates: 0 } });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([197, 34, 31, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('2 overdue: 350.00 EUR');

    const list = (await send('invoice.list', {})) as { data: { invoices: Array<{ id: string; number: string }> } };
    const old = list.data.invoices.find((i) => i.number === 'B-1')!;
    await send('invoice.markPaid', { id: old.id });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([227, 116, 0, 255]);
  });

  it('refuses a malformed CSV through the protocol with a message naming line and column', async () => {
    background.main();
    const bad = CSV.replace('2025-06-14', '2025-02-31');
    const preview = (await send('csv.preview', { text: bad })) as { data: { ok: true; mapping: Record<string, number> } };
    const r = await send('csv.import', { text: bad, mapping: preview.data.mapping });
    expect(r).toEqual({ ok: false, error: { code: 'invalid', message: "Nothing was imported: line 2, column 'Due Date': '2025-02-31' is not a date (year-month-day)." } });
    expect((await send('invoice.list', {})) as unknown).toMatchObject({ data: { invoices: [] } });
  });

  it('notifies on startup once, and a click opens the invoice list in a tab', async () => {
    background.main();
    const preview = (await send('csv.preview', { text: CSV })) as { data: { mapping: Record<string, number> } };
    await send('csv.import', { text: CSV, mapping: preview.data.mapping });
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    const all = await fakeBrowser.notifications.getAll();
    // The weekly backup reminder also comes (data, never exported): it is tested in storage-safety.test.ts.
    expect(Object.keys(all)).toContain('relance-backup-reminder');
    await fakeBrowser.notifications.clear('relance-backup-reminder');
    const shown = await fakeBrowser.notifications.getAll();
    const ids = Object.keys(shown);
    expect(ids).toHaveLength(1);
    expect((shown as Record<string, { title: string; message: string }>)[ids[0]!]).toMatchObject({ title: 'Relance: 3 thing(s) to look at' });

    // Startup again (restarted browser): nothing new to say.
    await fakeBrowser.notifications.clear(ids[0]!);
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(0);

    const tabsBefore = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.notifications.onClicked.trigger(ids[0]!);
    await settle();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs).toHaveLength(tabsBefore + 1);
    expect(tabs.at(-1)?.url).toBe(fakeBrowser.runtime.getURL('/popup.html'));
  });
});
