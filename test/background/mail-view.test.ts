import { describe, expect, it } from 'vitest';
import { MailView, MissingRows } from '@/lib/background/mail-view';
import { allEvents } from '@/lib/db/events';
import { overdueState, overdueUnaffected } from '@/lib/db/overdue';
import { openRelanceDb, type MessageRow, type RelanceDb } from '@/lib/db/schema';
import type { Invoice } from '@/lib/domain/invoice';
import { freshStore, invoiceInput } from './helpers';

/**
 * The in-memory view a mail batch is decided over (lib/background/mail-view.ts): it answers as the database would,
 * with the batch's own writes, never from rows it did not read, and writes only what decisions that returned changed.
 */

const ROW: Omit<MessageRow, 'key'> = { invoiceId: 'inv-new', kind: 'invoice', direction: 'sent', seenAt: '2026-11-22T10:00:00.000Z' };
const OLD: MessageRow = { key: 'gmail:old', invoiceId: 'inv-old', kind: 'reply', direction: 'received', seenAt: '2026-01-01T00:00:00.000Z' };

/** The same database without the cache of this instance: a second Dexie over the same IndexedDB factory. */
function freshCopy(db: RelanceDb): RelanceDb {
  return openRelanceDb({ indexedDB: db._options.indexedDB as IDBFactory, IDBKeyRange: db._options.IDBKeyRange as typeof IDBKeyRange });
}

async function withInvoices() {
  const t = freshStore();
  const a = await t.store.createInvoice(invoiceInput({ number: 'F-1', clientEmail: 'ana@a.example', threadId: 't-1' }));
  const b = await t.store.createInvoice(invoiceInput({ number: 'F-1', clientEmail: 'bob@b.example' }));
  const c = await t.store.createInvoice(invoiceInput({ number: 'F-2', clientEmail: 'ana@a.example', threadId: 't-1' }));
  return { ...t, a, b, c };
}

describe('MailView ledger', () => {
  const cases: Array<{ name: string; keys: Array<string | null>; expected: Record<string, string | null> }> = [
    { name: 'new keys are all recorded', keys: ['gmail:a', 'fp:a'], expected: { 'gmail:a': 'inv-new', 'fp:a': 'inv-new', 'gmail:old': 'inv-old' } },
    { name: 'an existing key keeps its row', keys: ['gmail:old', 'fp:b'], expected: { 'gmail:old': 'inv-old', 'fp:b': 'inv-new' } },
    { name: 'a key given twice is recorded once', keys: ['fp:c', 'fp:c', null], expected: { 'fp:c': 'inv-new', 'gmail:old': 'inv-old' } },
    { name: 'only nulls write nothing', keys: [null, null], expected: { 'gmail:old': 'inv-old' } },
  ];
  it.each(cases)('$name', async ({ keys, expected }) => {
    const { db, store } = freshStore();
    await db.messages.add(OLD);
    const view = await MailView.load(store, [{ messageKeys: keys }]);
    view.decide(() => view.ledgerRecord(keys, ROW));
    await db.transaction('rw', db.messages, () => view.commit());
    const rows = await db.messages.toArray();
    expect(Object.fromEntries(rows.map((r) => [r.key, r.invoiceId]))).toEqual(expected);
    // The existing row is untouched in every field, not only its invoice.
    expect(rows.find((r) => r.key === OLD.key)).toEqual(OLD);
  });

  it('a key it was not told about is not answered "absent": it asks for it to be read', async () => {
    const { store } = freshStore();
    const view = await MailView.load(store, [{ messageKeys: ['gmail:a'] }]);
    expect(view.ledgerFind(['gmail:a'])).toBeUndefined();
    expect(() => view.ledgerFind(['gmail:b'])).toThrow(MissingRows);
    await view.read([{ messageKeys: ['gmail:b'] }]);
    expect(view.ledgerFind(['gmail:b'])).toBeUndefined();
  });
});

describe('MailView invoices', () => {
  it('answers in the database order (index value, then id), with the batch writes, and only for what was read', async () => {
    const { store, a, b, c } = await withInvoices();
    const view = await MailView.load(store, [{ invoices: { number: ['F-1', 'F-2'], threadId: ['t-1'] } }]);
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    expect(view.invoicesWhere('number', ['F-1']).map((i) => i.id)).toEqual([a, b].sort(byId).map((i) => i.id));
    expect(view.invoicesWhere('number', ['F-2', 'F-1']).map((i) => i.number)).toEqual(['F-1', 'F-1', 'F-2']);
    expect(view.invoicesWhere('threadId', ['t-1'], (i) => i.number === 'F-2').map((i) => i.id)).toEqual([c.id]);
    // b joins the thread in this batch: the view sees it there, as the database will.
    view.decide(() => view.updateInvoice(b.id, { threadId: 't-1' }));
    expect(view.invoicesWhere('threadId', ['t-1']).map((i) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(() => view.invoicesWhere('threadId', ['t-2'])).toThrow(MissingRows);
    expect(() => view.invoicesWhere('clientKey', ['ana@a.example'])).toThrow(MissingRows);
  });

  it('reading more later never replaces what the batch changed', async () => {
    const { store, b } = await withInvoices();
    const view = await MailView.load(store, [{ invoices: { number: ['F-1'] } }]);
    view.decide(() => view.updateInvoice(b.id, { threadId: 't-9' }));
    await view.read([{ invoices: { clientKey: ['bob@b.example'] }, invoiceIds: [b.id] }]);
    expect(view.invoice(b.id)?.threadId).toBe('t-9');
    expect(view.invoicesWhere('clientKey', ['bob@b.example']).map((i) => i.threadId)).toEqual(['t-9']);
  });

  it('an invoice id read and not found is absent; one never read is asked for', async () => {
    const { store } = await withInvoices();
    const view = await MailView.load(store, [{ invoiceIds: ['nope'] }]);
    expect(view.invoice('nope')).toBeUndefined();
    expect(() => view.invoice('other')).toThrow(MissingRows);
  });
});

describe('MailView decisions and writes', () => {
  it('a decision that throws leaves nothing: its writes are undone, those before it are written', async () => {
    const { db, store, a } = await withInvoices();
    const view = await MailView.load(store, [{ messageKeys: ['gmail:1', 'gmail:2'], invoiceIds: [a.id], histories: [a.clientKey] }]);
    view.decide(() => view.ledgerRecord(['gmail:1'], ROW));
    expect(() =>
      view.decide(() => {
        view.ledgerRecord(['gmail:2'], ROW);
        view.updateInvoice(a.id, { messageId: 'm-2' });
        view.addEvents([{ invoiceId: a.id, clientKey: a.clientKey, type: 'note', at: '2026-01-01T00:00:00Z', payload: {} }]);
        throw new Error('this mail fails');
      }),
    ).toThrow('this mail fails');
    // Events for a client whose history was not read wait for the write: undone as well.
    expect(() =>
      view.decide(() => {
        view.addEvents([{ invoiceId: a.id, clientKey: 'unread@x.example', type: 'note', at: '2026-01-01T00:00:00Z', payload: {} }]);
        throw new Error('this one fails too');
      }),
    ).toThrow('this one fails too');
    expect(view.ledgerFind(['gmail:2'])).toBeUndefined();
    expect(view.invoice(a.id)?.messageId).toBeNull();
    const eventsBefore = (await allEvents(db)).length;
    await db.transaction('rw', [db.messages, db.invoices, db.histories, db.clients], () => view.commit());
    expect((await db.messages.toCollection().primaryKeys()).sort()).toEqual(['gmail:1']);
    expect((await db.invoices.get(a.id))?.messageId).toBeNull();
    expect((await allEvents(db)).length).toBe(eventsBefore);
    expect(await db.histories.get('unread@x.example')).toBeUndefined();
  });

  it('events for a history not read are appended when written, after the stored ones and in the order recorded', async () => {
    const { db, store, a } = await withInvoices();
    const view = await MailView.load(store, []);
    const at = '2030-01-01T00:00:00Z';
    view.decide(() => view.addEvents([{ invoiceId: a.id, clientKey: a.clientKey, type: 'note', at, payload: { n: 1 } }]));
    view.decide(() => view.addEvents([{ invoiceId: a.id, clientKey: a.clientKey, type: 'note', at, payload: { n: 2 } }]));
    // Read after the first events were recorded: they are kept, on top of the stored history.
    await view.read([{ histories: [a.clientKey] }]);
    expect(view.eventsOfInvoices([a]).get(a.id)!.map((e) => e.type)).toEqual(['created', 'note', 'note']);
    view.decide(() => view.addEvents([{ invoiceId: a.id, clientKey: a.clientKey, type: 'note', at, payload: { n: 3 } }]));
    await db.transaction('rw', [db.messages, db.invoices, db.histories, db.clients], () => view.commit());
    const stored = (await db.histories.get(a.clientKey))!.events.filter((e) => e.invoiceId === a.id);
    expect(stored.map((e) => e.payload['n'] ?? e.type)).toEqual(['created', 1, 2, 3]);
    expect(stored.map((e) => e.id)).toEqual([...new Set(stored.map((e) => e.id))]);
  });

  it('the history of a client not read is not guessed for a draft lookup', async () => {
    const { store, a } = await withInvoices();
    const view = await MailView.load(store, [{ invoiceIds: [a.id] }]);
    expect(() => view.eventsOfInvoices([a])).toThrow(MissingRows);
  });
});

describe('the overdue summary stays cached across mail writes that cannot change it', () => {
  const TODAY = '2025-06-15';
  const overdueInput = invoiceInput({ number: 'F-OLD', clientEmail: 'late@c.example', issueDate: '2025-04-01', dueDate: '2025-05-01' });

  it.each<[string, (view: MailView, ids: { confirmed: string; pending: string }) => void, boolean]>([
    ['a new invoice waiting for review', (v) => v.addInvoice({ ...v.invoice(v.invoicesWhere('number', ['F-OLD'])[0]!.id)!, id: 'new-1', number: 'F-NEW', review: 'pending' }), false],
    ['webmail ids given to a confirmed overdue invoice', (v, ids) => v.updateInvoice(ids.confirmed, { messageId: 'm-1', threadId: 't-1', webmail: 'gmail' }), false],
    ['a pending invoice linked to its mail', (v, ids) => v.updateInvoice(ids.pending, { threadId: 't-2' }), false],
    ['a new confirmed invoice already overdue', (v) => v.addInvoice({ ...v.invoice(v.invoicesWhere('number', ['F-OLD'])[0]!.id)!, id: 'new-2', number: 'F-NEW2' }), true],
    ['a confirmed invoice paid', (v, ids) => v.updateInvoice(ids.confirmed, { status: 'paid', paidMinor: 288000 }), true],
    ['a pending invoice confirmed', (v, ids) => v.updateInvoice(ids.pending, { review: 'confirmed' }), true],
  ])('%s: summary re-read %s', async (_name, write, reread) => {
    const { db, store } = freshStore();
    const confirmed = await store.createInvoice(overdueInput);
    const pending = await store.createInvoice({ ...overdueInput, number: 'F-OLD-2' }, { review: 'pending', confidence: 0.8 });
    const before = await overdueState(db, TODAY);
    expect(before.count).toBe(1);
    const view = await MailView.load(store, [{ invoices: { number: ['F-OLD'] }, invoiceIds: [pending.id] }]);
    view.decide(() => write(view, { confirmed: confirmed.id, pending: pending.id }));
    await db.transaction('rw', [db.messages, db.invoices, db.histories, db.clients], () => view.commit());
    const after = await overdueState(db, TODAY);
    // The same cached answer object when kept; a fresh read otherwise, which must be the truth.
    expect(after !== before).toBe(reread);
    const fresh = await overdueState(freshCopy(db), TODAY);
    expect(after).toEqual(fresh);
  });

  it('a write not vouched for (a payment recorded by the user) re-reads it', async () => {
    const { db, store } = freshStore();
    const inv = await store.createInvoice(overdueInput);
    const before = await overdueState(db, TODAY);
    await store.recordPayment(inv.id, { date: TODAY });
    const after = await overdueState(db, TODAY);
    expect(after).not.toBe(before);
    expect(after.count).toBe(0);
  });
});

describe('overdueUnaffected', () => {
  const base = { id: 'i', status: 'open', review: 'confirmed', dueDate: '2025-05-01', amountMinor: 100, amountDueMinor: null, paidMinor: 0, currency: 'EUR', threadId: null } as unknown as Invoice;
  it.each<[string, Invoice | undefined, Partial<Invoice>, boolean]>([
    ['new, waiting for review', undefined, { review: 'pending' }, true],
    ['new, confirmed', undefined, {}, false],
    ['thread id given', base, { threadId: 't' }, true],
    ['dismissed', base, { review: 'dismissed' }, false],
    ['due date moved', base, { dueDate: '2025-07-01' }, false],
    ['part paid', base, { paidMinor: 50 }, false],
    ['paid invoice amended (counted neither before nor after)', { ...base, status: 'paid' }, { status: 'paid', amountMinor: 300 }, true],
  ])('%s → %s', (_name, before, change, expected) => {
    expect(overdueUnaffected(before, { ...base, ...change })).toBe(expected);
  });
});
