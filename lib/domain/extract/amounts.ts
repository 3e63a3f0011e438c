import type { Lang } from '../types';
import { findMoney, type MoneyMatch } from '../money';
import type { Candidate, FieldSource, Line } from './candidates';

/**
 * Totals from labelled lines. Two readings are kept apart:
 * - the grand total, tax included (TTC, brutto, Gesamtbetrag, "Total"), and
 * - the amount payable (reste à payer, amount due, Zahlbetrag), which differs after a deposit or with arrears.
 * Net, tax and subtotal lines are never totals. The value is the last amount on the label's line (totals sit
 * at the right), or the amount alone on the next line.
 */

export interface AmountReading {
  minor: number;
  currency: string | null;
}

export interface TotalsFound {
  grand: Candidate<AmountReading>[];
  due: Candidate<AmountReading>[];
  /** Amounts mentioned in running text ("la facture de 1 234,56 €"): weak, last resort. */
  mentioned: Candidate<AmountReading>[];
  /** Currencies written next to any amount, for the document's currency. */
  currencies: Map<string, number>;
}

const GRAND_STRONG =
  /\b(?:total ttc|montant ttc|total toutes taxes|total \(?(?:incl|inc|including|inkl)\.?|totale fattura|totale documento|total factura|total facture|total de la facture|gesamtbetrag|gesamtsumme|bruttosumme|bruttobetrag|rechnungsbetrag|rechnungssumme|endbetrag|grand total|invoice total|total amount|total for this invoice|totaal|importe total|totale|total)\b/;
const DUE_LABEL =
  /(?:reste a payer|reste du|solde a payer|solde du|net a payer|somme a payer|montant a payer|montant du|total a payer|amount due|balance due|total due|due payable|payable amount|amount payable|balance payable|please pay|zahlbetrag|zu zahlen(?:der betrag)?|zahlbarer betrag|restbetrag|offener betrag|noch offen|importe a pagar|total a pagar|totale da pagare|netto a pagare|te betalen|openstaand bedrag)\b/;
/** Lines that are not grand totals even when they say "total". */
const NOT_GRAND =
  /\b(?:ht|h\.t\.|hors tax\w*|netto\w*|nettobetrag|net amount|net total|total net|net(?! a payer| payable)|sub-?total\w*|zwischensumme|positionssumme|excl\w*|exkl\w*|ohne (?:ust|mwst|steuer)|before tax|pre-tax|imponibile|base imponible|order total|total facture?s? (?:emises?|du mois)|total facture\b(?= :? ?\d+ factures)|warenwert|total taxes?|total tva|total vat|total tax|steuerbetrag|gesamtbetrag der (?:zuschlage|abschlage)|summe (?:der )?(?:zuschlage|abschlage)|zuschlage|abschlage|rabatt|discount|remise|acompte|deposit|anzahlung|vorauszahlung|already paid|deja (?:regle|paye|verse)|prepaid|paid)\b/;
const TAX_ONLY = /\b(?:tva|vat|tax|taxes|ust|mwst|iva|btw|gst|hst|steuer)\b/;
const TAX_INCLUDED = /\b(?:ttc|incl|inkl|including|included|brutto|tax included|toutes taxes)\b/;

/** Removes a space inside a word when one side is a fragment of at most two letters. */
function despace(f: string): string {
  return f.replace(/([a-z]+) ([a-z]+)/g, (m, a: string, b: string) => (a.length <= 2 && a.length < b.length) || b.length <= 2 ? a + b : m);
}

function moneyOnLine(raw: string, lang: Lang, defaultCurrency?: string): MoneyMatch[] {
  return findMoney(raw, defaultCurrency ? { lang, defaultCurrency } : { lang });
}

function lastNonZero(ms: MoneyMatch[]): MoneyMatch | null {
  for (let i = ms.length - 1; i >= 0; i--) if (ms[i]!.minor !== 0) return ms[i]!;
  return null;
}

/** Amounts of a line, or of the next line when the label stands alone. */
function valueFor(lines: readonly Line[], i: number, lang: Lang, labelEnd: number): MoneyMatch | null {
  const line = lines[i]!;
  const ms = moneyOnLine(line.raw, lang);
  // Prefer amounts after the label; PDF layouts sometimes glue the value before it.
  const after = ms.filter((m) => m.index >= labelEnd);
  const pick = lastNonZero(after) ?? lastNonZero(ms);
  if (pick) return pick;
  const next = lines[i + 1];
  if (next && next.raw.trim().length < 40) {
    const nm = moneyOnLine(next.raw, lang);
    if (nm.length === 1 && /^[\s\d.,'€$£a-zA-Z-]*$/.test(next.raw)) return nm[0]!;
  }
  return null;
}

export function findTotals(lines: readonly Line[], source: FieldSource, base: number, lang: Lang): TotalsFound {
  const found: TotalsFound = { grand: [], due: [], mentioned: [], currencies: new Map() };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = line.folded;
    for (const m of moneyOnLine(line.raw, lang)) {
      if (m.currency) found.currencies.set(m.currency, (found.currencies.get(m.currency) ?? 0) + 1);
    }
    if (f.length > 160 || !/\d/.test(f)) {
      if (!(f.length < 60 && (GRAND_STRONG.test(f) || DUE_LABEL.test(f)) && lines[i + 1])) continue;
    }
    let due = DUE_LABEL.exec(f);
    let grand = GRAND_STRONG.exec(f);
    if (!due && !grand && source === 'pdf_text') {
      // PDF kerning splits words ("Br uttosumme", "Zahlbetr ag"): retry with short fragments glued back.
      const glued = despace(f);
      if (glued !== f) {
        due = DUE_LABEL.exec(glued);
        grand = GRAND_STRONG.exec(glued);
        if (due) due = Object.assign([due[0]], { index: 0, input: f, groups: undefined }) as RegExpExecArray;
        if (grand) grand = Object.assign([grand[0]], { index: 0, input: f, groups: undefined }) as RegExpExecArray;
      }
    }
    const notGrand = NOT_GRAND.test(f) || (TAX_ONLY.test(f) && !TAX_INCLUDED.test(f));
    const bothAt = due && grand && grand.index < due.index ? due.index : -1;
    if (bothAt > 0 && grand && !NOT_GRAND.test(f.slice(0, bothAt))) {
      // "Der Rechnungsbetrag beläuft sich auf 671,15 €. Abzüglich … ein Zahlbetrag von 470,15 €."
      const ms = moneyOnLine(line.raw, lang).filter((m) => m.index >= grand!.index && m.end <= bothAt);
      const v = lastNonZero(ms);
      if (v) found.grand.push({ value: { minor: v.minor, currency: v.currency }, source, score: base });
    }
    if (due && !/\b(?:acompte|deposit|anzahlung)\b/.test(f.slice(0, due.index))) {
      const v = valueFor(lines, i, lang, due.index + due[0].length);
      if (v) found.due.push({ value: { minor: v.minor, currency: v.currency }, source, score: base });
    }
    if (grand && !notGrand && !due) {
      const v = valueFor(lines, i, lang, grand.index + grand[0].length);
      // A bare "Total" is weaker than "Total TTC" / "Gesamtbetrag".
      const strength = /^total$|^totale$|^totaal$/.test(grand[0]) ? 0.8 : 1;
      if (v) found.grand.push({ value: { minor: v.minor, currency: v.currency }, source, score: base * strength });
    } else if (grand && due && /total due|amount payable/.test(due[0])) {
      const v = valueFor(lines, i, lang, due.index + due[0].length);
      if (v) found.grand.push({ value: { minor: v.minor, currency: v.currency }, source, score: base * 0.7 });
    }
  }
  return found;
}

/** "Die Rechnung über 571,04 €", "for €571.04", "totalling €2,076.76": amounts in prose around the word. */
const MENTION =
  /(?:\b(?:rechnung|facture|invoice|factura|fattura|factuur|betrag|montant|amount|somme|importe|importo|bedrag)\b[^.\n]{0,30}?\b(?:uber|for|of|de|sur|von|auf|by|di|per|van|is|est|ist|:)|\btotall?ing|\bamounting to)\s*$/;
const BALANCE = /\b(?:balance due is|zahlbetrag von|reste a payer|solde de|remaining balance of)\s*$/;

export function findMentionedAmounts(lines: readonly Line[], source: FieldSource, base: number, lang: Lang): TotalsFound {
  const found: TotalsFound = { grand: [], due: [], mentioned: [], currencies: new Map() };
  for (const line of lines) {
    if (!/\d/.test(line.raw)) continue;
    for (const m of moneyOnLine(line.raw, lang)) {
      if (!m.currency) continue;
      found.currencies.set(m.currency, (found.currencies.get(m.currency) ?? 0) + 1);
      const before = line.folded.slice(Math.max(0, m.index - 40), m.index);
      if (BALANCE.test(before)) found.due.push({ value: { minor: m.minor, currency: m.currency }, source, score: base * 0.6 });
      else if (MENTION.test(before)) found.mentioned.push({ value: { minor: m.minor, currency: m.currency }, source, score: base * 0.6 });
    }
  }
  return found;
}

/** Largest amount with an explicit currency: last resort for PDF layouts whose labels lost their values. */
export function largestAmount(lines: readonly Line[], lang: Lang): AmountReading | null {
  let best: AmountReading | null = null;
  for (const line of lines) {
    if (/\b(?:capital|kapital|stammkapital)\b/.test(line.folded)) continue;
    for (const m of moneyOnLine(line.raw, lang)) {
      if (!m.currency) continue;
      if (!best || Math.abs(m.minor) > Math.abs(best.minor)) best = { minor: m.minor, currency: m.currency };
    }
  }
  return best;
}
