import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from '@/lib/background/write-batch';
import { freshStore } from './helpers';
import { addEvent } from '@/lib/db/events';

/** Group commit (lib/background/write-batch.ts): shared transactions, same results, and a failure stays its own. */

function setup() {
  const { db } = freshStore();
  const batcher = createWriteBatcher(db, (d) => [d.messages, d.histories]);
  const row = (key: string) => ({ key, invoiceId: null, kind: 'none', direction: 'sent' as const, seenAt: '2026-01-01T00:00:00Z' });
  return { db, batcher, row };
}

describe('createWriteBatcher', () => {
  it.each([1, 2, 10, 100])('%i concurrent jobs: every result comes back, every write is stored, in fewer transactions when many', async (n) => {
    const { db, batcher, row } = setup();
    const transactions = new Set<unknown>();
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        batcher.run(async () => {
          const before = await db.messages.get(`k${i}`);
          transactions.add(Dexie.currentTransaction);
          await db.messages.add(row(`k${i}`));
          return before === undefined ? i : -1;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(await db.messages.count()).toBe(n);
    // The first job starts alone; the rest share a batch (at most 64 a transaction).
    if (n > 2) expect(transactions.size).toBeLessThanOrEqual(1 + Math.ceil((n - 1) / 64));
  });

  it('a job that fails in a batch leaves nothing half-written, and the others are stored', async () => {
    const { db, batcher, row } = setup();
    const jobs = Array.from({ length: 6 }, (_, i) =>
      batcher.run(async () => {
        await db.messages.add(row(`ok${i}`));
        if (i === 3) {
          // Its first write is done, then it fails: neither may stay.
          await addEvent(db, { invoiceId: 'x', clientKey: 'y', type: 'note', at: '2026-01-01', payload: {} });
          throw new Error('job 3 fails');
        }
        return i;
      }),
    );
    const settled = await Promise.allSettled(jobs);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((settled[3] as PromiseRejectedResult).reason).toMatchObject({ message: 'job 3 fails' });
    expect((await db.messages.toCollection().primaryKeys()).sort()).toEqual(['ok0', 'ok1', 'ok2', 'ok4', 'ok5']);
    expect(await db.histories.count()).toBe(0);
  });

  it('two jobs writing the same key: the second sees the first (they run one after the other)', async () => {
    const { db, batcher, row } = setup();
    const once = () =>
      batcher.run(async () => {
        if (await db.messages.get('same')) return 'duplicate';
        await db.messages.add(row('same'));
        return 'recorded';
      });
    const outcomes = await Promise.all([once(), once(), once(), once()]);
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'recorded']);
    expect(await db.messages.count()).toBe(1);
  });
});
