/**
 * Text clean-up shared by every parser of the "understanding" layer.
 *
 * Two families of helpers:
 * - `normalizeText` / `foldAccents`: free-form clean-up; the output may be shorter or longer than the input.
 * - `*Aligned` variants: one output UTF-16 unit per input unit, so that a match found in the cleaned text
 *   has the same `index`/`end` in the original text (findMoney, findDates and findPaymentTerms rely on it).
 */

/** Space-like characters that webmail and PDF extraction produce: NBSP, narrow NBSP, thin/figure spaces, tabs… */
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g;
/** Hyphens, dashes and the minus sign, all read as "-". */
const DASH_LIKE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** Typographic apostrophes and single quotes, all read as "'". */
const APOSTROPHE_LIKE = /[\u2018\u2019\u201A\u201B\u02BC\u2032\u00B4\u0060]/g;
/** Typographic double quotes. */
const DQUOTE_LIKE = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;
/** Zero-width characters that break words without being visible. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * NFKC clean-up for matching: space-like characters become a plain space, dashes "-", apostrophes "'",
 * typographic double quotes '"', invisible characters are removed, and "\r\n" becomes "\n".
 * Line breaks are kept (they separate fields in invoices).
 */
export function normalizeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(SPACE_LIKE, ' ')
    .replace(DASH_LIKE, '-')
    .replace(APOSTROPHE_LIKE, "'")
    .replace(DQUOTE_LIKE, '"');
}

/** Lower case without diacritics ("Échéance" -> "echeance", "März" -> "marz"). */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().normalize('NFC');
}

/**
 * Like `normalizeText` but length-preserving: every UTF-16 unit maps to exactly one unit.
 * Invisible characters become spaces instead of disappearing, "\r" becomes "\n".
 */
export function normalizeAligned(s: string): string {
  return s
    .replace(/\r/g, '\n')
    .replace(INVISIBLE, ' ')
    .replace(SPACE_LIKE, ' ')
    .replace(DASH_LIKE, '-')
    .replace(APOSTROPHE_LIKE, "'")
    .replace(DQUOTE_LIKE, '"');
}

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  const cached = foldCache.get(c);
  if (cached !== undefined) return cached;
  const folded = c.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  // Characters whose folding changes length (e.g. "İ" -> "i̇", "ﬁ") keep a single-unit stand-in.
  const out = folded.length === 1 ? folded : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
  if (foldCache.size < 4096) foldCache.set(c, out);
  return out;
}

/** `normalizeAligned` then `foldAccents`, one output unit per input unit (ASCII fast path). */
export function foldAligned(s: string): string {
  const n = normalizeAligned(s);
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7F]*$/.test(n)) return n.toLowerCase();
  let out = '';
  for (let i = 0; i < n.length; i++) {
    const code = n.charCodeAt(i);
    out += code < 128 ? n[i]!.toLowerCase() : foldChar(n[i]!);
  }
  return out;
}
