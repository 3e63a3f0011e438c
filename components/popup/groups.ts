import { daysOverdue, displayStatus, type Invoice } from '@/lib/domain/invoice';
import type { IsoDate } from '@/lib/domain/types';

export interface OverdueItem {
  invoice: Invoice;
  daysOverdue: number;
}
export interface UpcomingItem {
  invoice: Invoice;
  /** 0 = due today. */
  dueInDays: number;
}
export interface PopupGroups {
  overdue: OverdueItem[];
  upcoming: UpcomingItem[];
}

/**
 * What the popup lists: confirmed, unpaid invoices; overdue first (most late first), then those still to come
 * (soonest first). Paid, cancelled, and not-yet-confirmed detections are left out, as the badge leaves them out.
 */
export function groupInvoicesForPopup(invoices: readonly Invoice[], today: IsoDate): PopupGroups {
  const overdue: OverdueItem[] = [];
  const upcoming: UpcomingItem[] = [];
  for (const invoice of invoices) {
    if (invoice.status !== 'open' || invoice.review !== 'confirmed') continue;
    if (displayStatus(invoice, today) === 'overdue') overdue.push({ invoice, daysOverdue: daysOverdue(invoice.dueDate, today) });
    else upcoming.push({ invoice, dueInDays: daysOverdue(today, invoice.dueDate) });
  }
  const byNumber = (a: Invoice, b: Invoice) => a.number.localeCompare(b.number);
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || byNumber(a.invoice, b.invoice));
  upcoming.sort((a, b) => a.dueInDays - b.dueInDays || byNumber(a.invoice, b.invoice));
  return { overdue, upcoming };
}
