import { useRef, useState } from 'react';
import type { Invoice } from '@/lib/domain/invoice';
import { displayStatus, outstandingMinor } from '@/components/ui/invoice-status';
import { formatAmount, formatIsoDate } from '@/components/ui/format';
import { t } from '@/components/ui/i18n';
import { statusText } from '@/components/ui/status-text';
import type { ClientGroupItem } from './groups';
import { addDaysToIso, MarkPaidForm, SnoozeForm } from './InlineForms';

export interface RowActions {
  markPaid(invoice: Invoice, payment?: { date: string; amountMinor: number }): Promise<void>;
  snooze(invoice: Invoice, until: string): Promise<void>;
  setPaused(invoice: Invoice, paused: boolean): Promise<void>;
  openThread(invoice: Invoice): void;
}

type Open = null | 'paid' | 'snooze';

/**
 * One invoice in the popup: status, amount, due date, its own pause, and the actions. Stable hooks:
 * data-relance="invoice" with data-invoice-number and data-status; inside, mark-paid (full payment today, one
 * click), mark-paid-details (partial or another date), snooze, pause, open-thread.
 */
export function PopupRow({ item, today, locale, actions }: { item: ClientGroupItem; today: string; locale: string; actions: RowActions }) {
  const { invoice, pause } = item;
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const detailsRef = useRef<HTMLButtonElement>(null);
  const snoozeRef = useRef<HTMLButtonElement>(null);
  const status = displayStatus(invoice, today);
  const outstanding = outstandingMinor(invoice);
  const manual = pause?.kind === 'manual';

  const close = (which: Open) => {
    setOpen(null);
    setError(null);
    (which === 'snooze' ? snoozeRef : detailsRef).current?.focus();
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setOpen(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errUnexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="rl-prow" data-relance="invoice" data-invoice-number={invoice.number} data-status={status} data-paused={pause ? 'true' : 'false'}>
      <div className="rl-prow-head">
        <span className="rl-invoice-number">{invoice.number}</span>
        <span className={`rl-status rl-status-${status}`}>{statusText(invoice, today)}</span>
        <span className="rl-invoice-amount">{formatAmount(outstanding, invoice.currency, locale)}</span>
      </div>
      <div className="rl-prow-meta">
        <span>{t('dueOn', [formatIsoDate(invoice.dueDate, locale)])}</span>
        {invoice.paidMinor > 0 ? <span>{t('partlyPaid', [formatAmount(invoice.paidMinor, invoice.currency, locale)])}</span> : null}
        {pause ? <span className="rl-paused-tag">{pause.until ? t('pausedBackOn', [formatIsoDate(addDaysToIso(pause.until, 1), locale)]) : t('pausedTag')}</span> : null}
      </div>
      <div className="rl-prow-actions">
        <button type="button" data-relance="open-thread" onClick={() => actions.openThread(invoice)}>
          {t('openThread')}
          <span className="rl-sr-only"> {invoice.number}</span>
        </button>
        <button type="button" data-relance="mark-paid" disabled={busy} onClick={() => void run(() => actions.markPaid(invoice))}>
          {t('markPaid')}
          <span className="rl-sr-only"> {invoice.number}</span>
        </button>
        <button
          ref={detailsRef}
          type="button"
          data-relance="mark-paid-details"
          aria-expanded={open === 'paid'}
          onClick={() => setOpen(open === 'paid' ? null : 'paid')}
        >
          {t('markPaidDetails')}
          <span className="rl-sr-only"> {invoice.number}</span>
        </button>
        <button
          ref={snoozeRef}
          type="button"
          data-relance="snooze"
          aria-expanded={open === 'snooze'}
          onClick={() => setOpen(open === 'snooze' ? null : 'snooze')}
        >
          {t('snooze')}
          <span className="rl-sr-only"> {invoice.number}</span>
        </button>
        <button
          type="button"
          data-relance="pause"
          disabled={busy}
          onClick={() => void run(() => actions.setPaused(invoice, !manual))}
        >
          {manual ? t('resume') : t('pause')}
          <span className="rl-sr-only"> {invoice.number}</span>
        </button>
      </div>
      {open === 'paid' ? (
        <MarkPaidForm
          number={invoice.number}
          outstandingMinor={outstanding}
          currency={invoice.currency}
          today={today}
          locale={locale}
          busy={busy}
          error={error}
          onCancel={() => close('paid')}
          onSave={(payment) => void run(() => actions.markPaid(invoice, payment))}
        />
      ) : null}
      {open === 'snooze' ? (
        <SnoozeForm number={invoice.number} today={today} busy={busy} error={error} onCancel={() => close('snooze')} onSave={(until) => void run(() => actions.snooze(invoice, until))} />
      ) : null}
      {open === null && error ? (
        <p className="rl-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

