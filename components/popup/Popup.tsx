import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PopupClient, PopupCounts, PopupCursor, PopupGroup, PopupPage } from '@/lib/background/popup-schemas';
import { RelanceError, send } from '@/lib/messaging/client';
import { stageText } from '@/components/ui/event-text';
import { formatAmount, formatIsoDate } from '@/components/ui/format';
import { t, uiLocale } from '@/components/ui/i18n';
import { POPUP_FIRST_PAGE_GROUPS, POPUP_PAGE_GROUPS } from './first-page';
import { sectionsFromPages, type ClientGroup } from './groups';
import { PopupRow, type RowActions } from './PopupRow';
import { threadUrl } from './webmail-links';

interface PopupProps {
  /** Opens the options page (a browser.* call, so the entrypoint provides it). */
  onOpenOptions: () => void;
  /** Opens a webmail URL in a new tab (browser.tabs.create: no permission needed). */
  onOpenUrl: (url: string) => void;
  /** The first page, asked for by the entrypoint before React starts (so the round trip overlaps the first render). */
  firstPage?: Promise<PopupPage>;
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

const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

interface Shown {
  today: string;
  counts: PopupCounts;
  groups: PopupGroup[];
  next: PopupCursor | null;
}

/** The summary line's figures: the badge's overdue count and totals per currency (status.get). */
type OverdueTotals = { count: number; totals: { currency: string; minor: number }[] };

/**
 * The toolbar popup: overdue invoices then upcoming ones, grouped by client with the totals per currency and the
 * client's next reminder step (computed by the background from the ladder). "Insert reminder" opens the client's
 * thread in the webmail: the sidebar there shows the next step with its draft and its Insert button. The list comes
 * a page of client groups at a time (popup.page, most late first): "Show more" asks for the next page.
 */
export function Popup({ onOpenOptions, onOpenUrl, firstPage }: PopupProps) {
  const [data, setData] = useState<Shown | null>(null);
  const [overdue, setOverdue] = useState<OverdueTotals | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const locale = uiLocale();
  // How many groups are on screen, for the refresh after an action (which asks again for all of them at once).
  const shownGroups = useRef(0);

  // The totals read every overdue row: asked for once the rows are painted, so they never delay the first paint.
  const loadTotals = useCallback(async () => {
    await afterNextPaint();
    try {
      const status = await send('status.get', {});
      setOverdue({ count: status.overdue.count, totals: Object.entries(status.overdue.totals).map(([currency, minor]) => ({ currency, minor })) });
    } catch {
      // Without totals the popup still lists what is due; the summary line waits for the next refresh.
    }
  }, []);

  /** The first pages again, as many groups as are shown: after an action, what is visible is what is true. */
  const load = useCallback(async (pending?: Promise<PopupPage>) => {
    try {
      const page = await (pending ?? send('popup.page', { after: null, groups: Math.max(POPUP_FIRST_PAGE_GROUPS, shownGroups.current) }));
      if (!page.counts) throw new Error(t('errUnexpected'));
      shownGroups.current = page.groups.length;
      setData({ today: page.today, counts: page.counts, groups: page.groups, next: page.next });
      setError(null);
    } catch (err) {
      setError(errorText(err));
      return;
    }
    void loadTotals();
  }, [loadTotals]);
  useEffect(() => {
    void load(firstPage);
  }, [load, firstPage]);

  const showMore = async () => {
    if (!data?.next) return;
    setLoadingMore(true);
    try {
      const page = await send('popup.page', { after: data.next, groups: POPUP_PAGE_GROUPS });
      shownGroups.current += page.groups.length;
      setData((d) => (d ? { ...d, groups: [...d.groups, ...page.groups], next: page.next } : d));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoadingMore(false);
    }
  };

  const groups = useMemo(() => (data ? sectionsFromPages(data.groups, data.today) : null), [data]);
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

  // Counts and totals are the whole database's, not only the pages shown.
  const overdueCount = data?.counts.overdue ?? 0;
  const upcomingCount = data?.counts.upcoming ?? 0;
  const rowsShown = data ? data.groups.reduce((n, g) => n + g.invoices.length, 0) : 0;
  const remaining = overdueCount + upcomingCount - rowsShown;

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

  const empty = data !== null && data.groups.length === 0 && overdueCount + upcomingCount === 0;
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
      {overdue && overdue.count > 0 ? (
        <p className="rl-summary" data-relance="summary">
          {t('popupSummary', [String(overdue.count), totalsText(overdue.totals, locale)])}
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
      {groups && groups.overdue.length > 0 ? (
        <section aria-labelledby="rl-overdue-title">
          <h2 className="rl-section-title rl-section-overdue" id="rl-overdue-title">
            {t('overdueSection', [String(overdueCount)])}
          </h2>
          <ul className="rl-groups">{groups.overdue.map((g) => group(g, 'overdue'))}</ul>
        </section>
      ) : null}
      {groups && groups.upcoming.length > 0 ? (
        <section aria-labelledby="rl-upcoming-title">
          <h2 className="rl-section-title" id="rl-upcoming-title">
            {t('upcomingSection', [String(upcomingCount)])}
          </h2>
          <ul className="rl-groups">{groups.upcoming.map((g) => group(g, 'upcoming'))}</ul>
        </section>
      ) : null}
      {data?.next && remaining > 0 ? (
        <div className="rl-actions">
          <button type="button" data-relance="popup-more" disabled={loadingMore} aria-busy={loadingMore} onClick={() => void showMore()}>
            {loadingMore ? t('loading') : t('popupShowMore', [String(remaining)])}
          </button>
        </div>
      ) : null}
    </main>
  );
}
