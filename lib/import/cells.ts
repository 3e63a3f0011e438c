import { findDates, makeIsoDate } from '../domain/dates';
import { currencyDigits, parseAmount, parseMoney } from '../domain/money';
import type { IsoDate, Lang } from '../domain/types';

/**
 * Reading one CSV cell as a date, an amount, a currency or a status. A cell is read whole: "2025-03-10 14:02" is a
 * date (the time is ignored), "see 2025-03-10" is not. Each reader returns null (or an error text) rather than
 * guessing, so that a file is refused with a precise message instead of imported wrong.
 */

/** Day/month order of the file's numeric dates; 'ymd' = every date is year first (ISO). */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T\s,])/;
/** What may follow a date in a cell: a time, a time zone. */
const TIME_TAIL = /^(?:[T\s,]+\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:[AaPp][Mm])?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?\s*$/;

function expandYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n < 70 ? 2000 + n : 1900 + n;
}

/** Evidence for the day/month order: one vote per numeric date whose first or second part exceeds 12. */
export function dateOrderEvidence(cells: Iterable<string>): { dmy: number; mdy: number; numeric: number } {
  let dmy = 0;
  let mdy = 0;
  let numeric = 0;
  for (const raw of cells) {
    const m = NUMERIC.exec(raw.trim());
    if (!m) continue;
    numeric++;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dmy++;
    else if (b > 12 && a <= 12) mdy++;
  }
  return { dmy, mdy, numeric };
}

/**
 * A cell as a civil date under the file's order, or null when it is not exactly one real date. Numeric dates are
 * read strictly in `order`: with 'mdy', "13/04/2025" is not a date (there is no 13th month), so a file whose
 * order was guessed wrong is refused rather than imported with swapped days and months.
 */
export function parseCsvDate(cell: string, order: DateOrder): IsoDate | null {
  const s = cell.trim();
  if (s === '' || s.length > 60) return null;
  const ymd = YEAR_FIRST.exec(s);
  if (ymd) return TIME_TAIL.test(s.slice(ymd[0].replace(/[T\s]$/, '').length)) ? makeIsoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) : null;
  const num = NUMERIC.exec(s);
  if (num) {
    if (order === 'ymd' || (num[4]!.length === 2 && num[2] === '-')) return null;
    if (!TIME_TAIL.test(s.slice(num[0].replace(/[T\s,]$/, '').length))) return null;
    const a = Number(num[1]);
    const b = Number(num[3]);
    const year = expandYear(num[4]!);
    return order === 'mdy' ? makeIsoDate(year, a, b) : makeIsoDate(year, b, a);
  }
  // Month names ("15 janv. 2025", "Jan 15, 2025", "15. März 2025"): the shared date reader, year required.
  const first = findDates(s)[0];
  if (!first || first.index !== 0) return null;
  return TIME_TAIL.test(s.slice(first.end)) ? first.date : null;
}

/**
 * The decimal separator of the file's amounts, as the language whose convention it is ('fr' = decimal comma,
 * 'en' = decimal point): "1.234,56" and "12,50" vote comma, "1,234.56" and "12.50" vote point.
 */
export function amountLanguage(cells: Iterable<string>, fallback: Lang): Lang {
  let comma = 0;
  let point = 0;
  for (const raw of cells) {
    const s = raw.replace(/[^\d.,]/g, '');
    if (/,\d{1,2}$/.test(s) || /\.\d{3},\d*$/.test(s)) comma++;
    else if (/\.\d{1,2}$/.test(s) || /,\d{3}\.\d*$/.test(s)) point++;
  }
  if (comma > point) return 'fr';
  if (point > comma) return 'en';
  return fallback;
}

/** Amount in minor units of `currency`, or null. */
export function parseCsvAmount(cell: string, currency: string, lang: Lang): number | null {
  return parseAmount(cell.trim(), { lang, digits: currencyDigits(currency) });
}

/** Amount and the currency its marker names ("1 234,56 €"), for files without a currency column. */
export function parseCsvMoney(cell: string, defaultCurrency: string, lang: Lang): { minor: number; currency: string } | null {
  return parseMoney(cell.trim(), { lang, defaultCurrency });
}

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', EURO: 'EUR', EUROS: 'EUR', '£': 'GBP', $: 'USD', 'US$': 'USD', '¥': 'JPY' };

/** A currency cell as an ISO code ("eur", "€", "EUR"), or null. */
export function parseCsvCurrency(cell: string): string | null {
  const s = cell.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(s)) return s;
  return CURRENCY_SYMBOLS[s] ?? null;
}

export type CsvStatus = 'open' | 'paid' | 'not_owed';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** Status words of invoicing tools (en, fr, de), folded. `not_owed`: drafts, cancelled, void, credit notes. */
const STATUS_WORDS: Record<CsvStatus, readonly string[]> = {
  paid: ['paid', 'fully paid', 'payee', 'paye', 'payees', 'reglee', 'regle', 'encaissee', 'soldee', 'acquittee', 'bezahlt', 'beglichen', 'erledigt'],
  not_owed: ['draft', 'brouillon', 'entwurf', 'void', 'voided', 'cancelled', 'canceled', 'annulee', 'annule', 'storniert', 'deleted', 'supprimee', 'uncollectible', 'irrecouvrable', 'written off', 'credit note', 'avoir', 'refunded', 'remboursee'],
  open: [
    'open', 'sent', 'unpaid', 'overdue', 'past due', 'late', 'due', 'partial', 'partially paid', 'part paid', 'viewed', 'outstanding',
    'awaiting payment', 'authorised', 'authorized', 'approved', 'pending', 'submitted', 'reminded', 'finalized',
    'envoyee', 'envoye', 'en retard', 'impayee', 'impaye', 'a payer', 'en attente', 'en attente de paiement', 'partiellement payee',
    'partiellement reglee', 'emise', 'validee', 'finalisee', 'relancee', 'en cours', 'ouverte', 'echue',
    'offen', 'uberfallig', 'versendet', 'gesendet', 'teilweise bezahlt', 'teilbezahlt', 'fallig', 'unbezahlt', 'gemahnt',
  ],
};

/** A status cell, or null when the word is unknown. */
export function parseCsvStatus(cell: string): CsvStatus | null {
  const s = fold(cell);
  for (const status of ['paid', 'not_owed', 'open'] as const) if (STATUS_WORDS[status].includes(s)) return status;
  return null;
}
