import { appendToHistory, byClientKey, eventsByInvoice, type NewEvent } from '../db/events';
import { writtenSince } from '../db/data-version';
import { vouchOverdueUnaffected } from '../db/overdue';
import type { HistoryRow, MessageRow } from '../db/schema';
import type { RelanceStore } from '../db/store';
import type { Client, Invoice, InvoiceEvent } from '../domain/invoice';
import type { Settings } from '../domain/settings';

/**
 * The rows a batch of mail decisions looks at, read at once, and the writes they make, kept in memory and written at
 * once (issue 8, load). Deciding a mail takes 6–9 lookups in turn (the ledger, the invoice under its number, its
 * client, the invoices of its thread, the client's history…); each one, even inside a shared transaction, waited a
 * round trip to the browser's database process, and under load the worker sat idle half the time waiting for them
 * (test/bench/load.ts, CPU profile). Here every lookup a batch will make is known before any decision (what the mails
 * say is understood before they are queued), so the batch costs about three round trips whatever its size: the reads,
 * the invoices the ledger points at, the writes.
 *
 * The decisions themselves (detection.ts, replies.ts, followups.ts) are synchronous over this view and run one after
 * the other, each seeing the writes of those before it, as they would one at a time. A lookup of rows the view was
 * not told about never answers from rows that were not read (a wrong "nothing found" would track an invoice twice):
 * it throws `MissingRows`, the batch reads them and decides that mail again. A decision that throws leaves nothing
 * behind: its changes are undone before anything else runs.
 */

export type InvoiceIndex = 'number' | 'threadId' | 'clientKey' | 'messageId';
const INDEXES: readonly InvoiceIndex[] = ['number', 'threadId', 'clientKey', 'messageId'];

/** What one decision will look up, said before it runs. */
export interface MailNeeds {
  /** Ledger keys (`gmail:<id>`, `fp:<hash>`). */
  messageKeys?: ReadonlyArray<string | null>;
  /** Invoices under these index values (every invoice under each value is read). */
  invoices?: Partial<Record<InvoiceIndex, ReadonlyArray<string | null | undefined>>>;
  invoiceIds?: readonly string[];
  /** Client rows. */
  clients?: readonly string[];
  histories?: readonly string[];
  settings?: boolean;
  /** The histories of the clients of the invoices found by `invoices` (a follow-up looks for a waiting draft). */
  historiesOfFound?: boolean;
}

/**
 * What a request's first look read before its jobs were queued (mail-seen.ts `lookUp`), to be used instead of read
 * again when no write since may have changed it (lib/db/data-version.ts `writtenSince`).
 */
export interface PriorLook {
  /** writeMark taken before the first look's read. */
  mark: number | null;
  /** Ledger rows by key, as read (undefined: not in the ledger). */
  ledger: ReadonlyMap<string, MessageRow | undefined>;
  /** Webmail message ids under which no invoice was found. */
  noInvoiceUnder: readonly string[];
}

/**
 * Thrown by a lookup of rows the view was not told about: the batch reads them and decides that mail again (its
 * changes were undone). Never a wrong "nothing found", whatever the needs said.
 */
export class MissingRows extends Error {
  constructor(readonly needs: MailNeeds) {
    super(`mail batch: rows not read yet (${JSON.stringify(needs)})`);
    this.name = 'MissingRows';
  }
}

type Undo = () => void;

const present = (list: ReadonlyArray<string | null | undefined> | undefined): string[] => (list ?? []).filter((v): v is string => typeof v === 'string' && v.length > 0);

export class MailView {
  private readonly invoices = new Map<string, Invoice>();
  /** Invoices as stored, before the batch changed them. */
  private readonly stored = new Map<string, Invoice>();
  private readonly absentInvoices = new Set<string>();
  private readonly queried: Record<InvoiceIndex, Set<string>> = { number: new Set(), threadId: new Set(), clientKey: new Set(), messageId: new Set() };
  private readonly ledger = new Map<string, MessageRow | undefined>();
  private readonly clients = new Map<string, Client | undefined>();
  /** Histories read: events recorded on them are appended at once. */
  private readonly histories = new Map<string, HistoryRow | undefined>();
  /** Events for clients whose history was not read: appended when the batch is written. */
  private readonly pendingEvents = new Map<string, NewEvent[]>();
  private readonly dirty = { invoices: new Set<string>(), clients: new Set<string>(), histories: new Set<string>(), ledger: new Set<string>() };
  private undo: Undo[] | null = null;
  private settingsRow: Settings | undefined;

  private constructor(readonly store: RelanceStore) {}

  /**
   * A view with what the decisions of `needs` will look up read. What `prior` looks hold is taken from them instead
   * of read again when no write since may have changed it (MailView must be loaded in a read-write transaction then).
   */
  static async load(store: RelanceStore, needs: readonly MailNeeds[], prior: readonly PriorLook[] = []): Promise<MailView> {
    const view = new MailView(store);
    await view.read(needs, prior);
    return view;
  }

  get settings(): Settings {
    if (!this.settingsRow) throw new MissingRows({ settings: true });
    return this.settingsRow;
  }

  /**
   * Reads what `needs` asks for and the view does not hold yet: two round trips (the second only for what the first
   * points at: the invoices of ledger rows, the histories of the invoices found). What the view holds, the batch's
   * own writes included, is never replaced by what is read.
   */
  async read(needs: readonly MailNeeds[], prior: readonly PriorLook[] = []): Promise<void> {
    const db = this.store.db;
    const wanted = (pick: (n: MailNeeds) => ReadonlyArray<string | null | undefined> | undefined, held: (v: string) => boolean) => [
      ...new Set(needs.flatMap((n) => present(pick(n)).filter((v) => !held(v)))),
    ];
    let messageKeys = wanted((n) => n.messageKeys, (k) => this.ledger.has(k));
    let byIndex = INDEXES.map((index) => [index, wanted((n) => n.invoices?.[index], (v) => this.queried[index].has(v))] as const);
    const clientKeys = wanted((n) => n.clients, (k) => this.clients.has(k));
    const readSettings = needs.some((n) => n.settings) && !this.settingsRow;
    // What the first looks read is checked once this transaction has started, i.e. after a first request of its own:
    // with nothing else to read, everything is read.
    let fromPrior = prior.length > 0 ? priorFor(prior, messageKeys, byIndex) : null;
    if (fromPrior) {
      const { ledger, noInvoiceUnder } = fromPrior;
      const keys = messageKeys.filter((k) => !ledger.has(k));
      const values = byIndex.map(([index, list]) => [index, index === 'messageId' ? list.filter((v) => !noInvoiceUnder.has(v)) : list] as const);
      if (keys.length > 0 || clientKeys.length > 0 || readSettings || values.some(([, list]) => list.length > 0)) {
        messageKeys = keys;
        byIndex = values;
      } else fromPrior = null;
    }
    const [ledgerRows, clientRows, settings, ...found] = await Promise.all([
      messageKeys.length > 0 ? db.messages.bulkGet(messageKeys) : [],
      clientKeys.length > 0 ? db.clients.bulkGet(clientKeys) : [],
      readSettings ? this.store.getSettings() : undefined,
      ...byIndex.map(([index, values]) => invoicesUnder(this.store, index, values)),
    ]);
    messageKeys.forEach((k, i) => this.ledger.set(k, ledgerRows[i]));
    clientKeys.forEach((k, i) => this.clients.set(k, clientRows[i]));
    if (settings) this.settingsRow = settings;
    for (const [index, values] of byIndex) for (const v of values) this.queried[index].add(v);
    for (const list of found) for (const inv of list) if (!this.invoices.has(inv.id)) this.hold(inv);
    // The transaction has started: every write issued before it was issued. What no write since the first look may
    // have changed is taken from it; the rest is read (below for the ledger; a later lookup for invoices, MissingRows).
    const staleKeys: string[] = [];
    if (fromPrior) {
      for (const [k, { mark, row }] of fromPrior.ledger) {
        if (this.ledger.has(k)) continue;
        if (writtenSince(db, mark, 'messages', 'key', k)) staleKeys.push(k);
        else this.ledger.set(k, row);
      }
      for (const [v, mark] of fromPrior.noInvoiceUnder) if (!writtenSince(db, mark, 'invoices', 'messageId', v)) this.queried.messageId.add(v);
    }

    const held = (id: string) => this.invoices.has(id) || this.absentInvoices.has(id);
    const pointedAt = [
      ...new Set([...present(needs.flatMap((n) => n.invoiceIds ?? [])), ...[...this.ledger.values()].flatMap((r) => (r?.invoiceId ? [r.invoiceId] : []))]),
    ].filter((id) => !held(id));
    const historyKeys = wanted((n) => [...(n.histories ?? []), ...(n.historiesOfFound ? [...(n.clients ?? []), ...this.foundBy(n).map((i) => i.clientKey)] : [])], (k) => this.histories.has(k));
    if (pointedAt.length === 0 && historyKeys.length === 0 && staleKeys.length === 0) return;
    const [pointed, historyRows, staleRows] = await Promise.all([
      pointedAt.length > 0 ? db.invoices.bulkGet(pointedAt) : [],
      historyKeys.length > 0 ? db.histories.bulkGet(historyKeys) : [],
      staleKeys.length > 0 ? db.messages.bulkGet(staleKeys) : [],
    ]);
    // (The invoices a ledger row read again points at are read when a decision asks for them: MissingRows.)
    staleKeys.forEach((k, i) => this.ledger.set(k, staleRows[i]));
    pointedAt.forEach((id, i) => {
      const inv = pointed[i];
      if (inv) this.hold(inv);
      else this.absentInvoices.add(id);
    });
    historyKeys.forEach((k, i) => {
      // Events the batch recorded before this history was read are appended to it now, in the order recorded.
      const waiting = this.pendingEvents.get(k);
      this.histories.set(k, waiting ? appendToHistory(historyRows[i], k, waiting) : historyRows[i]);
      if (waiting) {
        this.pendingEvents.delete(k);
        this.dirty.histories.add(k);
      }
    });
  }

  private hold(inv: Invoice): void {
    this.invoices.set(inv.id, inv);
    this.stored.set(inv.id, inv);
  }

  /** The invoices read for these needs (before any decision). */
  private foundBy(n: MailNeeds): Invoice[] {
    return INDEXES.flatMap((index) => {
      const values = present(n.invoices?.[index]);
      return values.length > 0 ? this.invoicesWhere(index, values) : [];
    });
  }

  /**
   * Runs one decision. Its writes stay when it returns and are undone when it throws, so a failing mail never leaves
   * another one's view, nor the database, half-written.
   */
  decide<T>(decision: () => T): T {
    const undo: Undo[] = [];
    this.undo = undo;
    try {
      return decision();
    } catch (err) {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
      throw err;
    } finally {
      this.undo = null;
    }
  }

  private set<K, V>(map: Map<K, V>, key: K, value: V, dirty?: Set<K>): void {
    const had = map.has(key);
    const before = map.get(key);
    const wasDirty = dirty?.has(key) ?? false;
    map.set(key, value);
    dirty?.add(key);
    this.undo?.push(() => {
      if (had) map.set(key, before as V);
      else map.delete(key);
      if (dirty && !wasDirty) dirty.delete(key);
    });
  }

  // ——— The ledger of handled mail ———

  /** The first of `keys` already in the ledger (in the order given), or undefined. */
  ledgerFind(keys: ReadonlyArray<string | null>): MessageRow | undefined {
    for (const k of keys) {
      if (k === null) continue;
      if (!this.ledger.has(k)) throw new MissingRows({ messageKeys: [k] });
      const row = this.ledger.get(k);
      if (row) return row;
    }
    return undefined;
  }

  /** Records the mail under every key it has; a key seen before keeps pointing where it pointed. */
  ledgerRecord(keys: ReadonlyArray<string | null>, row: Omit<MessageRow, 'key'>): void {
    for (const key of new Set(keys)) {
      if (key === null) continue;
      if (this.ledgerFind([key])) continue;
      this.set(this.ledger, key, { key, ...row }, this.dirty.ledger);
    }
  }

  // ——— Invoices ———

  invoice(id: string): Invoice | undefined {
    const inv = this.invoices.get(id);
    if (inv || this.absentInvoices.has(id)) return inv;
    throw new MissingRows({ invoiceIds: [id] });
  }

  /**
   * The invoices under any of `values` of an index that `keep` keeps, in IndexedDB's order (by index value, then
   * id), with the batch's own writes.
   */
  invoicesWhere(index: InvoiceIndex, values: readonly string[], keep: (i: Invoice) => boolean = () => true): Invoice[] {
    const unread = values.filter((v) => !this.queried[index].has(v));
    if (unread.length > 0) throw new MissingRows({ invoices: { [index]: unread } });
    const wanted = new Set(values);
    const out: Invoice[] = [];
    for (const inv of this.invoices.values()) {
      const v = inv[index];
      if (v !== null && wanted.has(v) && keep(inv)) out.push(inv);
    }
    return out.sort((a, b) => compare(a[index]!, b[index]!) || compare(a.id, b.id));
  }

  addInvoice(inv: Invoice): void {
    this.set(this.invoices, inv.id, inv, this.dirty.invoices);
  }

  updateInvoice(id: string, changes: Partial<Invoice>): void {
    const inv = this.invoice(id);
    if (!inv) throw new Error(`mail batch: no invoice ${id} to update`);
    this.set(this.invoices, id, { ...inv, ...changes }, this.dirty.invoices);
  }

  // ——— Clients ———

  client(key: string): Client | undefined {
    if (!this.clients.has(key)) throw new MissingRows({ clients: [key] });
    return this.clients.get(key);
  }

  putClient(client: Client): void {
    this.set(this.clients, client.key, client, this.dirty.clients);
  }

  // ——— Histories ———

  addEvents(events: readonly NewEvent[]): void {
    for (const [key, list] of byClientKey(events)) {
      if (this.histories.has(key)) this.set(this.histories, key, appendToHistory(this.histories.get(key), key, list), this.dirty.histories);
      // A new array, not a push: undoing the decision puts the previous one back.
      else this.set(this.pendingEvents, key, [...(this.pendingEvents.get(key) ?? []), ...list]);
    }
  }

  /** Events recorded on these invoices, oldest first, the batch's included; their clients' histories must have been read. */
  eventsOfInvoices(invoices: readonly Pick<Invoice, 'id' | 'clientKey'>[]): Map<string, InvoiceEvent[]> {
    const keys = [...new Set(invoices.map((i) => i.clientKey))];
    const unread = keys.filter((k) => !this.histories.has(k));
    if (unread.length > 0) throw new MissingRows({ histories: unread });
    return eventsByInvoice(keys.map((k) => this.histories.get(k)), invoices);
  }

  // ——— Writing ———

  /** Writes what the decisions changed: the histories not read yet are read first (one round trip), then one of writes. */
  async commit(): Promise<void> {
    const db = this.store.db;
    const unread = [...this.pendingEvents.keys()];
    const read = unread.length > 0 ? await db.histories.bulkGet(unread) : [];
    const histories = [
      ...[...this.dirty.histories].map((k) => this.histories.get(k)!),
      ...unread.map((k, i) => appendToHistory(read[i], k, this.pendingEvents.get(k)!)),
    ];
    const pick = <K, V>(keys: Set<K>, map: Map<K, V | undefined>) => [...keys].map((k) => map.get(k)).filter((v): v is V => v !== undefined);
    const invoices = pick(this.dirty.invoices, this.invoices);
    const clients = pick(this.dirty.clients, this.clients);
    const ledger = pick(this.dirty.ledger, this.ledger);
    // Most mail writes new invoices waiting for review, or gives one its webmail ids: the overdue summary (badge,
    // status.get) stays valid, instead of being read again after every mail.
    vouchOverdueUnaffected(db, invoices, (id) => this.stored.get(id));
    await Promise.all([
      invoices.length > 0 ? db.invoices.bulkPut(invoices) : undefined,
      clients.length > 0 ? db.clients.bulkPut(clients) : undefined,
      histories.length > 0 ? db.histories.bulkPut(histories) : undefined,
      ledger.length > 0 ? db.messages.bulkAdd(ledger) : undefined,
    ]);
  }
}

/** The parts of the first looks that the view was about to read, with the mark each was read under. */
function priorFor(prior: readonly PriorLook[], messageKeys: readonly string[], byIndex: ReadonlyArray<readonly [InvoiceIndex, readonly string[]]>) {
  const keys = new Set(messageKeys);
  const sentIds = new Set(byIndex.find(([index]) => index === 'messageId')?.[1] ?? []);
  const ledger = new Map<string, { mark: number | null; row: MessageRow | undefined }>();
  const noInvoiceUnder = new Map<string, number | null>();
  for (const p of prior) {
    for (const [k, row] of p.ledger) if (keys.has(k) && !ledger.has(k)) ledger.set(k, { mark: p.mark, row });
    for (const v of p.noInvoiceUnder) if (sentIds.has(v) && !noInvoiceUnder.has(v)) noInvoiceUnder.set(v, p.mark);
  }
  return { ledger, noInvoiceUnder };
}

/**
 * Every invoice under any of `values` of an index, one `getAll` per value, all asked at once (in no useful order).
 * Not Dexie's `anyOf`: that walks one cursor across the values' range, a round trip to the database per value and per
 * stored key it skips, one after the other, and a batch's transaction stayed open for all of them (load bench profile).
 */
export async function invoicesUnder(store: RelanceStore, index: InvoiceIndex, values: readonly string[]): Promise<Invoice[]> {
  if (values.length === 0) return [];
  const lists = await Promise.all(values.map((v) => store.db.invoices.where(index).equals(v).toArray()));
  return lists.flat();
}

/** IndexedDB's order of two string keys (code unit by code unit, as JavaScript compares strings). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
