import type { Invoice, InvoiceEvent } from '@/lib/domain/invoice';
import { formatAmount, formatIsoDate } from '@/components/ui/format';
import { t } from '@/components/ui/i18n';
import { detectionDetails, showsSource, sourceText } from './card-text';

interface DetectedInvoiceProps {
  invoice: Invoice;
  events: readonly InvoiceEvent[];
  locale: string;
  busy: boolean;
  onConfirm: (invoice: Invoice) => void;
  onEdit: (invoice: Invoice) => void;
  onDismiss: (invoice: Invoice) => void;
}

/** A detection waiting for the user: its fields, why Relance thinks it is an invoice, and one click to decide. */
export function DetectedInvoice({ invoice, events, locale, busy, onConfirm, onEdit, onDismiss }: DetectedInvoiceProps) {
  const { evidence, attachments } = detectionDetails(events, invoice.id);
  const unread = attachments.filter((a) => a.status !== 'read');
  return (
    <li className="rl-detected" data-relance="detected-invoice" data-invoice-number={invoice.number}>
      <div className="rl-detected-head">
        <span className="rl-badge">{t('detectedBadge')}</span>
        <span className="rl-invoice-number">{invoice.number}</span>
        <span className="rl-invoice-amount">{formatAmount(invoice.amountMinor, invoice.currency, locale)}</span>
      </div>
      <dl className="rl-fields">
        <dt>{t('labelIssueDate')}</dt>
        <dd>{formatIsoDate(invoice.issueDate, locale)}</dd>
        <dt>{t('labelDueDate')}</dt>
        <dd data-relance="detected-due">{formatIsoDate(invoice.dueDate, locale)}</dd>
        <dt>{t('labelClientEmail')}</dt>
        <dd>{invoice.clientEmail}</dd>
      </dl>
      {unread.length > 0 ? (
        <p className="rl-warn-line" data-relance="attachment-unread">
          {t('pdfUnread')}
        </p>
      ) : attachments.length > 0 ? (
        <p className="rl-muted rl-small">{t('pdfRead', [attachments.map((a) => a.filename).join(', ')])}</p>
      ) : null}
      {evidence.length > 0 ? (
        <ul className="rl-evidence" aria-label={t('evidenceTitle')}>
          {evidence.map((e, i) => (
            <li key={i}>
              {/* The background's evidence often starts by naming its source already ("subject says…"). */}
              {showsSource(e) ? <span className="rl-evidence-source">{sourceText(e.source)} </span> : null}
              {e.text}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="rl-actions">
        <button type="button" data-relance="dismiss-invoice" disabled={busy} onClick={() => onDismiss(invoice)}>
          {t('dismiss')}
        </button>
        <button type="button" data-relance="edit-invoice" disabled={busy} onClick={() => onEdit(invoice)}>
          {t('edit')}
        </button>
        <button type="button" className="rl-primary" data-relance="confirm-invoice" disabled={busy} onClick={() => onConfirm(invoice)}>
          {t('confirm')}
        </button>
      </div>
    </li>
  );
}
