import type { InvoiceEvent } from '@/lib/domain/invoice';
import { utcDateFormat } from './intl-cache';
import { t } from './i18n';

/**
 * The timeline's words: one human sentence per event, in the UI language, from the event's type and the few
 * payload fields the background stores (stage, intent, promisedDate). Never the mail's own text.
 */

const STAGES = ['pre_due', 'first', 'second', 'formal_notice', 'stop_work', 'handover'] as const;
type StageName = (typeof STAGES)[number];

export function isStageName(v: unknown): v is StageName {
  return typeof v === 'string' && (STAGES as readonly string[]).includes(v);
}

/** "first reminder", "formal notice"… (lower case, to sit inside a sentence). */
export function stageText(stage: unknown): string {
  switch (stage) {
    case 'pre_due':
      return t('stagePreDue');
    case 'first':
      return t('stageFirst');
    case 'second':
      return t('stageSecond');
    case 'formal_notice':
      return t('stageFormalNotice');
    case 'stop_work':
      return t('stageStopWork');
    case 'handover':
      return t('stageHandover');
    default:
      return '';
  }
}

/** "12 March" (fr: "12 mars"): a civil date without the year, never shifted by the time zone. */
export function dayMonth(iso: unknown, locale: string): string | null {
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const format = utcDateFormat(locale, 'dayMonth');
  try {
    return format ? format.format(date) : iso.slice(0, 10);
  } catch {
    return iso.slice(0, 10);
  }
}

function replyText(payload: Record<string, unknown>, locale: string): string {
  const promised = dayMonth(payload['promisedDate'], locale);
  switch (payload['intent']) {
    case 'promise':
      return promised ? t('evPromiseOn', [promised]) : t('evPromise');
    case 'delay_request':
      return promised ? t('evDelayUntil', [promised]) : t('evDelay');
    case 'paid':
      return t('evSaysPaid');
    case 'dispute':
      return t('evDispute');
    case 'financial_difficulty':
      return t('evFinancial');
    case 'lost_invoice':
      return t('evLost');
    case 'other_company':
      return t('evOtherCompany');
    case 'acknowledgement':
      return t('evAcknowledged');
    default:
      return t('evReplied');
  }
}

function withStage(key: 'evReminderDrafted' | 'evReminderSent', stage: unknown): string {
  const s = stageText(stage);
  return s ? t(key === 'evReminderDrafted' ? 'evReminderDraftedStage' : 'evReminderSentStage', [s]) : t(key);
}

export function eventText(ev: Pick<InvoiceEvent, 'type' | 'payload'>, locale: string): string {
  const p = ev.payload ?? {};
  switch (ev.type) {
    case 'created':
      return t('evCreated');
    case 'detected':
      return p['via'] === 'send' ? t('evDetectedSend') : t('evDetected');
    case 'edited':
      return p['review'] === 'confirmed' ? t('evConfirmed') : t('evEdited');
    case 'reminder-drafted':
      return withStage('evReminderDrafted', p['stage']);
    case 'reminder-sent':
      return withStage('evReminderSent', p['stage']);
    case 'reply-received':
      return replyText(p, locale);
    case 'payment-recorded':
      return t('evPaid');
    case 'paused':
      return t('evPaused');
    case 'resumed':
      return t('evResumed');
    case 'call':
      return t('evCall');
    case 'note':
      return p['kind'] === 'receipt-sent' ? t('evReceiptSent') : t('evNote');
    default:
      return ev.type;
  }
}
