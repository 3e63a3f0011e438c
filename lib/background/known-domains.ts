import Dexie, { type Transaction } from 'dexie';
import { onTableWrites } from '../db/data-version';
import type { RelanceDb } from '../db/schema';
import type { Client } from '../domain/invoice';
import { domainOfEmail, indexKnownDomains, lookalikeWarning, type DomainForms, type KnownDomains } from '../domain/lookalike';

/**
 * The user's clients' domains, for the look-alike check of the sidebar (lib/domain/lookalike.ts): an address whose
 * domain is not a client's but reads the same as one ("paypa1.com" next to "paypal.com") is warned about. Only the
 * background knows the clients.
 *
 * The domains are read once (a key scan of the clients table), then kept up to date from the writes
 * (lib/db/data-version.ts `onTableWrites`): a client written adds its domain once its transaction commits, and the
 * index is built again only when that domain is new. Until the sixth session any write to the clients table threw the
 * index away, and nearly every invoice detected writes its client: under load each sidebar then scanned every client
 * again (load profile: ~10 % of the worker's busy time with a few thousand clients). A delete sends it back to a scan,
 * which also drops the forms of domains no client has any more.
 */
interface Kept {
  /** The clients' domains, exact, or null until the next scan. */
  domains: Set<string> | null;
  /** The index over `domains`, or null until asked for. */
  index: KnownDomains | null;
  /** Each domain's forms (its skeleton…), kept across index builds. */
  forms: DomainForms;
  /** The scans in progress, and what the writes committed meanwhile said (their results must include them). */
  scans: Set<Scan>;
}

interface Scan {
  promise: Promise<KnownDomains>;
  added: Set<string>;
  stale: boolean;
  /** The transaction it reads in: only askers in the same one share it (see knownDomains). */
  trans: Transaction | undefined;
}

const kept = new WeakMap<RelanceDb, Kept>();

function keptFor(db: RelanceDb): Kept {
  let k = kept.get(db);
  if (k) return k;
  const fresh: Kept = { domains: null, index: null, forms: new Map(), scans: new Set() };
  kept.set(db, fresh);
  onTableWrites(db, 'clients', (rows) => {
    if (rows === null) {
      fresh.domains = null;
      fresh.index = null;
      for (const scan of fresh.scans) scan.stale = true;
      return;
    }
    for (const row of rows) {
      const domain = domainOfEmail((row as Partial<Client> | null)?.key ?? '');
      for (const scan of fresh.scans) scan.added.add(domain);
      if (fresh.domains && !fresh.domains.has(domain)) {
        fresh.domains.add(domain);
        fresh.index = null;
      }
    }
  });
  return fresh;
}

/**
 * Starts following the client writes, before the first request: a write issued before the listener exists is never
 * told, and a first check reading in a transaction older than that write would not see it either.
 */
export function watchClientDomains(db: RelanceDb): void {
  keptFor(db);
}

export function knownDomains(db: RelanceDb): Promise<KnownDomains> {
  const k = keptFor(db);
  if (k.domains) return Promise.resolve((k.index ??= indexKnownDomains(k.domains, k.forms)));
  // A scan is shared only within its transaction: waiting inside a transaction on another one's read lets the
  // waiting one commit early (Dexie's PrematureCommitError), and sidebar.load would fail.
  for (const scan of k.scans) if (scan.trans === Dexie.currentTransaction) return scan.promise;
  return startScan(db, k);
}

function startScan(db: RelanceDb, k: Kept): Promise<KnownDomains> {
  // Read in the caller's transaction, if any (sidebar.load's read-only one). Rows reach the domains when their
  // transaction commits: one that commits before the read is in what it reads (IndexedDB runs the read after every
  // read-write transaction created before it), one that commits later is collected in `added` or, once the scan is
  // done, added to the domains.
  let settle!: { resolve(v: KnownDomains): void; reject(e: unknown): void };
  const scan: Scan = { promise: new Promise<KnownDomains>((resolve, reject) => (settle = { resolve, reject })), added: new Set(), stale: false, trans: Dexie.currentTransaction };
  k.scans.add(scan);
  void (async () => {
    try {
      const keys = (await db.clients.toCollection().primaryKeys()) as string[];
      const domains = new Set(keys.map(domainOfEmail));
      for (const d of scan.added) domains.add(d);
      // The forms of domains no client has any more are dropped: the cache never outgrows the clients.
      if (k.forms.size > domains.size) for (const d of k.forms.keys()) if (!domains.has(d)) k.forms.delete(d);
      const index = indexKnownDomains(domains, k.forms);
      if (!scan.stale) {
        k.domains = domains;
        k.index = index;
      }
      settle.resolve(index);
    } catch (err) {
      settle.reject(err);
    } finally {
      k.scans.delete(scan);
    }
  })();
  return scan.promise;
}

/** What the sidebar shows under a correspondent's address: null when its domain is ordinary. */
export async function lookalikeOf(db: RelanceDb, email: string): Promise<{ domain: string; ascii: string; imitates: string | null } | null> {
  const w = lookalikeWarning(email, await knownDomains(db));
  return w ? { domain: w.domain, ascii: w.ascii, imitates: w.imitates } : null;
}
