import type { Invoice } from '@/lib/domain/invoice';
import { t } from './i18n';
import { daysOverdue, displayStatus } from './invoice-status';

/**
 * What an invoice's status pill says: "Paid", "12 days overdue", "Due today", "Due in 5 days". Without React, so the
 * background can say it too (the sidebar's first view, components/sidebar/first-view-tree.ts).
 */
export function statusText(invoice: Pick<Invoice, 'status' | 'dueDate'>, today: string): string {
  const status = displayStatus(invoice, today);
  if (status === 'paid') return t('statusPaid');
  const late = daysOverdue(invoice.dueDate, today);
  if (status === 'overdue') return late === 1 ? t('statusOverdueOne') : t('statusOverdueDays', [String(late)]);
  if (late === 0) return t('statusDueToday');
  return -late === 1 ? t('statusDueInOne') : t('statusDueInDays', [String(-late)]);
}
