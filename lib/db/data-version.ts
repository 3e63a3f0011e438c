import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction } from 'dexie';

/**
 * A counter that changes whenever Relance's data may have changed: on every write request and when a read-write
 * transaction ends (committed or aborted). Answers computed from the database can be cached under it (lib/db/memo.ts):
 * an answer is kept only when the counter did not move while it was computed, so a cached answer never predates a
 * write that finished before it was asked for.
 *
 * It counts writes made through this Dexie instance, which in the extension are all of them: only the background
 * worker opens the database. The counter lives in memory; a restarted worker starts again with empty caches.
 */
const versions = new WeakMap<Dexie, { n: number }>();

export function trackDataVersion(db: Dexie): void {
  if (versions.has(db)) return;
  const v = { n: 0 };
  versions.set(db, v);
  const bump = (): void => {
    v.n++;
  };
  db.use({
    stack: 'dbcore',
    name: 'relance-data-version',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options): DBCoreTransaction {
          const tx = down.transaction(stores, mode, options);
          if (mode === 'readwrite') {
            const idb = tx as unknown as Partial<IDBTransaction>;
            idb.addEventListener?.('complete', bump);
            idb.addEventListener?.('abort', bump);
          }
          return tx;
        },
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              bump();
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
}

/** The current data version of a database opened with trackDataVersion; null when it is not tracked. */
export function dataVersion(db: Dexie): number | null {
  return versions.get(db)?.n ?? null;
}
