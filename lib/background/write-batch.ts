import Dexie, { type Table } from 'dexie';
import type { RelanceDb } from '../db/schema';

/**
 * Group commit for the writes of `mail.seen`. A read-write IndexedDB transaction costs about a millisecond to commit
 * in Chromium, and with several tabs reporting mail at once one transaction per message made the transactions
 * themselves the bottleneck (test/bench/load.ts). Jobs queued while a batch runs are run together, in ONE read-write
 * transaction, by `runBatch`, which answers each job on its own (mail-jobs.ts decides a whole batch with a few
 * requests: mail-view.ts).
 *
 * A job holds only database work: anything else (hashing, reading PDFs, understanding text) is done before it is
 * queued, since a transaction closes when it waits on something else. A job that fails is answered with its own
 * error and writes nothing (runBatch's contract). If the batch's transaction itself fails (a write refused, the
 * quota), nothing of it is written and its jobs are run again one by one, each in its own transaction, as they would
 * be without batching: one job's failure is never shared.
 */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface WriteBatcher<J, R> {
  run(job: J): Promise<R>;
}

interface Queued<J> {
  job: J;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export function createWriteBatcher<J, R>(
  db: RelanceDb,
  tables: (db: RelanceDb) => Table[],
  runBatch: (jobs: readonly J[]) => Promise<Settled<R>[]>,
  opts: { maxBatch?: number; mode?: 'rw' | 'r' } = {},
): WriteBatcher<J, R> {
  const maxBatch = opts.maxBatch ?? 64;
  // 'r': the same grouping for reads (mail-seen.ts: the first looks of concurrent requests share one read).
  const mode = opts.mode ?? 'rw';
  const queue: Queued<J>[] = [];
  let flushing = false;

  // Always a top-level transaction: never nested in whatever transaction the caller's code last awaited. The scope is
  // an `async` function on purpose: only then does Dexie follow the transaction across native awaits.
  const transaction = (batch: readonly Queued<J>[]) =>
    Dexie.ignoreTransaction(() => db.transaction(mode, tables(db), async () => await runBatch(batch.map((q) => q.job))));
  const answer = (q: Queued<J>, s: Settled<R> | undefined) => {
    if (!s) q.reject(new Error('the write batch gave no answer for this job'));
    else if (s.ok) q.resolve(s.value);
    else q.reject(s.error);
  };
  const alone = (q: Queued<J>) => transaction([q]).then((settled) => answer(q, settled[0]), q.reject);

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        if (batch.length === 1) {
          await alone(batch[0]!);
          continue;
        }
        let settled: Settled<R>[] | null = null;
        try {
          settled = await transaction(batch);
        } catch {
          settled = null;
        }
        if (settled) batch.forEach((q, i) => answer(q, settled![i]));
        else for (const q of batch) await alone(q);
      }
    } finally {
      flushing = false;
    }
  }

  return {
    run(job: J): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
        // The first job starts a batch at once; jobs arriving meanwhile wait for the next one and share it.
        if (!flushing) void flush();
      });
    },
  };
}
