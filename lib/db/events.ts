import type { Invoice, InvoiceEvent } from '../domain/invoice';
import type { RelanceDb } from './schema';
import { StoreError, type Clock } from './store';

/** Events the content scripts and pages record on invoices (a reminder drafted, a call, a pause…). */
export async function recordInvoiceEvents(
  db: RelanceDb,
  clock: Clock,
  invoiceIds: readonly string[],
  type: InvoiceEvent['type'],
  payload: Record<string, unknown>,
): Promise<number> {
  const at = clock.now().toISOString();
  return db.transaction('rw', db.invoices, db.events, async () => {
    const invoices = await db.invoices.bulkGet([...new Set(invoiceIds)]);
    const missing = invoices.findIndex((i) => !i);
    if (missing >= 0) throw new StoreError('not_found', 'This invoice no longer exists.');
    await db.events.bulkAdd(invoices.map((inv) => ({ invoiceId: inv!.id, clientKey: inv!.clientKey, type, at, payload })));
    return invoices.length;
  });
}

/**
 * A client's events as a collection over the [clientKey+at] index: oldest first, events of the same instant in the
 * order they were recorded (the index sorts equal keys by primary key, the auto-incremented id).
 */
export function clientEvents(db: RelanceDb, clientKey: string) {
  return db.events.where('[clientKey+at]').between([clientKey, ''], [clientKey, '\uffff']);
}

/**
 * Events recorded on one invoice (`invoiceId`), oldest first. Since schema v3 there is no invoiceId index: they are
 * read from the invoice's client, the range that also serves the timeline.
 */
export async function eventsOf(db: RelanceDb, invoice: Pick<Invoice, 'id' | 'clientKey'>): Promise<InvoiceEvent[]> {
  return clientEvents(db, invoice.clientKey)
    .filter((e) => e.invoiceId === invoice.id)
    .toArray();
}

/** eventsOf for several invoices, reading each client's events once: invoice id -> its events, oldest first. */
export async function eventsOfInvoices(db: RelanceDb, invoices: readonly Pick<Invoice, 'id' | 'clientKey'>[]): Promise<Map<string, InvoiceEvent[]>> {
  const out = new Map<string, InvoiceEvent[]>(invoices.map((i) => [i.id, []]));
  for (const key of new Set(invoices.map((i) => i.clientKey))) {
    const wanted = new Set(invoices.filter((i) => i.clientKey === key).map((i) => i.id));
    for (const e of await clientEvents(db, key).filter((ev) => ev.invoiceId !== null && wanted.has(ev.invoiceId)).toArray()) {
      out.get(e.invoiceId!)?.push(e);
    }
  }
  return out;
}
