import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
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
