import { describe, expect, it } from 'vitest';
import { MailView, MissingRows } from '@/lib/background/mail-view';
import { allEvents } from '@/lib/db/events';
import type { MessageRow } from '@/lib/db/schema';
import { freshStore, invoiceInput } from './helpers';

/**
 * The in-memory view a mail batch is decided over (lib/background/mail-view.ts): it answers as the database would,
 * with the batch's own writes, never from rows it did not read, and writes only what decisions that returned changed.
 */

const ROW: Omit<MessageRow, 'key'> = { invoiceId: 'inv-new', kind: 'invoice', direction: 'sent', seenAt: '2026-11-22T10:00:00.000Z' };
const OLD: MessageRow = { key: 'gmail:old', invoiceId: 'inv-old', kind: 'reply', direction: 'received', seenAt: '2026-01-01T00:00:00.000Z' };

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
    expect(view.ledgerFind(['gmail:2'])).toBeUndefined();
    expect(view.invoice(a.id)?.messageId).toBeNull();
    const eventsBefore = (await allEvents(db)).length;
    await db.transaction('rw', [db.messages, db.invoices, db.histories, db.clients], () => view.commit());
    expect((await db.messages.toCollection().primaryKeys()).sort()).toEqual(['gmail:1']);
    expect((await db.invoices.get(a.id))?.messageId).toBeNull();
    expect((await allEvents(db)).length).toBe(eventsBefore);
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
