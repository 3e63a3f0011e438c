import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PopupClient, PopupList } from '@/lib/background/popup-schemas';
import { RelanceError, send } from '@/lib/messaging/client';
import { stageText } from '@/components/ui/event-text';
import { formatAmount, formatIsoDate } from '@/components/ui/format';
import { t, uiLocale } from '@/components/ui/i18n';
import { groupByClient, type ClientGroup } from './groups';
import { PopupRow, type RowActions } from './PopupRow';
import { threadUrl } from './webmail-links';

interface PopupProps {
  /** Opens the options page (a browser.* call, so the entrypoint provides it). */
  onOpenOptions: () => void;
  /** Opens a webmail URL in a new tab (browser.tabs.create: no permission needed). */
  onOpenUrl: (url: string) => void;
}

const errorText = (err: unknown) => (err instanceof RelanceError ? err.message : t('errUnexpected'));

function totalsText(totals: { currency: string; minor: number }[], locale: string): string {
  return totals.map((x) => formatAmount(x.minor, x.currency, locale)).join(' · ');
}

/** "Next: second reminder on 12 Nov" / "Next: first reminder — to do now" / "Reminders paused until …". */
function nextText(client: PopupClient | null, today: string, locale: string): string | null {
  const next = client?.next;
  if (!next) return null;
  if (next.stage === 'paused') return next.pausedUntil ? t('nextPausedUntil', [formatIsoDate(next.pausedUntil, locale)]) : t('nextPaused');
  if (next.stage === 'none') return t('nextNone');
  const stage = stageText(next.stage);
  if (!stage || !next.dueOn) return null;
  return next.dueOn <= today ? t('popupNextNow', [stage]) : t('popupNext', [stage, formatIsoDate(next.dueOn, locale)]);
}

/**
 * The toolbar popup: overdue invoices then upcoming ones, grouped by client with the totals per currency and the
 * client's next reminder step (computed by the background from the ladder). "Insert reminder" opens the client's
 * thread in the webmail: the sidebar there shows the next step with its draft and its Insert button.
 */
export function Popup({ onOpenOptions, onOpenUrl }: PopupProps) {
  const [data, setData] = useState<PopupList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const locale = uiLocale();

  const load = useCallback(async () => {
    try {
      setData(await send('popup.list', {}));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const groups = useMemo(() => (data ? groupByClient(data.invoices, data.clients, data.invoicePauses, data.today) : null), [data]);
  const today = data?.today ?? '';

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      throw new Error(errorText(err));
    }
    await load();
  };
  const actions: RowActions = {
    markPaid: (inv, payment) => act(() => send('invoice.markPaid', { id: inv.id, ...(payment ?? {}) })),
    snooze: (inv, until) => act(() => send('invoice.snooze', { id: inv.id, until })),
    setPaused: (inv, paused) => act(() => send('invoice.pause', { id: inv.id, paused })),
    openThread: (inv) => onOpenUrl(threadUrl(inv)),
  };
  const resumeClient = (email: string) => void act(() => send('client.pause', { clientEmail: email, paused: false })).catch((e: Error) => setError(e.message));

  const overdueCount = groups?.overdue.reduce((n, g) => n + g.items.length, 0) ?? 0;
  const upcomingCount = groups?.upcoming.reduce((n, g) => n + g.items.length, 0) ?? 0;
  const overdueTotals = groups ? mergeTotals(groups.overdue) : [];

  const group = (g: ClientGroup<PopupClient>, section: 'overdue' | 'upcoming') => {
    const next = section === 'overdue' ? nextText(g.client, today, locale) : null;
    // The reminder covers the client's invoices: opening the thread of the most late one shows it in the sidebar.
    const first = g.items[0]!.invoice;
    return (
      <li key={`${section}-${g.key}`} className="rl-group" data-relance="client-group" data-client-email={g.email}>
        <div className="rl-group-head">
          <span className="rl-group-name" title={g.email}>
            {g.name || g.email}
          </span>
          <span className="rl-group-total">{totalsText(g.totals, locale)}</span>
        </div>
        {g.client?.paused ? (
          <div className="rl-group-next">
            <span>{t('clientPaused')}</span>
            <button type="button" className="rl-link" data-relance="resume-client" onClick={() => resumeClient(g.email)}>
              {t('resume')}
            </button>
          </div>
        ) : next ? (
          <div className="rl-group-next">
            <span data-relance="next-step">{next}</span>
            {g.client?.next && !['none', 'paused'].includes(g.client.next.stage) ? (
              <button type="button" className="rl-link" data-relance="insert-reminder" title={t('insertReminderFor', [g.name || g.email])} onClick={() => onOpenUrl(threadUrl(first))}>
                {t('insertReminder')}
                <span className="rl-sr-only"> {g.name || g.email}</span>
              </button>
            ) : null}
          </div>
        ) : null}
        <ul className="rl-prows">
          {g.items.map((item) => (
            <PopupRow key={item.invoice.id} item={item} today={today} locale={locale} actions={actions} />
          ))}
        </ul>
      </li>
    );
  };

  const empty = groups !== null && overdueCount === 0 && upcomingCount === 0;
  return (
    <main className="rl rl-popup" data-relance="popup">
      <header className="rl-popup-header">
        <div className="rl-brand-row">
          <img src="/icon/32.png" alt="" />
          <h1 className="rl-brand">Relance</h1>
        </div>
        <button type="button" className="rl-link" data-relance="open-options" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </header>
      {overdueCount > 0 ? (
        <p className="rl-summary" data-relance="summary">
          {t('popupSummary', [String(overdueCount), totalsText(overdueTotals, locale)])}
        </p>
      ) : null}
      {error ? (
        <p className="rl-form-error" role="alert">
          {error}
        </p>
      ) : null}
      {data === null && !error ? <p className="rl-empty">{t('loading')}</p> : null}
      {empty ? (
        <div className="rl-empty" data-relance="empty">
          <p>{t('popupEmpty')}</p>
        </div>
      ) : null}
      {groups && overdueCount > 0 ? (
        <section aria-labelledby="rl-overdue-title">
          <h2 className="rl-section-title rl-section-overdue" id="rl-overdue-title">
            {t('overdueSection', [String(overdueCount)])}
          </h2>
          <ul className="rl-groups">{groups.overdue.map((g) => group(g, 'overdue'))}</ul>
        </section>
      ) : null}
      {groups && upcomingCount > 0 ? (
        <section aria-labelledby="rl-upcoming-title">
          <h2 className="rl-section-title" id="rl-upcoming-title">
            {t('upcomingSection', [String(upcomingCount)])}
          </h2>
          <ul className="rl-groups">{groups.upcoming.map((g) => group(g, 'upcoming'))}</ul>
        </section>
      ) : null}
    </main>
  );
}

function mergeTotals(groups: ClientGroup<unknown>[]): { currency: string; minor: number }[] {
  const out: { currency: string; minor: number }[] = [];
  for (const g of groups)
    for (const x of g.totals) {
      const y = out.find((o) => o.currency === x.currency);
      if (y) y.minor += x.minor;
      else out.push({ ...x });
    }
  return out;
}
