import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { openRelanceDb } from '@/lib/db/schema';
import { RelanceStore } from '@/lib/db/store';
import { createRouter, WEBMAIL_ORIGINS } from '@/lib/messaging/router';
import { freshStore, invoiceInput } from '../background/helpers';

/** Storage full (SECURITY.md §Data safety): a clear `quota` answer, nothing half-written, no generic failure. */
const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('quota exhausted', () => {
  it.each([
    ['a QuotaExceededError from IndexedDB', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['an Error named QuotaExceededError (as Dexie rethrows it)', () => Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' })],
  ])('%s gives the quota message and writes nothing', async (_n, makeError) => {
    const { db, store } = freshStore();
    // The fake: the invoices table refuses every write the way a full disk does, inside the store's transaction.
    db.invoices.hook('creating', () => {
      throw makeError();
    });
    const handlers = createHandlers(store, { now: () => new Date('2025-06-15T10:00:00Z'), afterWrite: async () => undefined });
    const route = createRouter(handlers, { extensionId: EXT_ID, extensionOrigin: `chrome-extension://${EXT_ID}/`, webmailOrigins: WEBMAIL_ORIGINS });
    const r = await route({ relance: 1, command: 'invoice.create', payload: { invoice: invoiceInput() } }, { id: EXT_ID, url: `chrome-extension://${EXT_ID}/popup.html` });
    expect(r).toEqual({ ok: false, error: { code: 'quota', message: 'The browser has no storage space left for Relance. Free some space, then try again.' } });
    // The client and the event of the same transaction were rolled back.
    expect(await db.clients.count()).toBe(0);
    expect(await db.histories.count()).toBe(0);
  });
});

describe('a database that cannot be opened', () => {
  it('an upgrade that fails answers a specific message and leaves the earlier version whole', async () => {
    const factory = new IDBFactory();
    // A v3 database (Dexie stores version 3 as 30) holding an event no version of Relance writes: it has no client
    // key, so the v4 upgrade cannot file it under a client and fails.
    const v3 = new Dexie('relance', { indexedDB: factory, IDBKeyRange });
    v3.version(3).stores({
      invoices: 'id, clientKey, [status+dueDate], number, threadId, messageId, review',
      clients: 'key',
      events: '++id, [clientKey+at]',
      settings: 'key',
      meta: 'key',
      messages: 'key, invoiceId, seenAt',
      diagnostics: '++id, at',
    });
    await v3.table('events').add({ invoiceId: null, type: 'note', at: '2025-06-01T00:00:00.000Z', payload: {} });
    v3.close();
    const db = openRelanceDb({ indexedDB: factory, IDBKeyRange });
    const store = new RelanceStore(db, { now: () => new Date('2025-06-15T10:00:00Z') });
    const handlers = createHandlers(store, { now: () => new Date('2025-06-15T10:00:00Z'), afterWrite: async () => undefined });
    const route = createRouter(handlers, { extensionId: EXT_ID, extensionOrigin: `chrome-extension://${EXT_ID}/`, webmailOrigins: WEBMAIL_ORIGINS });
    const r = await route({ relance: 1, command: 'status.get', payload: {} }, { id: EXT_ID, url: `chrome-extension://${EXT_ID}/popup.html` });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('internal');
    expect(r.error.message).toMatch(/^Relance could not open its stored data \(.+\)\. Nothing was deleted\./);
    db.close();
    const again = new Dexie('relance', { indexedDB: factory, IDBKeyRange });
    await again.open();
    expect(again.verno).toBe(3);
    expect(await again.table('events').count()).toBe(1);
    again.close();
  });
});
