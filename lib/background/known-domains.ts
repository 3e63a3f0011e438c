import { DataMemo } from '../db/memo';
import type { RelanceDb } from '../db/schema';
import { domainOfEmail, indexKnownDomains, lookalikeWarning, type DomainForms, type KnownDomains } from '../domain/lookalike';

/**
 * The user's clients' domains, for the look-alike check of the sidebar (lib/domain/lookalike.ts): an address whose
 * domain is not a client's but reads the same as one ("paypa1.com" next to "paypal.com") is warned about. Only the
 * background knows the clients; the index is kept until the clients table changes (2,000 clients: one key scan), and
 * each domain's forms until its last client goes.
 */
const memos = new WeakMap<RelanceDb, { memo: DataMemo<KnownDomains>; forms: DomainForms }>();

export function knownDomains(db: RelanceDb): Promise<KnownDomains> {
  let kept = memos.get(db);
  if (!kept) memos.set(db, (kept = { memo: new DataMemo<KnownDomains>(db, 1, ['clients']), forms: new Map() }));
  const { memo, forms } = kept;
  return memo.get('all', async () => {
    const domains = new Set(((await db.clients.toCollection().primaryKeys()) as string[]).map(domainOfEmail));
    // The forms of domains no client has any more are dropped: the cache never outgrows the clients.
    if (forms.size > domains.size) for (const d of forms.keys()) if (!domains.has(d)) forms.delete(d);
    return indexKnownDomains(domains, forms);
  });
}

/** What the sidebar shows under a correspondent's address: null when its domain is ordinary. */
export async function lookalikeOf(db: RelanceDb, email: string): Promise<{ domain: string; ascii: string; imitates: string | null } | null> {
  const w = lookalikeWarning(email, await knownDomains(db));
  return w ? { domain: w.domain, ascii: w.ascii, imitates: w.imitates } : null;
}
