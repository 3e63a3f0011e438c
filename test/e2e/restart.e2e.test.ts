import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, openPopup, sendFromExtensionPage, stopAllWorkers, wakeWorker, type ExtensionSession } from './harness';
import { newInvoice, resetData } from './flows';

/**
 * Data safety across a service-worker stop in the middle of writes (SECURITY.md §Data safety): Chrome may stop the
 * worker at any time. Many invoice.create calls and a large data.import are in flight when every service worker is
 * stopped through CDP; a new message wakes it. Nothing acknowledged may be lost, and no record may be half-written
 * (every invoice has its client, every event its invoice).
 */

interface Row { id?: string; key?: string; clientKey?: string; invoiceId?: string | null; number?: string }

/** Every row of the three stores, read from an extension page (same origin, so the same IndexedDB). */
async function readAll(page: Page): Promise<{ invoices: Row[]; clients: Row[]; events: Row[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('relance');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const all = (name: string) =>
      new Promise<Row[]>((ok, ko) => {
        const r = db.transaction(name, 'readonly').objectStore(name).getAll();
        r.onsuccess = () => ok(r.result as Row[]);
        r.onerror = () => ko(r.error);
      });
    try {
      return { invoices: await all('invoices'), clients: await all('clients'), events: (await all('histories')).flatMap((h) => (h as unknown as { events: Row[] }).events) };
    } finally {
      db.close();
    }
  });
}

function expectWhole(data: { invoices: Row[]; clients: Row[]; events: Row[] }): void {
  const clientKeys = new Set(data.clients.map((c) => c.key));
  const invoiceIds = new Set(data.invoices.map((i) => i.id));
  expect(data.invoices.filter((i) => !clientKeys.has(i.clientKey))).toEqual([]);
  expect(data.events.filter((e) => e.invoiceId != null && !invoiceIds.has(e.invoiceId))).toEqual([]);
  // Each invoice was created with its 'created' event in the same transaction.
  const withCreated = new Set(data.events.filter((e) => (e as { type?: string }).type === 'created').map((e) => e.invoiceId));
  expect(data.invoices.filter((i) => !withCreated.has(i.id)).map((i) => i.number)).toEqual([]);
}

describe('a service-worker stop in the middle of writes', () => {
  let s: ExtensionSession;
  let popup: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    s = await launchExtension();
    popup = await openPopup(s.context, s.extensionId);
    cdp = await s.context.newCDPSession(popup);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('1,500 invoice.create in flight: every acknowledged invoice survives, none is half-written', async () => {
    await resetData(popup);
    const invoices = Array.from({ length: 1500 }, (_, i) => newInvoice(`R-${String(i).padStart(4, '0')}`, { email: `c${i % 37}@client.example`, dueInDays: 10 }));
    // Fire all without waiting; record what the background acknowledged.
    await popup.evaluate((list) => {
      const w = window as unknown as { __acked: string[]; __failed: number; __settled: number };
      w.__acked = [];
      w.__failed = 0;
      w.__settled = 0;
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: { number: string } }> } } }).chrome;
      for (const invoice of list) {
        c.runtime
          .sendMessage({ relance: 1, command: 'invoice.create', payload: { invoice } })
          .then((r) => (r?.ok && r.data ? w.__acked.push(r.data.number) : w.__failed++))
          .catch(() => w.__failed++)
          .finally(() => w.__settled++);
      }
    }, invoices);
    // Stop the worker once some writes are done and many are still pending.
    await popup.waitForFunction(() => (window as unknown as { __acked: string[] }).__acked.length >= 10, undefined, { timeout: 30_000 });
    await stopAllWorkers(cdp);
    await popup.waitForFunction(() => (window as unknown as { __settled: number }).__settled >= 1500, undefined, { timeout: 30_000 });
    const acked = await popup.evaluate(() => (window as unknown as { __acked: string[] }).__acked);
    const failed = await popup.evaluate(() => (window as unknown as { __failed: number }).__failed);

    // A new message wakes the worker.
    await wakeWorker(popup);
    expect(await sendFromExtensionPage(popup, 'status.get', {})).toMatchObject({ today: expect.any(String) });
    const data = await readAll(popup);
    const stored = new Set(data.invoices.map((i) => i.number));
    expect(acked.filter((n) => !stored.has(n))).toEqual([]);
    expectWhole(data);
    // The stop really fell in the middle of the writes (else this test proved nothing).
    expect(acked.length).toBeLessThan(1500);
    console.info(`[restart] create: ${acked.length} acknowledged, ${failed} refused or cut by the stop, ${data.invoices.length} stored`);
  });

  it('a 3,000-invoice data.import cut by the stop is all or nothing, and the data stays whole', async () => {
    await resetData(popup);
    // Data that exists before the import: it must survive a cut import intact.
    for (let i = 0; i < 5; i++) await sendFromExtensionPage(popup, 'invoice.create', { invoice: newInvoice(`KEEP-${i}`, { dueInDays: 5 }) });
    const before = await readAll(popup);
    const backup = await sendFromExtensionPage<{ invoices: Row[]; clients: Row[]; events: Row[] }>(popup, 'data.export', {});
    const now = new Date().toISOString();
    const big = {
      ...backup,
      clients: Array.from({ length: 300 }, (_, i) => ({ key: `imp${i}@client.example`, email: `imp${i}@client.example`, name: `Imported ${i}`, createdAt: now, updatedAt: now })),
      invoices: Array.from({ length: 3000 }, (_, i) => ({
        id: `imp-${i}`, clientKey: `imp${i % 300}@client.example`, clientEmail: `imp${i % 300}@client.example`, number: `I-${i}`, amountMinor: 1000 + i,
        currency: 'EUR', issueDate: '2026-01-01', dueDate: '2026-02-01', status: 'open', source: 'import', createdAt: now, updatedAt: now,
      })),
      events: Array.from({ length: 3000 }, (_, i) => ({ invoiceId: `imp-${i}`, clientKey: `imp${i % 300}@client.example`, type: 'created', at: now })),
    };
    const text = JSON.stringify(big);
    const answer = popup.evaluate(async (t) => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      try {
        const r = (await c.runtime.sendMessage({ relance: 1, command: 'data.import', payload: { text: t } })) as { ok: boolean; error?: { message: string } } | undefined;
        // No answer at all: the worker was stopped before it replied.
        return r === undefined ? 'cut' : r.ok ? 'ok' : `refused: ${r.error?.message ?? ''}`;
      } catch {
        return 'cut';
      }
    }, text);
    await popup.waitForTimeout(150);
    await stopAllWorkers(cdp);
    const outcome = await answer;
    await wakeWorker(popup);
    expect(await sendFromExtensionPage(popup, 'status.get', {})).toMatchObject({ today: expect.any(String) });
    const after = await readAll(popup);
    if (outcome === 'ok') {
      expect(after.invoices).toHaveLength(3000);
    } else {
      // Cut or refused: exactly the data from before, not a part of the import.
      expect(after.invoices.map((i) => i.number).sort()).toEqual(before.invoices.map((i) => i.number).sort());
    }
    expect([0, 3000]).toContain(after.invoices.filter((i) => String(i.number).startsWith('I-')).length);
    expectWhole(after);
    console.info(`[restart] import of 3,000 invoices: ${outcome}, ${after.invoices.length} stored after the stop`);
  });
});
