import type { IsoDate, Lang } from './types';
import { isValidIsoDate } from './types';
import { foldAligned } from './text';
import {
  addBusinessDaysIso, addDaysIso, addMonthsIso, endOfMonthIso, findDates, makeIsoDate, MONTH_NAME_PATTERN, monthNumber,
  resolveYearless, WEEKDAY_NAME_PATTERN, weekdayIso, weekdayNumber,
} from './dates';

/**
 * The date a client commits to (or proposes) for a payment, read from the text of a reply and resolved
 * against the reply's date `ref`.
 *
 * Resolution rules (all dates are civil dates; `ref` is the day the reply was written):
 * - "today", "aujourd'hui", "heute"… = ref; "tomorrow", "demain", "morgen", "mañana", "domani" = ref + 1;
 *   "the day after tomorrow", "après-demain", "übermorgen"… = ref + 2.
 * - A bare weekday ("Friday", "vendredi", "am Freitag") is its next occurrence strictly after ref (1 to 7 days).
 *   "next Friday", "vendredi prochain", "nächsten Freitag", "el próximo viernes" follow the same rule: in
 *   French and German "prochain"/"nächsten" name the coming one, and English usage is split, so one rule for
 *   all. "Friday next week", "vendredi de la semaine prochaine", "Freitag nächster Woche" = that weekday in
 *   the calendar week (Monday-Sunday) after ref's.
 * - "end of the month", "fin du mois", "Monatsende", "fin de mes" = last day of ref's month; "end of next
 *   month" = last day of the following month; "end of April", "fin avril", "Ende April" = last day of April
 *   (this year if not past, else next year); "mid-April", "mi-avril", "Mitte April" = 15 April.
 * - "end of the week", "fin de semaine" = Friday of ref's week (next week's Friday when ref is already past
 *   Friday); "end of next week", "fin de la semaine prochaine" = Friday of next week.
 * - "in 10 days", "dans 10 jours", "sous 10 jours", "in 10 Tagen", "within two weeks" = ref + N days
 *   ("business days", "jours ouvrés", "Werktagen" skip weekends; "48 h" = 2 days).
 * - A day of the month alone ("le 15", "by the 15th", "am 15.", "d'ici le 15") = that day of ref's month if
 *   it is ref or later, else of the next month that has such a day.
 * - Explicit dates ("le 12 mars", "March 12", "12.03.", "12/03") without a year take the first occurrence on
 *   or after ref; dates with a year are taken as written.
 * - Vague ranges ("next week", "next month", "in a couple of weeks", "in May") give no date: null.
 *
 * Which date is the payment date: every candidate is scored by its clause and sentence. Payment words
 * (pay, virement, Zahlung, an amount…) raise the score, while meetings, calls, absences, deliveries and
 * earlier invoice/due dates lower it; only positive candidates count, the best wins (earliest on ties).
 */

export interface PaymentDate {
  date: IsoDate;
  raw: string;
}

interface Candidate {
  index: number;
  end: number;
  date: IsoDate;
}

const WEEKDAY_ALT = WEEKDAY_NAME_PATTERN;
const MONTH_ALT = MONTH_NAME_PATTERN;
/** Weekday (0 = Sunday) or month (1-12) named by a matched, accent-folded word. */
const weekdayOf = (word: string): number => weekdayNumber(word) ?? 0;
const monthOf = (word: string): number => monthNumber(word) ?? 1;

const NUMBER_WORDS = new Map<string, number>([
  ['one', 1], ['a', 1], ['an', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['fourteen', 14], ['fifteen', 15], ['twenty', 20], ['thirty', 30],
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['huit', 8],
  ['dix', 10], ['quinze', 15], ['vingt', 20], ['trente', 30],
  ['ein', 1], ['einer', 1], ['einem', 1], ['zwei', 2], ['drei', 3], ['vier', 4], ['funf', 5], ['fuenf', 5],
  ['sechs', 6], ['sieben', 7], ['acht', 8], ['zehn', 10], ['vierzehn', 14], ['zwanzig', 20], ['dreissig', 30],
  ['uno', 1], ['dos', 2], ['tres', 3], ['cinco', 5], ['diez', 10], ['quince', 15], ['due', 2], ['tre', 3],
  ['dieci', 10], ['quindici', 15], ['een', 1], ['twee', 2], ['drie', 3], ['tien', 10], ['veertien', 14],
]);
const NUMBER_ALT = [...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');

const UNIT_DAYS = String.raw`(days?|jours?|tagen?|dias?|giorni|dagen|weeks?|semaines?|wochen?|semanas?|settimane?|weken|hours?|h|heures?|stunden|horas|ore|uur|business days?|working days?|jours ouvres|jours ouvrables|werktagen?|arbeitstagen?|dias habiles|giorni lavorativi|werkdagen)`;

/** What follows a number that counts something rather than naming a day ("le 1 200 €", "le 15 %"). */
const NOT_A_QUANTITY = String.raw`(?![\d.,:/]\d|\s\d{3}|\s*(?:%|€|\$|£|eur|euros?|chf|usd|gbp|h\b|heures?|hours?|jours?|days?|tage|mois|months?|semaines?|weeks?|ans|years?|fois|times|x\b|pieces?|pages?|stunden|uhr|min|factures?|invoices?))`;

const NO_MONTH_AFTER = String.raw`(?!\s*(?:of\s|de\s|di\s|van\s)?(?:${MONTH_NAME_PATTERN})\b)`;

/** Patterns producing candidates; each resolver turns a match into a date (or null). */
type Resolver = (m: RegExpExecArray, ref: IsoDate, lang: Lang) => IsoDate | null;
const RULES: ReadonlyArray<readonly [RegExp, Resolver]> = [
  // Day after tomorrow first: longer phrases win over "tomorrow"/"demain" inside them.
  [/\b(?:the day after tomorrow|apres[- ]demain|ubermorgen|uebermorgen|pasado manana|dopodomani|overmorgen)\b/g,
    (_m, ref) => addDaysIso(ref, 2)],
  [/\b(?:tomorrow|demain|domani)\b/g, (_m, ref) => addDaysIso(ref, 1)],
  [/(?<!guten |heute |am |jeden |diesen |goede |de )\bmorgen\b/g, (_m, ref) => addDaysIso(ref, 1)],
  [/(?<!la |esta |por la |de la )\bmanana\b/g, (_m, ref, lang) => (lang === 'es' ? addDaysIso(ref, 1) : null)],
  [/\b(?:today|tonight|this (?:afternoon|evening)|aujourd'hui|ce soir|cet apres-midi|dans la journee|heute|hoy|oggi|vandaag)\b/g,
    (_m, ref) => ref],
  // "end of next month" before "end of the month".
  [/\b(?:(?:by |at )?the end of next month|(?:a la |d'ici la )?fin du mois prochain|ende (?:des )?nachsten monats|fin(?:ales)? del mes (?:que viene|proximo)|fine del mese prossimo|eind(?:e)? volgende maand)\b/g,
    (_m, ref) => endOfMonthIso(addMonthsIso(ref.slice(0, 8) + '01', 1))],
  [/\b(?:end of (?:the |this )?month|month[- ]end|fin (?:du |de ce |de )?mois|ende (?:des|dieses) monats|monatsende|ende monat|ultimo|fin(?:ales)? de(?:l)? mes|fine (?:del )?mese|eind(?:e)? van de maand|einde (?:van )?de maand|eind deze maand)\b/g,
    (_m, ref) => endOfMonthIso(ref)],
  [new RegExp(String.raw`\b(?:(?:the )?end of |fin(?:ales)? (?:de |d')?|ende |fine |eind(?:e)? |ultimo )(${MONTH_ALT})\b`, 'g'),
    (m, ref) => monthEnd(monthOf(m[1]!), ref)],
  [new RegExp(String.raw`\b(?:mid-? ?|mi-|mitte |a mediados de |meta |half )(${MONTH_ALT})\b`, 'g'),
    (m, ref) => forwardDate(monthOf(m[1]!), 15, ref)],
  [/\b(?:(?:by |at )?(?:the )?end of next week|fin de la semaine prochaine|fin de semaine prochaine|ende (?:der )?nachsten woche|ende kommender woche|finales de la semana que viene|fine della prossima settimana|eind volgende week)\b/g,
    (_m, ref) => weekdayOfWeek(ref, 5, 1)],
  [/\b(?:end of (?:the |this )?week|fin de (?:la |cette )?semaine|ende (?:der|dieser) woche|fin(?:ales)? de (?:esta |la )?semana|fine settimana|eind(?:e)? van de week|eind deze week)\b/g,
    (_m, ref) => endOfWeek(ref)],
  [new RegExp(String.raw`\b(?:in|within|dans|sous|d'ici|en|innerhalb(?: von)?|binnen|in den nachsten|entro|tra|fra|dentro de|en los proximos)\s+(\d{1,3}|${NUMBER_ALT})\s+${UNIT_DAYS}\b`, 'g'),
    (m, ref) => inDuration(m[1]!, m[2]!, ref)],
  // "Friday next week", "vendredi de la semaine prochaine", "Freitag nächster Woche", "next week Friday".
  [new RegExp(String.raw`\b(${WEEKDAY_ALT})(?: (?:of )?next week| de la semaine prochaine| (?:der |in der )?nachste(?:n|r)? woche| de la (?:semana|proxima semana) (?:que viene|proxima)| della prossima settimana| volgende week)\b`, 'g'),
    (m, ref) => weekdayOfWeek(ref, weekdayOf(m[1]!), 1)],
  [new RegExp(String.raw`\b(?:next week|la semaine prochaine|nachste woche) (?:on )?(${WEEKDAY_ALT})\b`, 'g'),
    (m, ref) => weekdayOfWeek(ref, weekdayOf(m[1]!), 1)],
  [new RegExp(String.raw`\b(${WEEKDAY_ALT})\b`, 'g'), (m, ref) => nextWeekday(ref, weekdayOf(m[1]!))],
  // Written dates ("15 mai", "May 15") and "30.04." come from findDates. Replies also write "12/03" and
  // "12.03" without a year, shapes too often fractions, pages or amounts to accept in documents: day first,
  // month-first only when day-first is impossible.
  [/(?<![\d.,/:-])(?:(\d{1,2})(\/)(\d{1,2})(?!\d|[.\/:,-]\d)|(\d{2})(\.)(\d{2})(?!\d|[.\/:,-]\d))/g,
    (m, ref) => numericNoYear(Number(m[1] ?? m[4]), Number(m[3] ?? m[6]), m[2] ?? m[5] ?? '.', ref)],
  // Day of month alone: "le 15", "d'ici le 15", "by the 15th", "am 15.", "bis zum 15.", "el 15", "op de 15e".
  // A month name after the number makes it a full date ("jusqu'au 15 avril"), read by findDates instead.
  [new RegExp(String.raw`\b(?:le|au|du|jusqu'au)\s(\d{1,2})(?:er)?\b${NOT_A_QUANTITY}${NO_MONTH_AFTER}`, 'g'), (m, ref) => dayOfMonth(Number(m[1]), ref)],
  [new RegExp(String.raw`\bthe\s(\d{1,2})(?:st|nd|rd|th)\b${NO_MONTH_AFTER}`, 'g'), (m, ref) => dayOfMonth(Number(m[1]), ref)],
  [/\b(?:am|zum|den)\s(\d{1,2})\.(?![\d\p{L}])/gu, (m, ref) => dayOfMonth(Number(m[1]), ref)],
  [new RegExp(String.raw`\b(?:el|il|al|op de)\s(\d{1,2})(?:e|ste|de)?\b${NOT_A_QUANTITY}${NO_MONTH_AFTER}`, 'g'),
    (m, ref, lang) => (lang === 'es' || lang === 'it' || lang === 'nl' ? dayOfMonth(Number(m[1]), ref) : null)],
];

function nextWeekday(ref: IsoDate, dow: number): IsoDate {
  const refDow = weekdayIso(ref);
  const delta = (dow - refDow + 7) % 7 || 7;
  return addDaysIso(ref, delta);
}

/** Weekday `dow` in the Monday-Sunday week `weeksAhead` after ref's week. */
function weekdayOfWeek(ref: IsoDate, dow: number, weeksAhead: number): IsoDate {
  const refDow = weekdayIso(ref);
  const monday = addDaysIso(ref, -((refDow + 6) % 7));
  return addDaysIso(monday, 7 * weeksAhead + ((dow + 6) % 7));
}

function endOfWeek(ref: IsoDate): IsoDate {
  const friday = weekdayOfWeek(ref, 5, 0);
  return friday >= ref ? friday : weekdayOfWeek(ref, 5, 1);
}

/**
 * A year-less (month, day) read forward from ref (dates.ts `resolveYearless`): on or after ref, except a date
 * of the recent past, returned as is so that the caller discards it instead of pushing "3 March" written on
 * 26 March a year ahead.
 */
function forwardDate(month: number, day: number, ref: IsoDate): IsoDate | null {
  return resolveYearless(month, day, ref, 'forward');
}

function monthEnd(month: number, ref: IsoDate): IsoDate | null {
  const first = forwardDate(month, 1, ref.slice(0, 8) + '01');
  return first ? endOfMonthIso(first) : null;
}

function numericNoYear(day: number, month: number, sep: string, ref: IsoDate): IsoDate | null {
  const d = forwardDate(month, day, ref);
  if (d) return d;
  // "04/30" only when "30/04" cannot be a date; "." is always day first.
  return sep === '/' && day <= 12 ? forwardDate(day, month, ref) : null;
}

function dayOfMonth(day: number, ref: IsoDate): IsoDate | null {
  if (day < 1 || day > 31) return null;
  let month = ref.slice(0, 8) + '01';
  for (let i = 0; i < 4; i++) {
    const d = makeIsoDate(Number(month.slice(0, 4)), Number(month.slice(5, 7)), day);
    if (d && d >= ref) return d;
    month = addMonthsIso(month, 1);
  }
  return null;
}

function inDuration(amount: string, unit: string, ref: IsoDate): IsoDate | null {
  const n = /^\d+$/.test(amount) ? Number(amount) : NUMBER_WORDS.get(amount);
  if (n === undefined || n <= 0 || n > 366) return null;
  if (/business|working|ouvr|werk|arbeit|habiles|lavorativi/.test(unit)) return addBusinessDaysIso(ref, n);
  if (/^(?:weeks?|semaines?|wochen?|semanas?|settimane?|weken)$/.test(unit)) return addDaysIso(ref, 7 * n);
  if (/^(?:hours?|h|heures?|stunden|horas|ore|uur)$/.test(unit)) return n % 24 === 0 ? addDaysIso(ref, n / 24) : null;
  return addDaysIso(ref, n);
}

/** Every resolvable date expression; overlapping matches keep the longest (explicit dates beat weekdays). */
function findCandidates(folded: string, original: string, ref: IsoDate, lang: Lang): Candidate[] {
  const all: Candidate[] = [];
  for (const [re, resolve] of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const date = resolve(m, ref, lang);
      if (date) all.push({ index: m.index, end: m.index + m[0].length, date });
    }
  }
  // Explicit dates, with or without a year: the shared parser knows every numeric and written shape.
  for (const d of findDates(original, { lang, ref, yearless: 'forward' })) all.push({ index: d.index, end: d.end, date: d.date });
  all.sort((a, b) => b.end - b.index - (a.end - a.index) || a.index - b.index);
  const kept: Candidate[] = [];
  for (const c of all) {
    if (kept.some((k) => c.index < k.end && k.index < c.end)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.index - b.index);
  return mergeWeekdayWithDate(kept, folded);
}

/** "Montag, 7. April" / "vendredi 14 mars": the weekday and the date name one day; keep the explicit date. */
function mergeWeekdayWithDate(cands: Candidate[], folded: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const next = cands[i + 1];
    const isWeekday = weekdayNumber(folded.slice(c.index, c.end)) !== undefined;
    if (next && isWeekday && /^[\s,]*(?:le |the |den )?$/.test(folded.slice(c.end, next.index))) {
      out.push({ index: c.index, end: next.end, date: next.date });
      i++;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Words of paying, accent-folded (stems: "pay" covers payment, paid, payer; "regl" covers réglé…). */
const PAYMENT_CUE = new RegExp(
  [
    // Stems (prefixes of the inflected forms).
    String.raw`\b(?:pay|paie|paiement|payer|payons|regl|virement|vire|versement|verser|verse|solde|solder|echeance|echelon|zahl|uberw|ueberw|begleich|beglich|bezahl|frist|pago|pagar|pague|transferenc|abon|pagament|pagar|pagh|bonific|salda|betal|overmak|overboek|remit|settl|transfer|e-transfer)`,
    // Whole words and phrases.
    String.raw`\b(?:paid|wire|ach|cheque|(?:the|a|our) check|funds|money|rate|raten|saldo|deadline|due date|delai|give (?:us|me) until|you'?ll have it|you will have it|on its way|goes out|will go out|geht .{0,25}raus|release)\b`,
  ].join('|'),
);
const MONEY = /(?:[€$£]\s?\d|\d[\d\s.,']*\s?(?:€|eur\b|euros?\b|chf\b|usd\b|gbp\b|\$|£))/;
/** Words that attach a date to something else than the payment. */
const OTHER_EVENT_CUE =
  /\b(?:call|meeting|meet|catch up|appointment|visit|visite|rdv|rendez-vous|reunion|appel|telephone|termin|besprechung|telefonat|treffen|llamada|cita|riunione|chiamata|incontro|afspraak|vergadering|absent|absente|absence|away|conge|conges|vacances|holiday|holidays|vacation|leave|out of (?:the )?office|urlaub|abwesend|ferien|nicht im buro|vacaciones|ferie|vakantie|back|retour|rentre|return|returns|zuruck|starts|start|commence|arrive|delivery|deliver|livraison|livrer|lieferung|liefern|shooting|workshop|atelier|presentation|demo|available|disponible|verfugbar|dated|datee|du \d|vom \d|was due|were due|etait due|echue|arrivee a echeance|fallig war|war am .{0,20}fallig|invoice date|date de facture|rechnungsdatum|emise|issued|sent on|envoyee le|jugement|judgment|judgement|urteil|beschluss|decision|ordonnance|since|depuis|seit)\b/;

const INVOICE_DATE_LEAD =
  /(?:(?:facture|invoice|rechnung|factura|fattura|factuur|devis|quote|angebot|commande|order|bestellung)\b.{0,25}\b(?:du|of|vom|dated|from|del|van|datee du)|(?:was|were|is) due(?: on)?|echue le|etait due le|faellig am|fallig am|due date(?: was)?:?)\s*$/;

function sentenceBounds(folded: string, original: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !isSentenceEnd(original, start - 1)) start--;
  let end = at;
  while (end < folded.length && !isSentenceEnd(original, end)) end++;
  return [start, end];
}

/** "\n", "!", "?", ";" and a "." that is not part of a date or number ("7. April", "30.04."). */
function isSentenceEnd(s: string, i: number): boolean {
  const c = s[i];
  if (c === '\n' || c === '!' || c === '?' || c === ';') return true;
  if (c !== '.') return false;
  const prev = s[i - 1] ?? '';
  const next = s[i + 1] ?? '';
  if (next !== '' && !/\s/.test(next)) return false;
  if (!/\d/.test(prev)) return true;
  // After a number the dot may be an ordinal ("7. April", "am 15. Mai"): an end only before a capital
  // that does not start a month name.
  const after = /^\s+(\p{Lu}\p{L}*)/u.exec(s.slice(i + 1, i + 40));
  return after !== null && monthNumber(foldAligned(after[1]!)) === undefined;
}

/** Clause = sentence piece between commas, dashes and coordinating conjunctions. */
function clauseBounds(folded: string, sStart: number, sEnd: number, at: number, atEnd: number): [number, number] {
  const sentence = folded.slice(sStart, sEnd);
  // Subordinate "when/once" clauses are split off too: in "pay at the end of the month when she's back" the
  // return belongs to another clause than the payment date.
  const splitter =
    /,|\s[-–—]\s|\s(?:et|and|und|mais|but|aber|y|ma|maar|so|donc|alors|then|puis|dann|sonst|because|car|parce que|weil|da|denn|when|once|quand|lorsque|sobald|wenn|cuando|quando|wanneer|zodra)\s/g;
  let cStart = sStart;
  let cEnd = sEnd;
  for (let m = splitter.exec(sentence); m; m = splitter.exec(sentence)) {
    const pos = sStart + m.index;
    if (pos + m[0].length <= at) cStart = pos + m[0].length;
    else if (pos >= atEnd) {
      cEnd = pos;
      break;
    }
  }
  return [cStart, cEnd];
}

function scoreCandidate(c: Candidate, folded: string, original: string): number {
  const [sStart, sEnd] = sentenceBounds(folded, original, c.index);
  const [cStart, cEnd] = clauseBounds(folded, sStart, sEnd, c.index, c.end);
  const clause = folded.slice(cStart, cEnd);
  const sentence = folded.slice(sStart, sEnd);
  const expr = folded.slice(c.index, c.end);
  const clauseRest = clause.replace(expr, ' ');
  let score = 0;
  // "the invoice of 13 March", "Rechnung vom 12.02.", "was due on 2 April": a date of the invoice itself.
  const before = folded.slice(Math.max(cStart, c.index - 40), c.index);
  if (INVOICE_DATE_LEAD.test(before)) return -3;
  if (PAYMENT_CUE.test(clauseRest) || MONEY.test(clauseRest)) score += 2;
  else if (PAYMENT_CUE.test(sentence) || MONEY.test(sentence)) score += 1;
  if (OTHER_EVENT_CUE.test(clauseRest)) score -= 3;
  else if (OTHER_EVENT_CUE.test(sentence) && score < 2) score -= 1;
  return score;
}

/** The payment date a reply commits to or proposes, or null when none is stated. Never throws. */
export interface PaymentDateOptions {
  /** The caller already knows the text is about paying (e.g. a reply classified as a promise): a date with
   * no cue either way in its sentence then still counts, with a low score. */
  aboutPayment?: boolean;
}

export function resolvePaymentDate(text: string, ref: IsoDate, lang: Lang, opts: PaymentDateOptions = {}): PaymentDate | null {
  try {
    if (typeof text !== 'string' || typeof ref !== 'string' || !isValidIsoDate(ref)) return null;
    const original = text.slice(0, 20_000);
    const folded = foldAligned(original);
    const candidates = findCandidates(folded, original, ref, lang);
    const paymentAnywhere = PAYMENT_CUE.test(folded) || MONEY.test(folded);
    let best: { c: Candidate; score: number } | null = null;
    for (const c of candidates) {
      // A payment still to come is never before the day of the reply.
      if (c.date < ref) continue;
      let score = scoreCandidate(c, folded, original);
      // A short reply ("Vendredi sans faute.") answers a payment reminder: a neutral date still counts a little.
      if (score === 0 && (paymentAnywhere || opts.aboutPayment === true)) score = 0.5;
      if (score <= 0) continue;
      if (!best || score > best.score) best = { c, score };
    }
    if (!best) return null;
    return { date: best.c.date, raw: original.slice(best.c.index, best.c.end).trim() };
  } catch {
    return null;
  }
}
