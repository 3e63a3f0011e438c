import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { eventsOf } from '@/lib/db/events';
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

/** Schema v2 exactly as shipped: v1 plus the ledger of handled mail and the diagnostics. */
function openV2(indexedDB: IDBFactory): Dexie {
  const db = openV1(indexedDB);
  db.version(2).stores({
    messages: 'key, invoiceId, seenAt',
    diagnostics: '++id, at',
  });
  return db;
}

/** Schema v3 exactly as shipped: the indexes no query used dropped. */
function openV3(indexedDB: IDBFactory): Dexie {
  const db = openV2(indexedDB);
  db.version(3).stores({
    invoices: 'id, clientKey, [status+dueDate], number, threadId, messageId, review',
    clients: 'key',
    events: '++id, [clientKey+at]',
  });
  return db;
}

/** The index names IndexedDB itself holds for a store (not Dexie's idea of them). */
function storedIndexes(db: Dexie, store: string): string[] {
  const idb = db.backendDB();
  return [...idb.transaction(store, 'readonly').objectStore(store).indexNames].sort();
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

const client2: Client = { ...client, key: 'ap@globex.example', email: 'ap@globex.example', name: 'Globex', jurisdiction: 'UK', language: 'en' };
const message = { key: 'gmail:msg-f:1', invoiceId: 'inv-3', kind: 'invoice', direction: 'sent' as const, seenAt: '2025-06-01T10:00:00.000Z' };
const fingerprint = { key: 'fp:abc123', invoiceId: null, kind: 'other', direction: 'received' as const, seenAt: '2025-06-02T10:00:00.000Z' };
const diagnostic = { webmail: 'outlook' as const, view: 'thread', missed: ['THREAD_SUBJECT'], censoredHtml: '<div></div>', at: '2025-06-03T10:00:00Z' };
const settingsRow = { key: 'settings', value: { ...defaultSettings(), autoTrack: true } };
const metaRow = { key: 'lastOverdueRun', value: '2025-06-01' };
const invoiceOfClient2 = invoice({ id: 'inv-4', clientKey: client2.key, clientEmail: client2.email, clientName: client2.name, number: 'G-7', currency: 'GBP', dueDate: '2025-06-10' });
const eventOfClient2: InvoiceEvent = { invoiceId: 'inv-4', clientKey: client2.key, type: 'created', at: '2025-05-01T09:00:00.000Z', payload: { source: 'manual' } };

/** Writes rows in every table the given schema has (v1: five tables; v2 and v3: seven). */
async function fill(db: Dexie, version: 1 | 2 | 3): Promise<void> {
  await db.table('clients').bulkAdd([client, client2]);
  await db.table('invoices').bulkAdd([...invoices, invoiceOfClient2]);
  await db.table('events').bulkAdd([...events, eventOfClient2].map((e) => ({ ...e })));
  await db.table('settings').put(settingsRow);
  await db.table('meta').put(metaRow);
  if (version >= 2) {
    await db.table('messages').bulkAdd([message, fingerprint]);
    await db.table('diagnostics').add({ ...diagnostic });
  }
}

const today = '2025-06-15';

/**
 * Every row written by the earlier version is there, unchanged, the events packed into one history per client in
 * time order, and the current indexes answer the queries that use them.
 */
async function expectUpgraded(factory: IDBFactory, from: 1 | 2 | 3): Promise<void> {
  const db = openRelanceDb({ indexedDB: factory, IDBKeyRange });
  await db.open();
  expect(db.verno).toBe(4);
  expect(await db.clients.orderBy('key').toArray()).toEqual([client2, client].sort((a, b) => (a.key < b.key ? -1 : 1)));
  expect(await db.invoices.orderBy('id').toArray()).toEqual([...invoices, invoiceOfClient2]);
  const histories = await db.histories.orderBy('clientKey').toArray();
  expect(histories.map((h) => [h.clientKey, h.lastId])).toEqual([[client2.key, 1], [client.key, 3]]);
  expect(histories[0]!.events).toEqual([{ ...eventOfClient2, id: 1 }]);
  // Oldest first, whatever order they were recorded in; numbered per client.
  expect(histories[1]!.events).toEqual([{ ...events[0], id: 1 }, { ...events[2], id: 2 }, { ...events[1], id: 3 }]);
  expect(await db.settings.get('settings')).toEqual(settingsRow);
  expect(await db.meta.get('lastOverdueRun')).toEqual(metaRow);
  expect(await db.messages.orderBy('key').toArray()).toEqual(from >= 2 ? [fingerprint, message] : []);
  expect((await db.diagnostics.toArray()).map(({ id: _id, ...d }) => d)).toEqual(from >= 2 ? [diagnostic] : []);

  // The indexes v3 keeps are in IndexedDB and answer; the ones it drops are gone.
  expect(storedIndexes(db, 'invoices')).toEqual(['[status+dueDate]', 'clientKey', 'messageId', 'number', 'review', 'threadId']);
  expect(storedIndexes(db, 'clients')).toEqual([]);
  expect([...db.backendDB().objectStoreNames]).not.toContain('events');
  expect(storedIndexes(db, 'histories')).toEqual([]);
  expect(storedIndexes(db, 'messages')).toEqual(['invoiceId', 'seenAt']);
  expect(storedIndexes(db, 'diagnostics')).toEqual(['at']);
  const store = new RelanceStore(db, { now: () => new Date('2025-06-15T10:00:00Z') });
  expect((await store.getSettings()).autoTrack).toBe(true);
  expect(await store.overdueSummary(today)).toEqual({ count: 2, totals: { EUR: 288000, GBP: 288000 } });
  expect(await db.invoices.where('[status+dueDate]').between(['open', ''], ['open', today]).primaryKeys()).toEqual(['inv-1', 'inv-3', 'inv-4']);
  expect(await db.invoices.where('messageId').equals('msg-f:1').primaryKeys()).toEqual(['inv-3']);
  expect(await db.invoices.where('threadId').equals('thread-f:1').primaryKeys()).toEqual(['inv-3']);
  expect(await db.invoices.where('number').equals('G-7').primaryKeys()).toEqual(['inv-4']);
  expect(await db.invoices.where('clientKey').equals(client2.key).primaryKeys()).toEqual(['inv-4']);
  expect(await db.invoices.where('review').equals('pending').primaryKeys()).toEqual(['inv-3']);
  const view = await store.clientView(client.email);
  expect(view.events.map((e) => e.type)).toEqual(['payment-recorded', 'detected', 'created']);
  expect((await store.exportAll()).events).toHaveLength(4);
  expect((await store.clientView(client2.email)).invoices.map((i) => i.number)).toEqual(['G-7']);
  expect((await eventsOf(db, invoices[1]!)).map((e) => e.type)).toEqual(['payment-recorded']);
  // Writes work after the upgrade: a new event takes its client's next id, a new diagnostic the next one too.
  await store.recordPayment('inv-4', { date: today });
  expect((await eventsOf(db, invoiceOfClient2)).map((e) => [e.id, e.type])).toEqual([[1, 'created'], [2, 'payment-recorded']]);
  await db.diagnostics.add({ ...diagnostic, view: 'list' });
  expect(await db.diagnostics.orderBy('at').last()).toMatchObject({ view: 'list' });
  if (from >= 2) expect(await db.messages.where('invoiceId').equals('inv-3').primaryKeys()).toEqual(['gmail:msg-f:1']);
  db.close();
}

describe('database upgrades from every earlier schema version, with real data', () => {
  it.each([
    { from: 1 as const, open: openV1 },
    { from: 2 as const, open: openV2 },
    { from: 3 as const, open: openV3 },
  ])('v$from → v4 keeps every row of every table and the queries answer from the v4 tables', async ({ from, open }) => {
    const factory = new IDBFactory();
    const old = open(factory);
    await old.open();
    await fill(old, from);
    expect(old.verno).toBe(from);
    old.close();
    await expectUpgraded(factory, from);
  });

  it.each([
    { from: 1, open: openV1 },
    { from: 2, open: openV2 },
    { from: 3, open: openV3 },
  ])('opens an empty v$from database (installed, never used) as v4', async ({ open }) => {
    const factory = new IDBFactory();
    const old = open(factory);
    await old.open();
    old.close();
    const db = openRelanceDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['clients', 'diagnostics', 'histories', 'invoices', 'messages', 'meta', 'settings']);
    expect(await db.invoices.count()).toBe(0);
    expect(await db.histories.count()).toBe(0);
    db.close();
  });

  it('an upgraded database reopens as it is (the upgrade runs once)', async () => {
    const factory = new IDBFactory();
    const old = openV3(factory);
    await old.open();
    await fill(old, 3);
    old.close();
    const first = openRelanceDb({ indexedDB: factory, IDBKeyRange });
    await first.open();
    first.close();
    await expectUpgraded(factory, 3);
  });

  it('v3 → v4 keeps the recording order of events of the same instant', async () => {
    const factory = new IDBFactory();
    const old = openV3(factory);
    await old.open();
    await old.table('clients').add(client);
    await old.table('invoices').add(invoices[0]!);
    const at = '2025-06-01T10:00:00.000Z';
    const same = ['paused', 'resumed', 'paused', 'note'].map((type) => ({ invoiceId: 'inv-1', clientKey: client.key, type, at, payload: {} }));
    // Recorded after a later event: time order first, then recording order.
    await old.table('events').bulkAdd([{ ...same[0]!, at: '2025-06-02T00:00:00.000Z', type: 'created' }, ...same]);
    old.close();
    const db = openRelanceDb({ indexedDB: factory, IDBKeyRange });
    expect((await eventsOf(db, invoices[0]!)).map((e) => e.type)).toEqual(['paused', 'resumed', 'paused', 'note', 'created']);
    db.close();
  });

  it('an upgrade that fails leaves the v3 database as it was, and it opens again once the cause is gone', async () => {
    const factory = new IDBFactory();
    const old = openV3(factory);
    await old.open();
    await fill(old, 3);
    // A row no version of Relance writes: without a client key it cannot be filed under a client.
    const broken = await old.table('events').add({ invoiceId: null, type: 'note', at: '2025-06-01T00:00:00.000Z', payload: {} });
    old.close();
    const db = openRelanceDb({ indexedDB: factory, IDBKeyRange });
    await expect(db.open()).rejects.toThrow();
    db.close();
    const again = openV3(factory);
    await again.open();
    expect(again.verno).toBe(3);
    expect(await again.table('events').count()).toBe(5);
    await again.table('events').delete(broken);
    again.close();
    await expectUpgraded(factory, 3);
  });
});
