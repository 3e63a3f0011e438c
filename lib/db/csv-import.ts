import { clientKeyFor, type Invoice } from '../domain/invoice';
import type { CsvInvoice } from '../import/csv';
import { addEvents, type NewEvent } from './events';
import type { RelanceDb } from './schema';
import type { Clock } from './store';

export interface CsvImportOutcome {
  imported: number;
  /** Invoices already tracked for the same client under the same number: left as they are. */
  skippedDuplicates: number;
}

/**
 * Adds the invoices read from a CSV file, in one transaction: if anything fails, nothing is added. An invoice whose
 * number is already tracked for that client is skipped (and counted), so importing the same file twice adds nothing
 * the second time. Clients are created as needed; every invoice gets a 'created' event (source: import) and, when
 * the file says it was paid (wholly or partly), a 'payment-recorded' event.
 */
export async function importCsvInvoices(db: RelanceDb, clock: Clock, rows: readonly CsvInvoice[]): Promise<CsvImportOutcome> {
  const now = clock.now().toISOString();
  return db.transaction('rw', db.invoices, db.clients, db.histories, async () => {
    let imported = 0;
    let skippedDuplicates = 0;
    const events: NewEvent[] = [];
    for (const row of rows) {
      const clientKey = clientKeyFor(row.clientEmail);
      const dup = await db.invoices
        .where('number')
        .equals(row.number)
        .filter((i) => i.clientKey === clientKey && i.review !== 'dismissed')
        .first();
      if (dup) {
        skippedDuplicates++;
        continue;
      }
      const client = await db.clients.get(clientKey);
      if (!client) {
        await db.clients.add({
          key: clientKey,
          email: clientKey,
          name: row.clientName,
          jurisdiction: null,
          b2b: true,
          language: null,
          paused: false,
          createdAt: now,
          updatedAt: now,
        });
      } else if (row.clientName && !client.name) {
        await db.clients.update(clientKey, { name: row.clientName, updatedAt: now });
      }
      const invoice: Invoice = {
        id: crypto.randomUUID(),
        clientKey,
        clientEmail: clientKey,
        clientName: row.clientName || client?.name || '',
        number: row.number,
        amountMinor: row.amountMinor,
        amountDueMinor: null,
        currency: row.currency,
        issueDate: row.issueDate,
        dueDate: row.dueDate,
        terms: null,
        status: row.status,
        review: 'confirmed',
        source: 'import',
        confidence: null,
        paidDate: row.paidDate,
        paidMinor: row.paidMinor,
        webmail: null,
        threadId: null,
        messageId: null,
        language: null,
        createdAt: now,
        updatedAt: now,
      };
      await db.invoices.add(invoice);
      events.push({ invoiceId: invoice.id, clientKey, type: 'created', at: now, payload: { source: 'import', line: row.line } });
      if (row.paidMinor > 0) {
        events.push({
          invoiceId: invoice.id,
          clientKey,
          type: 'payment-recorded',
          at: now,
          payload: { date: row.paidDate, amountMinor: row.paidMinor, full: row.status === 'paid', source: 'import' },
        });
      }
      imported++;
    }
    // Once for the whole file: each client's history is read and rewritten once, not once per row.
    await addEvents(db, events);
    return { imported, skippedDuplicates };
  });
}
