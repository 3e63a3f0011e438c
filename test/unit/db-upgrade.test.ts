import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openRelanceDb } from '@/lib/db/schema';
import { RelanceStore } from '@/lib/db/store';
import { InvoiceSchema, type Client, type Invoice, type InvoiceEvent } from '@/lib/domain/invoice';
import { defaultSettings } from '@/lib/domain/settings';

/**
 * Schema v1 exactly as shipped (lib/db/schema.ts, version 1), written out here so the test keeps opening a database
 * as v1 left it even after later versions change the current definition.
 */
function openV1(indexedDB: IDBFactory): Dexie {
  const db = new Dexie('relance', { indexedDB, IDBKeyRange });
  db.version(1).stores({
    invoices: 'id, clientKey, [status+dueDate], number, threadId, messageId, review, updatedAt',
    clients: 'key, name',
    events: '++id, invoiceId, [clientKey+at], type',
    settings: 'key',
    meta: 'key',
  });
  return db;
}

const client: Client = {
  key: 'billing@acme.example',
  email: 'billing@acme.example',
  name: 'Acme SARL',
  jurisdiction: 'FR',
  b2b: true,
  language: 'fr',
  paused: false,
  createdAt: '2025-05-01T08:00:00.000Z',
  updatedAt: '2025-05-01T08:00:00.000Z',
};

function invoice(over: Partial<Invoice>): Invoice {
  return InvoiceSchema.parse({
    id: 'inv-1',
    clientKey: client.key,
    clientEmail: client.email,
    clientName: client.name,
    number: 'F-2025-001',
    amountMinor: 288000,
    currency: 'EUR',
    issueDate: '2025-05-01',
    dueDate: '2025-05-31',
    status: 'open',
    review: 'confirmed',
    source: 'manual',
    createdAt: '2025-05-01T08:00:00.000Z',
    updatedAt: '2025-05-01T08:00:00.000Z',
    ...over,
  });
}

const invoices = [
  invoice({}),
  invoice({ id: 'inv-2', number: 'F-2025-002', status: 'paid', paidMinor: 288000, paidDate: '2025-05-20' }),
  invoice({ id: 'inv-3', number: 'F-2025-003', review: 'pending', source: 'detected', confidence: 0.8, webmail: 'gmail', threadId: 'thread-f:1', messageId: 'msg-f:1' }),
];
const events: InvoiceEvent[] = [
  { invoiceId: 'inv-1', clientKey: client.key, type: 'created', at: '2025-05-01T08:00:00.000Z', payload: { source: 'manual' } },
  { invoiceId: 'inv-2', clientKey: client.key, type: 'payment-recorded', at: '2025-05-20T08:00:00.000Z', payload: { amountMinor: 288000, full: true } },
  { invoiceId: 'inv-3', clientKey: client.key, type: 'detected', at: '2025-05-02T08:00:00.000Z', payload: { evidence: [] } },
];

describe('database upgrade v1 → v2', () => {
  it('keeps every row written by v1 and adds working messages and diagnostics tables', async () => {
    const factory = new IDBFactory();
    const v1 = openV1(factory);
    await v1.open();
    await v1.table('clients').add(client);
    await v1.table('invoices').bulkAdd(invoices);
    await v1.table('events').bulkAdd(events);
    await v1.table('settings').put({ key: 'settings', value: { ...defaultSettings(), autoTrack: true } });
    await v1.table('meta').put({ key: 'lastOverdueRun', value: '2025-06-01' });
    expect(v1.verno).toBe(1);
    v1.close();

    const db = openRelanceDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.clients.toArray()).toEqual([client]);
    expect(await db.invoices.orderBy('id').toArray()).toEqual(invoices);
    expect((await db.events.orderBy('id').toArray()).map(({ id: _id, ...e }) => e)).toEqual(events);
    expect(await db.meta.get('lastOverdueRun')).toEqual({ key: 'lastOverdueRun', value: '2025-06-01' });

    // v1 indexes still answer after the upgrade.
    const store = new RelanceStore(db, { now: () => new Date('2025-06-15T10:00:00Z') });
    expect((await store.getSettings()).autoTrack).toBe(true);
    expect(await store.overdueSummary('2025-06-15')).toEqual({ count: 1, totals: { EUR: 288000 } });
    expect(await db.invoices.where('messageId').equals('msg-f:1').primaryKeys()).toEqual(['inv-3']);
    expect((await store.clientView(client.email)).events).toHaveLength(3);

    // The new tables work, with their indexes.
    await db.messages.add({ key: 'gmail:msg-f:1', invoiceId: 'inv-3', kind: 'invoice', direction: 'sent', seenAt: '2025-06-15T10:00:00.000Z' });
    expect(await db.messages.where('invoiceId').equals('inv-3').count()).toBe(1);
    await db.diagnostics.add({ webmail: 'gmail', view: 'thread', missed: ['THREAD_SUBJECT'], censoredHtml: '<div></div>', at: '2025-06-15T10:00:00Z' });
    expect(await db.diagnostics.orderBy('at').first()).toMatchObject({ id: 1, view: 'thread' });
    db.close();
  });

  it('opens an empty v1 database (installed, never used) as v2', async () => {
    const factory = new IDBFactory();
    const v1 = openV1(factory);
    await v1.open();
    v1.close();
    const db = openRelanceDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['clients', 'diagnostics', 'events', 'invoices', 'messages', 'meta', 'settings']);
    expect(await db.invoices.count()).toBe(0);
    db.close();
  });
});
