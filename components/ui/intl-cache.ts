import { currencyFormat, dateFormat } from '@/lib/domain/intl-formats';

/**
 * The UI's formatters, from the one cache of the extension (lib/domain/intl-formats.ts): the sidebar formats every
 * amount and date of a client on each render, and building formatters per call was the largest part of its render
 * time. Null when Intl refuses the locale or the code: callers fall back to plain text.
 */
export { currencyFormat };

const DATE_STYLES: Record<'medium' | 'dayMonth', Intl.DateTimeFormatOptions> = {
  medium: { dateStyle: 'medium', timeZone: 'UTC' },
  dayMonth: { day: 'numeric', month: 'long', timeZone: 'UTC' },
};

/** A date formatter in UTC (civil dates never shift by zone), or null when Intl refuses the locale. */
export function utcDateFormat(locale: string, style: 'medium' | 'dayMonth'): Intl.DateTimeFormat | null {
  return dateFormat(locale, DATE_STYLES[style]);
}

/**
 * Builds the formatters a render is about to need. The first Intl formatter of a locale loads its data (15-20 ms
 * in a webmail page): done while a request is in flight, it is not added to the render that shows the answer.
 */
export function warmFormatters(locale: string, currency: string): void {
  currencyFormat(locale, currency);
  utcDateFormat(locale, 'medium');
}
