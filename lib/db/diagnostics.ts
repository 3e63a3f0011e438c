import type { DiagnosticRow, RelanceDb } from './schema';

/** Only the most recent diagnostics are useful (the current layout); older ones are dropped. */
export const MAX_DIAGNOSTICS = 20;

export class DiagnosticLog {
  constructor(private readonly db: RelanceDb) {}

  async add(row: Omit<DiagnosticRow, 'id'>): Promise<void> {
    await this.db.transaction('rw', this.db.diagnostics, async () => {
      await this.db.diagnostics.add({ ...row });
      const count = await this.db.diagnostics.count();
      if (count > MAX_DIAGNOSTICS) {
        // Auto-increment ids grow with insertion: the lowest are the oldest.
        const oldest = await this.db.diagnostics.orderBy('id').limit(count - MAX_DIAGNOSTICS).primaryKeys();
        await this.db.diagnostics.bulkDelete(oldest);
      }
    });
  }

  /** Newest first. */
  async list(): Promise<DiagnosticRow[]> {
    return this.db.diagnostics.orderBy('id').reverse().limit(MAX_DIAGNOSTICS).toArray();
  }
}
