import type { IsoDate, Jurisdiction } from '../types';

/**
 * Statutory payment periods, by jurisdiction and date of entry into force. A rule applies to invoices issued on or
 * after `from`; the latest applicable one wins. `null` means the law sets no such figure.
 */
export interface PaymentLawRule {
  jurisdiction: Jurisdiction;
  from: IsoDate;
  /** Days after the invoice when no term is agreed. */
  defaultDays: number | null;
  /** Longest agreed term counted from the invoice date. */
  maxNetDays: number | null;
  /** Longest agreed term counted "end of month". */
  maxEndOfMonthDays: number | null;
  source: string;
}

export const PAYMENT_LAW: readonly PaymentLawRule[] = [
  { jurisdiction: 'FR', from: '2009-01-01', defaultDays: 30, maxNetDays: 60, maxEndOfMonthDays: 45, source: 'Code de commerce L441-10 (LME 2008)' },
  { jurisdiction: 'EU', from: '2013-03-16', defaultDays: 30, maxNetDays: 60, maxEndOfMonthDays: null, source: 'Directive 2011/7/EU' },
  { jurisdiction: 'UK', from: '2013-03-16', defaultDays: 30, maxNetDays: 60, maxEndOfMonthDays: null, source: 'Late Payment of Commercial Debts Regulations 2013' },
  { jurisdiction: 'US', from: '1900-01-01', defaultDays: null, maxNetDays: null, maxEndOfMonthDays: null, source: 'no federal B2B rule' },
];

export function paymentLawFor(jurisdiction: Jurisdiction, issueDate: IsoDate): PaymentLawRule | null {
  let best: PaymentLawRule | null = null;
  for (const r of PAYMENT_LAW) {
    if (r.jurisdiction === jurisdiction && r.from <= issueDate && (!best || r.from > best.from)) best = r;
  }
  return best;
}
