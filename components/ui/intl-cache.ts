/**
 * Intl formatters, built once per locale and options. Building one costs a lookup of the locale data (tens of
 * microseconds to a millisecond each); the sidebar formats every amount and date of a client on each render, so
 * building them per call was the largest part of its render time. A locale or currency Intl refuses is remembered
 * as null, so a bad value costs the exception once and callers fall back to plain text.
 */
const numberFormats = new Map<string, Intl.NumberFormat | null>();
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();
// Bounded: keys come from the browser locale and stored currencies, a handful in practice; the cap stops a
// hostile stream of made-up currency codes from growing the maps for the page's whole life.
const MAX_ENTRIES = 200;

function cached<F>(map: Map<string, F | null>, key: string, build: () => F): F | null {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  let made: F | null;
  try {
    made = build();
  } catch {
    made = null;
  }
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, made);
  return made;
}

/** A currency formatter for the locale ("1 234,56 €"), or null when Intl refuses the locale or the code. */
export function currencyFormat(locale: string, currency: string): Intl.NumberFormat | null {
  return cached(numberFormats, `${locale}\u0000${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
}

/** A date formatter in UTC (civil dates never shift by zone), or null when Intl refuses the locale. */
export function utcDateFormat(locale: string, style: 'medium' | 'dayMonth'): Intl.DateTimeFormat | null {
  const options: Intl.DateTimeFormatOptions = style === 'medium' ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: 'numeric', month: 'long', timeZone: 'UTC' };
  return cached(dateFormats, `${locale}\u0000${style}`, () => new Intl.DateTimeFormat(locale, options));
}

/**
 * Builds the formatters a render is about to need. The first Intl formatter of a locale loads its data (15-20 ms
 * in a webmail page): done while a request is in flight, it is not added to the render that shows the answer.
 */
export function warmFormatters(locale: string, currency: string): void {
  currencyFormat(locale, currency);
  utcDateFormat(locale, 'medium');
}
