import { describe, expect, it } from 'vitest';
import { addEvents, allEvents, appendToHistory, clientHistory, eventsOf, eventsOfInvoices, moveInvoiceEvents, packHistories, type NewEvent } from '@/lib/db/events';
import { parseBackup } from '@/lib/db/backup';
import { freshStore, invoiceInput } from './helpers';

/** A client's history, one row per client (lib/db/events.ts): order, numbering, atomicity, moves. */

const A = 'billing@acme.example';
const B = 'ap@globex.example';
const ev = (clientKey: string, at: string, type: NewEvent['type'] = 'note', invoiceId: string | null = null): NewEvent => ({ invoiceId, clientKey, type, at, payload: {} });

describe('appendToHistory and packHistories', () => {
  it.each([
    { name: 'in time order', ats: ['2025-01-01', '2025-01-02', '2025-01-03'], order: [0, 1, 2] },
    { name: 'an earlier instant recorded later', ats: ['2025-01-01', '2025-01-03', '2025-01-02'], order: [0, 2, 1] },
    { name: 'equal instants keep recording order', ats: ['2025-01-02', '2025-01-02', '2025-01-01', '2025-01-02'], order: [2, 0, 1, 3] },
  ])('$name', ({ ats, order }) => {
    const events = ats.map((at, i) => ({ ...ev(A, at), payload: { n: i } }));
    let row = appendToHistory(undefined, A, []);
    for (const e of events) row = appendToHistory(row, A, [e]);
    expect(row.events.map((e) => e.payload['n'])).toEqual(order);
    // Ids number events in recording order, whatever their place in time.
    expect(row.events.map((e) => e.id)).toEqual(order.map((i) => i + 1));
    expect(row.lastId).toBe(ats.length);
    const [packed] = packHistories(events);
    expect(packed!.events.map((e) => e.payload['n'])).toEqual(order);
  });

  it('does not change the row it is given', () => {
    const row = appendToHistory(undefined, A, [ev(A, '2025-01-01')]);
    const next = appendToHistory(row, A, [ev(A, '2025-01-02')]);
    expect(row.events).toHaveLength(1);
    expect(next.events).toHaveLength(2);
  });

  it('packs one row per client and drops the ids a file brings', () => {
    const rows = packHistories([{ ...ev(A, '2025-01-02'), id: 90 }, { ...ev(B, '2025-01-01'), id: 7 }, { ...ev(A, '2025-01-01'), id: 3 }]);
    expect(rows.map((r) => [r.clientKey, r.events.map((e) => [e.at, e.id]), r.lastId])).toEqual([
      [A, [['2025-01-01', 1], ['2025-01-02', 2]], 2],
      [B, [['2025-01-01', 1]], 1],
    ]);
  });

  it('packs 50,000 unsorted events of one client (a hostile file) with a sort, not one move per event', () => {
    const events = Array.from({ length: 50_000 }, (_, i) => ev(A, `2025-01-01T00:00:${String(49_999 - i).padStart(5, '0')}`));
    const [row] = packHistories(events);
    expect(row!.events).toHaveLength(50_000);
    expect(row!.events.every((e, i) => i === 0 || row!.events[i - 1]!.at <= e.at)).toBe(true);
  });
});

describe('histories in the database', () => {
  it('records events of several clients in one write, each client read whole', async () => {
    const { db } = freshStore();
    await addEvents(db, [ev(A, '2025-01-02'), ev(B, '2025-01-01'), ev(A, '2025-01-01')]);
    expect((await clientHistory(db, A)).map((e) => e.at)).toEqual(['2025-01-01', '2025-01-02']);
    expect((await clientHistory(db, B)).map((e) => e.at)).toEqual(['2025-01-01']);
    expect(await clientHistory(db, 'nobody@else.example')).toEqual([]);
    expect(await allEvents(db)).toHaveLength(3);
    expect(await db.histories.count()).toBe(2);
  });

  it('joins the caller transaction: when it fails, the events are not written either', async () => {
    const { db, store } = freshStore();
    await store.createInvoice(invoiceInput());
    await expect(
      db.transaction('rw', db.invoices, db.histories, async () => {
        await addEvents(db, [ev(A, '2025-06-01')]);
        throw new Error('the rest of the write failed');
      }),
    ).rejects.toThrow('the rest of the write failed');
    expect((await clientHistory(db, A)).map((e) => e.type)).toEqual(['created']);
  });

  it('two concurrent writers to one client lose nothing', async () => {
    const { db } = freshStore();
    await Promise.all(Array.from({ length: 20 }, (_, i) => addEvents(db, [{ ...ev(A, '2025-01-01'), payload: { n: i } }])));
    const history = await clientHistory(db, A);
    expect(history).toHaveLength(20);
    expect(new Set(history.map((e) => e.id)).size).toBe(20);
  });

  it('an invoice moved to another client takes its events along, the other invoices keep theirs', async () => {
    const { db, store } = freshStore();
    const one = await store.createInvoice(invoiceInput());
    const two = await store.createInvoice(invoiceInput({ number: 'F-2025-002' }));
    await store.recordPayment(one.id, { date: '2025-06-01', amountMinor: 100 });
    await addEvents(db, [ev(B, '2025-01-01', 'note')]);
    await db.transaction('rw', db.histories, () => moveInvoiceEvents(db, one.id, A, B));
    expect((await eventsOf(db, { id: one.id, clientKey: B })).map((e) => e.type)).toEqual(['created', 'payment-recorded']);
    expect((await eventsOf(db, { id: one.id, clientKey: A }))).toEqual([]);
    expect((await eventsOf(db, two)).map((e) => e.type)).toEqual(['created']);
    expect((await clientHistory(db, B)).every((e) => e.clientKey === B)).toBe(true);
    const byInvoice = await eventsOfInvoices(db, [{ id: one.id, clientKey: B }, two]);
    expect([...byInvoice].map(([id, list]) => [id, list.length])).toEqual([[one.id, 2], [two.id, 1]]);
  });

  it('export then import gives back every event, in each client\'s order, and a valid backup', async () => {
    const { db, store } = freshStore();
    const inv = await store.createInvoice(invoiceInput());
    await store.recordPayment(inv.id, { date: '2025-06-01', amountMinor: 100 });
    await addEvents(db, [ev(B, '2025-01-01', 'paused')]);
    const text = JSON.stringify(await store.exportAll());
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const other = freshStore();
    await other.store.importAll(parsed.backup);
    const strip = (list: Array<{ id?: number }>) => list.map(({ id: _id, ...e }) => e);
    expect(strip(await allEvents(other.db))).toEqual(strip(await allEvents(db)));
    expect((await clientHistory(other.db, A)).map((e) => e.type)).toEqual(['created', 'payment-recorded']);
  });
});
