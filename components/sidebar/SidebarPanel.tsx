import { startTransition, useEffect, useState, useSyncExternalStore, type Dispatch, type SetStateAction } from 'react';
import type { Invoice, NewInvoice } from '@/lib/domain/invoice';
import { BridgeError, type Ask } from '@/lib/messaging/content-client';
import type { SidebarHost } from '@/lib/content/host';
import type { PageState } from '@/lib/content/controller';
import { insertReminder } from '@/lib/content/insert-reminder';
import type { Correspondent, WebmailAdapter } from '@/lib/webmail/adapter';
import { InvoiceRow } from '@/components/ui/InvoiceRow';
import { langOfLocale } from '@/components/ui/format';
import { t, uiLocale } from '@/components/ui/i18n';
import { domainOfEmail, lookalikeWarning } from '@/lib/domain/lookalike';
import { currencyOptions, emptyInvoiceForm, formValuesOf } from '@/components/ui/invoice-form';
import type { SidebarBus } from './bus';
import type { InitialLoad } from './prefetch';
import { DetectedInvoice } from './DetectedInvoice';
import { InvoiceForm } from './InvoiceForm';
import { NextStepCard } from './NextStepCard';
import { RiskCard } from './RiskCard';
import { Timeline } from './Timeline';
import { useClientData } from './use-client-data';
import { sortForClient } from './card-text';

interface SidebarPanelProps {
  id: string;
  adapter: WebmailAdapter;
  ask: Ask;
  bus: SidebarBus;
  host: SidebarHost;
  /** Aborts when the content script is invalidated (extension reloaded): stops observing the page. */
  signal: AbortSignal;
  /** False for the moment between a close and the panel's removal: hidden, not fetching. */
  open: boolean;
  /** With no thread open, the client of the last invoice entered by hand (kept by the shell across a close). */
  pinned: Correspondent | null;
  setPinned: Dispatch<SetStateAction<Correspondent | null>>;
  onClose: () => void;
  /** The client's data already fetched when the panel mounts (used only if it is for the client shown first). */
  initialLoad: InitialLoad | null;
}

const sameCorrespondent = (a: Correspondent | null, b: Correspondent | null) => a?.email === b?.email && a?.name === b?.name;
const WEBMAIL_NAMES = { gmail: 'Gmail', outlook: 'Outlook' } as const;
/** The webmail whose layout the adapter did not recognise, or null (readable, or not looked at yet). */
const unrecognisedWebmail = (page: PageState | null) => (page?.recognised === false ? page.webmail : null);
const message = (err: unknown) => (err instanceof BridgeError ? err.message : t('errUnexpected'));

/**
 * The open panel: the thread's client, detections, invoices, risk, next step, history. Rendered only once the
 * sidebar has been opened (panel-root.tsx; its script is loaded then: components/sidebar/mount.ts), so a closed
 * sidebar costs the page no render and no request.
 */
export function SidebarPanel({ id, adapter, ask, bus, host, signal, open, pinned, setPinned, onClose, initialLoad }: SidebarPanelProps) {
  const [thread, setThread] = useState<Correspondent | null>(() => adapter.currentCorrespondent());
  // Each signal read on its own, so a change the panel does not show (the page found readable, as expected, once
  // the controller's first look is done) does not re-render it.
  const unrecognisedOn = useSyncExternalStore(bus.subscribe, () => unrecognisedWebmail(bus.get().page));
  const dataVersion = useSyncExternalStore(bus.subscribe, () => bus.get().dataVersion);
  const sentTo = useSyncExternalStore(bus.subscribe, () => bus.get().sentTo);
  const who = thread ?? pinned ?? sentTo;
  const { view, followup, lookalike: imitation, defaults, error: loadError, reload } = useClientData(ask, who?.email ?? null, open, dataVersion, initialLoad);
  const [form, setForm] = useState<{ key: number; editing: Invoice | null } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const locale = uiLocale();
  const today = view?.today ?? defaults.today;

  // Follow the webmail's navigation while the panel exists; only a different correspondent causes a reload.
  useEffect(() => {
    const controller = new AbortController();
    adapter.observe(() => {
      const next = adapter.currentCorrespondent();
      startTransition(() => setThread((prev) => (sameCorrespondent(prev, next) ? prev : next)));
    }, AbortSignal.any([controller.signal, signal]));
    // The thread may have changed between the first render and this effect.
    const now = adapter.currentCorrespondent();
    setThread((prev) => (sameCorrespondent(prev, now) ? prev : now));
    return () => controller.abort();
  }, [adapter, signal]);

  // Coming back to the tab (after marking an invoice paid in the popup, say): show fresh data.
  useEffect(() => {
    const controller = new AbortController();
    const onVisible = () => {
      if (document.visibilityState === 'visible' && open) void reload();
    };
    document.addEventListener('visibilitychange', onVisible, { signal: AbortSignal.any([controller.signal, signal]) });
    return () => controller.abort();
  }, [open, reload, signal]);

  async function act(id: string, work: () => Promise<string | null>) {
    setBusyId(id);
    setNotice(null);
    try {
      const done = await work();
      if (done) setNotice({ text: done, error: false });
      await reload();
    } catch (err) {
      setNotice({ text: message(err), error: true });
    } finally {
      setBusyId(null);
    }
  }

  const markPaid = (inv: Invoice) => act(inv.id, async () => (await ask('invoice.markPaid', { id: inv.id }), null));
  const confirm = (inv: Invoice) => act(inv.id, async () => (await ask('invoice.confirm', { id: inv.id }), t('detectionConfirmed', [inv.number])));
  const dismiss = (inv: Invoice) => act(inv.id, async () => (await ask('invoice.dismiss', { id: inv.id }), t('detectionDismissed', [inv.number])));
  const setFlag = (flag: string, value: boolean) => who && act('flags', async () => (await ask('client.flags', { clientEmail: who.email, flags: { [flag]: value } }), null));

  /** One reminder for every invoice of the next step, replying in the thread of `preferred` (or the step's). */
  const insert = (preferred: Invoice | null) =>
    act(preferred?.id ?? 'next-step', async () => {
      if (!who) return null;
      const f = await ask('client.followup', { clientEmail: who.email });
      const step = f.next;
      if (!step.draft || step.stage === 'none' || step.stage === 'paused') throw new BridgeError('invalid', t('insertNothingDue'));
      const all = view?.invoices ?? [];
      const covered = all.filter((i) => step.invoices.includes(i.number) && i.review === 'confirmed');
      const openThread = adapter.readOpenThread()?.threadId ?? null;
      const anchor = (preferred && covered.some((c) => c.id === preferred.id) ? preferred : null) ?? covered.find((i) => i.threadId !== null && i.threadId === openThread) ?? covered.find((i) => i.threadId !== null) ?? preferred;
      const result = await insertReminder(adapter, ask, {
        invoiceIds: (covered.length > 0 ? covered : preferred ? [preferred] : []).map((i) => i.id),
        threadId: anchor?.threadId ?? null,
        messageId: anchor?.messageId ?? null,
        client: { email: who.email, name: who.name },
        draft: { html: step.draft.html, text: step.draft.text, stage: step.draft.stage, language: step.draft.language },
      });
      if (!result.ok) throw new BridgeError('internal', result.reason === 'no-editor' ? t('insertNoEditor') : t('insertFailed'));
      return t('insertDone');
    });

  async function exportDossier() {
    if (!who) return;
    try {
      const d = await ask('dossier.export', { clientEmail: who.email });
      host.download(`${d.filename}.json`, d.json, 'application/json');
      host.download(`${d.filename}.txt`, d.text, 'text/plain');
    } catch (err) {
      setNotice({ text: message(err), error: true });
    }
  }

  function openForm(editing: Invoice | null) {
    setForm((f) => ({ key: (f?.key ?? 0) + 1, editing }));
    setNotice(null);
  }

  async function saved(invoice: Invoice) {
    const editing = form?.editing;
    setForm(null);
    if (!thread) setPinned({ email: invoice.clientEmail, name: invoice.clientName });
    setNotice({ text: editing ? t('detectionConfirmed', [invoice.number]) : t('invoiceSaved', [invoice.number]), error: false });
    await reload();
  }

  const confirmEdited = (id: string) => (inv: NewInvoice) =>
    ask('invoice.confirm', {
      id,
      edits: { number: inv.number, amountMinor: inv.amountMinor, currency: inv.currency, issueDate: inv.issueDate, dueDate: inv.dueDate, clientEmail: inv.clientEmail, clientName: inv.clientName ?? '' },
    });

  const pending = view?.pending ?? [];
  const invoices = sortForClient((view?.invoices ?? []).filter((i) => i.review !== 'pending'));
  // A domain written with look-alike characters (Cyrillic "а" for "a"…) is named in its ASCII form (lib/domain/lookalike),
  // checked here at once; the background adds the domains made to pass for a client's ("paypa1.com"), as it knows them.
  const own = who ? lookalikeWarning(who.email) : null;
  const lookalike = imitation && who && imitation.domain === domainOfEmail(who.email) ? imitation : own;
  return (
    <section className="rl-panel" id={id} hidden={!open} aria-label={t('sidebarTitle')}>
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
              {lookalike ? (
                <p
                  className="rl-form-error"
                  role="alert"
                  data-relance="lookalike-warning"
                  data-ascii-domain={lookalike.ascii}
                  {...(lookalike.imitates ? { 'data-imitates': lookalike.imitates } : {})}
                >
                  {lookalike.imitates ? t('lookalikeImitates', [lookalike.ascii, lookalike.imitates]) : t('lookalikeWarning', [lookalike.ascii])}
                </p>
              ) : null}
            </>
          ) : (
            <div className="rl-who-email">{t('noThread')}</div>
          )}
        </div>
        <button type="button" className="rl-close" aria-label={t('sidebarClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="rl-panel-body">
        {unrecognisedOn ? (
          <p className="rl-degraded" role="status" data-relance="unrecognised-page">
            {t('unrecognisedPage', [WEBMAIL_NAMES[unrecognisedOn]])}
          </p>
        ) : null}
        {notice ? (
          <p className={notice.error ? 'rl-form-error' : 'rl-notice'} role={notice.error ? 'alert' : 'status'} data-relance={notice.error ? 'sidebar-error' : 'sidebar-notice'}>
            {notice.text}
          </p>
        ) : null}
        {loadError ? (
          <p className="rl-form-error" role="alert">
            {loadError}
          </p>
        ) : null}
        {pending.length > 0 ? (
          <>
            <h2 className="rl-section-title">{t('detectedTitle')}</h2>
            <ul className="rl-invoices" aria-label={t('detectedTitle')}>
              {pending.map((inv) => (
                <DetectedInvoice
                  key={inv.id}
                  invoice={inv}
                  events={view?.events ?? []}
                  locale={locale}
                  busy={busyId === inv.id}
                  onConfirm={(i) => void confirm(i)}
                  onEdit={(i) => openForm(i)}
                  onDismiss={(i) => void dismiss(i)}
                />
              ))}
            </ul>
          </>
        ) : null}
        <div className="rl-toolbar">
          <h2 className="rl-section-title">{t('clientInvoices')}</h2>
          {!form ? (
            <button type="button" className="rl-primary" data-relance="add-invoice" onClick={() => openForm(null)}>
              {t('addInvoice')}
            </button>
          ) : null}
        </div>
        {form ? (
          <InvoiceForm
            key={form.key}
            initial={form.editing ? formValuesOf(form.editing) : emptyInvoiceForm(thread, defaults)}
            currencies={currencyOptions(form.editing?.currency ?? defaults.currency)}
            lang={langOfLocale(locale)}
            title={form.editing ? t('editDetectedTitle') : undefined}
            {...(form.editing ? { save: confirmEdited(form.editing.id) } : {})}
            onSaved={(inv) => void saved(inv)}
            onCancel={() => setForm(null)}
          />
        ) : null}
        {!who ? (
          <p className="rl-empty">{t('noThreadHelp')}</p>
        ) : invoices.length === 0 && view ? (
          <p className="rl-empty">{t('noInvoicesForClient')}</p>
        ) : (
          <ul className="rl-invoices" aria-label={t('clientInvoices')}>
            {invoices.map((inv) => (
              <InvoiceRow
                key={inv.id}
                invoice={inv}
                today={today}
                locale={locale}
                busy={busyId === inv.id}
                onMarkPaid={(i) => void markPaid(i)}
                onInsertReminder={(i) => void insert(i)}
              />
            ))}
          </ul>
        )}
        {who && followup && invoices.length > 0 ? (
          <>
            <NextStepCard
              step={followup.next}
              today={followup.today}
              locale={locale}
              busy={busyId !== null}
              onInsert={() => void insert(null)}
              onPrintLetter={() => host.openLetter(who.email)}
              onExportDossier={() => void exportDossier()}
            />
            <RiskCard risk={followup.risk} flags={followup.flags} locale={locale} busy={busyId === 'flags'} onFlag={(f, v) => void setFlag(f, v)} />
          </>
        ) : null}
        {who && view && view.events.length > 0 ? (
          <>
            <h2 className="rl-section-title">{t('timelineTitle')}</h2>
            <Timeline events={view.events} invoices={view.invoices} locale={locale} />
          </>
        ) : null}
      </div>
    </section>
  );
}
