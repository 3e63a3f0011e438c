import { currencyFormat } from './intl-cache';

/**
 * The amount a person types in the invoice form, to minor units: "2880", "2880.00", "2 880,00", "2,880.00",
 * "1.450,50", "1 234,56 €". Deliberately narrower than lib/domain/money.ts parseAmount (which reads amounts inside
 * mail text): the sidebar form must not pull the domain modules into the content script, whose zod schemas alone
 * would cost a fifth of its size budget. Returns null for anything that is not one well-formed number; never throws.
 */
const SPACES = /[\u00a0\u202f\u2007\u2009]/g;
const MARKER_START = /^(?:[€$£¥]|[A-Za-z]{3}(?=[\s\d]))\s?/;
const MARKER_END = /\s?(?:[€$£¥]|[A-Za-z]{3}|euros?)$/i;
/** Languages that write 1.234,56 (a lone dot before three digits groups thousands). */
const DOT_GROUPING = new Set(['fr', 'de', 'es', 'it', 'nl', 'pt']);

function decimalSeparator(t: string, lang: string | undefined): ',' | '.' | null {
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) return comma > dot ? ',' : '.';
  if (comma < 0 && dot < 0) return null;
  const sep = comma >= 0 ? ',' : '.';
  if (t.split(sep).length > 2) return null;
  const after = t.length - t.lastIndexOf(sep) - 1;
  const groups = sep === ',' ? lang === 'en' : DOT_GROUPING.has(lang ?? '');
  return after === 3 && groups ? null : sep;
}

export function parseFormAmount(input: string, opts: { lang?: string; digits?: number } = {}): number | null {
  if (typeof input !== 'string' || input.length > 100) return null;
  const digits = opts.digits ?? 2;
  let t = input.replace(SPACES, ' ').trim().replace(MARKER_START, '').replace(MARKER_END, '').trim();
  let negative = false;
  if (/^[-\u2212]/.test(t)) {
    negative = true;
    t = t.slice(1).trim();
  }
  if (!/^\d(?:[\d ,.']*\d)?$/.test(t)) return null;
  const sep = decimalSeparator(t, opts.lang);
  const cut = sep ? t.lastIndexOf(sep) : t.length;
  const intPart = t.slice(0, cut);
  const frac = sep ? t.slice(cut + 1) : '';
  if (sep && (intPart.includes(sep) || !/^\d+$/.test(frac))) return null;
  const groups = intPart.split(/[ ,.']/);
  if (groups.some((g) => !/^\d+$/.test(g))) return null;
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3))) return null;
  const padded = frac.padEnd(digits + 1, '0');
  let minor = Number(groups.join('') + padded.slice(0, digits));
  if (Number(padded[digits] ?? '0') >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return null;
  return negative && minor !== 0 ? -minor : minor;
}

/** Decimals of the currency's minor unit, as Intl knows them (JPY 0, KWD 3, most 2). */
export function currencyDecimals(currency: string): number {
  return currencyFormat('en', currency)?.resolvedOptions().maximumFractionDigits ?? 2;
}
