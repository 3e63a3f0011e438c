import type { IsoDate, Lang } from '../types';
import { findDates, type DateMatch, type NumericOrder } from '../dates';
import type { Candidate, FieldSource, Line } from './candidates';

/**
 * Issue and due dates from labelled lines. The date taken is the first one after the label on its line
 * ("Zahlbar bis 04.04.2020, 3% Skonto bis 15.03.2020" gives the first), or the one glued before the label in
 * PDF column layouts ("19 april 2014Factuurdatum:"), or the date alone on the next line.
 */

const ISSUE_LABEL =
  /(?<![a-z-])(?:beleg-?datum|rechnungs-?datum|date de (?:la )?facture|date d'emission|date de facturation|emise? le|facture du|invoice date|date of issue|issue date|issued(?: on| at)?|dated|date|rechnungsdatum|belegdatum|ausstellungsdatum|datum|fecha(?: de (?:emision|factura|expedicion))?|data(?: (?:fattura|emissione|documento))?|factuurdatum|datum factuur)\b\s*[:.]?/;
/** The document number followed by its date: "Facture n° X du 3 mars 2025", "Rechnung Nr. X vom …". */
const NUMBER_THEN_DATE =
  /\b(?:facture|invoice|[a-z]*rechnung|factura|fattura|factuur|avoir|gutschrift)\b[^\n]{0,50}?(?:\b(?:du|vom|del|dated|of|van|de)\b|\(|[-,]\s)\s*$/;
const NOT_ISSUE =
  /\b(?:order ?date|orderdatum|bestelldatum|date de commande|date de livraison|lieferdatum|liefer- und leistungsdatum|leistungsdatum|delivery date|due date|date d'echeance|echeance|faelligkeit|fallig\w*|vervaldatum|fecha de vencimiento|data (?:di )?scadenza|payment date|date limite|printed|gedruckt|geburtsdatum|period|periode|zeitraum)\b/;

const DUE_LABEL =
  /(?<![a-z])(?:date d'echeance|echeance|date limite de paiement|date limite|a regler (?:avant|au plus tard) le|au plus tard le|avant le|payable (?:avant|le|jusqu'au)|regler le solde (?:au plus tard )?le|due date|due on|due by|payment due(?: date)?|payment is due(?: by| on)?|pay by|(?:please )?remit (?:until|by|before)|pay(?:able)? until|please pay by|payable by|(?:amount )?due on|zahlbar bis(?: zum)?|zahlbar (?:innerhalb [^\n]{0,30}?)?bis(?: zum| spatestens)?|fallig(?:keit)?(?: am)?|faellig(?:keit)?(?: am)?|zahlungsziel|bis spatestens|(?:uberweis|zahl|begleich)[a-z]*\b[^\n]{0,40}?\bbis(?: zum| spatestens)?|fecha de vencimiento|vencimiento|pagar antes del|data (?:di )?scadenza|scadenza|entro il|vervaldatum|uiterlijk op|te betalen voor)\b\s*[:.]?/;
const NOT_DUE = /\b(?:skonto|escompte|discount|sconto|descuento|korting|devis valable|valid|gultig|valable|valido|geldig|livraison souhaitee)\b/;
/**
 * A sentence that asks for payment and sets a deadline right before a date: "Please settle by 31 May",
 * "Den Betrag erbitte ich bis zum 17.03.", "Graag uiterlijk 30 april overmaken", "Da saldare entro il 31/03".
 */
const PAY_WORD =
  /\b(?:pay\w*|settle\w*|remit\w*|transfer|wire|due|regl\w*|regler|paiement|payer|payable|virement|verser|solder|zahl\w*|uberweis\w*|begleich\w*|betrag|erbitte|fallig|pago|pagar|abonar|transferencia|pagamento|pagare|saldare|bonifico|versare|betal\w*|overmaken|overboeken|voldoen|bedrag)\b/;
const DEADLINE_BEFORE =
  /(?:\bby|\bbefore|no later than|\buntil|\bavant(?: le)?|au plus tard(?: le)?|d'ici (?:le|au)|jusqu'au|\bpour le|\bbis(?: zum| spatestens| sp\.)?|spatestens(?: am| bis(?: zum)?)?|\bvor dem|antes del?|a mas tardar el|hasta el|\bentro(?: e non oltre)?(?: il| la)?|prima del|uiterlijk(?: op)?|\bvoor|\btot)\s*(?:le |el |il |den |the |on )?$/;
/**
 * "… pour le 4 mars 2025 au plus tard", "by 4 March at the latest", "am 4. März spätestens": a deadline word
 * after the date makes it a deadline even when the word before it is a plain preposition ("le", "on", "am").
 */
const DEADLINE_AFTER = /^[\s,]*(?:au plus tard|dernier delai|at the latest|latest|spatestens|a mas tardar|como muy tarde|al piu tardi|entro e non oltre|uiterlijk)\b/;
/** "la facture 2025-19 du 3 octobre" names another invoice's date when 2025-19 is not this one. */
const NUMBER_IN = /\b(?:facture|invoice|[a-z]*rechnung|factura|fattura|factuur|avoir|gutschrift)\b\s*(?:n[°o.º]+|nr\.?|no\.?|#|number|nummer|numero)?\s*[:.]?\s*#?\s*([a-z]{0,6}[-/_.]?\d[a-z0-9\-/_.]*[a-z0-9])/g;

/** The last invoice number named in `text`, if any. */
function lastNumberIn(text: string): string | null {
  let last: string | null = null;
  NUMBER_IN.lastIndex = 0;
  for (let m = NUMBER_IN.exec(text); m; m = NUMBER_IN.exec(text)) last = m[1]!;
  return last;
}

function sameNumber(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/[^a-z0-9]/g, '');
  const y = b.toLowerCase().replace(/[^a-z0-9]/g, '');
  return x === y || x.endsWith(y) || y.endsWith(x);
}

/** Sentences of a line, with their offsets: a discount clause must not veto the due clause beside it. */
function sentences(f: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  const re = /[.!?;](?=\s+\S)|\s[-–]\s/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    // "14.02.2025", "z. B." and "Nr. 5": a period between digits or after a short abbreviation is not an end.
    if (/\d/.test(f[m.index - 1] ?? '') && /\d/.test(f[m.index + 1] ?? '')) continue;
    if (/(?:^|\s)[a-z]{1,3}$/.test(f.slice(Math.max(0, m.index - 4), m.index)) && f[m.index] === '.') continue;
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  out.push({ start, end: f.length });
  return out;
}

export interface DateCandidates {
  issue: Candidate<IsoDate>[];
  due: Candidate<IsoDate>[];
}

function firstAfter(dates: DateMatch[], at: number): DateMatch | null {
  for (const d of dates) if (d.index >= at) return d;
  return null;
}

export function findDocDates(
  lines: readonly Line[],
  source: FieldSource,
  base: number,
  opts: { lang: Lang; ref?: IsoDate; order?: NumericOrder; ownNumber?: string | null },
): DateCandidates {
  const out: DateCandidates = { issue: [], due: [] };
  const dopts = { lang: opts.lang, ...(opts.ref ? { ref: opts.ref } : {}), ...(opts.order ? { order: opts.order } : {}) };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = line.folded;
    if (f.length === 0 || f.length > 220) continue;
    const hasDigit = /\d/.test(f);
    const dueM = DUE_LABEL.exec(f);
    const issueM = ISSUE_LABEL.exec(f);
    if (!hasDigit && !dueM && !issueM) continue;
    const dates = hasDigit ? findDates(line.raw, dopts) : [];
    const labelAlone = dates.length === 0 ? nextLineDate(lines, i, dopts) : null;

    let dueFound = false;
    for (const sp of dueM ? sentences(f) : []) {
      const seg = f.slice(sp.start, sp.end);
      const m = DUE_LABEL.exec(seg);
      if (!m || NOT_DUE.test(seg)) continue;
      const at = sp.start + m.index;
      const inSeg = dates.filter((d) => d.index >= sp.start && d.end <= sp.end);
      const d = firstAfter(inSeg, at) ?? (inSeg.length === 1 && inSeg[0]!.end <= at ? inSeg[0]! : null) ?? (dates.length === 0 ? labelAlone : null);
      if (d) {
        out.due.push({ value: d.date, source, score: base });
        dueFound = true;
        break;
      }
    }
    if (!dueFound && dates.length > 0 && PAY_WORD.test(f)) {
      for (const d of dates) {
        const sp = sentences(f).find((x) => d.index >= x.start && d.index < x.end);
        if (!sp) continue;
        const seg = f.slice(sp.start, sp.end);
        if (!PAY_WORD.test(seg) || NOT_DUE.test(seg)) continue;
        const lead = f.slice(Math.max(sp.start, d.index - 30), d.index);
        // The date may end past its sentence ("am 4. März" splits at "4."): the tail is read from the date on.
        const tail = f.slice(d.end, d.end + 30);
        if (!DEADLINE_BEFORE.test(lead) && !DEADLINE_AFTER.test(tail)) continue;
        out.due.push({ value: d.date, source, score: base * 0.8 });
        break;
      }
    }
    if (issueM && !NOT_ISSUE.test(f.slice(Math.max(0, issueM.index - 25), issueM.index + issueM[0].length + 5))) {
      const d = firstAfter(dates, issueM.index) ?? (dates.length === 1 && dates[0]!.end <= issueM.index ? dates[0]! : null) ?? labelAlone;
      const strong = /date|datum|fecha|data|emis|issued/.test(issueM[0]) && issueM[0].trim().length > 5;
      if (d && !(dueM && d.index >= dueM.index)) out.issue.push({ value: d.date, source, score: base * (strong ? 1 : 0.8) });
    }
    // "Facture n° X du 3 mars 2025", "Invoice #FA-2017-0008 dated November 3, 2017".
    for (const d of dates) {
      const before = f.slice(Math.max(0, d.index - 70), d.index);
      const named = opts.ownNumber ? lastNumberIn(before) : null;
      const otherInvoice = named !== null && !sameNumber(named, opts.ownNumber!);
      if (NUMBER_THEN_DATE.test(before) && !NOT_ISSUE.test(before) && !otherInvoice) {
        out.issue.push({ value: d.date, source, score: base * 0.9 });
        break;
      }
    }
  }
  return out;
}

function nextLineDate(lines: readonly Line[], i: number, dopts: { lang: Lang }): DateMatch | null {
  const next = lines[i + 1];
  if (!next || next.raw.trim().length > 30) return null;
  const ds = findDates(next.raw, dopts);
  return ds.length === 1 ? ds[0]! : null;
}
