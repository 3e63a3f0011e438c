import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { dataVersion } from '@/lib/db/data-version';
import { DataMemo } from '@/lib/db/memo';
import { openRelanceDb, type RelanceDb } from '@/lib/db/schema';
import { addEvent } from '@/lib/db/events';

/**
 * Answers cached on the data version (lib/db/memo.ts) must never outlive a write: every kind of write moves the
 * version, a cached answer is reused only while it does not move, and concurrent askers share one computation.
 */

function fresh(): RelanceDb {
  return openRelanceDb({ indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A memo over the meta table's row count, counting how often it really reads. */
function countingMemo(db: RelanceDb, max?: number) {
  const memo = new DataMemo<number>(db, max);
  let reads = 0;
  const ask = (key = 'k') =>
    memo.get(key, async () => {
      reads++;
      return db.meta.count();
    });
  return { ask, reads: () => reads };
}

const WRITES: Array<{ name: string; write(db: RelanceDb): Promise<unknown> }> = [
  { name: 'add', write: (db) => db.meta.add({ key: 'a', value: 1 }) },
  { name: 'put', write: (db) => db.meta.put({ key: 'b', value: 2 }) },
  { name: 'bulkPut', write: (db) => db.meta.bulkPut([{ key: 'c', value: 3 }, { key: 'd', value: 4 }]) },
  { name: 'update', write: async (db) => (await db.meta.put({ key: 'e', value: 1 }), db.meta.update('e', { value: 5 })) },
  { name: 'delete', write: async (db) => (await db.meta.put({ key: 'f', value: 1 }), db.meta.delete('f')) },
  { name: 'clear', write: (db) => db.meta.clear() },
  { name: 'modify', write: (db) => db.meta.toCollection().modify({ value: 9 }) },
  { name: 'a write in another table', write: (db) => db.settings.put({ key: 'settings', value: {} as never }) },
  { name: 'a transaction', write: (db) => db.transaction('rw', db.meta, db.histories, async () => db.meta.put({ key: 'g', value: 1 })) },
];

describe('data version and DataMemo', () => {
  it.each(WRITES)('$name moves the version, and the next ask reads again', async ({ write }) => {
    const db = fresh();
    const m = countingMemo(db);
    const first = await m.ask();
    expect(await m.ask()).toBe(first);
    expect(m.reads()).toBe(1);
    const before = dataVersion(db);
    await write(db);
    expect(dataVersion(db)).not.toBe(before);
    expect(await m.ask()).toBe(await db.meta.count());
    expect(m.reads()).toBe(2);
    db.close();
  });

  it('reads do not move the version', async () => {
    const db = fresh();
    await db.meta.put({ key: 'a', value: 1 });
    const v = dataVersion(db);
    await Promise.all([db.meta.get('a'), db.meta.toArray(), db.meta.count(), db.transaction('r', db.meta, () => db.meta.get('a'))]);
    expect(dataVersion(db)).toBe(v);
    db.close();
  });

  it('an aborted write moves the version too (what was read during it may not be what stays)', async () => {
    const db = fresh();
    const v = dataVersion(db)!;
    await expect(
      db.transaction('rw', db.meta, async () => {
        await db.meta.put({ key: 'x', value: 1 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(dataVersion(db)!).toBeGreaterThan(v);
    expect(await db.meta.get('x')).toBeUndefined();
    db.close();
  });

  it('concurrent askers share one computation', async () => {
    const db = fresh();
    const m = countingMemo(db);
    const answers = await Promise.all([m.ask(), m.ask(), m.ask()]);
    expect(answers).toEqual([0, 0, 0]);
    expect(m.reads()).toBe(1);
    db.close();
  });

  it('an answer computed while a write happened is returned but not kept', async () => {
    const db = fresh();
    const memo = new DataMemo<string>(db);
    let reads = 0;
    const slow = () =>
      memo.get('k', async () => {
        reads++;
        const n = await db.meta.count();
        if (reads === 1) await db.meta.put({ key: 'during', value: 1 });
        return `read ${reads}: ${n}`;
      });
    expect(await slow()).toBe('read 1: 0');
    expect(await slow()).toBe('read 2: 1');
    expect(await slow()).toBe('read 2: 1');
    db.close();
  });

  it('a failure is not kept', async () => {
    const db = fresh();
    const memo = new DataMemo<number>(db);
    let calls = 0;
    const ask = () =>
      memo.get('k', async () => {
        calls++;
        if (calls === 1) throw new Error('first read failed');
        return 7;
      });
    await expect(ask()).rejects.toThrow('first read failed');
    expect(await ask()).toBe(7);
    expect(calls).toBe(2);
    db.close();
  });

  it.each([
    { max: 1, keys: ['a', 'b', 'a'], reads: 3 },
    { max: 2, keys: ['a', 'b', 'a', 'b'], reads: 2 },
    { max: 2, keys: ['a', 'b', 'c', 'a'], reads: 4 },
    { max: 2, keys: ['a', 'b', 'a', 'c', 'a'], reads: 3 },
  ])('keeps at most $max keys, least recently used out first: $keys → $reads reads', async ({ max, keys, reads }) => {
    const db = fresh();
    const m = countingMemo(db, max);
    for (const k of keys) await m.ask(k);
    expect(m.reads()).toBe(reads);
    db.close();
  });
});

describe('a memo of some tables only', () => {
  function invoiceMemo(db: RelanceDb) {
    const memo = new DataMemo<number>(db, 4, ['invoices']);
    let reads = 0;
    const ask = () =>
      memo.get('k', async () => {
        reads++;
        return db.invoices.count();
      });
    return { ask, reads: () => reads };
  }

  it.each([
    ['a ledger row', (db: RelanceDb) => db.messages.put({ key: 'gmail:1', invoiceId: null, kind: 'none', direction: 'received', seenAt: '2026-11-22T00:00:00Z' }), 1],
    ['an event', (db: RelanceDb) => addEvent(db, { invoiceId: null, clientKey: 'a@b.example', type: 'note', at: '2026-11-22T00:00:00Z', payload: {} }), 1],
    ['settings', (db: RelanceDb) => db.settings.put({ key: 'settings', value: {} as never }), 1],
    ['an invoice, by a write', (db: RelanceDb) => db.invoices.toCollection().modify({ status: 'open' }), 2],
    ['a read-write transaction over invoices that wrote only the ledger', (db: RelanceDb) => db.transaction('rw', db.invoices, db.messages, async () => db.messages.put({ key: 'gmail:2', invoiceId: null, kind: 'none', direction: 'received', seenAt: '2026-11-22T00:00:00Z' })), 1],
    ['a read-write transaction that wrote an invoice', (db: RelanceDb) => db.transaction('rw', db.invoices, db.histories, async () => db.invoices.toCollection().modify({ status: 'open' })), 2],
  ])('kept across a write to %s: %s reads', async (_name, write, reads) => {
    const db = fresh();
    const m = invoiceMemo(db);
    await m.ask();
    await write(db);
    await m.ask();
    expect(m.reads()).toBe(reads);
    expect(dataVersion(db, ['invoices'])).not.toBeNull();
  });
});
