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
interface Versions {
  /** Every write, any table. */
  n: number;
  /** Writes per table: an answer read from some tables only is kept across writes to the others. */
  byTable: Map<string, number>;
  /** Narrow counters per table (narrowVersion): moved by the writes to it whose rows were not all vouched for. */
  narrow: Map<string, Array<{ name: string; vouched: WeakSet<object> }>>;
  /** The sequence of write requests (writeMark, writtenSince). */
  seq: number;
  /** `table field value` → the seq of the last write request that put or deleted a row with that value (WATCHED). */
  lastWrite: Map<string, number>;
  /** `table field` → the seq of the last write that may have touched any value (a range delete, a delete by id). */
  lastWipe: Map<string, number>;
  /** Marks at or below it are too old: the values written before it were forgotten (a bound on memory). */
  floor: number;
  /** onTableWrites listeners, by table. */
  listeners: Map<string, Array<(rows: readonly unknown[] | null) => void>>;
}

/**
 * The fields whose written values are remembered, for writtenSince: the ledger's keys and the invoices' webmail
 * message ids, which a mail's first look reads (lib/background/mail-seen.ts) and its write batch would read again.
 */
const WATCHED: Readonly<Record<string, readonly string[]>> = { messages: ['key'], invoices: ['messageId'] };
/** Values remembered before the oldest are forgotten (and marks before then count as too old). */
const MAX_REMEMBERED = 20_000;
const slot = (table: string, field: string, value?: string) => (value === undefined ? `${table}\u0000${field}` : `${table}\u0000${field}\u0000${value}`);

const versions = new WeakMap<Dexie, Versions>();

export function trackDataVersion(db: Dexie): void {
  if (versions.has(db)) return;
  const v: Versions = { n: 0, byTable: new Map(), narrow: new Map(), seq: 0, lastWrite: new Map(), lastWipe: new Map(), floor: 0, listeners: new Map() };
  versions.set(db, v);
  const bump = (tables: readonly string[]): void => {
    v.n++;
    for (const t of tables) v.byTable.set(t, (v.byTable.get(t) ?? 0) + 1);
  };
  // The tables each read-write transaction wrote to: its end moves only their versions (a mail's transaction that
  // wrote the ledger alone leaves answers read from the invoices valid).
  const written = new WeakMap<object, Set<string>>();
  // Rows added or put, by transaction and table, for the onTableWrites listeners.
  const announced = new WeakMap<object, Map<string, unknown[]>>();
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
            const ended = () => bump([...(written.get(tx) ?? [])]);
            idb.addEventListener?.('complete', ended);
            idb.addEventListener?.('abort', ended);
            // The rows it added or put, to onTableWrites listeners, once they are written (never on an abort).
            idb.addEventListener?.('complete', () => {
              for (const [t, rows] of announced.get(tx) ?? []) for (const l of v.listeners.get(t) ?? []) l(rows);
            });
          }
          return tx;
        },
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              const moved = [name];
              for (const counter of v.narrow.get(name) ?? []) {
                const vouched = (req.type === 'add' || req.type === 'put') && req.values.every((row) => typeof row === 'object' && row !== null && counter.vouched.has(row));
                if (!vouched) moved.push(counter.name);
              }
              bump(moved);
              let tables = written.get(req.trans);
              if (!tables) written.set(req.trans, (tables = new Set()));
              for (const t of moved) tables.add(t);
              rememberValues(v, name, table.schema.primaryKey.keyPath, req);
              const listeners = v.listeners.get(name);
              if (listeners && (req.type === 'add' || req.type === 'put')) {
                let byTable = announced.get(req.trans);
                if (!byTable) announced.set(req.trans, (byTable = new Map()));
                let rows = byTable.get(name);
                if (!rows) byTable.set(name, (rows = []));
                for (const row of req.values) rows.push(row);
              } else if (listeners) for (const l of listeners) l(null);
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
}

/**
 * The current data version of a database opened with trackDataVersion (of the given tables only, when named: it
 * moves with every write to one of them); null when it is not tracked.
 */
export function dataVersion(db: Dexie, tables?: readonly string[]): number | null {
  const v = versions.get(db);
  if (!v) return null;
  if (!tables) return v.n;
  let n = 0;
  for (const t of tables) n += v.byTable.get(t) ?? 0;
  return n;
}

/**
 * A counter of the writes to `table` that may change one kind of answer (`name`; read it with
 * dataVersion(db, [counterName])): a write whose rows the writer vouched for first (`vouch`, the very row objects it
 * writes) leaves it. For a writer that knows its rows cannot change that answer: the mail batch writes new invoices
 * waiting for review, which the overdue summary never counts, and would otherwise invalidate it with every mail.
 * Deletes and writes of rows not vouched for move it, as any write moves the table's own counter.
 */
export function narrowVersion(db: Dexie, table: string, name: string): { counterName: string; vouch(rows: readonly object[]): void } {
  const v = versions.get(db);
  const counterName = `${table}:${name}`;
  if (!v) return { counterName, vouch: () => undefined };
  let list = v.narrow.get(table);
  if (!list) v.narrow.set(table, (list = []));
  let counter = list.find((c) => c.name === counterName);
  if (!counter) list.push((counter = { name: counterName, vouched: new WeakSet() }));
  const vouched = counter.vouched;
  return { counterName, vouch: (rows) => rows.forEach((r) => vouched.add(r)) };
}

/** Records which WATCHED values a write request may change (writtenSince). */
function rememberValues(v: Versions, table: string, primaryKey: string | string[] | null | undefined, req: DBCoreMutateRequest): void {
  const fields = WATCHED[table];
  if (!fields) return;
  const at = ++v.seq;
  for (const field of fields) {
    if (req.type === 'add' || req.type === 'put') {
      for (const row of req.values as unknown[]) {
        const value = (row as Record<string, unknown> | null)?.[field];
        if (typeof value === 'string') v.lastWrite.set(slot(table, field, value), at);
      }
    } else if (req.type === 'delete' && primaryKey === field) {
      for (const key of req.keys) if (typeof key === 'string') v.lastWrite.set(slot(table, field, key), at);
    } else {
      // A range delete, or a delete by a key that does not say the field's value: any value may be gone.
      v.lastWipe.set(slot(table, field), at);
    }
  }
  if (v.lastWrite.size > MAX_REMEMBERED) {
    v.lastWrite.clear();
    v.floor = at;
  }
}

/**
 * A point in the sequence of writes, to take BEFORE starting a read whose answer will be used later, in another
 * transaction: writtenSince(mark, …) then says whether a write since may have changed it. Every write request issued
 * before the mark belongs to a read-write transaction created before the read's, which IndexedDB orders before the
 * read: the read saw it. Null when the database is not tracked.
 */
export function writeMark(db: Dexie): number | null {
  return versions.get(db)?.seq ?? null;
}

/**
 * Whether a write request issued after `mark` may have put a row of `table` whose `field` is `value`, or, when the
 * field is the primary key, deleted it (true when unsure: an old mark, a range delete). For any other field, a row
 * that had the value and was given another is not seen: rely on it only for "nothing had the value, and still
 * nothing has". Only for WATCHED fields; always true for others. Ask it once
 * every write request that could precede yours has been issued: inside a read-write transaction, after its first
 * request has completed (the transaction has then started, so every transaction created before it has finished).
 */
export function writtenSince(db: Dexie, mark: number | null, table: string, field: string, value: string): boolean {
  const v = versions.get(db);
  if (!v || mark === null || !WATCHED[table]?.includes(field) || mark < v.floor) return true;
  return (v.lastWrite.get(slot(table, field, value)) ?? 0) > mark || (v.lastWipe.get(slot(table, field)) ?? 0) > mark;
}

/**
 * Tells `listener` about every write to `table` through this Dexie instance: the rows added or put, once their
 * transaction has committed (never when it aborts), and null as soon as anything else is issued (a delete, a range
 * delete), which may remove rows. For a cache kept up to date from the writes instead of read again after each one
 * (lib/background/known-domains.ts).
 */
export function onTableWrites(db: Dexie, table: string, listener: (rows: readonly unknown[] | null) => void): void {
  const v = versions.get(db);
  if (!v) return;
  let list = v.listeners.get(table);
  if (!list) v.listeners.set(table, (list = []));
  list.push(listener);
}
