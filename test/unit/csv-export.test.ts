import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '@/lib/domain/invoice';
import { daysLate, decimalAmount, EXPORT_COLUMNS, invoicesToCsv } from '@/lib/import/export-csv';

function invoice(over: Partial<Invoice>): Invoice {
  return {
    id: 'id', clientKey: 'a@acme.example', clientEmail: 'a@acme.example', clientName: 'Acme', number: 'F-1', amountMinor: 120000,
    amountDueMinor: null, currency: 'EUR', issueDate: '2025-05-01', dueDate: '2025-05-31', terms: null, status: 'open', review: 'confirmed',
    source: 'manual', confidence: null, paidDate: null, paidMinor: 0, webmail: null, threadId: null, messageId: null, language: null,
    createdAt: '', updatedAt: '', ...over,
  };
}

describe('accountant CSV export', () => {
  it.each([
    [123450, 'EUR', '1234.50'],
    [-879, 'EUR', '-8.79'],
    [5, 'EUR', '0.05'],
    [1500, 'JPY', '1500'],
    [1234567, 'KWD', '1234.567'],
  ])('decimalAmount(%i, %s) = %s', (minor, cur, text) => expect(decimalAmount(minor, cur)).toBe(text));

  it.each([
    [{ status: 'open' as const, dueDate: '2025-06-01', paidDate: null }, 14],
    [{ status: 'open' as const, dueDate: '2025-06-20', paidDate: null }, 0],
    [{ status: 'paid' as const, dueDate: '2025-06-01', paidDate: '2025-06-11' }, 10],
    [{ status: 'paid' as const, dueDate: '2025-06-01', paidDate: '2025-05-20' }, 0],
    [{ status: 'cancelled' as const, dueDate: '2025-06-01', paidDate: null }, 0],
  ])('days late of %j on 2025-06-15: %i', (inv, days) => expect(daysLate(inv, '2025-06-15')).toBe(days));

  it('writes one row per confirmed invoice, with a BOM, ISO dates, point decimals, status incl. overdue', () => {
    const csv = invoicesToCsv(
      [
        invoice({ number: 'F-2', issueDate: '2025-05-02', paidMinor: 20000 }),
        invoice({ number: 'F-1', status: 'paid', paidMinor: 120000, paidDate: '2025-06-03' }),
        invoice({ number: 'F-3', review: 'pending' }),
      ],
      '2025-06-15',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ['F-1', 'Acme', 'a@acme.example', '2025-05-01', '2025-05-31', '1200.00', 'EUR', '1200.00', '2025-06-03', '0.00', 'paid', '3'],
      ['F-2', 'Acme', 'a@acme.example', '2025-05-02', '2025-05-31', '1200.00', 'EUR', '200.00', '', '1000.00', 'overdue', '15'],
    ]);
  });

  it('defuses text a spreadsheet would run as a formula, but not amounts', () => {
    const csv = invoicesToCsv([invoice({ clientName: '=HYPERLINK("http://evil")', number: '@SUM(A1)', amountMinor: -500 })], '2025-06-15');
    const row = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data[1]!;
    expect(row[0]).toBe("'@SUM(A1)");
    expect(row[1]).toBe('\'=HYPERLINK("http://evil")');
    expect(row[5]).toBe('-5.00');
  });
});
