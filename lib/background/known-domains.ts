import { DataMemo } from '../db/memo';
import type { RelanceDb } from '../db/schema';
import { domainOfEmail, indexKnownDomains, lookalikeWarning, type KnownDomains } from '../domain/lookalike';

/**
 * The user's clients' domains, for the look-alike check of the sidebar (lib/domain/lookalike.ts): an address whose
 * domain is not a client's but reads the same as one ("paypa1.com" next to "paypal.com") is warned about. Only the
 * background knows the clients; the index is kept until the clients table changes (2,000 clients: one key scan).
 */
const memos = new WeakMap<RelanceDb, DataMemo<KnownDomains>>();

export function knownDomains(db: RelanceDb): Promise<KnownDomains> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new DataMemo<KnownDomains>(db, 1, ['clients'])));
  return memo.get('all', async () => {
    const keys = (await db.clients.toCollection().primaryKeys()) as string[];
    return indexKnownDomains(keys.map(domainOfEmail));
  });
}

/** What the sidebar shows under a correspondent's address: null when its domain is ordinary. */
export async function lookalikeOf(db: RelanceDb, email: string): Promise<{ domain: string; ascii: string; imitates: string | null } | null> {
  const w = lookalikeWarning(email, await knownDomains(db));
  return w ? { domain: w.domain, ascii: w.ascii, imitates: w.imitates } : null;
}
