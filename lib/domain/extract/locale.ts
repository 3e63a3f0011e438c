import type { Lang } from '../types';
import { foldAligned } from '../text';
import { resolveNumericOrder, type NumericOrder } from '../dates';

/**
 * What a whole document says about where it comes from, decided once and handed to every parser of the
 * document: which dollar a bare "$" means, and in which order ambiguous numeric dates are written. Reading
 * these per line gives contradictory answers (an issue date read month-first and the due date beside it
 * day-first; "1 200,00 $" as USD next to "Total 1 782,11 $ CA").
 */

export type DollarCurrency = 'USD' | 'CAD' | 'AUD' | 'NZD' | 'HKD' | 'SGD' | 'MXN';

export interface DollarReading {
  currency: DollarCurrency;
  /** The clue, for explanations and tests. */
  why: string;
}

/**
 * Explicit dollar codes (matched on the raw text, case-sensitive: "CAD", "C$", "$ CA") and words (matched on
 * the folded text: "dollars canadiens", "dólares canadienses"). "US$" and "R$" never count as a bare "$".
 */
const EXPLICIT: ReadonlyArray<readonly [DollarCurrency, RegExp, RegExp]> = [
  ['CAD', /\bCAD\b|(?<![A-Za-z])(?:CA|CAN|C)\$|\$\s?CAN?\b/g, /\b(?:dollars? canadiens?|canadian dollars?|dolares canadienses|kanadische[nr]? dollar)/g],
  ['AUD', /\bAUD\b|(?<![A-Za-z])AU?\$|\$\s?AU\b/g, /\b(?:australian dollars?|dollars? australiens?|australische[nr]? dollar)/g],
  ['NZD', /\bNZD\b|(?<![A-Za-z])NZ\$|\$\s?NZ\b/g, /\bnew zealand dollars?/g],
  ['HKD', /\bHKD\b|(?<![A-Za-z])HK\$/g, /\bhong kong dollars?/g],
  ['SGD', /\bSGD\b|(?<![A-Za-z])S\$/g, /\bsingapore dollars?/g],
  ['MXN', /\bMXN\b|(?<![A-Za-z])MX\$/g, /\bpesos\b/g],
  ['USD', /\bUSD\b|(?<![A-Za-z])US\$|\$\s?US\b/g, /\b(?:us dollars?|u\.s\. dollars?|dollars? americains?|dolares (?:estadounidenses|americanos)|us-dollar)/g],
];

function countMatches(re: RegExp, text: string): { count: number; at: number } {
  re.lastIndex = 0;
  let count = 0;
  let at = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    count++;
    if (at < 0) at = m.index;
  }
  return { count, at };
}

/** Sales taxes that exist only in Canada (fr/en names), and GST/PST that need a Canadian place. */
const CANADA_ONLY_TAX = /\b(?:TPS|TVQ|TVH|QST|HST)\b/;
const SHARED_TAX = /\b(?:GST|PST)\b/;
const CANADA_PLACE =
  /\b(?:canada|quebec|ontario|manitoba|saskatchewan|alberta|british columbia|colombie-britannique|nova scotia|nouvelle-ecosse|new brunswick|nouveau-brunswick|newfoundland|terre-neuve|prince edward island|montreal|toronto|vancouver|ottawa|calgary|edmonton|winnipeg|gatineau|laval|sherbrooke)\b/;
/** A Canadian postal code ("H2X 3K4"): the letters D, F, I, O, Q, U are never used. */
const CANADA_POSTCODE = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/;
const AUSTRALIA = /\b(?:australia|sydney|melbourne|brisbane|perth|adelaide|canberra|new south wales|queensland|victoria)\b|\bABN\b|\b(?:NSW|QLD|VIC|ACT|WA|SA|TAS)\s+\d{4}\b/;
const NEW_ZEALAND = /\b(?:new zealand|aotearoa|auckland|wellington|christchurch)\b|\bIRD (?:no|number)\b/i;
const SINGAPORE = /\bsingapore\b|\bUEN\b/i;
/** A US state abbreviation followed by a ZIP code ("Springfield, IL 62701"). */
const US_ADDRESS =
  /\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s+\d{5}(?:-\d{4})?\b/;
const US_WORDS = /\b(?:United States|U\.S\.A\.|USA)\b/;
/** A bare dollar sign next to a number, either side. */
const BARE_DOLLAR = /(?<![A-Za-z])\$\s?\d|\d\s?\$(?!\s?[A-Za-z]{2})/;

const MAX_SCAN = 40_000;

/**
 * Which dollar a bare "$" means in this document, or null when it holds no "$" and no dollar code at all.
 * Explicit codes and words win (the most frequent); then the country named by taxes and addresses; then the
 * language: French with "$" and no other hint is Canadian, English with a US address or no hint is American.
 */
export function resolveDollar(text: string, lang?: Lang): DollarReading | null {
  const raw = typeof text === 'string' ? text.slice(0, MAX_SCAN) : '';
  const folded = foldAligned(raw);
  let best: { currency: DollarCurrency; count: number; at: number } | null = null;
  for (const [currency, codes, words] of EXPLICIT) {
    const c = countMatches(codes, raw);
    const w = countMatches(words, folded);
    const count = c.count + w.count;
    const at = c.at < 0 ? w.at : w.at < 0 ? c.at : Math.min(c.at, w.at);
    if (count > 0 && (!best || count > best.count || (count === best.count && at < best.at))) best = { currency, count, at };
  }
  if (best) return { currency: best.currency, why: `${best.currency} written in the document` };
  if (!BARE_DOLLAR.test(raw)) return null;
  const canadaPlace = CANADA_PLACE.test(folded) || CANADA_POSTCODE.test(raw);
  if (CANADA_ONLY_TAX.test(raw)) return { currency: 'CAD', why: 'Canadian sales tax (TPS/TVQ/HST)' };
  if (SHARED_TAX.test(raw) && canadaPlace) return { currency: 'CAD', why: 'GST/PST and a Canadian address' };
  if (US_ADDRESS.test(raw)) return { currency: 'USD', why: 'US address' };
  if (AUSTRALIA.test(raw) && (SHARED_TAX.test(raw) || /\baustralia\b/.test(folded))) return { currency: 'AUD', why: 'Australian address or ABN' };
  if (NEW_ZEALAND.test(folded)) return { currency: 'NZD', why: 'New Zealand address' };
  if (SINGAPORE.test(folded) && SHARED_TAX.test(raw)) return { currency: 'SGD', why: 'Singapore GST' };
  if (canadaPlace && !US_WORDS.test(raw)) return { currency: 'CAD', why: 'Canadian address' };
  if (lang === 'fr') return { currency: 'CAD', why: 'French text with "$": Canadian dollars' };
  return { currency: 'USD', why: 'bare "$"' };
}

/** "Net 30", "net 15 days": American wording of payment terms. */
const NET_TERMS = /\bnet\s?\d{1,3}\b/i;

/**
 * Whether an English document is American, so that its ambiguous numeric dates are month-first: US dollars,
 * a US address, or "Net 30" terms when no other currency is named.
 */
export function isUsContext(text: string, lang: Lang | undefined, currency: string | null): boolean {
  if (lang !== 'en') return false;
  const raw = typeof text === 'string' ? text.slice(0, MAX_SCAN) : '';
  if (currency === 'USD') return true;
  if (currency && currency !== 'USD') return US_ADDRESS.test(raw) && !/^(?:GBP|EUR|AUD|NZD|CAD)$/.test(currency);
  return US_ADDRESS.test(raw) || NET_TERMS.test(raw) || US_WORDS.test(raw);
}

/**
 * One day/month order for every numeric date of a document (issue date, due date, dates inside the terms,
 * the PDF text): proven by any date that can only be read one way, else from its context.
 */
export function documentDateOrder(texts: readonly string[], lang: Lang | undefined, currency: string | null): NumericOrder {
  const usContext = isUsContext(texts.join('\n'), lang, currency);
  return resolveNumericOrder([...texts], { ...(lang ? { lang } : {}), usContext });
}
