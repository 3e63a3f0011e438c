import { diffDaysIso } from '../dates';
import { formatMinor, numberFormat } from '../money';
import { isValidIsoDate, type IsoDate, type Jurisdiction } from '../types';
import { DraftInputError } from './context';
import { draftLanguageOf, frenchTypography, makeWriter } from './format';
import { LANGUAGE_PACKS } from './draft';

/**
 * The recovery file for a collection agency, a lawyer or a court: the parties, each invoice with its terms and
 * payments, every reminder, call and reply with its date, and the amounts due with interest and fixed compensation.
 * `json` is for machines (amounts as decimal strings, dates ISO); `text` is the same for a person to read.
 */

export interface DossierFees {
  daysLate?: number;
  interestMinor: number;
  fixedCompensationMinor: number;
  legalBasis?: string;
  periods?: Array<{ from: IsoDate; to: IsoDate; days: number; annualRatePercent: number }>;
}

export interface DossierInvoice {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountMinor: number;
  currency: string;
  /** The payment terms as written on the invoice or agreed ("30 jours fin de mois"). */
  terms?: string;
  payments?: Array<{ date: IsoDate; amountMinor: number }>;
  /** Late fees computed by lib/domain/law/fees.ts (or pass them in `DossierInput.fees` by invoice number). */
  fees?: DossierFees;
}

export interface DossierEvent {
  /** 'reminder' | 'call' | 'letter' | 'reply' | 'payment' | 'invoice_sent' | any other kind, shown as is. */
  type: string;
  date: IsoDate;
  stage?: string;
  /** For replies: the detected intent ('promise_to_pay', 'dispute', …). */
  intent?: string;
  note?: string;
  invoiceNumber?: string;
}

export interface DossierInput {
  client: { name: string; email?: string; b2b: boolean; address?: string };
  invoices: DossierInvoice[];
  events: DossierEvent[];
  fees?: Record<string, DossierFees>;
  identity: { name: string; company: string; address?: string; email?: string };
  today: IsoDate;
  language: string;
  jurisdiction?: Jurisdiction;
}

export interface Dossier {
  json: DossierJson;
  text: string;
}

export interface DossierJson {
  kind: 'relance.dossier';
  version: 1;
  generatedOn: IsoDate;
  language: string;
  jurisdiction: Jurisdiction | null;
  creditor: { name: string; company: string; address: string | null; email: string | null };
  debtor: { name: string; email: string | null; address: string | null; type: 'business' | 'consumer' };
  invoices: Array<{
    number: string;
    issueDate: IsoDate;
    dueDate: IsoDate;
    terms: string | null;
    currency: string;
    amount: string;
    payments: Array<{ date: IsoDate; amount: string }>;
    outstanding: string;
    daysLate: number;
    interest: string;
    fixedCompensation: string;
    totalDue: string;
    legalBasis: string | null;
    periods: Array<{ from: IsoDate; to: IsoDate; days: number; annualRatePercent: number }>;
  }>;
  timeline: Array<{ date: IsoDate; type: string; stage: string | null; intent: string | null; note: string | null; invoiceNumber: string | null; description: string }>;
  totals: Array<{ currency: string; outstanding: string; interest: string; fixedCompensation: string; totalDue: string }>;
}

const clean = (s: unknown): string => (typeof s === 'string' ? s.trim() : '');
const orNull = (s: unknown): string | null => clean(s) || null;

function checkDate(field: string, d: unknown): IsoDate {
  if (typeof d !== 'string' || !isValidIsoDate(d)) throw new DraftInputError(field, `expected a date YYYY-MM-DD, got ${JSON.stringify(d)}`);
  return d;
}

function checkMinor(field: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new DraftInputError(field, 'expected a non-negative integer number of minor units');
  return n;
}

export function buildDossier(input: DossierInput): Dossier {
  const today = checkDate('today', input.today);
  const lang = draftLanguageOf(clean(input.language));
  const words = LANGUAGE_PACKS[lang].dossier;
  const w = makeWriter(lang, input.jurisdiction ?? 'EU', today);
  const b2b = input.client?.b2b === true;

  const invoices = (input.invoices ?? []).map((inv, k) => {
    const f = `invoices[${k}]`;
    if (!/^[A-Z]{3}$/.test(inv.currency ?? '')) throw new DraftInputError(`${f}.currency`, 'expected a 3-letter ISO currency code');
    const amountMinor = checkMinor(`${f}.amountMinor`, inv.amountMinor);
    const payments = (inv.payments ?? []).map((p, j) => ({
      date: checkDate(`${f}.payments[${j}].date`, p.date),
      amountMinor: checkMinor(`${f}.payments[${j}].amountMinor`, p.amountMinor),
    }));
    const paid = payments.filter((p) => p.date <= today).reduce((s, p) => s + p.amountMinor, 0);
    const outstandingMinor = Math.max(0, amountMinor - paid);
    const fees = inv.fees ?? input.fees?.[inv.number];
    // Interest and compensation are claimed from a business only (DOMAIN.md §3), whatever the caller passed.
    const interestMinor = b2b && fees ? checkMinor(`${f}.fees.interestMinor`, fees.interestMinor) : 0;
    const fixedMinor = b2b && fees ? checkMinor(`${f}.fees.fixedCompensationMinor`, fees.fixedCompensationMinor) : 0;
    const dueDate = checkDate(`${f}.dueDate`, inv.dueDate);
    const daysLate = fees?.daysLate ?? (outstandingMinor > 0 ? Math.max(0, diffDaysIso(dueDate, today)) : 0);
    return {
      number: clean(inv.number),
      issueDate: checkDate(`${f}.issueDate`, inv.issueDate),
      dueDate,
      terms: clean(inv.terms),
      currency: inv.currency,
      amountMinor,
      payments,
      outstandingMinor,
      interestMinor,
      fixedMinor,
      totalMinor: outstandingMinor + interestMinor + fixedMinor,
      daysLate,
      legalBasis: b2b ? clean(fees?.legalBasis) : '',
      periods: b2b ? (fees?.periods ?? []) : [],
    };
  });

  const totals = new Map<string, { outstanding: number; interest: number; fixed: number; total: number }>();
  for (const i of invoices) {
    const t = totals.get(i.currency) ?? { outstanding: 0, interest: 0, fixed: 0, total: 0 };
    t.outstanding += i.outstandingMinor;
    t.interest += i.interestMinor;
    t.fixed += i.fixedMinor;
    t.total += i.totalMinor;
    totals.set(i.currency, t);
  }

  type Entry = DossierJson['timeline'][number];
  const timeline: Entry[] = [];
  const entry = (e: Partial<Entry> & { date: IsoDate; type: string; description: string }): void => {
    timeline.push({ stage: null, intent: null, note: null, invoiceNumber: null, ...e });
  };
  for (const i of invoices) {
    entry({ date: i.issueDate, type: 'invoice_issued', invoiceNumber: i.number, description: words.invoiceIssued(i.number, w.money(i.amountMinor, i.currency)) });
    entry({ date: i.dueDate, type: 'invoice_due', invoiceNumber: i.number, description: words.invoiceDue(i.number) });
    for (const p of i.payments) {
      entry({ date: p.date, type: 'payment', invoiceNumber: i.number, description: words.paymentReceived(i.number, w.money(p.amountMinor, i.currency)) });
    }
  }
  (input.events ?? []).forEach((e, k) => {
    const type = clean(e.type) || 'event';
    entry({
      date: checkDate(`events[${k}].date`, e.date),
      type,
      stage: orNull(e.stage),
      intent: orNull(e.intent),
      note: orNull(e.note),
      invoiceNumber: orNull(e.invoiceNumber),
      description: words.event(type, orNull(e.stage) ?? undefined, orNull(e.intent) ?? undefined),
    });
  });
  // Stable sort: on one day, invoice facts come before the steps taken about them.
  const ordered = timeline.map((e, k) => ({ e, k })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.k - b.k)).map((x) => x.e);

  const money = (minor: number, cur: string): string => formatMinor(minor, cur);
  const json: DossierJson = {
    kind: 'relance.dossier',
    version: 1,
    generatedOn: today,
    language: lang,
    jurisdiction: input.jurisdiction ?? null,
    creditor: { name: clean(input.identity?.name), company: clean(input.identity?.company), address: orNull(input.identity?.address), email: orNull(input.identity?.email) },
    debtor: { name: clean(input.client?.name), email: orNull(input.client?.email), address: orNull(input.client?.address), type: b2b ? 'business' : 'consumer' },
    invoices: invoices.map((i) => ({
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      terms: i.terms || null,
      currency: i.currency,
      amount: money(i.amountMinor, i.currency),
      payments: i.payments.map((p) => ({ date: p.date, amount: money(p.amountMinor, i.currency) })),
      outstanding: money(i.outstandingMinor, i.currency),
      daysLate: i.daysLate,
      interest: money(i.interestMinor, i.currency),
      fixedCompensation: money(i.fixedMinor, i.currency),
      totalDue: money(i.totalMinor, i.currency),
      legalBasis: i.legalBasis || null,
      periods: i.periods,
    })),
    timeline: ordered,
    totals: [...totals].map(([currency, t]) => ({
      currency,
      outstanding: money(t.outstanding, currency),
      interest: money(t.interest, currency),
      fixedCompensation: money(t.fixed, currency),
      totalDue: money(t.total, currency),
    })),
  };

  const rate = (r: number): string => {
    const n = numberFormat(w.locale, { maximumFractionDigits: 4 })?.format(r) ?? String(r);
    return lang === 'en' ? `${n}%` : `${n} %`;
  };
  const lines: string[] = [words.title.toUpperCase(), words.generated(w.date(today)), ''];
  lines.push(words.creditor, ...distinct([json.creditor.name, json.creditor.company, ...(json.creditor.address ?? '').split(/\r?\n/), json.creditor.email ?? '']), '');
  lines.push(words.debtor, `${json.debtor.name || '—'} (${b2b ? words.business : words.consumer})`, ...distinct([...(json.debtor.address ?? '').split(/\r?\n/), json.debtor.email ?? '']), '');
  lines.push(words.invoices);
  for (const i of invoices) {
    lines.push(`– ${words.invoiceLabel} ${i.number} : ${words.issued} ${w.date(i.issueDate)}, ${words.due} ${w.date(i.dueDate)}`);
    if (i.terms) lines.push(`  ${words.terms} : ${i.terms}`);
    lines.push(`  ${words.amount} : ${w.money(i.amountMinor, i.currency)}`);
    for (const p of i.payments) lines.push(`  ${words.paid} : ${w.money(p.amountMinor, i.currency)} (${w.date(p.date)})`);
    lines.push(`  ${words.outstanding} : ${w.money(i.outstandingMinor, i.currency)}${i.daysLate > 0 ? ` (${words.daysLate(i.daysLate)})` : ''}`);
    if (i.interestMinor > 0) {
      lines.push(`  ${words.interest} : ${w.money(i.interestMinor, i.currency)}`);
      for (const p of i.periods) lines.push(`    ${words.ratePeriod(w.date(p.from), w.date(p.to), p.days, rate(p.annualRatePercent))}`);
    }
    if (i.fixedMinor > 0) lines.push(`  ${words.fixed} : ${w.money(i.fixedMinor, i.currency)}`);
    lines.push(`  ${words.total} : ${w.money(i.totalMinor, i.currency)}`);
    if (i.legalBasis) lines.push(`  ${words.legalBasis} : ${i.legalBasis}`);
  }
  lines.push('', words.timeline);
  if (ordered.length === 0) lines.push(words.noEvents);
  for (const e of ordered) lines.push(`– ${w.date(e.date)} : ${e.description}${e.note ? ` — ${e.note}` : ''}`);
  lines.push('', words.totals);
  for (const [currency, t] of totals) {
    const parts = [`${words.outstanding} ${w.money(t.outstanding, currency)}`];
    if (t.interest > 0) parts.push(`${words.interest} ${w.money(t.interest, currency)}`);
    if (t.fixed > 0) parts.push(`${words.fixed} ${w.money(t.fixed, currency)}`);
    lines.push(`– ${currency} : ${parts.join(' ; ')} ; ${words.total} ${w.money(t.total, currency)}`);
  }
  lines.push('', words.disclaimer);
  // English and German put no space before ":" and ";"; French wants a no-break one.
  const text = lines.join('\n');
  return { json, text: lang === 'fr' ? frenchTypography(text) : text.replace(/ ([:;])(?=\s|$)/g, '$1') };
}

function distinct(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines.map((x) => x.trim())) if (l && !out.includes(l)) out.push(l);
  return out;
}
