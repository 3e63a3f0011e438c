import { useCallback, useEffect, useState } from 'react';
import type { Invoice } from '@/lib/domain/invoice';
import { RelanceError, send } from '@/lib/messaging/client';
import { InvoiceRow } from '@/components/ui/InvoiceRow';
import { t, uiLocale } from '@/components/ui/i18n';
import { groupInvoicesForPopup, type PopupGroups } from './groups';

interface PopupProps {
  /** Opens the options page (a browser.* call, so the entrypoint provides it). */
  onOpenOptions: () => void;
}

/** The toolbar popup: what is late, then what is coming, each with "Mark paid". */
export function Popup({ onOpenOptions }: PopupProps) {
  const [state, setState] = useState<{ today: string; groups: PopupGroups } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const locale = uiLocale();

  const load = useCallback(async () => {
    try {
      const { today, invoices } = await send('invoice.list', {});
      setState({ today, groups: groupInvoicesForPopup(invoices, today) });
      setError(null);
    } catch (err) {
      setError(err instanceof RelanceError ? err.message : t('errUnexpected'));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function markPaid(invoice: Invoice) {
    setBusyId(invoice.id);
    try {
      await send('invoice.markPaid', { id: invoice.id });
      await load();
    } catch (err) {
      setError(err instanceof RelanceError ? err.message : t('errUnexpected'));
    } finally {
      setBusyId(null);
    }
  }

  const row = (invoice: Invoice) => (
    <InvoiceRow
      key={invoice.id}
      invoice={invoice}
      today={state?.today ?? ''}
      locale={locale}
      showClient
      busy={busyId === invoice.id}
      onMarkPaid={(i) => void markPaid(i)}
    />
  );
  const empty = state !== null && state.groups.overdue.length === 0 && state.groups.upcoming.length === 0;

  return (
    <main className="rl rl-popup" data-relance="popup">
      <header className="rl-popup-header">
        <div className="rl-brand-row">
          <img src="/icon/32.png" alt="" />
          <h1 className="rl-brand">Relance</h1>
        </div>
        <button type="button" className="rl-link" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </header>
      {error ? (
        <p className="rl-form-error" role="alert">
          {error}
        </p>
      ) : null}
      {state === null && !error ? <p className="rl-empty">{t('loading')}</p> : null}
      {empty ? (
        <div className="rl-empty" data-relance="empty">
          <p>{t('popupEmpty')}</p>
        </div>
      ) : null}
      {state && state.groups.overdue.length > 0 ? (
        <section aria-labelledby="rl-overdue-title">
          <h2 className="rl-section-title" id="rl-overdue-title">
            {t('overdueSection', [String(state.groups.overdue.length)])}
          </h2>
          <ul className="rl-invoices">{state.groups.overdue.map((item) => row(item.invoice))}</ul>
        </section>
      ) : null}
      {state && state.groups.upcoming.length > 0 ? (
        <section aria-labelledby="rl-upcoming-title">
          <h2 className="rl-section-title" id="rl-upcoming-title">
            {t('upcomingSection', [String(state.groups.upcoming.length)])}
          </h2>
          <ul className="rl-invoices">{state.groups.upcoming.map((item) => row(item.invoice))}</ul>
        </section>
      ) : null}
    </main>
  );
}
