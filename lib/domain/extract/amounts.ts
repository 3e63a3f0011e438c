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

/** What the whole document decided, handed to every line: the dollar a bare "$" means, and its own number. */
export interface AmountContext {
  dollar?: string;
  /** This invoice's number: a balance quoted for another invoice number is arrears, not this amount due. */
  ownNumber?: string | null;
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
  /\b(?:total ttc|montant ttc|total toutes taxes|total \(?(?:incl|inc|including|inkl)\.?|totale fattura|totale documento|total factura|total facture|total de la facture|montant de la facture|montant total|total general|gesamtbetrag|gesamtsumme|gesamtpreis|bruttosumme|bruttobetrag|rechnungsbetrag|rechnungssumme|endbetrag|grand total|invoice total|invoice amount|project total|total amount|total for this invoice|total this invoice|totaal|importe total|importe factura|totale|total)\b|^\s*(?:gesamt|summe brutto|brutto)\b/;
/** A bare "Montant :", "Amount:", "Betrag:" label: a total when nothing better is written. */
const GRAND_WEAK = /^\s*(?:montant|amount|betrag|importe|importo|bedrag|prix|price|preis|prezzo|precio|prijs)\s*(?:\(?(?:ttc|brutto|gross)\)?\s*)?:/;
const DUE_LABEL =
  /(?:reste a payer|reste du|restant du|solde a payer|solde du|solde restant|net a payer|somme a payer|montant a payer|montant a regler|montant du|total a payer|total a regler|amount due|balance(?: now| still| remaining)? due|balance outstanding|outstanding balance|remaining balance|balance to pay|total due|due payable|payable amount|amount payable|balance payable|total payable|please pay|zahlbetrag|zu zahlen(?:der betrag)?|zahlbarer betrag|restbetrag|verbleibender betrag|offener betrag|noch offen|importe a pagar|total a pagar|liquido a (?:percibir|pagar)|pendiente de pago|importe pendiente|saldo pendiente|resto a pagar|totale da pagare|netto a pagare|importo da pagare|saldo da pagare|residuo da pagare|te betalen|nog te betalen|openstaand bedrag|resterend bedrag)\b|^\s*(?:balance|solde|saldo|rest|a pagar|a payer|zu zahlen|da pagare|te betalen)\s*(?:\(|:|\t|[$€£]|\d)/;
/** Arrears brought forward are part of the payable amount, never the payable amount itself. */
const PREVIOUS = /\b(?:previous|prior|brought forward|precedent|anterieur|vorherig\w*|vorsaldo|anterior|precedente|vorige)\b/;
/** Lines that are not grand totals even when they say "total". */
const NOT_GRAND =
  /\b(?:ht|h\.t\.|hors tax\w*|netto\w*|nettobetrag|net amount|net total|total net|net(?! a payer| payable)|sub-?total\w*|zwischensumme|positionssumme|excl\w*|exkl\w*|ohne (?:ust|mwst|steuer)|before tax|pre-tax|imponibile|base imponible|order total|total facture?s? (?:emises?|du mois)|total facture\b(?= :? ?\d+ factures)|warenwert|total taxes?|total tva|total vat|total tax|steuerbetrag|gesamtbetrag der (?:zuschlage|abschlage)|summe (?:der )?(?:zuschlage|abschlage)|zuschlage|abschlage|rabatt|discount|remise|acompte|deposit|anzahlung|vorauszahlung|already paid|deja (?:regle|paye|verse)|prepaid|paid|sous-?total|subtotaal|subtotale|retenue|ritenuta|retencion|irpf|withholding|quellensteuer|previous|brought forward)\b/;
const TAX_ONLY = /\b(?:tva|vat|tax|taxes|ust|mwst|iva|btw|gst|hst|steuer)\b/;
const TAX_INCLUDED = /\b(?:ttc|incl|inkl|including|included|brutto|tax included|toutes taxes)\b/;

/** Removes a space inside a word when one side is a fragment of at most two letters. */
function despace(f: string): string {
  return f.replace(/([a-z]+) ([a-z]+)/g, (m, a: string, b: string) => (a.length <= 2 && a.length < b.length) || b.length <= 2 ? a + b : m);
}

function moneyOnLine(raw: string, lang: Lang, ctx: AmountContext = {}): MoneyMatch[] {
  return findMoney(raw, ctx.dollar ? { lang, dollar: ctx.dollar } : { lang });
}

/** "la facture 2025-19", "invoice #1041", "Rechnung Nr. 17": an invoice named by its number in a line. */
const INVOICE_REF =
  /\b(?:facture|invoice|rechnung|factura|fattura|factuur)\s*(?:n[°o.º]+|nr\.?|no\.?|#|number|nummer|numero)?\s*[:.]?\s*#?\s*([a-z]{0,6}[-/_.]?\d[a-z0-9\-/_.]*[a-z0-9])/g;

function normNumber(v: string): string {
  return v.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A line that names an invoice other than this one ("un solde de 150 € reste dû sur la facture 2025-19"):
 * its balance is arrears carried over, never this invoice's amount due by itself.
 */
export function refersToOtherInvoice(folded: string, ownNumber: string | null | undefined): boolean {
  if (!ownNumber) return false;
  const own = normNumber(ownNumber);
  INVOICE_REF.lastIndex = 0;
  for (let m = INVOICE_REF.exec(folded); m; m = INVOICE_REF.exec(folded)) {
    const n = normNumber(m[1]!);
    if (n.length >= 2 && n !== own && !own.endsWith(n) && !n.endsWith(own)) return true;
  }
  return false;
}

/**
 * A due label that heads its line ("Total à régler : 2 370,00 €") is a reading of the amount due; one inside a
 * running sentence ("Pour mémoire, un solde de 150 € reste dû …") is a mention, and weighs less.
 */
function labelStrength(f: string, labelAt: number): number {
  const lead = f.slice(0, labelAt).trim();
  return lead.length <= 12 || f.length <= 60 ? 1 : 0.6;
}

function lastNonZero(ms: MoneyMatch[]): MoneyMatch | null {
  for (let i = ms.length - 1; i >= 0; i--) if (ms[i]!.minor !== 0) return ms[i]!;
  return null;
}

/** Amounts of a line, or of the next line when the label stands alone. */
function valueFor(lines: readonly Line[], i: number, lang: Lang, labelEnd: number, ctx: AmountContext): MoneyMatch | null {
  const line = lines[i]!;
  const ms = moneyOnLine(line.raw, lang, ctx);
  // Prefer amounts after the label; PDF layouts sometimes glue the value before it.
  const after = ms.filter((m) => m.index >= labelEnd);
  const pick = lastNonZero(after) ?? lastNonZero(ms);
  if (pick) return pick;
  const next = lines[i + 1];
  if (next && next.raw.trim().length < 40) {
    const nm = moneyOnLine(next.raw, lang, ctx);
    if (nm.length === 1 && /^[\s\d.,'€$£a-zA-Z-]*$/.test(next.raw)) return nm[0]!;
  }
  return null;
}

export function findTotals(lines: readonly Line[], source: FieldSource, base: number, lang: Lang, ctx: AmountContext = {}): TotalsFound {
  const found: TotalsFound = { grand: [], due: [], mentioned: [], currencies: new Map() };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = line.folded;
    for (const m of moneyOnLine(line.raw, lang, ctx)) {
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
    const tax = TAX_ONLY.exec(f);
    // "TVA 20 %", "Total VAT" are tax lines; "Total factura (base + IVA)" is not.
    const taxLine = tax !== null && !TAX_INCLUDED.test(f) && (!grand || tax.index < grand.index || tax.index - (grand.index + grand[0].length) < 4);
    const notGrand = NOT_GRAND.test(f) || taxLine;
    if (due && (PREVIOUS.test(f) || refersToOtherInvoice(f, ctx.ownNumber))) due = null;
    const bothAt = due && grand && grand.index < due.index ? due.index : -1;
    if (bothAt > 0 && grand && !NOT_GRAND.test(f.slice(0, bothAt))) {
      // "Der Rechnungsbetrag beläuft sich auf 671,15 €. Abzüglich … ein Zahlbetrag von 470,15 €."
      const ms = moneyOnLine(line.raw, lang, ctx).filter((m) => m.index >= grand!.index && m.end <= bothAt);
      const v = lastNonZero(ms);
      if (v) found.grand.push({ value: { minor: v.minor, currency: v.currency }, source, score: base });
    }
    if (due && !/\b(?:acompte|deposit|anzahlung)\b/.test(f.slice(0, due.index))) {
      const v = valueFor(lines, i, lang, due.index + due[0].length, ctx);
      if (v) found.due.push({ value: { minor: v.minor, currency: v.currency }, source, score: base * labelStrength(f, due.index) });
    }
    if (grand && !notGrand && !due) {
      const v = valueFor(lines, i, lang, grand.index + grand[0].length, ctx);
      // A bare "Total" is weaker than "Total TTC" / "Gesamtbetrag".
      const strength = /^total$|^totale$|^totaal$/.test(grand[0]) ? 0.8 : 1;
      if (v) found.grand.push({ value: { minor: v.minor, currency: v.currency }, source, score: base * strength });
    } else if (grand && due && /total|amount payable|te betalen/.test(due[0])) {
      const v = valueFor(lines, i, lang, due.index + due[0].length, ctx);
      if (v) found.grand.push({ value: { minor: v.minor, currency: v.currency }, source, score: base * 0.7 });
    }
    const weak = !grand && !due ? GRAND_WEAK.exec(f) : null;
    if (weak && !NOT_GRAND.test(f) && !(tax && tax.index < weak[0].length)) {
      const v = valueFor(lines, i, lang, 0, ctx);
      if (v) found.grand.push({ value: { minor: v.minor, currency: v.currency }, source, score: base * 0.5 });
    }
  }
  return found;
}

/** "Die Rechnung über 571,04 €", "for €571.04", "totalling €2,076.76": amounts in prose around the word. */
const MENTION =
  /(?:\b(?:total|totaal|totale|rechnungsbetrag|gesamtbetrag|montant total|importe total|importo totale)\b[^.\n]{0,25}?\b(?:comes? to|came to|amounts? to|is|of|s'eleve a|se monte a|est de|betragt|belauft sich auf|asciende a|es de|ammonta a|e di|e pari a|bedraagt|komt op)|\b(?:rechnung|facture|invoice|factura|fattura|factuur|betrag|montant|amount|somme|importe|importo|bedrag)\b[^.\n]{0,30}?\b(?:uber|for|of|de|sur|von|auf|by|di|per|van|is|est|ist|:)|\btotall?ing|\bamounting to)\s*$/;
/** Right after an amount: it is the price before tax ("1 000,00 € HT", "€500 + VAT"), not what the invoice totals. */
const BEFORE_TAX_AFTER = /^\s*(?:\+\s*(?:iva|tva|vat|mwst|ust|btw|igic|gst|hst|tax)\b|(?:ht|htva|hors taxes?|excl\.?|excluding|exkl\.?|zzgl\.?|plus (?:vat|tax|mwst))(?![\p{L}]))/u;
const BALANCE = /\b(?:balance due is|zahlbetrag von|reste a payer|solde de|remaining balance of)\s*$/;

export function findMentionedAmounts(lines: readonly Line[], source: FieldSource, base: number, lang: Lang, ctx: AmountContext = {}): TotalsFound {
  const found: TotalsFound = { grand: [], due: [], mentioned: [], currencies: new Map() };
  for (const line of lines) {
    if (!/\d/.test(line.raw)) continue;
    const other = refersToOtherInvoice(line.folded, ctx.ownNumber);
    for (const m of moneyOnLine(line.raw, lang, ctx)) {
      if (!m.currency) continue;
      found.currencies.set(m.currency, (found.currencies.get(m.currency) ?? 0) + 1);
      const before = line.folded.slice(Math.max(0, m.index - 40), m.index);
      if (BALANCE.test(before)) {
        if (!other) found.due.push({ value: { minor: m.minor, currency: m.currency }, source, score: base * 0.6 });
      } else if (MENTION.test(before) && !BEFORE_TAX_AFTER.test(line.folded.slice(m.end, m.end + 24))) found.mentioned.push({ value: { minor: m.minor, currency: m.currency }, source, score: base * 0.6 });
    }
  }
  return found;
}

/** Largest amount with an explicit currency: last resort for PDF layouts whose labels lost their values. */
export function largestAmount(lines: readonly Line[], lang: Lang, ctx: AmountContext = {}): AmountReading | null {
  let best: AmountReading | null = null;
  for (const line of lines) {
    if (/\b(?:capital|kapital|stammkapital)\b/.test(line.folded)) continue;
    for (const m of moneyOnLine(line.raw, lang, ctx)) {
      if (!m.currency) continue;
      if (!best || Math.abs(m.minor) > Math.abs(best.minor)) best = { minor: m.minor, currency: m.currency };
    }
  }
  return best;
}

/** Lines that carry a part of the price, not the price: tax, deposits, withholding, unit rates. */
/** How far before an amount its own label is looked for. */
const PART_WINDOW = 32;

const PART_LINE = /\b(?:tva|vat|tax|ust|mwst|iva|btw|gst|hst|acompte|deposit|anzahlung|abschlag\w*|anticipo|acconto|aanbetaling|ritenuta|retencion|irpf|withholding|rabatt|discount|remise|skonto|per hour|par heure|pro stunde|\/h|\/hr)\b/;

/**
 * Last resort for invoices written in the body without any total label ("8 Stunden à 45,00 € = 360,00 €", or a
 * one-paragraph invoice: "… 312,40 € HTVA, soit 378,00 € TVAC"): the largest amount with a currency that is not
 * itself a tax, deposit or discount amount. That is judged from the words just before each amount (since the
 * previous amount), not from the whole line, because a paragraph invoice names the tax next to the total.
 */
export function largestBodyAmount(lines: readonly Line[], lang: Lang, ctx: AmountContext = {}): AmountReading | null {
  let best: AmountReading | null = null;
  for (const line of lines) {
    if (!/\d/.test(line.raw) || line.raw.length > 4000) continue;
    let prevEnd = 0;
    for (const m of moneyOnLine(line.raw, lang, ctx)) {
      const before = line.folded.slice(Math.max(prevEnd, m.index - PART_WINDOW), m.index);
      prevEnd = m.end;
      if (!m.currency || m.minor <= 0 || PART_LINE.test(before)) continue;
      if (!best || m.minor > best.minor) best = { minor: m.minor, currency: m.currency };
    }
  }
  return best;
}
