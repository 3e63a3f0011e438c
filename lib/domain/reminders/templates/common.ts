import type { CurrencyTotal, DraftContext, InvoiceView } from '../context';
import type { Composition, TableBlock } from '../document';

/** What every language supplies to the draft, the letter and the dossier. */
export interface LanguagePack {
  /** The email (medium 'email') or the printable letter body (medium 'letter') for ctx.stage. */
  compose(ctx: DraftContext, medium: Medium): Composition;
  /** The not-legal-advice notice for the UI when the draft carries legal wording, else undefined. */
  notice(ctx: DraftContext): string | undefined;
  letter: LetterWords;
  dossier: DossierWords;
}

export type Medium = 'email' | 'letter';

export interface LetterWords {
  /** Document title (for the print page's <title>). */
  title(ctx: DraftContext): string;
  /** "Paris, le 15 mai 2025" / "London, 15 May 2025"; without a place just the date. */
  placeDate(place: string, date: string): string;
  /** "Objet : …" */
  subject(subject: string): string;
  registered: string;
  /** "Pièces jointes : copie des factures F-1 et F-2". */
  enclosures(ctx: DraftContext): string;
}

export interface DossierWords {
  title: string;
  generated(date: string): string;
  creditor: string;
  debtor: string;
  business: string;
  consumer: string;
  invoices: string;
  issued: string;
  due: string;
  terms: string;
  amount: string;
  paid: string;
  outstanding: string;
  daysLate(n: number): string;
  interest: string;
  fixed: string;
  total: string;
  legalBasis: string;
  ratePeriod(from: string, to: string, days: number, rate: string): string;
  timeline: string;
  noEvents: string;
  totals: string;
  event(type: string, stage: string | undefined, intent: string | undefined): string;
  /** Timeline entries derived from the invoices themselves. */
  invoiceIssued(number: string, amount: string): string;
  invoiceDue(number: string): string;
  paymentReceived(number: string, amount: string): string;
  /** "dated", between the invoice number and its date. */
  invoiceLabel: string;
  disclaimer: string;
}

export interface TableWords {
  invoice: string;
  issued: string;
  due: string;
  outstanding: string;
  late: string;
  total: string;
  principal: string;
  interest: string;
  fixed: string;
  amountDue: string;
  daysLate(n: number): string;
}

/** Invoice list for the gentle stages: number, date, due date, amount outstanding, days late; totals per currency. */
export function invoiceTable(
  ctx: DraftContext,
  L: TableWords,
  line: (inv: InvoiceView) => string,
  totalLine: (t: CurrencyTotal) => string,
): TableBlock {
  const { w } = ctx;
  const late = ctx.invoices.some((i) => i.daysLate > 0);
  const head = [L.invoice, L.issued, L.due, L.outstanding, ...(late ? [L.late] : [])];
  const rows = ctx.invoices.map((i) => [
    i.number,
    w.date(i.issueDate),
    w.date(i.dueDate),
    w.money(i.outstandingMinor, i.currency),
    ...(late ? [i.daysLate > 0 ? L.daysLate(i.daysLate) : ''] : []),
  ]);
  const totals = ctx.plural ? ctx.totals : [];
  const foot = totals.map((t) => [L.total, '', '', w.money(t.outstandingMinor, t.currency), ...(late ? [''] : [])]);
  return { kind: 'table', head, rows, foot, text: [...ctx.invoices.map(line), ...totals.map(totalLine)], numeric: [3] };
}

/** Itemised amounts for the firm stages: principal, interest and fixed compensation when claimed, total. */
export function feesTable(
  ctx: DraftContext,
  L: TableWords,
  line: (inv: InvoiceView) => string,
  totalLine: (t: CurrencyTotal) => string,
): TableBlock {
  const { w } = ctx;
  const interest = ctx.invoices.some((i) => i.interestMinor > 0);
  const fixed = ctx.invoices.some((i) => i.fixedCompensationMinor > 0);
  const head = [L.invoice, L.due, L.principal, ...(interest ? [L.interest] : []), ...(fixed ? [L.fixed] : []), L.amountDue];
  const cells = (principal: number, int: number, fix: number, total: number, cur: string): string[] => [
    w.money(principal, cur),
    ...(interest ? [w.money(int, cur)] : []),
    ...(fixed ? [w.money(fix, cur)] : []),
    w.money(total, cur),
  ];
  const rows = ctx.invoices.map((i) => [
    i.number,
    w.date(i.dueDate),
    ...cells(i.outstandingMinor, i.interestMinor, i.fixedCompensationMinor, i.totalMinor, i.currency),
  ]);
  // One invoice: its row already ends with the total.
  const totals = ctx.plural ? ctx.totals : [];
  const foot = totals.map((t) => [L.total, '', ...cells(t.outstandingMinor, t.interestMinor, t.fixedMinor, t.totalMinor, t.currency)]);
  const numeric = head.map((_, k) => k).filter((k) => k >= 2);
  return { kind: 'table', head, rows, foot, text: [...ctx.invoices.map(line), ...totals.map(totalLine)], numeric };
}

/** "A et B" of every currency total, e.g. "1 200,00 € et 300,00 $US". */
export function sumText(ctx: DraftContext, pick: (t: CurrencyTotal) => number): string {
  return ctx.w.list(ctx.totals.filter((t) => pick(t) > 0 || ctx.totals.length === 1).map((t) => ctx.w.money(pick(t), t.currency)));
}

export function numbersText(ctx: DraftContext): string {
  return ctx.w.list(ctx.invoices.map((i) => i.number));
}

/** The same due date for every invoice, or null. */
export function commonDueDate(ctx: DraftContext): string | null {
  const first = ctx.invoices[0]?.dueDate;
  return first && ctx.invoices.every((i) => i.dueDate === first) ? first : null;
}

/** Gives a list its French/English punctuation: ";" after each item but the last, "." after the last. */
export function punctuateList(items: string[], sep: string): string[] {
  return items.map((it, k) => `${it}${k === items.length - 1 ? '.' : sep}`);
}

/** The draft carries legal wording (fees claimed in the second reminder, formal notice, hand-over): show the notice. */
export function legalWording(c: DraftContext): boolean {
  return c.stage === 'formal_notice' || c.stage === 'handover' || (c.stage === 'second' && c.feesShown);
}
