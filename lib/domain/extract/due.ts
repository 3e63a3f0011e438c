import type { IsoDate, Jurisdiction, Lang } from '../types';
import { computeDueDate, findPaymentTerms, parsePaymentTerms, type PaymentTerms } from '../terms';
import type { NumericOrder } from '../dates';
import type { FieldSource } from './candidates';

/** The payment terms an invoice states, read and turned into a due date (terms.ts does the arithmetic). */
export interface TermsReading {
  text: string;
  kind: string;
  reading?: string;
  isDefault: boolean;
  flags: string[];
  dueDate: IsoDate | null;
  explanation: string;
  source: FieldSource;
}

/** The legal default period depends on where the seller is; the language is the only hint here. */
function jurisdictionFor(lang: Lang, currency?: string | null): Jurisdiction {
  if (currency === 'GBP') return 'UK';
  if (currency === 'USD') return 'US';
  return lang === 'fr' ? 'FR' : 'EU';
}

/**
 * Terms from the XML's terms text, then the documents in order (PDF text before body). When nothing is
 * stated, the legal default is returned with `isDefault: true`: useful to the product, never written into
 * an invoice's stated due date by the caller.
 */
export function findTermsDue(
  sources: ReadonlyArray<{ kind: FieldSource; text: string }>,
  xmlTermsText: string | null,
  issueDate: IsoDate | null,
  lang: Lang,
  currency?: string | null,
  /** The document's day/month order: dates inside the terms are read like every other date of the email. */
  order?: NumericOrder,
): TermsReading | null {
  const jurisdiction = jurisdictionFor(lang, currency);
  const ordered = order ? { order } : {};
  const found: Array<{ terms: PaymentTerms; raw: string; source: FieldSource }> = [];
  if (xmlTermsText) {
    const t = parsePaymentTerms(xmlTermsText, { lang, ...ordered });
    // A discount-only clause parses as `unparseable` (with its discount): it is not the payment term.
    if (t.kind !== 'unparseable') {
      found.push({ terms: t, raw: xmlTermsText, source: 'xml' });
    }
  }
  for (const s of sources) {
    const f = findPaymentTerms(s.text, { lang, ...ordered, ...(issueDate ? { issueDate } : {}) });
    if (f && f.terms.kind !== 'unparseable') found.push({ terms: f.terms, raw: f.raw, source: s.kind });
  }
  const best = found[0];
  if (!issueDate) {
    return best
      ? { text: best.raw, kind: best.terms.kind, isDefault: false, flags: [], dueDate: null, explanation: 'no issue date to count from', source: best.source }
      : null;
  }
  if (best) {
    const r = computeDueDate(best.terms, issueDate, { jurisdiction });
    return {
      text: best.raw.trim().slice(0, 200),
      kind: r.kind,
      ...(r.reading ? { reading: r.reading } : {}),
      isDefault: r.isDefault,
      flags: [...r.flags],
      dueDate: r.dueDate,
      explanation: r.explanation,
      source: best.source,
    };
  }
  const r = computeDueDate({ kind: 'unparseable', raw: '' }, issueDate, { jurisdiction });
  return {
    text: '',
    kind: r.kind,
    isDefault: true,
    flags: [...r.flags],
    dueDate: r.dueDate,
    explanation: r.explanation,
    source: 'default',
  };
}
