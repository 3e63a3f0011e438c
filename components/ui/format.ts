import type { Lang } from '@/lib/domain/types';
import { currencyDecimals } from './amount';
import { currencyFormat, utcDateFormat } from './intl-cache';

// Values only from zod-free modules: this file is bundled into the content script (see invoice-status.ts).
const LANGS: readonly Lang[] = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt'];

/** "1 234,56 €" in French, "€1,234.56" in English. */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const format = currencyFormat(locale, currency);
  // A currency's minor unit is the same in every locale: read it from this formatter rather than building a second
  // one (the first formatter of a locale costs the page several ms).
  const digits = format?.resolvedOptions().maximumFractionDigits ?? currencyDecimals(currency);
  return format ? format.format(minor / 10 ** digits) : `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
}

/** A civil date ("2026-11-02") as the locale writes it ("2 nov. 2026", "Nov 2, 2026"); the date never shifts by zone. */
export function formatIsoDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const format = utcDateFormat(locale, 'medium');
  try {
    return format ? format.format(date) : iso;
  } catch {
    // A date outside Intl's range is a RangeError: the stored text is still readable.
    return iso;
  }
}

/** The Relance language closest to a browser locale ("fr-CA" -> "fr"), or undefined. */
export function langOfLocale(locale: string): Lang | undefined {
  const base = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : undefined;
}
