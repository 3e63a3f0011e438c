import type { Invoice } from '@/lib/domain/invoice';
import { displayStatus, outstandingMinor } from './invoice-status';
import { formatAmount, formatIsoDate } from './format';
import { t } from './i18n';
import { statusText } from './status-text';

interface InvoiceRowProps {
  invoice: Invoice;
  today: string;
  locale: string;
  /** Show the client (popup); the sidebar already names the client in its header. */
  showClient?: boolean;
  busy?: boolean;
  onMarkPaid?: (invoice: Invoice) => void;
  /** Sidebar only: put the client's next reminder in the webmail's editor. */
  onInsertReminder?: (invoice: Invoice) => void;
  /** A line under the row (the popup's next step). */
  note?: string;
}

/** One invoice, the same in the sidebar and the popup. Stable test hooks: data-relance, data-invoice-number, data-status. */
export function InvoiceRow({ invoice, today, locale, showClient, busy, onMarkPaid, onInsertReminder, note }: InvoiceRowProps) {
  const status = displayStatus(invoice, today);
  const client = invoice.clientName || invoice.clientEmail;
  const amount = formatAmount(status === 'paid' ? invoice.amountMinor : outstandingMinor(invoice), invoice.currency, locale);
  return (
    <li className="rl-invoice" data-relance="invoice" data-invoice-number={invoice.number} data-status={status}>
      <div className="rl-invoice-main">
        <div className="rl-invoice-title">
          <span className="rl-invoice-number">{invoice.number}</span>
          {showClient ? (
            <span className="rl-invoice-client" title={invoice.clientEmail}>
              {client}
            </span>
          ) : null}
        </div>
        <div className="rl-invoice-meta">
          <span className={`rl-status rl-status-${status}`}>{statusText(invoice, today)}</span>
          <span>{t('dueOn', [formatIsoDate(invoice.dueDate, locale)])}</span>
        </div>
        {note ? <div className="rl-invoice-note">{note}</div> : null}
      </div>
      <div className="rl-invoice-side">
        <span className="rl-invoice-amount">{amount}</span>
        {status !== 'paid' && onMarkPaid ? (
          <button
            type="button"
            data-relance="mark-paid"
            disabled={busy}
            onClick={() => onMarkPaid(invoice)}
          >
            {t('markPaid')}
            {/* The number makes the name unique in a list; the visible words start it (WCAG 2.5.3). */}
            <span className="rl-sr-only"> {invoice.number}</span>
          </button>
        ) : null}
        {status !== 'paid' && onInsertReminder ? (
          <button
            type="button"
            data-relance="insert-reminder"
            disabled={busy}
            onClick={() => onInsertReminder(invoice)}
          >
            {t('insertReminderShort')}
            <span className="rl-sr-only"> {invoice.number}</span>
          </button>
        ) : null}
      </div>
    </li>
  );
}
