import type { Invoice, InvoiceEvent } from '@/lib/domain/invoice';
import type { NextStep } from '@/lib/domain/ladder';
import type { ClientFlags, Recommendation, RiskProfile, WarningSign } from '@/lib/domain/risk';
import { stageText } from '@/components/ui/event-text';
import { formatAmount, formatIsoDate } from '@/components/ui/format';
import { t } from '@/components/ui/i18n';

/**
 * The sidebar cards' words, without React: the cards (RiskCard, NextStepCard, DetectedInvoice) and the first view
 * the background formats for a sidebar left open (first-view-tree.ts) say the same things through these functions.
 */

/** The flags the user can set, in the order the card lists them. */
export const FLAG_KEYS = ['depositRefused', 'contractRefused', 'otherCompany', 'financialTrouble', 'keepsPushingDeadlines'] as const satisfies readonly (keyof ClientFlags)[];
export type FlagKey = (typeof FLAG_KEYS)[number];

export function flagLabel(flag: FlagKey): string {
  switch (flag) {
    case 'depositRefused':
      return t('flagDepositRefused');
    case 'contractRefused':
      return t('flagContractRefused');
    case 'otherCompany':
      return t('flagOtherCompany');
    case 'financialTrouble':
      return t('flagFinancialTrouble');
    case 'keepsPushingDeadlines':
      return t('flagPushingDeadlines');
  }
}

export function bandLabel(band: RiskProfile['band']): string {
  switch (band) {
    case 'low':
      return t('bandLow');
    case 'medium':
      return t('bandMedium');
    case 'high':
      return t('bandHigh');
    default:
      return t('bandUnrated');
  }
}

export function signLabel(s: WarningSign): string {
  switch (s.sign) {
    case 'deposit_refused':
      return t('flagDepositRefused');
    case 'contract_refused':
      return t('flagContractRefused');
    case 'other_company':
      return t('flagOtherCompany');
    case 'financial_difficulty':
      return t('flagFinancialTrouble');
    case 'delay_request':
      return t('signDelay');
    case 'lost_invoice':
      return t('signLost');
    case 'dispute':
      return t('signDispute');
    case 'silence':
      return t('signSilence');
    default:
      return s.label;
  }
}

export function recommendationLabel(r: Recommendation): string {
  switch (r.action) {
    case 'ask_deposit':
      return t('recDeposit', [String(r.depositPercent ?? 30)]);
    case 'shorten_terms':
      return t('recShortenTerms');
    case 'payment_schedule':
      return t('recSchedule');
    case 'stop_work':
      return t('recStopWork');
    case 'sign_contract':
      return t('recContract');
    case 'verify_company':
      return t('recVerifyCompany');
    default:
      return r.reason;
  }
}

/** "1 200,00 € + 300,00 $", or a dash when nothing is due. */
export function amountsText(byCurrency: Record<string, number>, locale: string): string {
  const parts = Object.entries(byCurrency)
    .filter(([, minor]) => minor !== 0)
    .map(([cur, minor]) => formatAmount(minor, cur, locale));
  return parts.length > 0 ? parts.join(' + ') : '—';
}

/** "+12" / "-8": a risk factor's effect on the score. */
export const effectText = (effect: number): string => (effect > 0 ? `+${Math.round(effect)}` : String(Math.round(effect)));

export function channelText(channel: NextStep['channel']): string {
  switch (channel) {
    case 'email':
      return t('channelEmail');
    case 'call':
      return t('channelCall');
    case 'letter':
      return t('channelLetter');
    default:
      return '';
  }
}

export function nextStepHeadline(step: NextStep, locale: string): string {
  if (step.stage === 'none') return t('nextNone');
  if (step.stage === 'paused') return step.pausedUntil ? t('nextPausedUntil', [formatIsoDate(step.pausedUntil, locale)]) : t('nextPaused');
  return stageText(step.stage);
}

interface Evidence {
  source: string;
  text: string;
}
interface AttachmentRead {
  filename: string;
  status: string;
}

/** The evidence and PDF reports of the `detected` event, read defensively (the payload is free-form). */
export function detectionDetails(events: readonly InvoiceEvent[], invoiceId: string): { evidence: Evidence[]; attachments: AttachmentRead[] } {
  const ev = events.find((e) => e.type === 'detected' && e.invoiceId === invoiceId);
  const p = ev?.payload ?? {};
  const evidence = (Array.isArray(p['evidence']) ? p['evidence'] : [])
    .filter((e): e is Evidence => typeof e === 'object' && e !== null && typeof (e as Evidence).text === 'string')
    .map((e) => ({ source: typeof e.source === 'string' ? e.source : '', text: e.text }))
    .slice(0, 6);
  const attachments = (Array.isArray(p['attachmentsRead']) ? p['attachmentsRead'] : []).filter(
    (a): a is AttachmentRead => typeof a === 'object' && a !== null && typeof (a as AttachmentRead).filename === 'string',
  );
  return { evidence, attachments };
}

export function sourceText(source: string): string {
  switch (source) {
    case 'subject':
      return t('srcSubject');
    case 'body':
      return t('srcBody');
    case 'filename':
      return t('srcFilename');
    case 'pdf':
    case 'attachment':
      return t('srcPdf');
    case 'xml':
      return t('srcXml');
    default:
      return source;
  }
}

/** The background's evidence often starts by naming its source already ("subject says…"): then it is not repeated. */
export const showsSource = (e: Evidence): boolean => e.source !== '' && !e.text.toLowerCase().startsWith(e.source.toLowerCase());

// ISO dates sort as plain strings; localeCompare would consult collation tables for nothing.
const byIso = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The client's invoices as the sidebar lists them: unpaid first (soonest due first), then paid (latest first). */
export function sortForClient(invoices: Invoice[]): Invoice[] {
  const unpaid = invoices.filter((i) => i.status !== 'paid').sort((a, b) => byIso(a.dueDate, b.dueDate));
  const paid = invoices.filter((i) => i.status === 'paid').sort((a, b) => byIso(b.dueDate, a.dueDate));
  return [...unpaid, ...paid];
}
