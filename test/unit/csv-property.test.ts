import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '@/lib/domain/invoice';
import { mapCsv, previewCsv, type ColumnMapping } from '@/lib/import/csv';
import { invoicesToCsv } from '@/lib/import/export-csv';

/** The message previewCsv/mapCsv give when an exception escaped the readers: it must never be needed. */
const CAUGHT = 'The file could not be read as CSV.';

/** CSV-ish text: the characters the reader cares about, so the generator hits quotes, separators and dates. */
const csvish = fc.string({
  unit: fc.constantFrom(...'0123456789,;\t|"\n\r ./-€$abcéZ'.split(''), 'Invoice', 'Due date', 'Amount', 'Client', 'Email', '2025-01-31', '31/01/2025', 'a@b.example', 'Paid', '\uFEFF'),
  maxLength: 300,
});
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), csvish);
const mapping: fc.Arbitrary<ColumnMapping> = fc.record(
  { number: fc.nat(6), client: fc.nat(6), email: fc.nat(6), amount: fc.nat(6), issueDate: fc.nat(6), dueDate: fc.nat(6), status: fc.nat(6), amountDue: fc.nat(6) },
  { requiredKeys: [] },
);

describe('CSV import never throws', () => {
  it('previewCsv and mapCsv answer every string with a result, never an escaped exception', () => {
    fc.assert(
      fc.property(anyText, mapping, fc.constantFrom('dmy', 'mdy', 'ymd', undefined), (text, m, order) => {
        const p = previewCsv(text);
        if (!p.ok) expect(p.error).not.toBe(CAUGHT);
        else for (const idx of Object.values(p.mapping)) expect(idx).toBeLessThan(p.headers.length);
        const r = mapCsv(text, p.ok ? p.mapping : m, { defaultCurrency: 'EUR', today: '2025-06-15', ...(order ? { dateOrder: order } : {}) });
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e.message).not.toBe(CAUGHT);
        } else {
          for (const inv of r.invoices) {
            expect(Number.isSafeInteger(inv.amountMinor) && inv.amountMinor > 0).toBe(true);
            expect(inv.issueDate <= inv.dueDate).toBe(true);
            expect(inv.line).toBeGreaterThanOrEqual(2);
          }
        }
      }),
      { numRuns: 600 },
    );
  });
});

const invoiceArb: fc.Arbitrary<Invoice> = fc
  .record({
    number: fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,11}$/),
    clientName: fc.constantFrom('Acme', 'Dupont & Fils', '=HYPERLINK("x")', 'Müller, GmbH', 'Say "hi"'),
    email: fc.constantFrom('a@acme.example', 'compta@dupont.example'),
    amountMinor: fc.integer({ min: 1, max: 10_000_000 }),
    currency: fc.constantFrom('EUR', 'USD', 'JPY'),
    issueDay: fc.integer({ min: 0, max: 500 }),
    termDays: fc.integer({ min: 0, max: 90 }),
    paid: fc.boolean(),
  })
  .map((r) => {
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    return {
      id: r.number, clientKey: r.email, clientEmail: r.email, clientName: r.clientName, number: r.number, amountMinor: r.amountMinor,
      amountDueMinor: null, currency: r.currency, issueDate: day(r.issueDay), dueDate: day(r.issueDay + r.termDays), terms: null,
      status: r.paid ? 'paid' : 'open', review: 'confirmed', source: 'manual', confidence: null, paidDate: r.paid ? day(r.issueDay + 3) : null,
      paidMinor: r.paid ? r.amountMinor : 0, webmail: null, threadId: null, messageId: null, language: null, createdAt: '', updatedAt: '',
    } satisfies Invoice;
  });

describe('the accountant export reads back through the import', () => {
  it('same numbers, clients, amounts, currencies, dates and paid state', () => {
    fc.assert(
      fc.property(fc.uniqueArray(invoiceArb, { selector: (i) => i.number, minLength: 1, maxLength: 8 }), (invoices) => {
        const csv = invoicesToCsv(invoices, '2025-06-15');
        const p = previewCsv(csv);
        expect(p.ok).toBe(true);
        if (!p.ok) return;
        const r = mapCsv(csv, p.mapping, { defaultCurrency: 'EUR', today: '2025-06-15' });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const back = r.invoices.map((i) => [i.number, i.clientName, i.clientEmail, i.amountMinor, i.currency, i.issueDate, i.dueDate, i.status]);
        const sent = invoices.map((i) => [i.number, i.clientName, i.clientEmail, i.amountMinor, i.currency, i.issueDate, i.dueDate, i.status]);
        expect(back.sort()).toEqual(sent.sort());
      }),
      { numRuns: 150 },
    );
  });
});
