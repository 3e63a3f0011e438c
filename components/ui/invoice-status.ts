import type { DisplayStatus, Invoice } from '@/lib/domain/invoice';

/**
 * The three status helpers of lib/domain/invoice.ts, for the content script: that module defines zod schemas at
 * its top level, and importing any of its functions would bundle zod (~26 KB gzip) into every webmail page.
 * test/unit/ui-invoice-status.test.ts checks they agree with the domain's on a table of cases.
 */
export function isoDaysBetween(a: string, b: string): number {
  const utc = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

export function displayStatus(inv: Pick<Invoice, 'status' | 'dueDate'>, today: string): DisplayStatus {
  if (inv.status === 'paid') return 'paid';
  return inv.dueDate < today ? 'overdue' : 'open';
}

export function daysOverdue(dueDate: string, today: string): number {
  return isoDaysBetween(dueDate, today);
}

export function outstandingMinor(inv: Pick<Invoice, 'amountMinor' | 'amountDueMinor' | 'paidMinor'>): number {
  return (inv.amountDueMinor ?? inv.amountMinor) - inv.paidMinor;
}
