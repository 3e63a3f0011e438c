import type { IsoDate, Jurisdiction, Lang } from './types';
import { isValidIsoDate } from './types';
import { foldAligned } from './text';
import { addBusinessDaysIso, addDaysIso, addMonthsIso, diffDaysIso, endOfMonthIso, findDates, type NumericOrder } from './dates';
import { paymentLawFor } from './law/payment-terms';

export { PAYMENT_LAW, paymentLawFor, type PaymentLawRule } from './law/payment-terms';

/**
 * Payment terms: from a phrase ("30 jours fin de mois", "Zahlbar innerhalb 14 Tagen netto", "2/10 Net 30") to a
 * structured `PaymentTerms`, and from terms plus an issue date to a due date.
 *
 * Parsing works on an accent-folded, length-preserving copy of the text (so positions map back to the input),
 * where numbers written as words before a unit ("thirty days", "quarante-cinq jours") are replaced by digits.
 * Kinds are tried from the most specific to the least: installments, deposit, a written due date, end of month,
 * net days, on receipt; anything else is `unparseable` (the caller must not guess a date from it).
 */

export type EomReading = 'add_then_eom' | 'eom_then_add';

export interface EarlyPaymentDiscount {
  percent: number;
  days: number | null;
}

export type PaymentTermsBody =
  | { kind: 'net'; days: number; months?: number; businessDays?: boolean }
  | { kind: 'end_of_month'; days: number; eomFirst: boolean; reading: EomReading }
  | { kind: 'on_receipt'; trigger: 'receipt' | 'delivery' | 'order' | 'immediate' }
  | { kind: 'fixed_date'; date: IsoDate }
  | { kind: 'deposit'; percent?: number; balance?: PaymentTerms }
  | { kind: 'installments'; count?: number }
  | { kind: 'unparseable' };

export type PaymentTerms = PaymentTermsBody & { discount?: EarlyPaymentDiscount; raw: string };
export type PaymentTermsKind = PaymentTerms['kind'];

export interface TermsOptions {
  lang?: Lang;
  issueDate?: IsoDate;
  /** The document's day/month order for numeric dates, decided once for the whole document. */
  order?: NumericOrder;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers written as words (accent-folded), in the seven languages. Compounds are read as the sum of their pieces:
// "quarante-cinq", "fünfundvierzig", "vijfenveertig", "trentacinque", "treinta y cinco", "trinta e cinco".
const NUMBER_PIECES: ReadonlyArray<readonly [number, string]> = [
  [1, 'one un une ein eins eine einen einem einer uno una een um uma'],
  [2, 'two deux zwei dos due twee dois duas'],
  [3, 'three trois drei tres tre drie'],
  [4, 'four quatre vier cuatro quattro quatro'],
  [5, 'five cinq funf fuenf cinco cinque vijf'],
  [6, 'six sechs seis sei zes'],
  [7, 'seven sept sieben siete sette zeven sete'],
  [8, 'eight huit acht ocho otto oito'],
  [9, 'nine neuf neun nueve nove negen'],
  [10, 'ten dix zehn diez dieci tien dez'],
  [11, 'eleven onze elf once undici'],
  [12, 'twelve douze zwolf doce dodici twaalf doze'],
  [13, 'thirteen treize dreizehn trece tredici dertien treze'],
  [14, 'fourteen quatorze vierzehn catorce quattordici veertien catorze'],
  [15, 'fifteen quinze funfzehn quince quindici vijftien'],
  [16, 'sixteen seize sechzehn dieciseis sedici zestien dezasseis dezesseis'],
  [17, 'seventeen siebzehn diecisiete diciassette zeventien dezassete dezessete'],
  [18, 'eighteen achtzehn dieciocho diciotto achttien dezoito'],
  [19, 'nineteen neunzehn diecinueve diciannove negentien dezanove dezenove'],
  [20, 'twenty vingt zwanzig veinte veinti venti vent twintig vinte'],
  [30, 'thirty trente dreissig dreißig treinta trenta trent dertig trinta'],
  [40, 'forty quarante vierzig cuarenta quaranta quarant veertig quarenta'],
  [50, 'fifty cinquante funfzig cincuenta cinquanta cinquant vijftig cinquenta'],
  [60, 'sixty soixante sechzig sesenta sessanta sessant zestig sessenta'],
  [70, 'seventy septante siebzig setenta settanta zeventig'],
  [80, 'eighty quatre-vingts quatre-vingt huitante achtzig ochenta ottanta tachtig oitenta'],
  [90, 'ninety nonante neunzig noventa novanta negentig'],
];
const PIECE_VALUE = new Map<string, number>();
for (const [v, words] of NUMBER_PIECES) for (const w of words.split(' ')) PIECE_VALUE.set(w, v);
const PIECE_ALT = [...PIECE_VALUE.keys()].sort((a, b) => b.length - a.length).join('|');
const PIECE_RE = new RegExp(PIECE_ALT, 'g');

/** Units a count can precede; a number word is only converted in front of one of these. */
const UNIT_AFTER_NUMBER = String.raw`(?:\(\d{1,3}\)\s*)?(?:[a-z]+\s+)?(?:jours?|days?|tage?n?|dias?|giorni|dagen|semaines?|weeks?|wochen?|semanas?|settiman[ae]|weken|mois|months?|monate?n?|meses|mesi|mese|maanden|maand|instal+ments?|payments|mensualites|versements|echeances|fois|raten|rate|cuotas|plazos|pagos|termijnen|prestacoes|parcelas|vezes)(?![a-z])`;
const NUMBER_WORD_RE = new RegExp(
  String.raw`(?<![a-z])(?:${PIECE_ALT})(?:(?:-et-|\s+et\s+|\s+y\s+|\s+e\s+|und|en|-|\s+)?(?:${PIECE_ALT})){0,2}(?![a-z])(?=\s*${UNIT_AFTER_NUMBER})`,
  'g',
);

function numberWordValue(words: string): number {
  let total = 0;
  PIECE_RE.lastIndex = 0;
  for (let m = PIECE_RE.exec(words); m; m = PIECE_RE.exec(words)) total += PIECE_VALUE.get(m[0]) ?? 0;
  return total;
}

/** Folded copy of `text` with number words turned into digits, padded with spaces to keep every position. */
function prepare(text: string): string {
  return foldAligned(text).replace(NUMBER_WORD_RE, (w) => {
    const digits = String(numberWordValue(w));
    // Padding goes before the digits so the number stays next to its unit ("trente jours" -> "    30 jours").
    return digits.length <= w.length ? digits.padStart(w.length, ' ') : w;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary (folded). Kept as regex sources so each kind is one linear scan.
const DAY_UNIT = String.raw`(?:jours?|jrs?|j|days?|d|tage?n?|tg|kalendertage?n?|dias?|giorni|gg|dagen|dgn|dag)`;
const BUSINESS_DAY_UNIT = String.raw`(?:jours?\s+(?:ouvres|ouvrables)|(?:working|business)\s+days?|werktage?n?|arbeitstage?n?|bankarbeitstage?n?|dias\s+(?:habiles|laborables|uteis)|giorni\s+(?:lavorativi|feriali)|werkdagen)`;
const WEEK_UNIT = String.raw`(?:semaines?|weeks?|wochen?|semanas?|settiman[ae]|weken)`;
const MONTH_UNIT = String.raw`(?:mois|months?|monate?n?|monat|meses|mes|mesi|mese|maanden|maand)`;
/** After a duration, words that make it a delay already elapsed ("10 days overdue"), not a payment term. */
const LATENESS = String.raw`overdue|late|ago|past\s+due|en\s+retard|de\s+retard|uberfallig|verspatet|im\s+verzug|in\s+ritardo|di\s+ritardo|de\s+retraso|de\s+atraso|em\s+atraso|te\s+laat|achterstallig`;
/** "30 jours", "30 j.", "14 Tagen", "10 gg", "thirty (30) days", "2 semaines", "1 mois", "10 jours ouvrés". */
const DURATION_RE = new RegExp(
  String.raw`(?<![\d.,/])(\d{1,3})\s*(?:\(\d{1,3}\)\s*)?(?:-\s*)?(?:(${BUSINESS_DAY_UNIT})|(${DAY_UNIT})|(${WEEK_UNIT})|(${MONTH_UNIT}))(?![a-z])(?!\s*(?:${LATENESS}))`,
  'g',
);
/** Small numbers written as words before a week or month unit ("within a week", "binnen einer Woche", "un mois"). */
const WORD_NUMBERS: Record<string, number> = {
  a: 1, one: 1, un: 1, une: 1, ein: 1, eine: 1, einer: 1, einem: 1, una: 1, uno: 1, een: 1,
  two: 2, deux: 2, zwei: 2, dos: 2, twee: 2, three: 3, trois: 3, drei: 3, tres: 3, tre: 3, drie: 3,
  four: 4, quatre: 4, vier: 4, cuatro: 4, quattro: 4,
};
const WORD_DURATION_RE = new RegExp(
  String.raw`(?<![a-z])(${Object.keys(WORD_NUMBERS).join('|')})\s+(?:(${WEEK_UNIT})|${MONTH_UNIT})(?![a-z])(?!\s*(?:${LATENESS}))`,
);
/** Words that are a period by themselves: "sous huitaine", "à quinzaine", "within a fortnight". */
const PERIOD_WORD_RE = /(?<![a-z])(huitaine|quinzaine|fortnight|quindicina)(?![a-z])/;
const PERIOD_WORD_DAYS: Record<string, number> = { huitaine: 8, quinzaine: 15, fortnight: 14, quindicina: 15 };
/** "Net 30", "net30", "netto 30", "n/30", "net/30" (not "net 1 234,56"). */
const NET_N_RE = /(?<![a-z])(?:net(?:to)?\s*\/?\s*|n\s*\/\s*)(\d{1,3})(?!\d|[.,]\d|\s*(?:\d{3}|€|eur|\$|%))/;

const EOM_RE =
  /(?<![a-z])(?:(?:fin|final|fim)\s+(?:de\s+|du\s+|del\s+|do\s+|da\s+)?(?:mois|mes|mese)|fine\s+(?:del\s+)?mese|end\s+of\s+(?:the\s+)?(?:month|mth)|e\.?o\.?m\.?|monatsende|monatsultimo|ende\s+(?:des|eines)\s+monats|eind(?:e)?\s+(?:van\s+(?:de\s+)?|der\s+)?maand|f\.?d\.?m|d\.?f\.?f\.?m|ffm|(?<=(?:gg|giorni|days|jours|j|dias|dagen|tage)\.?\s{0,3})f\.?m\.?)(?![a-z])/;
/** Wording that counts the days after the end of the month ("30 days from end of month", "ab Monatsende"). */
const AFTER_EOM_CUE =
  /(?:from|after|following|ab|nach|vanaf|na|apos|depois\s+do|a\s+partir\s+d[eou]l?|desde\s+el|desde|dal|dalla|dopo\s+la|a\s+compter\s+de\s+la|apres\s+la|despues\s+del?|do)\s+(?:the\s+|het\s+|de\s+|la\s+|o\s+|el\s+|der\s+)?$/;

const ON_RECEIPT: ReadonlyArray<readonly [RegExp, 'receipt' | 'delivery' | 'order' | 'immediate']> = [
  [/(?<![a-z])(?:a|des|apres|upon|on|at|bei|nach|mit|a\s+la|al|tras\s+la|alla|bij|ao|na|no|apos\s+a|contra)\s+(?:la\s+|the\s+|de\s+|da\s+|o\s+|a\s+|dem\s+|der\s+)?(?:reception|receipt|erhalt|empfang|zugang|eingang|recepcion|ricevimento|ricezione|ontvangst|rececao|recepcao|recebimento)(?![a-z])/, 'receipt'],
  [/(?<![a-z])(?:due\s+(?:on\s+)?receipt|on\s+invoice|vista\s+fattura|a\s+vista\s+fattura|presentazione\s+fattura)(?![a-z])/, 'receipt'],
  [/(?<![a-z])(?:(?:a|upon|on|at|bei|a\s+la|al|contra|alla|bij|na|no|ao|contra)\s+(?:la\s+|the\s+|l'|de\s+|a\s+|o\s+)?)(?:livraison|delivery|lieferung|ubergabe|abholung|entrega|consegna|levering|aflevering)(?![a-z])|(?<![a-z])(?:jour|day|tag|dia|giorno|dag)\s+(?:de\s+|of\s+|der\s+|della\s+|van\s+)?(?:la\s+|the\s+|de\s+)?(?:livraison|delivery|lieferung|ubergabe|entrega|consegna|levering)(?![a-z])|cash\s+on\s+delivery|(?<![a-z])(?:c\.?o\.?d|nachnahme|contrassegno|rembours|contra\s*reembolso)(?![a-z])/, 'delivery'],
  [/(?<![a-z])(?:(?:a|upon|on|at|with|bei|a\s+la|al|alla|all'|bij|ao|na|no)\s*(?:la\s+|the\s+|l'|de\s+|o\s+|a\s+)?)(?:commande|order|ordering|bestellung|auftragserteilung|auftrag|pedido|orden|ordine|bestelling|encomenda|encomendar)(?![a-z])|(?<![a-z])(?:vorkasse|vorauskasse|cash\s+in\s+advance|in\s+advance|prepayment|prepaid|paiement\s+anticipe|pago\s+anticipado|pagamento\s+anticipato|vooruitbetaling|pagamento\s+antecipado)(?![a-z])/, 'order'],
  [/(?<![a-z])(?:comptant|immediat|immediate|immediately|sans\s+delai|a\s+vue|sofort|umgehend|prompt|in\s+bar|bar\s+zahlbar|barzahlung|contado|inmediato|inmediatamente|rimessa\s+diretta|contanti|immediato|subito|a\s+vista|direct|onmiddellijk|contante?n?|pronto\s+pagamento|a\s+pronto|imediato|imediatamente|due\s+now|payable\s+now|cash\s+payment|payment\s+in\s+cash)(?![a-z])/, 'immediate'],
];

const DEPOSIT_STRONG =
  /(?<![a-z])(?:acomptes?|arrhes|deposit|down\s*payment|anzahlung|acconto|caparra|senal|deposito|sinal|voorschot|aanbetaling|adiantamento)(?![a-z])/;
/** Words that mean "deposit" only with a percentage next to them ("30% advance payment"). */
const DEPOSIT_WEAK = /(?<![a-z])(?:advance|upfront|up-front|vorauszahlung|vorschuss|anticipo|entrada|avance)(?![a-z])/;
const BALANCE_RE =
  /(?<![a-z])(?:solde|reste|reliquat|balance|remainder|remaining|rest(?:betrag|zahlung)?|saldo|resto|restante|remanente|restant)(?![a-z])/;
const INSTALLMENT_RE =
  /(?<![a-z])(?:(?:en\s+)(\d{1,2})\s+fois|(\d{1,2})\s+(?:[a-z]+\s+)?(?:instal+ments?|payments|mensualites|versements|echeances|raten|rate|cuotas|plazos|pagos|termijnen|prestacoes|parcelas|vezes)|instal+ments?|mensualites|paiement\s+echelonne|ratenzahlung|in\s+raten|a\s+rate|rate\s+mensili|a\s+plazos|cuotas|termijnen|in\s+termijnen|prestacoes|parcelas|split\s+payments?|gespreide\s+betaling)(?![a-z])/;
/** "Moitié à la commande, moitié à la livraison", "half now, half on delivery": two halves are two payments. */
const HALVES_RE = /(?<![a-z])(moitie|half|halfte|mitad|meta|helft|metade)(?![a-z])[\s\S]{1,80}?(?<![a-z])\1(?![a-z])/;
const PERCENT_RE = /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|pct|percent|pour\s*cent|prozent|por\s+ciento|per\s+cento|procent|por\s+cento)(?![a-z])/g;
/** "50/50", "50-50", "30/70", "50 and 50", "40 + 60", "30/30/40": shares summing to 100. */
const SPLIT_RE = /(?<![\d.,/-])(\d{1,2})\s*%?\s*(?:\/|-|\+|and|et|und|y|e|en)\s*(\d{1,2})(?:\s*%?\s*(?:\/|-|\+|and|et|und|y|e|en)\s*(\d{1,2}))?\s*%?(?![\d.,/-])/;
/** Discount words; German compounds count too ("Skontovereinbarung", "Skontofrist", "Skontoabzug"). */
const DISCOUNT_KW = /(?<![a-z])(?:skonto[a-z]*|escompte|discount|sconto|descuento|korting|desconto|rabatt|remise)(?![a-z])/;
/** US style "2/10 net 30", "1.5/15, n/45". */
const SLASH_DISCOUNT_RE = /(?<![\d.,/])(\d{1,2}(?:[.,]\d{1,2})?)\s*%?\s*\/\s*(\d{1,3})(?=\s*,?\s*(?:net|n\s*\/|eom))/;
/** A date preceded by one of these is the invoice date or a starting point, not the due date. */
const NOT_DUE_DATE_CUE =
  /(?:(?:facture|invoice|rechnung|factura|fattura|factuur|fatura)\s+(?:(?:n[o°r]?\.?\s*)?\S+\s+)?(?:du|vom|del|van|da|of|dated)|date\s+de\s+(?:la\s+)?facture|invoice\s+date|date\s+of\s+invoice|dated|issued(?:\s+on)?|rechnungsdatum|leistungsdatum|lieferdatum|fecha\s+de\s+(?:la\s+)?factura|data\s+(?:della\s+)?fattura|factuurdatum|data\s+da\s+fatura|emise?\s+le|ausgestellt\s+am|a\s+compter\s+du|from|ab\s+dem|a\s+partir\s+del?|vanaf|dal)\s*:?\s*$/;
const DUE_DATE_CUE =
  /(?:bis|avant|before|by|until|till|due|echeance|faellig|fallig|falligkeit|entro|antes|voor|uiterlijk|ate|vencimiento|scadenza|vervaldatum|vencimento|le|am|on|el|il|op|payable|zahlbar|pagadero|pagabile|betaalbaar)\s*(?:le\s+|the\s+|dem\s+|zum\s+|del\s+|de\s+|il\s+|o\s+|:\s*)?$/;

// ---------------------------------------------------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
}

function mask(s: string, spans: Span[]): string {
  let out = s;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

function toNumber(s: string): number {
  return Number(s.replace(',', '.'));
}

interface Duration {
  days: number;
  months?: number;
  businessDays?: boolean;
  index: number;
  end: number;
}

function findDuration(w: string, from = 0): Duration | null {
  DURATION_RE.lastIndex = from;
  const m = DURATION_RE.exec(w);
  if (m) {
    const n = Number(m[1]);
    const base = { index: m.index, end: m.index + m[0].length };
    if (m[2]) return { days: n, businessDays: true, ...base };
    if (m[3]) return { days: n, ...base };
    if (m[4]) return { days: n * 7, ...base };
    return { days: n * 30, months: n, ...base };
  }
  const worded = WORD_DURATION_RE.exec(from > 0 ? w.slice(from) : w);
  if (worded) {
    const n = WORD_NUMBERS[worded[1]!] ?? 1;
    const base = { index: worded.index + from, end: worded.index + from + worded[0].length };
    return worded[2] ? { days: n * 7, ...base } : { days: n * 30, months: n, ...base };
  }
  const period = PERIOD_WORD_RE.exec(from > 0 ? w.slice(from) : w);
  if (period) {
    return { days: PERIOD_WORD_DAYS[period[1]!] ?? 15, index: period.index + from, end: period.index + from + period[0].length };
  }
  const net = NET_N_RE.exec(from > 0 ? w.slice(from) : w);
  return net ? { days: Number(net[1]), index: net.index + from, end: net.index + from + net[0].length } : null;
}

/** Clauses (split at ";", line breaks, and "," or "." not inside a number) with their spans. */
function clauses(w: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const re = /[;\n]|,(?!\d)|\.(?!\d)(?=\s+|$)/g;
  for (let m = re.exec(w); m; m = re.exec(w)) {
    out.push({ start, end: m.index });
    start = m.index + 1;
  }
  out.push({ start, end: w.length });
  return out;
}

/** Early-payment discount clauses: read them, then blank them out so their days are not taken as the net term. */
function extractDiscount(w: string): { discount?: EarlyPaymentDiscount; masked: string } {
  const slash = SLASH_DISCOUNT_RE.exec(w);
  if (slash) {
    const span = { start: slash.index, end: slash.index + slash[0].length };
    return { discount: { percent: toNumber(slash[1]!), days: Number(slash[2]) }, masked: mask(w, [span]) };
  }
  const spans: Span[] = [];
  let discount: EarlyPaymentDiscount | undefined;
  const all = clauses(w);
  const durations = all.filter((c) => findDuration(w.slice(c.start, c.end)) !== null).length;
  for (const c of all) {
    const text = w.slice(c.start, c.end);
    PERCENT_RE.lastIndex = 0;
    const pct = PERCENT_RE.exec(text);
    const hasKw = DISCOUNT_KW.test(text);
    // Without a keyword, "2 % 10 Tage" is a discount only when another clause carries the net term.
    const bare = !hasKw && pct && durations > 1 && !DEPOSIT_STRONG.test(text) && !DEPOSIT_WEAK.test(text) &&
      !INSTALLMENT_RE.test(text) && findDuration(text) !== null;
    if (!hasKw && !bare) continue;
    const durs: Duration[] = [];
    for (let d = findDuration(text); d && durs.length < 4; d = findDuration(text, d.end)) durs.push(d);
    // "innerhalb 10 Tagen 2 % Skonto oder 30 Tage netto": the discount takes the period nearest to its
    // percentage (or keyword); only that part is blanked, the other period stays the net term.
    const anchor = pct?.index ?? DISCOUNT_KW.exec(text)?.index ?? 0;
    const near = durs.reduce<Duration | undefined>(
      (best, d) => (!best || Math.abs(d.index - anchor) < Math.abs(best.index - anchor) ? d : best),
      undefined,
    );
    if (durs.length >= 2 && near) {
      const kw = DISCOUNT_KW.exec(text);
      const starts = [near.index, anchor, kw?.index ?? anchor];
      const ends = [near.end, pct ? pct.index + pct[0].length : anchor, kw ? kw.index + kw[0].length : anchor];
      spans.push({ start: c.start + Math.min(...starts), end: c.start + Math.max(...ends) });
    } else spans.push(c);
    if (pct && !discount) discount = { percent: toNumber(pct[1]!), days: near?.days ?? null };
  }
  return { discount, masked: mask(w, spans) };
}

function percentages(w: string): number[] {
  const out: number[] = [];
  PERCENT_RE.lastIndex = 0;
  for (let m = PERCENT_RE.exec(w); m; m = PERCENT_RE.exec(w)) out.push(toNumber(m[1]!));
  return out;
}

function parseInstallments(w: string): PaymentTermsBody | null {
  const pcts = percentages(w);
  const sum = pcts.reduce((a, b) => a + b, 0);
  if (pcts.length >= 2 && Math.abs(sum - 100) < 0.5) return { kind: 'installments', count: pcts.length };
  const split = SPLIT_RE.exec(w);
  if (split) {
    const parts = [split[1], split[2], split[3]].filter((x): x is string => x !== undefined).map(Number);
    const after = w.slice(split.index + split[0].length);
    if (parts.reduce((a, b) => a + b, 0) === 100 && !new RegExp(String.raw`^\s*${DAY_UNIT}(?![a-z])`).test(after)) {
      return { kind: 'installments', count: parts.length };
    }
  }
  if (HALVES_RE.test(w)) return { kind: 'installments', count: 2 };
  const kw = INSTALLMENT_RE.exec(w);
  const count = kw?.[1] ?? kw?.[2];
  if (kw) return count ? { kind: 'installments', count: Number(count) } : { kind: 'installments' };
  return null;
}

function parseDeposit(w: string, text: string, opts: TermsOptions): PaymentTermsBody | null {
  const pcts = percentages(w);
  const strong = DEPOSIT_STRONG.exec(w);
  const weak = pcts.length > 0 ? DEPOSIT_WEAK.exec(w) : null;
  const kw = strong ?? weak;
  if (!kw) return null;
  const body: { kind: 'deposit'; percent?: number; balance?: PaymentTerms } = { kind: 'deposit' };
  if (pcts[0] !== undefined) body.percent = pcts[0];
  const bal = BALANCE_RE.exec(w);
  if (bal) {
    const from = bal.index + bal[0].length;
    const balance = parseSimple(w.slice(from), text.slice(from), opts);
    if (balance.kind !== 'unparseable') body.balance = { ...balance, raw: text.slice(bal.index).trim() };
  } else {
    // "Acompte 30 %, 30 jours" without a balance word: the remaining term, if any, is the balance's.
    const rest = parseSimple(mask(w, [{ start: kw.index, end: kw.index + kw[0].length }]), text, opts);
    if (rest.kind === 'net' || rest.kind === 'end_of_month' || rest.kind === 'fixed_date') {
      body.balance = { ...rest, raw: text.trim() };
    }
  }
  return body;
}

/** A written due date; `cuedOnly` keeps only dates announced as due ("bis", "avant le", "due by"…). */
function parseFixedDate(w: string, text: string, opts: TermsOptions, cuedOnly: boolean): PaymentTermsBody | null {
  const dates = findDates(text, { lang: opts.lang, ref: opts.issueDate, ...(opts.order ? { order: opts.order } : {}) }).filter(
    (d) => w.slice(d.index, d.end).trim() !== '' && !NOT_DUE_DATE_CUE.test(w.slice(Math.max(0, d.index - 40), d.index)),
  );
  if (dates.length === 0) return null;
  const cued = dates.filter((d) => DUE_DATE_CUE.test(w.slice(Math.max(0, d.index - 20), d.index)));
  if (cuedOnly && cued.length === 0) return null;
  const pool = cued.length > 0 ? cued : dates;
  const latest = pool.reduce((a, b) => (b.date > a.date ? b : a));
  return { kind: 'fixed_date', date: latest.date };
}

function parseEndOfMonth(w: string, opts: TermsOptions): PaymentTermsBody | null {
  const eom = EOM_RE.exec(w);
  if (!eom) return null;
  const dur = findDuration(w);
  const days = dur?.days ?? 0;
  const eomFirst = dur !== null && eom.index < dur.index;
  const afterCue = AFTER_EOM_CUE.test(w.slice(Math.max(0, eom.index - 20), eom.index));
  const englishEom = opts.lang === 'en' && /e\.?o\.?m/.test(eom[0]);
  const reading: EomReading = eomFirst || afterCue || englishEom ? 'eom_then_add' : 'add_then_eom';
  return { kind: 'end_of_month', days, eomFirst, reading };
}

function parseNet(w: string): PaymentTermsBody | null {
  const dur = findDuration(w);
  if (!dur) return null;
  if (dur.days === 0) return { kind: 'on_receipt', trigger: 'immediate' };
  const body: { kind: 'net'; days: number; months?: number; businessDays?: boolean } = { kind: 'net', days: dur.days };
  if (dur.months !== undefined) body.months = dur.months;
  if (dur.businessDays) body.businessDays = true;
  return body;
}

function parseOnReceipt(w: string): PaymentTermsBody | null {
  for (const [re, trigger] of ON_RECEIPT) if (re.test(w)) return { kind: 'on_receipt', trigger };
  return null;
}

/**
 * The kinds that give one date. A date announced as due wins over a period ("30 Tage netto bis 04.07.2013");
 * a date without such a cue only counts when no period is stated (it may be a service period or an order date).
 */
function parseSimple(w: string, text: string, opts: TermsOptions): PaymentTermsBody {
  return (
    parseFixedDate(w, text, opts, true) ??
    parseEndOfMonth(w, opts) ??
    parseNet(w) ??
    parseFixedDate(w, text, opts, false) ??
    parseOnReceipt(w) ?? { kind: 'unparseable' }
  );
}

/** Longer inputs are cut: terms phrases are short, and the cut keeps the cost per email bounded. */
const MAX_TERMS_CHARS = 600;

/** Structured payment terms from a terms phrase. Never throws; unknown wording gives `unparseable`. */
export function parsePaymentTerms(text: string, opts: TermsOptions = {}): PaymentTerms {
  const raw = typeof text === 'string' ? text.slice(0, MAX_TERMS_CHARS) : '';
  const { discount, masked } = extractDiscount(prepare(raw));
  const body = parseInstallments(masked) ?? parseDeposit(masked, raw, opts) ?? parseSimple(masked, raw, opts);
  return discount ? { ...body, discount, raw } : { ...body, raw };
}

// ---------------------------------------------------------------------------------------------------------------
// Locating terms inside a longer text.

/** Words that make a line worth parsing as payment terms. */
const TERMS_CUE =
  /(?<![a-z.@/])(?:pay|paid|payment|payable|due|terms|net\s*\d|eom|regl|reglement|regler|paiement|payable|echeance|conditions|delai|acompte|zahl|zahlbar|zahlung|zahlungsziel|zahlungsbedingungen|fallig|faellig|netto|skonto|sofort|pago|pagar|pagadero|vencimiento|condiciones|plazo|pagamento|pagabile|scadenza|condizioni|rimessa|betal|betaling|betaalbaar|vervaldatum|vervalt|voorwaarden|termijn|vencimento|prazo|condicoes|fin\s+de\s+mois|end\s+of\s+month|monatsende|fine\s+mese|fin\s+de\s+mes|settle|remit|uberweis|begleich|virement|transferencia|bonifico|saldare|overmaken|overboeken|voldoen)/;
const PAST_PAYMENT =
  /(?<![a-z])(?:paid on|already paid|received on|received|deja (?:regle|paye|verse)|recue? le|versee? le|regle le|erhalten am|bezahlt am|eingegangen am|gezahlt am|pagado el|recibido el|ricevuto il|pagato il|ontvangen op|betaald op)(?![a-z])/;
/** A line that is only a label ("Payment terms:") takes its value from the next line. */
const LABEL_ONLY = /^[\s\p{L}'’.-]{3,60}:\s*$/u;
const MAX_SEGMENT = 300;
const MAX_SCAN = 20_000;

function givesDate(t: PaymentTerms): boolean {
  if (t.kind === 'deposit') return t.balance !== undefined && givesDate(t.balance) && t.balance.kind !== 'on_receipt';
  return t.kind !== 'installments' && t.kind !== 'unparseable';
}

export interface FoundPaymentTerms {
  terms: PaymentTerms;
  index: number;
  raw: string;
}

/** Lines of `scan`, long lines cut at sentence ends, each at most MAX_SEGMENT long. */
function segmentsOf(scan: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const re = /\n|[.!?](?=\s+\p{Lu})/gu;
  for (let m = re.exec(scan); m; m = re.exec(scan)) {
    out.push({ start, end: m.index + (m[0] === '\n' ? 0 : 1) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: scan.length });
  return out.map((seg) => (seg.end - seg.start > MAX_SEGMENT ? { start: seg.start, end: seg.start + MAX_SEGMENT } : seg));
}

function withDiscount(found: FoundPaymentTerms, discount: EarlyPaymentDiscount | undefined): FoundPaymentTerms {
  return discount && !found.terms.discount ? { ...found, terms: { ...found.terms, discount } } : found;
}

/**
 * The first payment-terms phrase in a longer text (email body, PDF text) that gives a due date, with its
 * position in the input; else a phrase naming a deposit or instalments. An early-payment discount stated in
 * a clause of its own ("Skonto: 2 % bei Zahlung innerhalb 10 Tagen") is not the payment term: it is attached
 * to the term found elsewhere, or, when there is none, returned alone as `unparseable` with its discount.
 */
export function findPaymentTerms(text: string, opts: TermsOptions = {}): FoundPaymentTerms | null {
  if (typeof text !== 'string') return null;
  const scan = text.slice(0, MAX_SCAN);
  const lower = foldAligned(scan);
  const segments = segmentsOf(scan);
  let best: FoundPaymentTerms | null = null;
  let fallback: FoundPaymentTerms | null = null;
  let discountOnly: FoundPaymentTerms | null = null;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const folded = lower.slice(seg.start, seg.end);
    if (!TERMS_CUE.test(folded) && !DISCOUNT_KW.test(folded)) continue;
    // "Paid on account (12 May)", "acompte reçu le 10/03": a payment already made, not a term.
    if (PAST_PAYMENT.test(folded)) continue;
    // Once a term is found, only a discount clause is still worth reading.
    if (best && (discountOnly || !DISCOUNT_KW.test(folded))) continue;
    const line = scan.slice(seg.start, seg.end);
    let span = seg;
    const next = segments[i + 1];
    if (LABEL_ONLY.test(line) && next) span = { start: seg.start, end: next.end };
    const phrase = scan.slice(span.start, span.end);
    const terms = parsePaymentTerms(phrase, opts);
    const lead = phrase.length - phrase.trimStart().length;
    const found = { terms, index: span.start + lead, raw: phrase.trim() };
    if (terms.kind === 'unparseable') {
      // Only an early-payment discount has a period; "Remise 10 %" alone is a price reduction.
      if (terms.discount && terms.discount.days !== null) discountOnly ??= found;
    } else if (best === null && givesDate(terms)) best = found;
    else fallback ??= found;
    if (best && (best.terms.discount || discountOnly)) break;
  }
  const discount = discountOnly?.terms.discount;
  if (best) return withDiscount(best, discount);
  if (fallback) return withDiscount(fallback, discount);
  return discountOnly;
}

// ---------------------------------------------------------------------------------------------------------------
// Due dates and the law.

export type DueDateFlag =
  | 'exceeds_legal_max'
  | 'no_single_due_date'
  | 'legal_default'
  | 'balance_only'
  | 'business_days_approximate'
  | 'invalid_issue_date';

export interface DueDateResult {
  dueDate: IsoDate | null;
  kind: PaymentTermsKind;
  /** Which reading of "N jours fin de mois" gave the date (end_of_month only). */
  reading?: EomReading;
  /** True when no usable terms were stated and the legal default period was applied. */
  isDefault: boolean;
  flags: DueDateFlag[];
  explanation: string;
}

export interface DueDateOptions {
  jurisdiction?: Jurisdiction;
  /** Overrides the reading suggested by the wording of an end-of-month term. */
  eomReading?: EomReading;
}

function endOfMonthDue(issue: IsoDate, days: number, reading: EomReading): IsoDate {
  return reading === 'add_then_eom' ? endOfMonthIso(addDaysIso(issue, days)) : addDaysIso(endOfMonthIso(issue), days);
}

/** The due date that `terms` give for an invoice issued on `issueDate`, with the legal checks. */
export function computeDueDate(terms: PaymentTerms, issueDate: IsoDate, opts: DueDateOptions = {}): DueDateResult {
  const kind = terms.kind;
  if (!isValidIsoDate(issueDate)) {
    return { dueDate: null, kind, isDefault: false, flags: ['invalid_issue_date'], explanation: `invalid issue date "${issueDate}"` };
  }
  const law = opts.jurisdiction ? paymentLawFor(opts.jurisdiction, issueDate) : null;
  const flags: DueDateFlag[] = [];
  const checkMax = (due: IsoDate, eom: boolean, days: number): void => {
    if (!law) return;
    const over = eom
      ? law.maxEndOfMonthDays !== null && days > law.maxEndOfMonthDays && (law.maxNetDays === null || diffDaysIso(issueDate, due) > law.maxNetDays)
      : law.maxNetDays !== null && diffDaysIso(issueDate, due) > law.maxNetDays;
    if (over) flags.push('exceeds_legal_max');
  };
  const done = (dueDate: IsoDate | null, explanation: string, extra: Partial<DueDateResult> = {}): DueDateResult => ({
    dueDate, kind, isDefault: false, flags, explanation, ...extra,
  });
  switch (terms.kind) {
    case 'net': {
      let due: IsoDate;
      if (terms.months !== undefined) due = addMonthsIso(issueDate, terms.months);
      else if (terms.businessDays) {
        due = addBusinessDaysIso(issueDate, terms.days);
        flags.push('business_days_approximate');
      } else due = addDaysIso(issueDate, terms.days);
      checkMax(due, false, terms.days);
      const unit = terms.months !== undefined ? `${terms.months} month(s)` : `${terms.days} ${terms.businessDays ? 'business ' : ''}days`;
      return done(due, `issue date ${issueDate} + ${unit}`);
    }
    case 'end_of_month': {
      const reading = opts.eomReading ?? terms.reading;
      const due = endOfMonthDue(issueDate, terms.days, reading);
      checkMax(due, true, terms.days);
      const how = reading === 'add_then_eom'
        ? `issue date ${issueDate} + ${terms.days} days, then end of that month`
        : `end of the issue month + ${terms.days} days`;
      return done(due, how, { reading });
    }
    case 'on_receipt':
      return done(issueDate, `payable on ${terms.trigger}: the issue date`);
    case 'fixed_date':
      checkMax(terms.date, false, diffDaysIso(issueDate, terms.date));
      return done(terms.date, `date written in the terms`);
    case 'deposit': {
      const b = terms.balance;
      if (b && (b.kind === 'net' || b.kind === 'end_of_month' || b.kind === 'fixed_date')) {
        const r = computeDueDate(b, issueDate, opts);
        flags.push('balance_only', ...r.flags);
        return done(r.dueDate, `deposit first; balance: ${r.explanation}`, r.reading ? { reading: r.reading } : {});
      }
      flags.push('no_single_due_date');
      return done(null, 'deposit without a computable balance date');
    }
    case 'installments':
      flags.push('no_single_due_date');
      return done(null, 'payable in installments');
    case 'unparseable': {
      if (law && law.defaultDays !== null) {
        flags.push('legal_default');
        return done(addDaysIso(issueDate, law.defaultDays), `no terms stated: ${law.defaultDays}-day legal default (${law.source})`, { isDefault: true });
      }
      return done(null, 'no usable payment terms');
    }
  }
}
