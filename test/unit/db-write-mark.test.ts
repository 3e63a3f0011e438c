import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { writeMark, writtenSince } from '@/lib/db/data-version';
import { openRelanceDb, type RelanceDb } from '@/lib/db/schema';
import type { MessageRow } from '@/lib/db/schema';
import type { Invoice } from '@/lib/domain/invoice';

/**
 * writeMark / writtenSince (lib/db/data-version.ts): a mail's first look reads the ledger and the invoices under its
 * message id, and its write batch uses that instead of reading it again unless a write since may have changed it.
 * A wrong "unchanged" would track a mail twice, so every kind of write to a watched value must count, and anything
 * unsure (an old mark, a range delete, an unwatched field) must say "changed".
 */

function fresh(): RelanceDb {
  return openRelanceDb({ indexedDB: new IDBFactory(), IDBKeyRange });
}

const row = (key: string): MessageRow => ({ key, invoiceId: null, kind: 'other', direction: 'sent', seenAt: '2026-11-23T10:00:00.000Z' });
const invoice = (id: string, messageId: string | null) => ({ id, messageId, clientKey: 'c@x.example', number: `N-${id}`, threadId: null }) as unknown as Invoice;

describe('writtenSince', () => {
  it('is false for a value nothing wrote since the mark, true once a write touches it', async () => {
    const db = fresh();
    await db.open();
    const mark = writeMark(db);
    expect(mark).not.toBeNull();
    expect(writtenSince(db, mark, 'messages', 'key', 'gmail:a')).toBe(false);
    await db.messages.add(row('gmail:b'));
    expect(writtenSince(db, mark, 'messages', 'key', 'gmail:a')).toBe(false);
    expect(writtenSince(db, mark, 'messages', 'key', 'gmail:b')).toBe(true);
    // A mark taken after the write does not see it.
    expect(writtenSince(db, writeMark(db), 'messages', 'key', 'gmail:b')).toBe(false);
  });

  const WRITES: Array<{ name: string; write(db: RelanceDb): Promise<unknown> }> = [
    { name: 'put', write: (db) => db.messages.put(row('gmail:k')) },
    { name: 'bulkPut', write: (db) => db.messages.bulkPut([row('gmail:other'), row('gmail:k')]) },
    { name: 'delete', write: (db) => db.messages.delete('gmail:k') },
    { name: 'bulkDelete', write: (db) => db.messages.bulkDelete(['gmail:k']) },
    { name: 'clear', write: (db) => db.messages.clear() },
    { name: 'modify', write: (db) => db.messages.toCollection().modify({ seenAt: '2026-11-24T00:00:00.000Z' }) },
  ];
  for (const { name, write } of WRITES) {
    it(`counts a ledger ${name} as a write of the key`, async () => {
      const db = fresh();
      await db.messages.bulkAdd([row('gmail:k'), { ...row('gmail:j'), invoiceId: 'inv-1' }]);
      const mark = writeMark(db);
      await write(db);
      expect(writtenSince(db, mark, 'messages', 'key', 'gmail:k')).toBe(true);
    });
  }

  it('counts a delete by another index as a write of the keys it deletes', async () => {
    const db = fresh();
    await db.messages.bulkAdd([row('gmail:k'), { ...row('gmail:j'), invoiceId: 'inv-1' }]);
    const mark = writeMark(db);
    await db.messages.where('invoiceId').equals('inv-1').delete();
    expect(writtenSince(db, mark, 'messages', 'key', 'gmail:j')).toBe(true);
    expect(await db.messages.get('gmail:k')).toBeDefined();
  });

  it('counts an invoice written with a message id, in any transaction, and any invoice delete', async () => {
    const db = fresh();
    await db.open();
    const mark = writeMark(db);
    await db.transaction('rw', db.invoices, db.messages, async () => {
      await db.invoices.put(invoice('i1', 'm-1'));
    });
    expect(writtenSince(db, mark, 'invoices', 'messageId', 'm-1')).toBe(true);
    expect(writtenSince(db, mark, 'invoices', 'messageId', 'm-2')).toBe(false);
    const later = writeMark(db);
    await db.invoices.delete('i1');
    expect(writtenSince(db, later, 'invoices', 'messageId', 'm-2')).toBe(true);
  });

  it('says "changed" when unsure: a field it does not watch, no mark, an untracked database', async () => {
    const db = fresh();
    await db.open();
    const mark = writeMark(db);
    expect(writtenSince(db, mark, 'invoices', 'number', 'F-1')).toBe(true);
    expect(writtenSince(db, mark, 'clients', 'key', 'c@x.example')).toBe(true);
    expect(writtenSince(db, null, 'messages', 'key', 'gmail:a')).toBe(true);
  });

  it('forgets old values within a bound, and then calls older marks unsure', async () => {
    const db = fresh();
    await db.open();
    const old = writeMark(db);
    // More keys than it remembers, in one request: the values are dropped, and marks before the drop are too old.
    await db.messages.bulkAdd(Array.from({ length: 20_001 }, (_, i) => row(`gmail:bulk-${i}`)));
    expect(writtenSince(db, old, 'messages', 'key', 'gmail:never-written')).toBe(true);
    const recent = writeMark(db);
    expect(writtenSince(db, recent, 'messages', 'key', 'gmail:never-written')).toBe(false);
    await db.messages.add(row('gmail:after'));
    expect(writtenSince(db, recent, 'messages', 'key', 'gmail:after')).toBe(true);
  });
});
