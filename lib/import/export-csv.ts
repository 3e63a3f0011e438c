import Papa from 'papaparse';
import { daysOverdue, displayStatus, outstandingMinor, type Invoice } from '../domain/invoice';
import { diffDaysIso } from '../domain/dates';
import { currencyDigits } from '../domain/money';
import type { IsoDate } from '../domain/types';

/**
 * The invoice list for an accountant, one row per invoice.
 *
 * Format choices: comma-separated, UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Windows-1252 and
 * garbles "é"), dates as YYYY-MM-DD and amounts with a decimal point and no grouping ("1234.50"), so that every
 * spreadsheet and accounting import reads the same values whatever its locale. Text cells that a spreadsheet would
 * run as a formula (starting with = + - @, a tab or a carriage return) are prefixed with an apostrophe: client names
 * come from received mail and must not execute. Amount cells are written as numbers and never escaped.
 */

export const EXPORT_COLUMNS = [
  'Invoice number',
  'Client',
  'Client email',
  'Issue date',
  'Due date',
  'Amount',
  'Currency',
  'Paid amount',
  'Paid date',
  'Outstanding',
  'Status',
  'Days late',
] as const;

/** "1234.50" for 123450 minor units of EUR; "-8.79"; "1500" for JPY. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Days late: for an open invoice, as of today; for a paid one, at payment; 0 when on time or unknown. */
export function daysLate(inv: Pick<Invoice, 'status' | 'dueDate' | 'paidDate'>, today: IsoDate): number {
  if (inv.status === 'cancelled') return 0;
  if (inv.status === 'paid') return inv.paidDate ? Math.max(0, diffDaysIso(inv.dueDate, inv.paidDate)) : 0;
  return Math.max(0, daysOverdue(inv.dueDate, today));
}

const FORMULA_START = /^[=+\-@\t\r]/;

function textCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function invoicesToCsv(invoices: readonly Invoice[], today: IsoDate): string {
  const rows = [...invoices]
    .filter((i) => i.review === 'confirmed')
    .sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.number.localeCompare(b.number)))
    .map((inv) => {
      const outstanding = inv.status === 'open' ? outstandingMinor(inv) : 0;
      const status = inv.status === 'cancelled' ? 'cancelled' : displayStatus(inv, today);
      return [
        textCell(inv.number),
        textCell(inv.clientName),
        textCell(inv.clientEmail),
        inv.issueDate,
        inv.dueDate,
        decimalAmount(inv.amountMinor, inv.currency),
        inv.currency,
        decimalAmount(inv.paidMinor, inv.currency),
        inv.paidDate ?? '',
        decimalAmount(outstanding, inv.currency),
        status,
        String(daysLate(inv, today)),
      ];
    });
  return '\uFEFF' + Papa.unparse({ fields: [...EXPORT_COLUMNS], data: rows }, { delimiter: ',', newline: '\r\n', quotes: false });
}
