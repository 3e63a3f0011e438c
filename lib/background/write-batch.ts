import Dexie, { type Table } from 'dexie';
import type { RelanceDb } from '../db/schema';

/**
 * Group commit for the writes of `mail.seen`. In Chromium a read-write IndexedDB transaction costs about a
 * millisecond to commit, and requests inside a short transaction wait a round trip each, while requests inside one
 * long transaction cost a tenth of that: with several tabs reporting mail at once, one transaction per message made
 * the transactions themselves the bottleneck (test/bench/load.ts). Jobs queued while a batch runs are run together,
 * one after the other, inside ONE read-write transaction.
 *
 * A job holds only IndexedDB work (anything else — hashing, reading PDFs, understanding text — is done before it is
 * queued: a transaction closes when it waits on something else), and its first await must be a database request:
 * Dexie follows a transaction across native `await`s only once one of its own requests has been awaited. Each job keeps its own checks, so running in a
 * batch changes no decision. If any job of a batch fails, the batch's transaction is aborted (nothing of it is
 * written) and its jobs are run again one by one, each in its own transaction, as they would be without batching:
 * a failing job never leaves another job half-written, nor is its failure shared.
 */
export interface WriteBatcher {
  run<T>(job: () => Promise<T>): Promise<T>;
}

interface Queued {
  job: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export function createWriteBatcher(db: RelanceDb, tables: (db: RelanceDb) => Table[], opts: { maxBatch?: number } = {}): WriteBatcher {
  const maxBatch = opts.maxBatch ?? 64;
  const queue: Queued[] = [];
  let flushing = false;

  // Always a top-level transaction: never nested in whatever transaction the caller's code last awaited.
  const transaction = <T>(body: () => Promise<T>) => Dexie.ignoreTransaction(() => db.transaction('rw', tables(db), body));
  // The scopes are `async` functions on purpose: only then does Dexie follow the transaction across native awaits.
  const alone = (q: Queued) => transaction(async () => await q.job()).then(q.resolve, q.reject);

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        if (batch.length === 1) {
          await alone(batch[0]!);
          continue;
        }
        let results: unknown[] | null = null;
        try {
          results = await transaction(async () => {
            const out: unknown[] = [];
            for (const q of batch) out.push(await q.job());
            return out;
          });
        } catch {
          results = null;
        }
        if (results) batch.forEach((q, i) => q.resolve(results![i]));
        else for (const q of batch) await alone(q);
      }
    } finally {
      flushing = false;
    }
  }

  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
        // The first job starts a batch at once; jobs arriving meanwhile wait for the next one and share it.
        if (!flushing) void flush();
      });
    },
  };
}
