import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, openPopup, sendFromExtensionPage, stopAllWorkers, wakeWorker, type ExtensionSession } from './harness';

/**
 * The schema upgrade in the real browser (SECURITY.md, Data safety): a database exactly as schema v3 left it
 * (written here with IndexedDB itself, object stores and indexes as Dexie created them) is opened by the built
 * extension, which must upgrade it to v4 (events packed one row per client, lib/db/schema.ts) and answer from it.
 * The unit tests (test/unit/db-upgrade.test.ts) cover every earlier version over fake-indexeddb; this one checks
 * that Chromium's IndexedDB and the bundled worker agree with them.
 */

const ACME = 'billing@acme.example';
const GLOBEX = 'ap@globex.example';

/** Stops the worker (it holds the database open), then replaces the database with a v3 one, in one upgrade. */
async function writeV3Database(page: Page, cdp: CDPSession): Promise<void> {
  // The worker must be up and answering first: stopped in the middle of its first start (installing, right after the
  // browser launched), it did not come back within 20 s in two clean-clone CI runs out of three.
  await wakeWorker(page);
  await stopAllWorkers(cdp);
  await page.evaluate(
    async ({ acme, globex }) => {
      await new Promise<void>((ok, ko) => {
        const r = indexedDB.deleteDatabase('relance');
        r.onsuccess = () => ok();
        r.onerror = () => ko(r.error);
      });
      const client = (key: string, name: string) => ({ key, email: key, name, jurisdiction: 'FR', b2b: true, language: 'fr', paused: false, createdAt: '2025-05-01T08:00:00.000Z', updatedAt: '2025-05-01T08:00:00.000Z' });
      const invoice = (id: string, clientKey: string, number: string, dueDate: string) => ({
        id, clientKey, clientEmail: clientKey, clientName: 'X', number, amountMinor: 120000, amountDueMinor: null, currency: 'EUR', issueDate: '2025-05-01', dueDate,
        terms: null, status: 'open', review: 'confirmed', source: 'manual', confidence: null, paidDate: null, paidMinor: 0, webmail: null, threadId: null, messageId: null,
        language: 'fr', createdAt: '2025-05-01T08:00:00.000Z', updatedAt: '2025-05-01T08:00:00.000Z', snoozedUntil: null,
      });
      const event = (invoiceId: string | null, clientKey: string, type: string, at: string, payload: Record<string, unknown> = {}) => ({ invoiceId, clientKey, type, at, payload });
      const same = '2025-06-01T10:00:00.000Z';
      // Recorded out of time order, and several at one instant: v4 must keep time order, then recording order.
      const events = [
        event('inv-1', acme, 'created', '2025-05-01T08:00:00.000Z', { source: 'manual' }),
        event('inv-2', acme, 'created', '2025-05-02T08:00:00.000Z', { source: 'manual' }),
        event('inv-1', acme, 'reminder-drafted', same, { stage: 'reminder-1' }),
        event('inv-1', acme, 'reminder-sent', same, { stage: 'reminder-1' }),
        event('inv-3', globex, 'created', '2025-05-03T08:00:00.000Z', { source: 'manual' }),
        event('inv-1', acme, 'note', '2025-05-20T08:00:00.000Z', { text: 'called' }),
        event(null, acme, 'paused', same, { scope: 'client' }),
      ];
      // Dexie stores version N as N × 10.
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('relance', 30);
        r.onupgradeneeded = () => {
          const d = r.result;
          const invoices = d.createObjectStore('invoices', { keyPath: 'id' });
          invoices.createIndex('clientKey', 'clientKey');
          invoices.createIndex('[status+dueDate]', ['status', 'dueDate']);
          for (const i of ['number', 'threadId', 'messageId', 'review']) invoices.createIndex(i, i);
          d.createObjectStore('clients', { keyPath: 'key' });
          d.createObjectStore('events', { keyPath: 'id', autoIncrement: true }).createIndex('[clientKey+at]', ['clientKey', 'at']);
          d.createObjectStore('settings', { keyPath: 'key' });
          d.createObjectStore('meta', { keyPath: 'key' });
          const messages = d.createObjectStore('messages', { keyPath: 'key' });
          messages.createIndex('invoiceId', 'invoiceId');
          messages.createIndex('seenAt', 'seenAt');
          d.createObjectStore('diagnostics', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
          const tx = r.transaction!;
          tx.objectStore('clients').put(client(acme, 'Acme SARL'));
          tx.objectStore('clients').put(client(globex, 'Globex'));
          tx.objectStore('invoices').put(invoice('inv-1', acme, 'F-1', '2025-05-31'));
          tx.objectStore('invoices').put(invoice('inv-2', acme, 'F-2', '2025-06-01'));
          tx.objectStore('invoices').put(invoice('inv-3', globex, 'G-1', '2025-06-02'));
          for (const e of events) tx.objectStore('events').add(e);
          tx.objectStore('messages').put({ key: 'gmail:m1', invoiceId: 'inv-1', kind: 'invoice', direction: 'sent', seenAt: '2025-05-01T08:00:00.000Z' });
        };
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      db.close();
    },
    { acme: ACME, globex: GLOBEX },
  );
}

/** The stores and version the database has now, read with IndexedDB itself. */
async function rawShape(page: Page): Promise<{ version: number; stores: string[]; histories: Array<{ clientKey: string; lastId: number; types: string[] }> }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('relance');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    try {
      const rows = await new Promise<Array<{ clientKey: string; lastId: number; events: Array<{ type: string }> }>>((ok, ko) => {
        const r = db.transaction('histories', 'readonly').objectStore('histories').getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      return { version: db.version, stores: [...db.objectStoreNames].sort(), histories: rows.map((h) => ({ clientKey: h.clientKey, lastId: h.lastId, types: h.events.map((e) => e.type) })) };
    } finally {
      db.close();
    }
  });
}

describe('schema upgrade v3 → v4 in Chromium', () => {
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

  it('the built extension upgrades a v3 database it finds, keeps every row, and answers from it', async () => {
    await writeV3Database(popup, cdp);
    // The first message wakes the worker, which opens the database and upgrades it.
    await wakeWorker(popup);
    const view = await sendFromExtensionPage<{ invoices: Array<{ number: string }>; events: Array<{ type: string; id: number }> }>(popup, 'client.view', { clientEmail: ACME });
    expect(view.invoices.map((i) => i.number)).toEqual(['F-1', 'F-2']);
    // Newest first in the view; the three of one instant in the order they were recorded, reversed.
    expect(view.events.map((e) => e.type)).toEqual(['paused', 'reminder-sent', 'reminder-drafted', 'note', 'created', 'created']);

    const shape = await rawShape(popup);
    expect(shape.version).toBe(40);
    expect(shape.stores).toEqual(['clients', 'diagnostics', 'histories', 'invoices', 'messages', 'meta', 'settings']);
    expect(shape.histories.sort((a, b) => (a.clientKey < b.clientKey ? -1 : 1))).toEqual([
      { clientKey: GLOBEX, lastId: 1, types: ['created'] },
      { clientKey: ACME, lastId: 6, types: ['created', 'created', 'note', 'reminder-drafted', 'reminder-sent', 'paused'] },
    ]);

    const exported = await sendFromExtensionPage<{ invoices: unknown[]; clients: unknown[]; events: unknown[] }>(popup, 'data.export', {});
    expect([exported.clients.length, exported.invoices.length, exported.events.length]).toEqual([2, 3, 7]);

    // Writes go on after the upgrade: a payment becomes the client's next event.
    await sendFromExtensionPage(popup, 'invoice.markPaid', { id: 'inv-3', date: '2025-06-10' });
    const globex = await sendFromExtensionPage<{ events: Array<{ type: string; id: number }> }>(popup, 'client.view', { clientEmail: GLOBEX });
    expect(globex.events.map((e) => [e.type, e.id])).toEqual([['payment-recorded', 2], ['created', 1]]);
  });
});
