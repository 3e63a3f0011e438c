import { currencyDigits, formatMoney, numberFormat } from '../money';
import type { IsoDate, Jurisdiction } from '../types';

/** Languages the reminder drafts are written in; any other language falls back to English. */
export type DraftLanguage = 'fr' | 'en' | 'de';

export function draftLanguageOf(lang: string): DraftLanguage {
  return lang === 'fr' || lang === 'de' ? lang : 'en';
}

/** Intl locale of a draft: American English only for US matters, so dates read "March 15, 2025" there. */
export function localeOf(lang: DraftLanguage, jurisdiction: Jurisdiction): string {
  if (lang === 'fr') return 'fr-FR';
  if (lang === 'de') return 'de-DE';
  return jurisdiction === 'US' ? 'en-US' : 'en-GB';
}

/** Locale-bound writers for dates, money and lists, shared by every template of one draft. */
export interface Writer {
  lang: DraftLanguage;
  locale: string;
  /** "1er mars 2025", "15 March 2025", "15. März 2025". */
  date(d: IsoDate): string;
  /** The same without the year when it is the year of `today` (for subjects). */
  dateShort(d: IsoDate): string;
  money(minor: number, currency: string): string;
  /** Round amounts without decimals, as the law cites them: "40 €", "£70". */
  moneyWhole(minor: number, currency: string): string;
  /** "A, B et C" / "A, B and C" / "A, B und C". */
  list(items: readonly string[]): string;
}

function civil(d: IsoDate): Date {
  return new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));
}

interface LocaleFormats {
  long: Intl.DateTimeFormat;
  short: Intl.DateTimeFormat;
  lists: Intl.ListFormat;
}

/**
 * Date and list formatters per locale, built once: a writer is made for every draft, letter and dossier, and Intl
 * constructors cost more than the formatting. localeOf only ever returns a handful of locales, so this stays small.
 */
const localeFormats = new Map<string, LocaleFormats>();

function formatsFor(locale: string): LocaleFormats {
  let f = localeFormats.get(locale);
  if (!f) {
    f = {
      long: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
      short: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long' }),
      lists: new Intl.ListFormat(locale, { type: 'conjunction' }),
    };
    localeFormats.set(locale, f);
  }
  return f;
}

export function makeWriter(lang: DraftLanguage, jurisdiction: Jurisdiction, today: IsoDate): Writer {
  const locale = localeOf(lang, jurisdiction);
  const { long, short, lists } = formatsFor(locale);
  // French writes the first day of a month as an ordinal: "1er mars", which Intl does not do.
  const fixFirst = (s: string): string => (lang === 'fr' ? s.replace(/^1 /, '1er ') : s);
  return {
    lang,
    locale,
    date: (d) => fixFirst(long.format(civil(d))),
    dateShort: (d) => fixFirst((d.slice(0, 4) === today.slice(0, 4) ? short : long).format(civil(d))),
    money: (minor, currency) => formatMoney({ minor, currency }, locale),
    moneyWhole: (minor, currency) => {
      const unit = 10 ** currencyDigits(currency);
      if (minor % unit !== 0) return formatMoney({ minor, currency }, locale);
      const whole = numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
      return whole ? whole.format(minor / unit) : formatMoney({ minor, currency }, locale);
    },
    list: (items) => lists.format(items),
  };
}

/**
 * French typography: a no-break space before ":" and inside « », a narrow no-break space before ";", "!" and "?".
 * Applied to finished French text so the templates can be written with ordinary spaces.
 */
export function frenchTypography(s: string): string {
  return s
    .replace(/ :(?=\s|$)/g, '\u00A0:')
    .replace(/ ([;!?])(?=\s|$)/g, '\u202F$1')
    .replace(/« /g, '«\u00A0')
    .replace(/ »/g, '\u00A0»');
}
