import type { InvoiceEvent } from '../domain/invoice';
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

/** Events of one invoice, oldest first. */
export async function eventsOf(db: RelanceDb, invoiceId: string): Promise<InvoiceEvent[]> {
  const rows = await db.events.where('invoiceId').equals(invoiceId).toArray();
  return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.id ?? 0) - (b.id ?? 0)));
}
