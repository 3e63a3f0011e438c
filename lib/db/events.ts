import type { Invoice, InvoiceEvent } from '../domain/invoice';
import type { HistoryRow, RelanceDb } from './schema';
import { StoreError, type Clock } from './store';

/**
 * A client's history: since schema v4 all the events of one client are stored together, in one `histories` row,
 * oldest first (events of the same instant in the order they were recorded). Every reader wants a client's history
 * whole (the sidebar's timeline and risk, the ladder, the popup's pauses) or everything (export, notifications), and
 * one IndexedDB request per event made an import of 50,000 events cost 3–5 s in Chromium, and the largest client's
 * sidebar wait for 1,000 row reads (README, Performance). A write reads and rewrites its client's row, inside the
 * caller's read-write transaction, so two writers never lose each other's events.
 *
 * Event ids are numbered per client (`lastId`): they tell apart the events of one timeline, nothing refers to them.
 */
export type NewEvent = Omit<InvoiceEvent, 'id'>;

/** The first index after every event at or before `at`, in a history sorted by `at`: appending keeps it stable. */
function insertionIndex(events: readonly InvoiceEvent[], at: string): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `row` with `events` recorded on it (a new row when there is none); `row` itself is not changed. */
export function appendToHistory(row: HistoryRow | undefined, clientKey: string, events: readonly NewEvent[]): HistoryRow {
  const out: HistoryRow = { clientKey, events: row ? row.events.slice() : [], lastId: row?.lastId ?? 0 };
  for (const e of events) {
    const ev: InvoiceEvent = { ...stripId(e), clientKey, id: ++out.lastId };
    // Nearly always the end: events are recorded as they happen. A mail's own date may be earlier (a reminder seen
    // later in its thread), and then it goes where it belongs in time.
    const at = insertionIndex(out.events, ev.at);
    if (at === out.events.length) out.events.push(ev);
    else out.events.splice(at, 0, ev);
  }
  return out;
}

function stripId(e: NewEvent | InvoiceEvent): NewEvent {
  if (!('id' in e)) return e;
  const { id: _id, ...rest } = e;
  return rest;
}

/** Events grouped by client, each group in the order given. */
export function byClientKey(events: readonly NewEvent[]): Map<string, NewEvent[]> {
  const out = new Map<string, NewEvent[]>();
  for (const e of events) {
    const list = out.get(e.clientKey);
    if (list) list.push(e);
    else out.set(e.clientKey, [e]);
  }
  return out;
}

/**
 * Flat events (a backup file, or the v3 events table in recording order) as one history row per client. A stable
 * sort by instant, not one insertion per event: a hostile file with 50,000 unsorted events of one client must not
 * cost a quadratic number of moves.
 */
export function packHistories(events: readonly (NewEvent | InvoiceEvent)[]): HistoryRow[] {
  return [...byClientKey(events.map(stripId))].map(([clientKey, list]) => {
    // The list is a fresh array (map above): sorted in place.
    const sorted = list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { clientKey, events: sorted.map((e, i) => ({ ...e, clientKey, id: i + 1 })), lastId: sorted.length };
  });
}

/**
 * Records events, each in its client's history. Joins the caller's read-write transaction when there is one (its
 * scope must include `histories`), so that the events are written with whatever they record, or not at all.
 */
export async function addEvents(db: RelanceDb, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.transaction('rw', db.histories, async () => {
    const grouped = byClientKey(events);
    const keys = [...grouped.keys()];
    const rows = await db.histories.bulkGet(keys);
    await db.histories.bulkPut(keys.map((k, i) => appendToHistory(rows[i], k, grouped.get(k)!)));
  });
}

export function addEvent(db: RelanceDb, event: NewEvent): Promise<void> {
  return addEvents(db, [event]);
}

/** A client's events, oldest first. */
export async function clientHistory(db: RelanceDb, clientKey: string): Promise<InvoiceEvent[]> {
  return (await db.histories.get(clientKey))?.events ?? [];
}

/** Every event of every client (export, notifications): client by client, each oldest first. */
export async function allEvents(db: RelanceDb): Promise<InvoiceEvent[]> {
  return (await db.histories.toArray()).flatMap((r) => r.events);
}

/** Events recorded on one invoice, oldest first: read from its client's history. */
export async function eventsOf(db: RelanceDb, invoice: Pick<Invoice, 'id' | 'clientKey'>): Promise<InvoiceEvent[]> {
  return (await clientHistory(db, invoice.clientKey)).filter((e) => e.invoiceId === invoice.id);
}

/** eventsOf for several invoices, reading each client's history once: invoice id -> its events, oldest first. */
export async function eventsOfInvoices(db: RelanceDb, invoices: readonly Pick<Invoice, 'id' | 'clientKey'>[]): Promise<Map<string, InvoiceEvent[]>> {
  return eventsByInvoice(await db.histories.bulkGet([...new Set(invoices.map((i) => i.clientKey))]), invoices);
}

/** The events of `invoices` found in their clients' history rows: invoice id -> its events, oldest first. */
export function eventsByInvoice(rows: readonly (HistoryRow | undefined)[], invoices: readonly Pick<Invoice, 'id'>[]): Map<string, InvoiceEvent[]> {
  const out = new Map<string, InvoiceEvent[]>(invoices.map((i) => [i.id, []]));
  for (const row of rows) {
    for (const e of row?.events ?? []) if (e.invoiceId !== null) out.get(e.invoiceId)?.push(e);
  }
  return out;
}

/**
 * An invoice's events follow it to another client (its client's address was corrected): taken out of the old
 * client's history and recorded in the new one's, at their own instants. Must run inside a read-write transaction
 * over `histories`.
 */
export async function moveInvoiceEvents(db: RelanceDb, invoiceId: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  await db.transaction('rw', db.histories, async () => {
    const [source, target] = await db.histories.bulkGet([from, to]);
    if (!source) return;
    const moving = source.events.filter((e) => e.invoiceId === invoiceId);
    if (moving.length === 0) return;
    const staying = source.events.filter((e) => e.invoiceId !== invoiceId);
    await db.histories.bulkPut([
      { ...source, events: staying },
      appendToHistory(target, to, moving.map((e) => ({ ...stripId(e), clientKey: to }))),
    ]);
  });
}

/** Events the content scripts and pages record on invoices (a reminder drafted, a call, a pause…). */
export async function recordInvoiceEvents(
  db: RelanceDb,
  clock: Clock,
  invoiceIds: readonly string[],
  type: InvoiceEvent['type'],
  payload: Record<string, unknown>,
): Promise<number> {
  const at = clock.now().toISOString();
  return db.transaction('rw', db.invoices, db.histories, async () => {
    const invoices = await db.invoices.bulkGet([...new Set(invoiceIds)]);
    const missing = invoices.findIndex((i) => !i);
    if (missing >= 0) throw new StoreError('not_found', 'This invoice no longer exists.');
    await addEvents(db, invoices.map((inv) => ({ invoiceId: inv!.id, clientKey: inv!.clientKey, type, at, payload })));
    return invoices.length;
  });
}
