import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Invoice } from '@/lib/domain/invoice';
import { RelanceError, send } from '@/lib/messaging/client';
import type { Correspondent, WebmailAdapter } from '@/lib/webmail/adapter';
import { InvoiceRow } from '@/components/ui/InvoiceRow';
import { langOfLocale } from '@/components/ui/format';
import { t, uiLocale } from '@/components/ui/i18n';
import { currencyOptions, emptyInvoiceForm } from '@/components/ui/invoice-form';
import { InvoiceForm } from './InvoiceForm';

interface SidebarProps {
  adapter: WebmailAdapter;
  /** Aborts when the content script is invalidated (extension reloaded): stops observing the page. */
  signal: AbortSignal;
  initialOpen: boolean;
  /** The open panel starts this far from the top, below the webmail's own top bar. */
  topInsetPx: number;
  onOpenChange: (open: boolean) => void;
}

interface ClientInvoices {
  today: string;
  invoices: Invoice[];
}

const sameCorrespondent = (a: Correspondent | null, b: Correspondent | null) => a?.email === b?.email && a?.name === b?.name;

/** The panel on the right of the webmail: the open thread's client, their invoices, and manual entry. */
export function Sidebar({ adapter, signal, initialOpen, topInsetPx, onOpenChange }: SidebarProps) {
  const [open, setOpen] = useState(initialOpen);
  const [thread, setThread] = useState<Correspondent | null>(() => adapter.currentCorrespondent());
  // With no thread open, the client of the last invoice entered by hand, so the user sees it was saved.
  const [pinned, setPinned] = useState<Correspondent | null>(null);
  const who = thread ?? pinned;
  const [data, setData] = useState<ClientInvoices | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [defaults, setDefaults] = useState({ currency: 'EUR', today: '' });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const locale = uiLocale();

  // Follow the webmail's navigation; only a different correspondent causes a reload.
  useEffect(() => {
    adapter.observe(() => {
      const next = adapter.currentCorrespondent();
      setThread((prev) => (sameCorrespondent(prev, next) ? prev : next));
    }, signal);
  }, [adapter, signal]);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const [status, settings] = await Promise.all([send('status.get', {}), send('settings.get', {})]);
      setDefaults({ currency: settings.defaultCurrency, today: status.today });
      if (!who) {
        setData(null);
        return;
      }
      const view = await send('client.view', { clientEmail: who.email });
      setData({ today: view.today, invoices: view.invoices });
    } catch (err) {
      setLoadError(err instanceof RelanceError ? err.message : t('errUnexpected'));
    }
  }, [who]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  // Coming back to the tab (after marking an invoice paid in the popup, say): show fresh data.
  useEffect(() => {
    const controller = new AbortController();
    const onVisible = () => {
      if (document.visibilityState === 'visible' && open) void load();
    };
    document.addEventListener('visibilitychange', onVisible, { signal: AbortSignal.any([controller.signal, signal]) });
    return () => controller.abort();
  }, [open, load, signal]);

  const setOpenAndRemember = (next: boolean) => {
    setOpen(next);
    onOpenChange(next);
    if (!next) toggleRef.current?.focus();
  };

  async function markPaid(invoice: Invoice) {
    setBusyId(invoice.id);
    setNotice(null);
    try {
      await send('invoice.markPaid', { id: invoice.id });
      await load();
    } catch (err) {
      setNotice(err instanceof RelanceError ? err.message : t('errUnexpected'));
    } finally {
      setBusyId(null);
    }
  }

  function openForm() {
    setFormKey((k) => k + 1);
    setFormOpen(true);
    setNotice(null);
  }

  async function saved(invoice: Invoice) {
    setFormOpen(false);
    if (!thread) setPinned({ email: invoice.clientEmail, name: invoice.clientName });
    setNotice(t('invoiceSaved', [invoice.number]));
    await load();
  }

  const invoices = sortForClient(data?.invoices ?? []);
  return (
    <div
      className="rl rl-sidebar"
      data-relance="sidebar"
      data-open={open ? 'true' : 'false'}
      style={{ top: topInsetPx }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) setOpenAndRemember(false);
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="rl-toggle"
        data-relance="sidebar-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={open ? t('sidebarClose') : t('sidebarOpen')}
        title={open ? t('sidebarClose') : t('sidebarOpen')}
        onClick={() => setOpenAndRemember(!open)}
      >
        {open ? (
          <span className="rl-toggle-chevron" aria-hidden="true">
            ›
          </span>
        ) : (
          <span className="rl-toggle-label" aria-hidden="true">
            Relance
          </span>
        )}
      </button>
      <section className="rl-panel" id={panelId} hidden={!open} aria-label={t('sidebarTitle')}>
        <header className="rl-panel-header">
          <div className="rl-who">
            <div className="rl-brand">Relance</div>
            {who ? (
              <>
                <div className="rl-who-name" data-relance="correspondent-name">
                  {who.name || who.email}
                </div>
                <div className="rl-who-email" data-relance="correspondent-email">
                  {who.email}
                </div>
              </>
            ) : (
              <div className="rl-who-email">{t('noThread')}</div>
            )}
          </div>
          <button type="button" className="rl-close" aria-label={t('sidebarClose')} onClick={() => setOpenAndRemember(false)}>
            ×
          </button>
        </header>
        <div className="rl-panel-body">
          <div className="rl-toolbar">
            <h2 className="rl-section-title">{t('clientInvoices')}</h2>
            {!formOpen ? (
              <button type="button" className="rl-primary" data-relance="add-invoice" onClick={openForm}>
                {t('addInvoice')}
              </button>
            ) : null}
          </div>
          {notice ? (
            <p className="rl-notice" role="status">
              {notice}
            </p>
          ) : null}
          {formOpen ? (
            <InvoiceForm
              key={formKey}
              initial={emptyInvoiceForm(thread, defaults)}
              currencies={currencyOptions(defaults.currency)}
              lang={langOfLocale(locale)}
              onSaved={(inv) => void saved(inv)}
              onCancel={() => setFormOpen(false)}
            />
          ) : null}
          {loadError ? (
            <p className="rl-form-error" role="alert">
              {loadError}
            </p>
          ) : null}
          {!who ? (
            <p className="rl-empty">{t('noThreadHelp')}</p>
          ) : invoices.length === 0 && data ? (
            <p className="rl-empty">{t('noInvoicesForClient')}</p>
          ) : (
            <ul className="rl-invoices" aria-label={t('clientInvoices')}>
              {invoices.map((inv) => (
                <InvoiceRow
                  key={inv.id}
                  invoice={inv}
                  today={data?.today ?? defaults.today}
                  locale={locale}
                  busy={busyId === inv.id}
                  onMarkPaid={(i) => void markPaid(i)}
                />
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}

/** Unpaid first (soonest due first), then paid (latest first). */
function sortForClient(invoices: Invoice[]): Invoice[] {
  const unpaid = invoices.filter((i) => i.status !== 'paid').sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const paid = invoices.filter((i) => i.status === 'paid').sort((a, b) => b.dueDate.localeCompare(a.dueDate));
  return [...unpaid, ...paid];
}
