import { InvoiceSchema, type Invoice } from '@/lib/domain/invoice';

/** A confirmed open invoice of 100.00 EUR for the popup's tests; `extra` overrides any field. */
export function popupInvoice(number: string, email: string, dueDate: string, extra: Partial<Invoice> = {}): Invoice {
  return InvoiceSchema.parse({
    id: `id-${number}`,
    clientKey: email,
    clientEmail: email,
    clientName: email.split('@')[0],
    number,
    amountMinor: 10_000,
    currency: 'EUR',
    issueDate: '2026-01-01',
    dueDate,
    status: 'open',
    source: 'manual',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  });
}
