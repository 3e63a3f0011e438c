import type { Lang, Money } from './types';
import { normalizeAligned } from './text';
import { WEEKDAY_NAME_PATTERN } from './dates';
import { currencyFormat } from './intl-formats';

/**
 * Money parsing: amounts in any of the locale formats invoices use, to integer minor units.
 *
 * Separator rules (parseAmount):
 * - spaces (incl. NBSP U+00A0, narrow NBSP U+202F, thin space) and apostrophes only ever group thousands;
 * - with both "." and ",", the last one is the decimal separator;
 * - one kind repeated ("1.234.567") groups thousands;
 * - a single "." or "," followed by 1, 2 or 4+ digits is the decimal separator;
 * - a single one followed by exactly 3 digits ("1,234", "1.234") is ambiguous: it groups thousands when it is the
 *   language's grouping character (en: ","; fr/de/es/it/nl/pt: "."), or when no language is given; otherwise
 *   (or when the integer part has 4+ digits or is 0) it is the decimal separator.
 */

export interface MoneyMatch {
  /** Amount in minor units of `currency` (cents for EUR; yen for JPY). */
  minor: number;
  /** ISO 4217 code, or null when no currency marker was found (and no default given). */
  currency: string | null;
  /** Start of the match in the input string (UTF-16 index). */
  index: number;
  /** End of the match (exclusive). */
  end: number;
  /** The matched text, as in the input. */
  raw: string;
}

export interface MoneyOptions {
  lang?: Lang;
  defaultCurrency?: string;
  /**
   * What a bare "$" means in this document ("CAD" for a Québec invoice), decided once per document from its
   * context; without it a bare "$" is USD (or `defaultCurrency` when that is a dollar).
   */
  dollar?: string;
}

/** Currencies whose minor unit is not 1/100 (ISO 4217). */
const CURRENCY_DIGITS: Record<string, number> = {
  JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, XOF: 0, XAF: 0, XPF: 0, UGX: 0, PYG: 0, RWF: 0, HUF: 2,
  BHD: 3, KWD: 3, OMR: 3, TND: 3, JOD: 3, IQD: 3, LYD: 3,
};

/** Number of decimals of the currency's minor unit (2 unless ISO 4217 says otherwise). */
export function currencyDigits(currency: string): number {
  return CURRENCY_DIGITS[currency.toUpperCase()] ?? 2;
}

/** ISO codes recognised as currency markers next to a number. */
const ISO_CODES = [
  'EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'JPY', 'INR', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON',
  'BGN', 'HRK', 'CNY', 'HKD', 'SGD', 'MXN', 'BRL', 'ZAR', 'TRY', 'RUB', 'ILS', 'AED', 'SAR', 'MAD', 'TND', 'XOF',
  'XAF', 'KRW', 'ISK',
];

/** Currencies written with a "$". */
const DOLLARS = /^(?:USD|CAD|AUD|NZD|HKD|SGD|MXN)$/;

/** Marker text (as matched, upper-cased, spaces removed) -> ISO code. */
function markerToCurrency(marker: string, defaultCurrency: string | undefined, dollar?: string): string | null {
  const m = marker.toUpperCase().replace(/[\s.]/g, '');
  if (ISO_CODES.includes(m)) return m;
  // "$ USD", "$CAD": the code after the sign decides.
  if (/^\$[A-Z]{3}$/.test(m) && ISO_CODES.includes(m.slice(1))) return m.slice(1);
  switch (m) {
    case '€': case 'EURO': case 'EUROS': return 'EUR';
    case '£': case 'GBP£': return 'GBP';
    case '₹': case 'RS': case 'INR₹': return 'INR';
    case '¥': case '円': return 'JPY';
    case 'FR': case 'SFR': return 'CHF';
    case 'CA$': case 'C$': case 'CAN$': case '$CA': case '$CAN': return 'CAD';
    case 'AU$': case 'A$': case '$AU': return 'AUD';
    case 'NZ$': case '$NZ': return 'NZD';
    case 'MX$': return 'MXN';
    case 'US$': case '$US': return 'USD';
    case 'DOLLARS': case 'DOLLAR': return dollar && DOLLARS.test(dollar) ? dollar : 'USD';
    case 'HK$': return 'HKD';
    case 'S$': return 'SGD';
    case 'R$': return 'BRL';
    case '$':
      // A bare "$" is USD, unless the caller knows the document is in another dollar.
      if (dollar && DOLLARS.test(dollar)) return dollar;
      return defaultCurrency && DOLLARS.test(defaultCurrency) ? defaultCurrency : 'USD';
    default:
      return null;
  }
}

const CODES = ISO_CODES.join('|');
/** Currency marker allowed right before the number (an optional space, then an optional sign, may follow). */
const PREFIX_RE = new RegExp(
  `(?:(?<![A-Za-z])(?:CA|CAN|AU|NZ|US|HK|MX|[CASR])?\\$|€|£|₹|¥|(?<![A-Za-z])(?:${CODES}|Rs\\.?|S?Fr\\.)|(?<![A-Za-z])(?:${CODES})\\s?[$€£])\\s?$`,
);
/** Currency marker allowed right after the number. */
const SUFFIX_RE = new RegExp(
  `^\\s?(?:\\$\\s?(?:CAD|USD|AUD|NZD|CAN?|US|AU|NZ)(?![A-Za-z])|€|\\$|£|₹|¥|円|(?:${CODES})(?![A-Za-z])|(?:euros?|EUROS?|Euros?|dollars?|Dollars?)(?![A-Za-z])|S?Fr\\.(?![A-Za-z])|-?\\s?(?:${CODES})(?![A-Za-z]))`,
);

/**
 * Candidate numbers: grouped integers ("1 234", "1.234", "1'234", Indian "1,00,000") or plain digit runs, then
 * an optional decimal part. Every quantifier applies to a fixed-width, separator-led group, so matching is linear.
 */
const NUMBER_RE =
  /(\d{1,3}([ .,'])\d{3}(?:\2\d{3})*(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d+)(?:([.,])(\d{1,3}))?(?!\d)/g;

/** Which single separator followed by exactly 3 digits groups thousands: ",", ".", either, or neither. */
type Grouping = ',' | '.' | 'any' | 'none';

/** The language's thousands separator, for the ambiguous "1,234" / "1.234" (either when unknown). */
function langGrouping(lang: Lang | undefined): Grouping {
  return lang === undefined ? 'any' : lang === 'en' ? ',' : '.';
}

/** With a known currency, 3 decimals are impossible unless the currency has them: "$1,234" is 1234 dollars. */
function currencyGrouping(currency: string | null, lang: Lang | undefined): Grouping {
  if (!currency) return langGrouping(lang);
  return currencyDigits(currency) >= 3 ? 'none' : 'any';
}

interface Decimal {
  negative: boolean;
  intDigits: string;
  fracDigits: string;
}

/** Splits a cleaned number string into integer and fraction digits, or null when its grouping is invalid. */
function splitNumber(body: string, grouping: Grouping): { intDigits: string; fracDigits: string } | null {
  if (!/^\d[\d .,']*$/.test(body) || /[ .,']$/.test(body) || /[ .,']{2}/.test(body)) return null;
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let decimalSep: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalSep = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = body.split(sep).length - 1;
    const after = body.length - body.lastIndexOf(sep) - 1;
    if (count === 1 && after !== 3) decimalSep = sep;
    else if (count === 1) {
      const intPart = body.slice(0, body.lastIndexOf(sep)).replace(/[ ']/g, '');
      const groups = grouping === 'any' || grouping === sep;
      if (intPart.length > 3 || /^0+$/.test(intPart) || /[ ']/.test(body) || !groups) decimalSep = sep;
    }
  }
  let intPart = body;
  let fracDigits = '';
  if (decimalSep) {
    const at = body.lastIndexOf(decimalSep);
    intPart = body.slice(0, at);
    fracDigits = body.slice(at + 1);
    if (!/^\d+$/.test(fracDigits)) return null;
  }
  // Whatever separators remain group thousands: all of one kind, groups of 3 (or the Indian 2-2-3 with ",").
  const seps = intPart.match(/[ .,']/g);
  if (seps) {
    if (new Set(seps).size > 1) return null;
    const groups = intPart.split(seps[0]!);
    const western = groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3;
    const indian =
      seps[0] === ',' && groups.length > 2 && groups[groups.length - 1]!.length === 3 &&
      groups.slice(1, -1).every((g) => g.length === 2) && groups[0]!.length <= 2;
    if (!western && !indian) return null;
  }
  const intDigits = intPart.replace(/[ .,']/g, '');
  if (!/^\d+$/.test(intDigits)) return null;
  return { intDigits, fracDigits };
}

function toMinor(d: Decimal, digits: number): number | null {
  const frac = d.fracDigits.padEnd(digits + 1, '0');
  let minor = Number(d.intDigits + frac.slice(0, digits));
  // Round half away from zero on the first dropped digit.
  if (Number(frac[digits] ?? '0') >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return null;
  return d.negative && minor !== 0 ? -minor : minor;
}

/** Strips sign markers: leading/trailing "-", the minus sign, accounting parentheses. */
function parseSigned(s: string, grouping: Grouping): Decimal | null {
  let t = normalizeAligned(s).replace(/\u2212/g, '-').trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!.trim();
  }
  if (/^-\s?/.test(t)) {
    negative = !negative;
    t = t.replace(/^-\s?/, '');
  } else if (/\s?-$/.test(t)) {
    negative = !negative;
    t = t.replace(/\s?-$/, '');
  } else if (/^\+\s?/.test(t)) t = t.replace(/^\+\s?/, '');
  const parts = splitNumber(t.replace(/[’]/g, "'"), grouping);
  return parts ? { negative, ...parts } : null;
}

/**
 * A number string in any common locale format to minor units (2 decimals unless `digits` says otherwise).
 * Returns null for anything that is not exactly one well-formed number (currency markers are tolerated at the
 * ends: "1 234,56 €" parses).
 */
export function parseAmount(s: string, opts: { lang?: Lang; digits?: number } = {}): number | null {
  if (typeof s !== 'string' || s.length > 100) return null;
  const stripped = stripCurrency(s);
  const d = parseSigned(stripped.rest, langGrouping(opts.lang));
  return d ? toMinor(d, opts.digits ?? 2) : null;
}

/** A currency marker opening / ending a lone amount (no g flag: shared without lastIndex state). */
const LEADING_MARKER_RE = new RegExp(
  `^(-\\s?)?((?:CA|CAN|AU|NZ|US|HK|MX|[CASR])?\\$|€|£|₹|¥|(?:${CODES})(?:\\s?[$€£])?|Rs\\.?|S?Fr\\.)\\s?`,
);
const TRAILING_MARKER_RE = new RegExp(`\\s?(\\$\\s?(?:CAD|USD|AUD|NZD|CAN?|US|AU|NZ)|€|\\$|£|₹|¥|円|(?:${CODES})|[Ee]uros?|EUROS?|[Dd]ollars?|S?Fr\\.)$`);

/** Removes one currency marker at either end; returns the marker found (if any) and the rest. */
function stripCurrency(s: string): { marker: string | null; rest: string } {
  const t = normalizeAligned(s).trim();
  const pre = LEADING_MARKER_RE.exec(t);
  if (pre) return { marker: pre[2]!, rest: (pre[1] ?? '') + t.slice(pre[0].length) };
  const suf = TRAILING_MARKER_RE.exec(t);
  if (suf) return { marker: suf[1]!, rest: t.slice(0, suf.index) };
  return { marker: null, rest: t };
}

/** A single money amount: "1 234,56 €", "CHF 1'234.50", "€1,234.56", "EUR -8,79", "Rs. 1,000", "CA$ 99". */
export function parseMoney(s: string, opts: MoneyOptions = {}): Money | null {
  if (typeof s !== 'string' || s.length > 100) return null;
  const { marker, rest } = stripCurrency(s);
  const currency = marker ? markerToCurrency(marker, opts.defaultCurrency, opts.dollar) : (opts.defaultCurrency ?? null);
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return null;
  const d = parseSigned(rest, currencyGrouping(currency, opts.lang));
  if (!d) return null;
  const minor = toMinor(d, currencyDigits(currency));
  return minor === null ? null : { minor, currency };
}

/**
 * Weekday abbreviations and names (de, fr, en, es, it, nl) as they appear in opening hours. Two-letter ones
 * ("Mo", "Fr", "lu") count only with a dot or in a range, as they are words too.
 */
const WEEKDAY_ABBR = String.raw`(?:mo|di|mi|do|fr|sa|so|lu|ma|me|je|ve|ju|vi|gi|zo|wo|vr|za)\.|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|mie|jue|vie|sab|dom|gio|din|woe|don|zat)\.?|${WEEKDAY_NAME_PATTERN}`;
const WEEKDAY_TWO = String.raw`(?:mo|di|mi|do|fr|sa|so|lu|ma|me|je|ve|ju|vi|gi|zo|wo|vr|za)`;
/** A weekday, or a range of weekdays ("Mo.-Fr.", "lun. au ven.", "Montag bis Fr."), ending the text. */
const WEEKDAY_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${WEEKDAY_ABBR}|${WEEKDAY_TWO})\s*(?:-|bis|to|au|a|al|tot|und|&)\s*)?(?:${WEEKDAY_ABBR})\s*:?\s*$`,
  'iu',
);
/** A weekday range right before "Fr." ("Mo.-", "Montag bis "): the "Fr." is Friday, not Swiss francs. */
const WEEKDAY_RANGE_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:${WEEKDAY_ABBR}|${WEEKDAY_TWO})\s*(?:-|bis|to|und|&|,)\s*$`, 'iu');
/** A time-of-day unit after a number ("14.30 Uhr", "9h", "18.00 heures", "5.30 hrs"). */
const TIME_UNIT_AFTER = /^\s?(?:uhr|h|hrs?|heures?|o'clock)(?![\p{L}])/iu;
/** A range to a second time after a number ("08.30 - 17.00", "9.00-12.30"). */
const TIME_RANGE_AFTER = /^\s*(?:-|bis|to|a|à|au)\s*\d{1,2}[.:][0-5]\d(?![\d.,])/iu;
/** A range joining two times ("08.30 - 17.00", "9.00 bis 12.00"). */
const RANGE_BETWEEN = /^\s*(?:-|bis|to|a|à|au|und|and)\s*$/iu;

/**
 * The minus that ends `lead` (the text before a currency marker, starting at `offset` in `original`), as
 * matched: "-" or "−" glued to the marker, or "−" and one space; not when glued to a word or a number.
 */
function minusBeforeMarker(original: string, offset: number, lead: string): string | null {
  const m = /(?:^|[^\p{L}\p{N}\-])(-\s?)$/u.exec(lead);
  if (!m) return null;
  const ch = original[offset + lead.length - m[1]!.length];
  if (ch === '\u2212') return m[1]!;
  return ch === '-' && m[1] === '-' ? m[1] : null;
}

/** "8.30", "08:30", "17.00": a number that can be a time of day. */
function isTimeShaped(s: string): boolean {
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(s);
  return m !== null && Number(m[1]) <= 24 && Number(m[2]) <= 59;
}

/** Characters that, glued to a number, make it part of a date, a time, a reference or an identifier. */
const GLUE_BEFORE = /[\p{L}\p{N}_#/:@]$|[\p{L}\p{N}][-./,]$/u;
const GLUE_AFTER = /^(?:[\p{L}\p{N}_@]|[-./:,]\d|\s?%|\s?‰)/u;

/**
 * All money amounts in a text, in order, with positions in the input. An amount counts when a currency marker
 * is next to it, or, without marker, when it looks like money (exactly 2 decimals). Numbers glued to letters,
 * dates, times, percentages, IBAN/SIRET/phone digit runs without decimals are skipped, and so are times of day
 * ("Mo.-Fr. 08.30 - 17.00 Uhr"): "Fr." is Swiss francs unless a weekday range or a time context says Friday.
 * A minus before the marker ("-€8.79", "− €8.79") makes the amount negative.
 */
export function findMoney(text: string, opts: MoneyOptions = {}): MoneyMatch[] {
  if (typeof text !== 'string') return [];
  const t = normalizeAligned(text);
  const out: MoneyMatch[] = [];
  /** End of the last number read as a time of day: "08.30 - 17.00" makes the second one a time too. */
  let lastTimeEnd = -1;
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(t); m; m = NUMBER_RE.exec(t)) {
    let start = m.index;
    let end = start + m[0].length;
    // A decimal part must not reuse the grouping separator ("1.234.5" is not a number).
    if (m[2] && m[3] === m[2]) continue;
    const before = t.slice(Math.max(0, start - 16), start);
    const after = t.slice(end, end + 12);
    // Sign: "-8,79" or "- 8,79" when the dash is not glued to a preceding word or digit.
    let negative = false;
    let sign = /(?:^|[^\p{L}\p{N}\-])(-\s?)$/u.exec(before);
    // An em dash is punctuation ("Total — 1 800,00 €"), never a minus.
    if (sign && /[\u2014\u2015]/.test(text[start - sign[1]!.length] ?? '')) sign = null;
    const beforeSign = sign ? before.slice(0, before.length - sign[1]!.length) : before;
    let pre = PREFIX_RE.exec(beforeSign);
    // "Mo.-Fr." is a range of weekdays, not Swiss francs.
    if (pre && /Fr\.\s?$/.test(pre[0]) && WEEKDAY_RANGE_BEFORE.test(beforeSign.slice(0, pre.index))) pre = null;
    const preMarker = pre ? pre[0] : null;
    const markerStart = beforeSign.length - (preMarker?.length ?? 0);
    if (!preMarker && GLUE_BEFORE.test(sign ? beforeSign : before)) continue;
    // Accounting parentheses "(8.79)", "(€8.79)", "(8.79) USD".
    const paren = /\($/.test(beforeSign.slice(0, markerStart)) && after.startsWith(')');
    const suf = SUFFIX_RE.exec(paren ? after.slice(1) : after);
    if (!suf && !paren && GLUE_AFTER.test(after)) continue;
    // A time of day ("Mo.-Fr. 08.30 - 17.00 Uhr", "um 14.30 Uhr") is no amount, even after "Fr.".
    const francsOrNone = (!preMarker || /Fr\.\s?$/.test(preMarker)) && !suf;
    if (francsOrNone && isTimeShaped(m[0])) {
      const joined = lastTimeEnd >= 0 && RANGE_BETWEEN.test(t.slice(lastTimeEnd, m.index));
      const weekday = !preMarker && WEEKDAY_BEFORE.test(before);
      if (joined || weekday || TIME_UNIT_AFTER.test(after) || TIME_RANGE_AFTER.test(after)) {
        lastTimeEnd = end;
        continue;
      }
    }
    // A minus before the currency marker: "-€8.79", "−€8.79", "− €8.79". A spaced dash is a separator
    // ("Total — $1,800.00", "Total - $5"), except the minus sign U+2212 itself.
    const markerSign = preMarker && !sign ? minusBeforeMarker(text, start - before.length, beforeSign.slice(0, markerStart)) : null;
    if (sign) {
      negative = true;
      start -= sign[1]!.length;
    } else if (paren || markerSign) negative = true;
    const marker = preMarker ? preMarker.trim().replace(/-$/, '').trim() : suf ? suf[0].replace(/^\s?-?\s?/, '').trim() : null;
    const currency = marker ? markerToCurrency(marker, opts.defaultCurrency, opts.dollar) : null;
    const fracLen = m[4]?.length ?? 0;
    if (!currency && fracLen !== 2) continue;
    const resolved = currency ?? opts.defaultCurrency ?? null;
    const parts = splitNumber(m[0], currencyGrouping(resolved, opts.lang));
    if (!parts) continue;
    const minor = toMinor({ negative, ...parts }, resolved ? currencyDigits(resolved) : 2);
    if (minor === null) continue;
    const index = (preMarker ? start - preMarker.length : start) - (paren ? 1 : 0) - (markerSign ? markerSign.length : 0);
    if (suf) end += suf[0].length + (paren ? 1 : 0);
    out.push({ minor, currency: resolved, index, end, raw: text.slice(index, end) });
  }
  return out;
}

/** Minor units as a plain decimal string, the format of the evaluation and of storage: "1234.56", "-8.79". */
export function formatMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(Math.trunc(minor)));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

// Formatters are cached in one place for the whole extension (intl-formats.ts); re-exported for the reminders.
export { numberFormat } from './intl-formats';

/** Display form for the UI through Intl: "1 234,56 €" (fr-FR), "€1,234.56" (en). */
export function formatMoney(m: Money, locale: string): string {
  const digits = currencyDigits(m.currency);
  const format = currencyFormat(locale, m.currency);
  return format ? format.format(m.minor / 10 ** digits) : `${formatMinor(m.minor, m.currency)} ${m.currency}`;
}
