import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { RelanceDb } from '@/lib/db/schema';
import { createWriteBatcher, type Settled } from '@/lib/background/write-batch';
import { freshStore } from './helpers';

/** Group commit (lib/background/write-batch.ts): shared transactions, one answer per job, and a failure stays its own. */

const row = (key: string) => ({ key, invoiceId: null, kind: 'none', direction: 'sent' as const, seenAt: '2026-01-01T00:00:00Z' });

/**
 * A batch runner like mail-jobs.ts: all reads at once, each job decided in order on what it read and what the jobs
 * before it wrote, all writes at once. A job named `fail:*` fails on its own; one named `clash:*` writes a key that
 * already exists, which makes the batch's write (and so its transaction) fail.
 */
function setup() {
  const { db } = freshStore();
  const transactions: unknown[] = [];
  const runBatch = async (jobs: readonly string[]): Promise<Settled<string>[]> => {
    transactions.push(Dexie.currentTransaction);
    const before = await db.messages.bulkGet(jobs.map((j) => j.replace(/^clash:/, '')));
    const written = new Set<string>();
    const out = jobs.map((job, i): Settled<string> => {
      if (job.startsWith('fail:')) return { ok: false, error: new Error(`${job} fails`) };
      const key = job.replace(/^clash:/, '');
      if ((before[i] && !job.startsWith('clash:')) || written.has(key)) return { ok: true, value: 'duplicate' };
      written.add(job.startsWith('clash:') ? `!${key}` : key);
      return { ok: true, value: 'recorded' };
    });
    await db.messages.bulkAdd([...written].map((k) => row(k.replace(/^!/, ''))));
    return out;
  };
  return { db, transactions, batcher: createWriteBatcher<string, string>(db as RelanceDb, (d) => [d.messages], runBatch) };
}

describe('createWriteBatcher', () => {
  it.each([1, 2, 10, 100])('%i concurrent jobs: every answer comes back, every write is stored, in few transactions', async (n) => {
    const { db, batcher, transactions } = setup();
    const results = await Promise.all(Array.from({ length: n }, (_, i) => batcher.run(`k${i}`)));
    expect(results).toEqual(Array.from({ length: n }, () => 'recorded'));
    expect(await db.messages.count()).toBe(n);
    // The first job starts alone; the rest share batches of at most 64, one transaction each.
    expect(transactions.length).toBe(n === 1 ? 1 : 1 + Math.ceil((n - 1) / 64));
  });

  it('a job that fails is answered with its own error; the others of its batch are stored', async () => {
    const { db, batcher } = setup();
    const settled = await Promise.allSettled(['a', 'b', 'fail:c', 'd'].map((j) => batcher.run(j)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({ message: 'fail:c fails' });
    expect((await db.messages.toCollection().primaryKeys()).sort()).toEqual(['a', 'b', 'd']);
  });

  it('a batch whose transaction fails is run again job by job: only the job at fault fails', async () => {
    const { db, batcher, transactions } = setup();
    await db.messages.add(row('taken'));
    const settled = await Promise.allSettled(['first', 'x', 'clash:taken', 'y'].map((j) => batcher.run(j)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await db.messages.toCollection().primaryKeys()).sort()).toEqual(['first', 'taken', 'x', 'y']);
    // first alone, then the batch of three (aborted), then each of the three alone.
    expect(transactions.length).toBe(5);
  });

  it('jobs on the same key: the first records it, the later ones see it (they are decided in order)', async () => {
    const { db, batcher } = setup();
    const outcomes = await Promise.all(['same', 'same', 'same', 'same'].map((j) => batcher.run(j)));
    expect(outcomes).toEqual(['recorded', 'duplicate', 'duplicate', 'duplicate']);
    expect(await db.messages.count()).toBe(1);
  });

  it("mode 'r' groups reads the same way, in read-only transactions that refuse a write", async () => {
    const { db } = freshStore();
    await db.messages.bulkAdd([row('a'), row('b')]);
    const modes: string[] = [];
    const reads = createWriteBatcher<string, string>(
      db as RelanceDb,
      (d) => [d.messages],
      async (keys) => {
        modes.push(String((Dexie.currentTransaction as unknown as { mode: string }).mode));
        const rows = await db.messages.bulkGet([...keys]);
        return rows.map((r): Settled<string> => ({ ok: true, value: r ? 'found' : 'absent' }));
      },
      { mode: 'r' },
    );
    expect(await Promise.all(['a', 'b', 'c', 'a'].map((k) => reads.run(k)))).toEqual(['found', 'found', 'absent', 'found']);
    expect(modes).toEqual(['readonly', 'readonly']);
    const writer = createWriteBatcher<string, string>(db as RelanceDb, (d) => [d.messages], async (keys) => {
      await db.messages.bulkAdd(keys.map(row));
      return keys.map(() => ({ ok: true, value: 'written' }));
    }, { mode: 'r' });
    await expect(writer.run('z')).rejects.toThrow();
    expect(await db.messages.get('z')).toBeUndefined();
  });
});
