import type Dexie from 'dexie';
import { dataVersion } from './data-version';

/**
 * Answers computed from the database, kept while the data has not changed (lib/db/data-version.ts): the same
 * sidebar or badge asked again without a write in between costs a map lookup, not a re-read of the client's history,
 * and two askers at once (the badge reads the summary and the oldest overdue invoice together) share one read.
 * The key must name everything else the answer depends on (the client, today's date). Cached values are shared:
 * callers must not mutate them. At most `max` keys are kept, the least recently used going first.
 */
export class DataMemo<T> {
  private readonly entries = new Map<string, { version: number; value: Promise<T> }>();

  constructor(
    private readonly db: Dexie,
    private readonly max = 64,
    /** The tables the answers are read from, when not all: writes to other tables keep them. */
    private readonly tables?: readonly string[],
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const version = dataVersion(this.db, this.tables);
    if (version === null) return compute();
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry = { version, value: compute() };
    this.entries.set(key, entry);
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.max) break;
      this.entries.delete(old);
    }
    // A failure is not kept, nor an answer during whose computation the data changed (it may predate the write).
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    entry.value.then(() => {
      if (dataVersion(this.db, this.tables) !== version) forget();
    }, forget);
    return entry.value;
  }
}
