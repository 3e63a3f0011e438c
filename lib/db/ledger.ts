import type { MessageRow, RelanceDb } from './schema';

/**
 * The ledger of mail Relance has handled (table `messages`, schema v2). A mail can be known under two keys: its
 * webmail id (`gmail:<id>`) and its fingerprint (`fp:<hash>`), the only key a mail has while it is being sent.
 */
export function messageKey(webmail: string, messageId: string): string {
  return `${webmail}:${messageId}`;
}

export function fingerprintKey(fingerprint: string): string {
  return `fp:${fingerprint}`;
}

export class MessageLedger {
  constructor(private readonly db: RelanceDb) {}

  /** The first of `keys` already in the ledger (in the order given), or undefined. */
  async find(keys: ReadonlyArray<string | null>): Promise<MessageRow | undefined> {
    const present = keys.filter((k): k is string => k !== null);
    if (present.length === 0) return undefined;
    const rows = await this.db.messages.bulkGet(present);
    return rows.find((r): r is MessageRow => r !== undefined);
  }

  /**
   * Records the mail under every key it has; a key seen before keeps pointing where it pointed. Two requests
   * whatever the number of keys (one read of them all, one write of the new ones): under load every request in
   * the shared write transaction is a round trip to the browser's database process.
   */
  async record(keys: ReadonlyArray<string | null>, row: Omit<MessageRow, 'key'>): Promise<void> {
    const present = [...new Set(keys.filter((k): k is string => k !== null))];
    if (present.length === 0) return;
    const rows = await this.db.messages.bulkGet(present);
    const fresh = present.filter((_, i) => rows[i] === undefined).map((key) => ({ key, ...row }));
    if (fresh.length > 0) await this.db.messages.bulkAdd(fresh);
  }
}
