import type { Invoice, InvoiceEvent } from '@/lib/domain/invoice';
import type { NextStep } from '@/lib/domain/ladder';
import type { ClientFlags, RiskProfile } from '@/lib/domain/risk';
import type { FirstView, StaticNode } from '@/lib/messaging/first-view';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { eventText } from '@/components/ui/event-text';
import { formatAmount, formatIsoDate } from '@/components/ui/format';
import { t } from '@/components/ui/i18n';
import { statusText } from '@/components/ui/status-text';
import { displayStatus, outstandingMinor } from '@/components/ui/invoice-status';
import {
  amountsText,
  bandLabel,
  channelText,
  detectionDetails,
  effectText,
  FLAG_KEYS,
  flagLabel,
  nextStepHeadline,
  recommendationLabel,
  showsSource,
  signLabel,
  sortForClient,
  sourceText,
} from './card-text';

/**
 * The open panel's first render (SidebarPanel.tsx and its cards, with the client's data and nothing pending), as
 * a tree of elements and text (lib/messaging/first-view.ts), built in the BACKGROUND: there the i18n lookups and
 * the Intl formatters cost the webmail page nothing. Same elements, classes, hooks and words as the React panel,
 * so that the page can paint it at once and React can replace it without a visible change (the unit test renders
 * both and compares them). Keep the two in step: a change to a card's markup is a change here.
 */

type Load = Omit<ResponseOf<'sidebar.load'>, 'firstView'>;
type Kid = StaticNode | string | null | false | undefined;

/** One element; absent children (null, false) are left out, as JSX leaves them. */
function el(tag: StaticNode['tag'], props: { cls?: string; attrs?: Record<string, string | undefined> } | null, ...kids: Kid[]): StaticNode {
  const node: StaticNode = { tag };
  if (props?.cls) node.cls = props.cls;
  const attrs = Object.entries(props?.attrs ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
  if (attrs.length > 0) node.attrs = Object.fromEntries(attrs);
  const present = kids.filter((k): k is StaticNode | string => k !== null && k !== false && k !== undefined && k !== '');
  if (present.length > 0) node.kids = present;
  return node;
}

const button = (hook: string, text: Kid, extra: { cls?: string; srOnly?: string } = {}) =>
  el('button', { ...(extra.cls ? { cls: extra.cls } : {}), attrs: { type: 'button', 'data-relance': hook } }, text, extra.srOnly !== undefined ? el('span', { cls: 'rl-sr-only' }, ` ${extra.srOnly}`) : null);

function invoiceRow(inv: Invoice, today: string, locale: string): StaticNode {
  const status = displayStatus(inv, today);
  const amount = formatAmount(status === 'paid' ? inv.amountMinor : outstandingMinor(inv), inv.currency, locale);
  return el(
    'li',
    { cls: 'rl-invoice', attrs: { 'data-relance': 'invoice', 'data-invoice-number': inv.number, 'data-status': status } },
    el(
      'div',
      { cls: 'rl-invoice-main' },
      el('div', { cls: 'rl-invoice-title' }, el('span', { cls: 'rl-invoice-number' }, inv.number)),
      el('div', { cls: 'rl-invoice-meta' }, el('span', { cls: `rl-status rl-status-${status}` }, statusText(inv, today)), el('span', null, t('dueOn', [formatIsoDate(inv.dueDate, locale)]))),
    ),
    el(
      'div',
      { cls: 'rl-invoice-side' },
      el('span', { cls: 'rl-invoice-amount' }, amount),
      status !== 'paid' && button('mark-paid', t('markPaid'), { srOnly: inv.number }),
      status !== 'paid' && button('insert-reminder', t('insertReminderShort'), { srOnly: inv.number }),
    ),
  );
}

function detectedRow(inv: Invoice, events: readonly InvoiceEvent[], locale: string): StaticNode {
  const { evidence, attachments } = detectionDetails(events, inv.id);
  const unread = attachments.filter((a) => a.status !== 'read');
  return el(
    'li',
    { cls: 'rl-detected', attrs: { 'data-relance': 'detected-invoice', 'data-invoice-number': inv.number } },
    el(
      'div',
      { cls: 'rl-detected-head' },
      el('span', { cls: 'rl-badge' }, t('detectedBadge')),
      el('span', { cls: 'rl-invoice-number' }, inv.number),
      el('span', { cls: 'rl-invoice-amount' }, formatAmount(inv.amountMinor, inv.currency, locale)),
    ),
    el(
      'dl',
      { cls: 'rl-fields' },
      el('dt', null, t('labelIssueDate')),
      el('dd', null, formatIsoDate(inv.issueDate, locale)),
      el('dt', null, t('labelDueDate')),
      el('dd', { attrs: { 'data-relance': 'detected-due' } }, formatIsoDate(inv.dueDate, locale)),
      el('dt', null, t('labelClientEmail')),
      el('dd', null, inv.clientEmail),
    ),
    unread.length > 0
      ? el('p', { cls: 'rl-warn-line', attrs: { 'data-relance': 'attachment-unread' } }, t('pdfUnread'))
      : attachments.length > 0 && el('p', { cls: 'rl-muted rl-small' }, t('pdfRead', [attachments.map((a) => a.filename).join(', ')])),
    evidence.length > 0 &&
      el('ul', { cls: 'rl-evidence', attrs: { 'aria-label': t('evidenceTitle') } }, ...evidence.map((e) => el('li', null, showsSource(e) && el('span', { cls: 'rl-evidence-source' }, `${sourceText(e.source)} `), e.text))),
    el(
      'div',
      { cls: 'rl-actions' },
      button('dismiss-invoice', t('dismiss')),
      button('edit-invoice', t('edit')),
      button('confirm-invoice', t('confirm'), { cls: 'rl-primary' }),
    ),
  );
}

function nextStepCard(step: NextStep, today: string, locale: string): StaticNode {
  const active = step.stage !== 'none' && step.stage !== 'paused';
  const overdue = step.dueOn !== null && step.dueOn <= today;
  const letter = step.stage === 'formal_notice' || step.channel === 'letter';
  return el(
    'section',
    { cls: 'rl-card-s', attrs: { 'data-relance': 'next-step', 'data-stage': step.stage, 'aria-label': t('nextTitle') } },
    el(
      'div',
      { cls: 'rl-card-head' },
      el('h3', null, t('nextTitle')),
      step.dueOn && el('span', { cls: overdue ? 'rl-status rl-status-overdue' : 'rl-status rl-status-open' }, overdue ? t('nextDueNow') : t('dueOn', [formatIsoDate(step.dueOn, locale)])),
    ),
    el('p', { cls: 'rl-next-stage' }, el('strong', null, nextStepHeadline(step, locale)), active && step.channel && el('span', { cls: 'rl-muted' }, ` · ${channelText(step.channel)}`)),
    step.invoices.length > 0 && active && el('p', { cls: 'rl-muted rl-small' }, t('nextCovers', [step.invoices.join(', ')])),
    step.callTask && el('p', { cls: 'rl-task', attrs: { 'data-relance': 'call-task' } }, `☎ ${t('nextCallTask')}`),
    step.draft &&
      el(
        'div',
        { cls: 'rl-draft', attrs: { 'data-relance': 'draft', 'data-language': step.draft.language } },
        el('div', { cls: 'rl-draft-subject' }, step.draft.subject),
        el('div', { cls: 'rl-draft-text' }, step.draft.text),
      ),
    step.draft?.notice && el('p', { cls: 'rl-legal rl-small' }, step.draft.notice),
    step.draftError && el('p', { cls: 'rl-form-error' }, step.draftError),
    active &&
      step.draft &&
      el(
        'div',
        { cls: 'rl-actions' },
        letter && button('export-dossier', t('exportDossier')),
        letter && button('print-letter', t('printLetter')),
        button('insert-next-step', t('insertReminder'), { cls: 'rl-primary' }),
      ),
  );
}

const BANDS: ReadonlySet<string> = new Set(['low', 'medium', 'high', 'unrated']);

function riskCard(risk: RiskProfile, flags: ClientFlags, locale: string): StaticNode {
  const days = risk.averageDaysLate;
  // The class is built from the band: only the bands the stylesheet knows (the renderer refuses any other class).
  const band = BANDS.has(risk.band) ? risk.band : 'unrated';
  return el(
    'section',
    { cls: 'rl-card-s', attrs: { 'data-relance': 'risk', 'data-score': risk.score === null ? '' : String(risk.score), 'data-band': risk.band, 'aria-label': t('riskTitle') } },
    el('div', { cls: 'rl-card-head' }, el('h3', null, t('riskTitle')), el('span', { cls: `rl-band rl-band-${band}` }, risk.score !== null && el('strong', { cls: 'rl-score' }, String(risk.score)), ` ${bandLabel(risk.band)}`)),
    el(
      'dl',
      { cls: 'rl-fields' },
      el('dt', null, t('riskAverageLate')),
      el('dd', null, days === null ? '—' : t('riskDays', [String(Math.round(days))])),
      el('dt', null, t('riskOpen')),
      el('dd', null, amountsText(risk.openByCurrency, locale)),
      el('dt', null, t('riskOverdue')),
      el('dd', null, amountsText(risk.overdueByCurrency, locale)),
    ),
    risk.warningSigns.length > 0 && el('ul', { cls: 'rl-signs', attrs: { 'aria-label': t('riskSigns') } }, ...risk.warningSigns.map((s) => el('li', { attrs: { 'data-sign': s.sign } }, `⚠ ${signLabel(s)}`))),
    el(
      'details',
      { cls: 'rl-factors', attrs: { open: '' } },
      el('summary', null, t('riskFactors')),
      el('ul', null, ...risk.factors.map((f) => el('li', null, el('span', { cls: f.effect < 0 ? 'rl-neg' : 'rl-pos' }, effectText(f.effect)), ` ${f.label}`, f.detail && el('span', { cls: 'rl-muted' }, ` — ${f.detail}`)))),
    ),
    risk.recommendations.length > 0 &&
      el('ul', { cls: 'rl-recs', attrs: { 'aria-label': t('riskRecommendations') } }, ...risk.recommendations.map((r) => el('li', { attrs: { 'data-recommendation': r.action } }, `→ ${recommendationLabel(r)}`))),
    el(
      'fieldset',
      { cls: 'rl-flags' },
      el('legend', null, t('flagsTitle')),
      ...FLAG_KEYS.map((flag) =>
        el('label', { cls: 'rl-check' }, el('input', { attrs: { type: 'checkbox', 'data-relance': 'client-flag', 'data-flag': flag, checked: flags[flag] === true ? '' : undefined } }), flagLabel(flag)),
      ),
    ),
  );
}

function timeline(events: readonly InvoiceEvent[], invoices: readonly Invoice[], locale: string): StaticNode {
  const numberOf = new Map(invoices.map((i) => [i.id, i.number]));
  const shown = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (b.id ?? 0) - (a.id ?? 0)));
  return el(
    'ol',
    { cls: 'rl-timeline', attrs: { 'data-relance': 'timeline', 'aria-label': t('timelineTitle') } },
    shown.length === 0 && el('li', { cls: 'rl-empty' }, t('timelineEmpty')),
    ...shown.map((ev) => {
      const number = ev.invoiceId ? numberOf.get(ev.invoiceId) : undefined;
      const intent = typeof ev.payload?.['intent'] === 'string' ? (ev.payload['intent'] as string) : undefined;
      return el(
        'li',
        { cls: 'rl-event', attrs: { 'data-relance': 'event', 'data-event-type': ev.type, 'data-intent': intent } },
        el('span', { cls: 'rl-event-date' }, formatIsoDate(ev.at.slice(0, 10), locale)),
        el('span', { cls: 'rl-event-text' }, eventText(ev, locale)),
        number && el('span', { cls: 'rl-event-invoice' }, number),
      );
    }),
  );
}

/**
 * The first view for `clientEmail` (null: no thread open) from the answer `sidebar.load` gives, in `locale`.
 * Mirrors SidebarPanel's body (after its notices) and the look-alike line of its header.
 */
export function buildFirstView(load: Load, clientEmail: string | null, locale: string): FirstView {
  const labels = {
    sidebarTitle: t('sidebarTitle'),
    sidebarOpen: t('sidebarOpen'),
    sidebarClose: t('sidebarClose'),
    noThread: t('noThread'),
    unrecognisedGmail: t('unrecognisedPage', ['Gmail']),
    unrecognisedOutlook: t('unrecognisedPage', ['Outlook']),
  };
  const who = clientEmail !== null;
  const lookalike = who ? (load.lookalike ?? null) : null;
  const whoNodes = lookalike
    ? [
        el(
          'p',
          { cls: 'rl-form-error', attrs: { role: 'alert', 'data-relance': 'lookalike-warning', 'data-ascii-domain': lookalike.ascii, 'data-imitates': lookalike.imitates ?? undefined } },
          lookalike.imitates ? t('lookalikeImitates', [lookalike.ascii, lookalike.imitates]) : t('lookalikeWarning', [lookalike.ascii]),
        ),
      ]
    : [];
  const view = load.view;
  const today = view?.today ?? load.today;
  const pending = view?.pending ?? [];
  const invoices = sortForClient((view?.invoices ?? []).filter((i) => i.review !== 'pending'));
  const followup = load.followup;
  const body: Kid[] = [
    pending.length > 0 && el('h2', { cls: 'rl-section-title' }, t('detectedTitle')),
    pending.length > 0 && el('ul', { cls: 'rl-invoices', attrs: { 'aria-label': t('detectedTitle') } }, ...pending.map((inv) => detectedRow(inv, view?.events ?? [], locale))),
    el('div', { cls: 'rl-toolbar' }, el('h2', { cls: 'rl-section-title' }, t('clientInvoices')), button('add-invoice', t('addInvoice'), { cls: 'rl-primary' })),
    !who
      ? el('p', { cls: 'rl-empty' }, t('noThreadHelp'))
      : invoices.length === 0 && view
        ? el('p', { cls: 'rl-empty' }, t('noInvoicesForClient'))
        : el('ul', { cls: 'rl-invoices', attrs: { 'aria-label': t('clientInvoices') } }, ...invoices.map((inv) => invoiceRow(inv, today, locale))),
    who && followup && invoices.length > 0 && nextStepCard(followup.next, followup.today, locale),
    who && followup && invoices.length > 0 && riskCard(followup.risk, followup.flags, locale),
    who && view && view.events.length > 0 && el('h2', { cls: 'rl-section-title' }, t('timelineTitle')),
    who && view && view.events.length > 0 && timeline(view.events, view.invoices, locale),
  ];
  return { labels, who: whoNodes, body: body.filter((k): k is StaticNode => typeof k === 'object' && k !== null) };
}
