import type { Candidate, FieldSource, Line } from './candidates';

/**
 * Invoice (or credit note) numbers: the token after a document word and an optional number marker
 * ("Facture n° 2025-014", "Invoice #1047", "Rechnung Nr. RE-2014/502", "Rechnungsnummer: 2025-007"),
 * also in PDF layouts where the value precedes its label ("993548900Factuurnummer:") or sits on the next line.
 * A token must hold a digit and must not be a date or an amount.
 */

export type NumberTarget = 'invoice' | 'credit_note';

const TOKEN = String.raw`([a-z0-9][a-z0-9\-/_.]{0,38}[a-z0-9]|[0-9])`;
const MARKER = String.raw`(?:(n[°o.º]+|nr\.?|no\.?|nummer|number|num(?:ero)?\.?|#)\s*)?`;

const INVOICE_WORDS = String.raw`(?:facture|invoice|[a-z]*rechnung|factura|fattura|factuur|fatura|honorarnote|note d'honoraires)`;
const CREDIT_WORDS = String.raw`(?:avoir|credit note|credit memo|gutschrift|nota de credito|nota di credito|creditnota)`;

/** Compound labels that are numbers by themselves. */
const INVOICE_NUMBER_LABELS = String.raw`(?:rechnungs-?(?:nummer|nr\.?)|invoice (?:number|no\.?|#|id)|numero de (?:la )?facture|n[°o] de (?:la )?facture|factuurnummer|numero (?:de )?factura|numero (?:di )?fattura|belegnummer|beleg-nr\.?)`;
const CREDIT_NUMBER_LABELS = String.raw`(?:gutschrifts?-?(?:nummer|nr\.?)|credit note (?:number|no\.?)|numero d'avoir|n[°o] d'avoir)`;

/** Words that qualify the document without being its number: "Facture rectificative n° …", "Final invoice #…". */
const QUALIFIER = String.raw`(?:\s+(?:rectificative|corrective|d'acompte|de solde|finale?|definitive|rectificativa|correttiva|di acconto|di saldo|de anticipo|simplificada|elettronica|commerciale?|correction))?`;

function wordRe(words: string, labels: string): RegExp {
  return new RegExp(
    String.raw`(?:^|[^a-z])(?:${labels}\s*[:.]?\s*#?\s*${TOKEN}|${words}${QUALIFIER}\s*${MARKER}(?:[:.]\s*)?#?\s*${TOKEN})`,
    'g',
  );
}

const RE: Record<NumberTarget, RegExp> = {
  invoice: wordRe(INVOICE_WORDS, INVOICE_NUMBER_LABELS),
  credit_note: wordRe(CREDIT_WORDS, CREDIT_NUMBER_LABELS),
};
/** "(562044387)" right after the document word: casual mails. */
const PAREN: Record<NumberTarget, RegExp> = {
  invoice: new RegExp(String.raw`${INVOICE_WORDS}\s*\(\s*#?${TOKEN}\s*\)`, 'g'),
  credit_note: new RegExp(String.raw`${CREDIT_WORDS}\s*\(\s*#?${TOKEN}\s*\)`, 'g'),
};
/** Value glued before its label, a PDF column artifact. */
const VALUE_BEFORE: Record<NumberTarget, RegExp> = {
  invoice: new RegExp(String.raw`^\s*${TOKEN}\s*${INVOICE_NUMBER_LABELS}\s*:?\s*$`),
  credit_note: new RegExp(String.raw`^\s*${TOKEN}\s*${CREDIT_NUMBER_LABELS}\s*:?\s*$`),
};
/** A label alone on its line: the value is on the next line. */
const LABEL_ALONE: Record<NumberTarget, RegExp> = {
  invoice: new RegExp(String.raw`^\s*(?:${INVOICE_NUMBER_LABELS}|${INVOICE_WORDS}\s*${MARKER})\s*:?\s*$`),
  credit_note: new RegExp(String.raw`^\s*(?:${CREDIT_NUMBER_LABELS}|${CREDIT_WORDS}\s*${MARKER})\s*:?\s*$`),
};
const HASH_LINE = new RegExp(String.raw`^\s*(?:#|n[°o]\.?)\s*${TOKEN}\s*$`);
const TITLE_LINE: Record<NumberTarget, RegExp> = {
  invoice: new RegExp(String.raw`^\s*${INVOICE_WORDS}\s*$`),
  credit_note: new RegExp(String.raw`^\s*${CREDIT_WORDS}\s*$`),
};

const DATE_LIKE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./]\d{1,2}\.?)$/;
const AMOUNT_LIKE = /^\d{1,3}(?:[.,]\d{3})*[.,]\d{2}$/;
/** Words that follow "invoice" without being a number, yet may carry digits ("Q1", "2025" alone is a year). */
const YEAR_ONLY = /^(?:19|20)\d{2}$/;

export function cleanToken(raw: string): string | null {
  const t = raw.replace(/[.\-/_]+$/, '');
  if (t.length < 1 || !/\d/.test(t)) return null;
  if (DATE_LIKE.test(t) || AMOUNT_LIKE.test(t) || YEAR_ONLY.test(t)) return null;
  return t;
}

/** The number as printed (case kept), taken from the raw line at the folded match's position. */
function original(line: Line, folded: string, from: number): string {
  const at = line.folded.indexOf(folded, from);
  return at >= 0 ? line.raw.slice(at, at + folded.length) : folded;
}

/**
 * Candidate numbers in `lines`. `baseScore` reflects the source; a marker ("n°", "Nr.", "#") or a compound
 * label raises the score, a bare "invoice X" keeps it lower.
 */
export function findNumbers(lines: readonly Line[], source: FieldSource, baseScore: number, target: NumberTarget = 'invoice'): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  const re = RE[target];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = line.folded;
    if (f.length === 0) continue;
    re.lastIndex = 0;
    for (let m = re.exec(f); m; m = re.exec(f)) {
      const tok = m[1] ?? m[3];
      if (!tok) continue;
      const clean = cleanToken(tok);
      if (!clean) continue;
      const strong = m[1] !== undefined || m[2] !== undefined;
      out.push({ value: original(line, clean, m.index), source, score: baseScore * (strong ? 1 : 0.7) });
    }
    PAREN[target].lastIndex = 0;
    for (let m = PAREN[target].exec(f); m; m = PAREN[target].exec(f)) {
      const clean = m[1] ? cleanToken(m[1]) : null;
      // "Handelsrechnung (380)": e-invoice stylesheets print the document type code in parentheses.
      if (clean && /^(?:380|381|383|384|386|389|326|751|875|876|877|204|387|575)$/.test(clean)) continue;
      if (clean) out.push({ value: original(line, clean, m.index), source, score: baseScore * 0.8 });
    }
    const vb = VALUE_BEFORE[target].exec(f);
    if (vb && vb[1]) {
      const clean = cleanToken(vb[1]);
      if (clean) out.push({ value: original(line, clean, 0), source, score: baseScore * 0.9 });
    }
    if (LABEL_ALONE[target].test(f) || (TITLE_LINE[target].test(f) && i < 15)) {
      const next = lines[i + 1];
      const hm = next ? (HASH_LINE.exec(next.folded) ?? (LABEL_ALONE[target].test(f) ? /^\s*([a-z0-9][a-z0-9\-/_.]*[a-z0-9])\s*$/.exec(next.folded) : null)) : null;
      const clean = hm?.[1] ? cleanToken(hm[1]) : null;
      if (next && clean) out.push({ value: original(next, clean, 0), source, score: baseScore * 0.8 });
    }
  }
  return out;
}

/** Numbers in a file name: "Rechnung_RE-20140519-499.pdf", "Invoice_42183017.pdf". */
export function numberFromFilename(filename: string, target: NumberTarget = 'invoice'): string | null {
  const base = filename.replace(/\.[a-z0-9]{2,4}$/i, '');
  const words = target === 'invoice' ? /^(?:facture|invoice|rechnung|factura|fattura|factuur|fatura)[_\- ]+(.+)$/i : /^(?:avoir|credit[_\- ]?note|gutschrift)[_\- ]+(.+)$/i;
  const m = words.exec(base);
  if (!m || !m[1]) return null;
  // Names are made unique with a "-2" suffix by mail clients: not part of the number.
  return cleanToken(m[1].replace(/\s*\(\d\)$/, ''));
}
