import type { IsoDate, Lang } from './types';
import { daysInMonth, isValidIsoDate } from './types';
import { foldAligned } from './text';
import { dateFormat } from './intl-formats';

/**
 * Civil-date parsing and arithmetic. Dates are `YYYY-MM-DD` strings; arithmetic goes through UTC midnight so
 * daylight-saving changes can never shift a day.
 *
 * Day/month order of numeric dates ("03/04/2025"):
 * 1. a part greater than 12 decides for that date ("13/04/2025" is 13 April, "04/13/2025" is 13 April);
 * 2. otherwise the order given by the caller (`order`), else the order that the other dates of the same text
 *    prove (`resolveNumericOrder`), else day-first, except English with US context (`usContext`) month-first.
 * Year-first numeric dates (ISO "2025-03-10", "2025/03/10") are always year-month-day.
 * Dates without a year ("15 mai", "May 15", "15.05.") need a reference date `ref`, and `yearless` says on which
 * side of it they fall. Month abbreviations that are ordinary words ("mar", "set") need a year next to them.
 * Two-digit years: 00-69 -> 2000-2069, 70-99 -> 1970-1999.
 */

export type NumericOrder = 'dmy' | 'mdy';

/**
 * How a date written without a year ("15 mai", "May 15", "15.05.") is placed around `ref`:
 * - 'nearest': the occurrence nearest to ref (within half a year either way): invoices, terms;
 * - 'forward': on or after ref, except that a date of the RECENT_PAST_DAYS before ref stays in the past
 *   (a promise "on 3 March" written on 26 March names the past, not next year): promised payment dates;
 * - 'backward': the last occurrence on or before ref: things already done ("paid on 3 March").
 */
export type YearlessMode = 'nearest' | 'forward' | 'backward';

export interface DateOptions {
  lang?: Lang;
  /** Reference date: without it, dates written without a year are not returned. */
  ref?: IsoDate;
  /** Where a year-less date lies relative to `ref` (default 'nearest'). */
  yearless?: YearlessMode;
  /** Force the order of ambiguous numeric dates. */
  order?: NumericOrder;
  /** The document is American (US address, USD): ambiguous English numeric dates are month-first. */
  usContext?: boolean;
}

export interface DateMatch {
  date: IsoDate;
  index: number;
  end: number;
  raw: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` from parts, or null when the parts are not a real calendar date. */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function toUtc(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

function fromUtc(ms: number): IsoDate {
  const x = new Date(ms);
  return `${x.getUTCFullYear()}-${pad2(x.getUTCMonth() + 1)}-${pad2(x.getUTCDate())}`;
}

const DAY_MS = 86_400_000;

/** Day of the week of a civil date: 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
export function weekdayIso(d: IsoDate): number {
  return new Date(toUtc(d)).getUTCDay();
}

export function addDaysIso(d: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(d) + Math.trunc(n) * DAY_MS);
}

/** Adds n business days (Monday-Friday; public holidays are not known here). */
export function addBusinessDaysIso(d: IsoDate, n: number): IsoDate {
  let ms = toUtc(d);
  let left = Math.trunc(n);
  while (left > 0) {
    ms += DAY_MS;
    const wd = new Date(ms).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return fromUtc(ms);
}

/** Adds calendar months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsIso(d: IsoDate, n: number): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + Math.trunc(n);
  const ty = y + Math.floor(m / 12);
  const tm = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(Number(d.slice(8, 10)), daysInMonth(ty, tm));
  return `${ty}-${pad2(tm)}-${pad2(day)}`;
}

export function endOfMonthIso(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return `${d.slice(0, 7)}-${pad2(daysInMonth(y, m))}`;
}

/** Whole days from a to b (positive when b is later). */
export function diffDaysIso(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** The civil date of the instant `now` in `timeZone` (default UTC); UTC when the zone is unknown. */
export function todayIso(now: Date, timeZone = 'UTC'): IsoDate {
  // Cached (intl-formats.ts): the background asks for today's date on every message.
  const format = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const utc = () => now.toISOString().slice(0, 10);
  if (!format) return utc();
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = format.formatToParts(now);
  } catch {
    return utc();
  }
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Month names and abbreviations, accent-folded, in fr, en, de, es, it, nl, pt (index 0 = January). */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['janvier', 'janv', 'january', 'januar', 'janner', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro', 'jan'],
  ['fevrier', 'fevr', 'fev', 'february', 'februar', 'febrero', 'febbraio', 'februari', 'fevereiro', 'feb', 'febr'],
  ['mars', 'march', 'marz', 'maerz', 'marzo', 'maart', 'marco', 'mrz', 'mrt', 'mar'],
  ['avril', 'avr', 'april', 'abril', 'aprile', 'abr', 'apr'],
  ['mai', 'may', 'mayo', 'maggio', 'mag', 'mei', 'maio'],
  ['juin', 'june', 'juni', 'junio', 'giugno', 'giu', 'junho', 'jun'],
  ['juillet', 'juil', 'july', 'juli', 'julio', 'luglio', 'lug', 'julho', 'jul'],
  ['aout', 'august', 'agosto', 'augustus', 'ago', 'aug'],
  ['septembre', 'september', 'septiembre', 'setiembre', 'settembre', 'setembro', 'sept', 'sep', 'set'],
  ['octobre', 'october', 'oktober', 'octubre', 'ottobre', 'outubro', 'okt', 'oct', 'ott', 'out'],
  ['novembre', 'november', 'noviembre', 'novembro', 'nov'],
  ['decembre', 'december', 'dezember', 'diciembre', 'dicembre', 'dezembro', 'dez', 'dic', 'dec'],
];

const MONTH_INDEX = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => names.forEach((n) => MONTH_INDEX.set(n, i + 1)));
const MONTH_ALT = [...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join('|');

/** Abbreviations that are also ordinary words ("mar", "set", "out"): a date only with a year next to them. */
const WORDLIKE_MONTHS = new Set(['mar', 'set', 'out', 'ago', 'gen', 'dec', 'jun', 'jul', 'mag']);
/** Full month names that are also words ("you may", Italian "mai"): year-less and month-first only capitalised. */
const WORD_MONTHS = new Set(['may', 'mai', 'mei']);

/** 1-12 for an accent-folded, lower-case month name or abbreviation ("mars", "marz", "sept"), else undefined. */
export function monthNumber(folded: string): number | undefined {
  return MONTH_INDEX.get(folded);
}

/**
 * Regex source (no groups) matching the accent-folded month names that can stand without a year or a day
 * ("fin avril", "Mitte Mai", "end of sept"): every name but the abbreviations that are ordinary words.
 */
export const MONTH_NAME_PATTERN = [...MONTH_INDEX.keys()]
  .filter((n) => !WORDLIKE_MONTHS.has(n))
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Weekday names, accent-folded, in the seven languages (index 0 = Sunday, as `weekdayIso`). */
const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['sunday', 'dimanche', 'sonntag', 'domingo', 'domenica', 'zondag'],
  ['monday', 'lundi', 'montag', 'lunes', 'lunedi', 'maandag', 'segunda-feira'],
  ['tuesday', 'mardi', 'dienstag', 'martes', 'martedi', 'dinsdag', 'terca-feira'],
  ['wednesday', 'mercredi', 'mittwoch', 'miercoles', 'mercoledi', 'woensdag', 'quarta-feira'],
  ['thursday', 'jeudi', 'donnerstag', 'jueves', 'giovedi', 'donderdag', 'quinta-feira'],
  ['friday', 'vendredi', 'freitag', 'viernes', 'venerdi', 'vrijdag', 'sexta-feira'],
  ['saturday', 'samedi', 'samstag', 'sonnabend', 'sabado', 'sabato', 'zaterdag'],
];
const WEEKDAY_INDEX = new Map<string, number>();
WEEKDAY_NAMES.forEach((names, i) => names.forEach((n) => WEEKDAY_INDEX.set(n, i)));

/** 0 (Sunday) … 6 for an accent-folded, lower-case weekday name ("vendredi", "freitag"), else undefined. */
export function weekdayNumber(folded: string): number | undefined {
  return WEEKDAY_INDEX.get(folded);
}

/** Regex source (no groups) matching every accent-folded weekday name, longest first. */
export const WEEKDAY_NAME_PATTERN = [...WEEKDAY_INDEX.keys()].sort((a, b) => b.length - a.length).join('|');

/** Day: 1-31 with an optional ordinal suffix ("1er", "3rd", "15.", "1º"). */
const DAY = String.raw`(\d{1,2})(?:er|re|st|nd|rd|th|º|°|o|e|\.)?`;
const MONTH = String.raw`(${MONTH_ALT})\.?`;
const YEAR = String.raw`(\d{4}|'\d{2})`;

/** One scan for every date shape; group numbers are read in `matchToDate`. */
const DATE_RE = new RegExp(
  [
    // 1-3: year first, "2025-03-10", "2025/03/10", "2025.03.10"
    String.raw`(?<![\d.,/-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/-]|[.,:]\d)`,
    // 5-8: numeric day/month, "10/03/2025", "10.03.25", "3-4-2025"; a colon only counts when a time is glued
    // to it ("12:10.03.2025"), not as punctuation ("bis zum 09.06.2014:", "Fälligkeit:09.06.2014").
    String.raw`(?<![\p{L}\d.,/-])(?<!\d:)(\d{1,2})([-/.])(\d{1,2})\6(\d{4}|\d{2})(?![\d/-]|[.,:]\d)`,
    // 9-11: "15 avril 2025", "15. März 2025", "1er mars 2025", "15 de marzo de 2025", "3rd March, 2025", "15 mars"
    String.raw`(?<![\p{L}\d])${DAY}\s?(?:de\s|of\s|di\s)?\s*${MONTH}(?![\p{L}])(?:,?\s*(?:de\s|del\s)?\s*${YEAR})?(?![\d])`,
    // 12-14: "April 15, 2025", "Mar 3 2025", "March 3rd, 2025"
    String.raw`(?<![\p{L}])${MONTH}\s?(\d{1,2})(?:st|nd|rd|th)?(?![\d\p{L}])(?:,?\s*${YEAR})?(?![\d])`,
    // 15-16: year-less day-first with both dots, "15.05.", "am 1.4." (German usage)
    String.raw`(?<![\p{L}\d.,/:-])(\d{1,2})\.(\d{1,2})\.(?![\d\p{L}]|[.,/]\d)`,
  ].join('|'),
  'gu',
);

function expandYear(y: string): number {
  const digits = y.replace("'", '');
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** How far back a year-less date read 'forward' may lie and still be taken as the recent past. */
export const RECENT_PAST_DAYS = 90;

/** Years searched for a 29 February read forward or backward (the next leap year is at most 8 years away). */
const LEAP_SEARCH_YEARS = 8;

/**
 * A year-less (month, day) placed around `ref` (see YearlessMode), or null when there is no such calendar
 * date in the years searched or `ref` is not a valid date.
 */
export function resolveYearless(month: number, day: number, ref: IsoDate | undefined, mode: YearlessMode = 'nearest'): IsoDate | null {
  if (!ref || !isValidIsoDate(ref)) return null;
  const y = Number(ref.slice(0, 4));
  if (mode === 'nearest') {
    let best: IsoDate | null = null;
    let bestDist = Infinity;
    for (const year of [y - 1, y, y + 1]) {
      const d = makeIsoDate(year, month, day);
      if (!d) continue;
      const dist = Math.abs(diffDaysIso(ref, d));
      if (dist < bestDist) {
        best = d;
        bestDist = dist;
      }
    }
    return best;
  }
  if (mode === 'forward') {
    for (const year of [y, y - 1]) {
      const d = makeIsoDate(year, month, day);
      if (d && d < ref && diffDaysIso(d, ref) <= RECENT_PAST_DAYS) return d;
    }
    for (let year = y; year <= y + LEAP_SEARCH_YEARS; year++) {
      const d = makeIsoDate(year, month, day);
      if (d && d >= ref) return d;
    }
    return null;
  }
  for (let year = y; year >= y - LEAP_SEARCH_YEARS; year--) {
    const d = makeIsoDate(year, month, day);
    if (d && d <= ref) return d;
  }
  return null;
}

function numericDate(a: number, b: number, year: number, order: NumericOrder): IsoDate | null {
  if (a > 12 && b <= 12) return makeIsoDate(year, b, a);
  if (b > 12 && a <= 12) return makeIsoDate(year, a, b);
  return order === 'mdy' ? makeIsoDate(year, a, b) : makeIsoDate(year, b, a);
}

function matchToDate(m: RegExpExecArray, order: NumericOrder, opts: DateOptions): IsoDate | null {
  if (m[1]) return makeIsoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  if (m[5]) {
    const year = expandYear(m[8]!);
    // Two-digit-year dates with "-" are too often references ("12-34-56"); keep "/" and "." for those.
    if (m[8]!.length === 2 && m[6] === '-') return null;
    return numericDate(Number(m[5]), Number(m[7]), year, order);
  }
  const yearless = (month: number, day: number): IsoDate | null => resolveYearless(month, day, opts.ref, opts.yearless);
  if (m[9]) {
    const month = MONTH_INDEX.get(m[10]!)!;
    const day = Number(m[9]);
    return m[11] ? makeIsoDate(expandYear(m[11]), month, day) : yearless(month, day);
  }
  if (m[12]) {
    const month = MONTH_INDEX.get(m[12])!;
    const day = Number(m[13]);
    return m[14] ? makeIsoDate(expandYear(m[14]), month, day) : yearless(month, day);
  }
  if (m[15]) return yearless(Number(m[16]), Number(m[15]));
  return null;
}

/** A year-less month word is a date unless it is an ordinary word ("set 10", "you may 15"). */
function yearlessMonthWordOk(word: string, monthFirst: boolean, original: string): boolean {
  if (WORDLIKE_MONTHS.has(word)) return false;
  return !(monthFirst && WORD_MONTHS.has(word) && !/^\p{Lu}/u.test(original));
}

const NUMERIC_PAIR_RE = /(?<![\d.,/-])(?<!\d:)(\d{1,2})([-/.])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/-]|[.:]\d)/g;

/**
 * The day/month order of ambiguous numeric dates across a whole document: a date whose first part is > 12
 * proves day-first, one whose second part is > 12 proves month-first. When the evidence is missing or
 * contradictory: month-first only for English with US context, else day-first.
 */
export function resolveNumericOrder(texts: string[], opts: { lang?: Lang; usContext?: boolean } = {}): NumericOrder {
  let dmy = 0;
  let mdy = 0;
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    NUMERIC_PAIR_RE.lastIndex = 0;
    for (let m = NUMERIC_PAIR_RE.exec(text); m; m = NUMERIC_PAIR_RE.exec(text)) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b <= 12) dmy++;
      else if (b > 12 && a <= 12) mdy++;
    }
  }
  if (dmy > 0 && mdy === 0) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  return opts.lang === 'en' && opts.usContext ? 'mdy' : 'dmy';
}

/** Every date in `text`, in order, with positions in the input. */
export function findDates(text: string, opts: DateOptions = {}): DateMatch[] {
  if (typeof text !== 'string') return [];
  const folded = foldAligned(text);
  const order = opts.order ?? resolveNumericOrder([text], opts);
  const out: DateMatch[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(folded); m; m = DATE_RE.exec(folded)) {
    const monthWord = m[10] ?? m[12];
    const hasYear = Boolean(m[11] ?? m[14]);
    if (monthWord && !hasYear && !yearlessMonthWordOk(monthWord, Boolean(m[12]), text.slice(m.index))) continue;
    const date = matchToDate(m, order, opts);
    if (!date) continue;
    const index = m.index;
    const end = index + m[0].replace(/\s+$/, '').length;
    out.push({ date, index, end, raw: text.slice(index, end) });
  }
  return out;
}

/** The first date in `s` (see findDates for the accepted shapes), or null. */
export function parseDate(s: string, opts: DateOptions = {}): IsoDate | null {
  if (typeof s !== 'string') return null;
  return findDates(s.slice(0, 1000), opts)[0]?.date ?? null;
}
