/**
 * Intl formatters, built once per (locale, options) and shared by the background, the CLI, the popup and the
 * sidebar: building one costs far more than formatting with it (the first of a locale also loads its data). One
 * bounded cache (the least recently used goes first), so a stream of made-up currency codes or zones cannot grow
 * it; a combination Intl refuses is remembered as null, so its RangeError is paid once and callers fall back to
 * plain text. Keys too long to be a real locale and options are not kept. Formatters are shared: never mutated.
 * No dependencies: the content script and the sidebar panel bundle this file.
 */
const MAX_ENTRIES = 64;
const MAX_KEY = 200;
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | null>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F | null {
  const hit = formats.get(key);
  if (hit !== undefined) {
    formats.delete(key);
    formats.set(key, hit);
    return hit as F | null;
  }
  let made: F | null;
  try {
    made = build();
  } catch {
    made = null;
  }
  if (key.length > MAX_KEY) return made;
  formats.set(key, made);
  if (formats.size > MAX_ENTRIES) formats.delete(formats.keys().next().value!);
  return made;
}

/** A number formatter for `locale` and `options`, or null when Intl refuses them. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat | null {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** The most frequent one, with a cheaper key: amounts in a currency ("1 234,56 €", "€1,234.56"). */
export function currencyFormat(locale: string, currency: string): Intl.NumberFormat | null {
  return cached(`c|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
}

/** A date formatter for `locale` and `options`, or null when Intl refuses them (an unknown zone, say). */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | null {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** How many formatters are kept (for tests of the bound). */
export function intlFormatsCached(): number {
  return formats.size;
}
