import { addDaysIso, addMonthsIso, diffDaysIso } from '../dates';
import { isValidIsoDate, JURISDICTIONS, type IsoDate, type Jurisdiction } from '../types';
import { draftLanguageOf, makeWriter, type DraftLanguage, type Writer } from './format';
import { STAGES, type Stage } from './stage';

/** One open invoice of the client, with the late fees already computed (lib/domain/law/fees.ts). */
export interface DraftInvoice {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountMinor: number;
  outstandingMinor: number;
  currency: string;
  interestMinor: number;
  fixedCompensationMinor: number;
}

export interface DraftHistoryItem {
  kind: 'reminder' | 'call' | 'letter';
  stage?: Stage;
  date: IsoDate;
}

export interface DraftInput {
  stage: Stage;
  /** 'fr' | 'en' | 'de'; any other language is drafted in English. */
  language: string;
  /** vous / tu, Sie / du; English only warms up a little when informal. */
  formality: 'formal' | 'informal';
  today: IsoDate;
  jurisdiction: Jurisdiction;
  client: { name: string; email: string; b2b: boolean };
  invoices: DraftInvoice[];
  identity: { name: string; company: string; signature: string };
  payment: { iban: string; bic: string; paymentLink: string; instructions: string };
  history: DraftHistoryItem[];
  /** Pay-by date for the second reminder, formal notice and hand-over; null = the jurisdiction's default. */
  deadline: IsoDate | null;
}

export interface Draft {
  stage: Stage;
  language: DraftLanguage;
  subject: string;
  text: string;
  html: string;
  /** For the UI, never inside the email: the draft contains legal wording and is not legal advice. */
  notice?: string;
}

/** A draft request that cannot be written, naming the offending field. */
export class DraftInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'DraftInputError';
  }
}

/**
 * Days given to pay by default. France/EU: the customary 8 days. UK: the 14 days of a letter before claim, 30 when
 * the debtor is an individual (Pre-Action Protocol for Debt Claims). US: no rule; 10 days is common practice.
 */
export function defaultDeadlineDays(jurisdiction: Jurisdiction, stage: Stage, b2b: boolean): number {
  if (jurisdiction === 'UK') return stage === 'formal_notice' && !b2b ? 30 : 14;
  return jurisdiction === 'US' ? 10 : 8;
}

export interface InvoiceView extends DraftInvoice {
  /** Days past the due date on `today`; 0 when not yet due. */
  daysLate: number;
  /** Fees only count for a business client (never a consumer: DOMAIN.md §3). */
  feesMinor: number;
  totalMinor: number;
}

export interface CurrencyTotal {
  currency: string;
  outstandingMinor: number;
  interestMinor: number;
  fixedMinor: number;
  totalMinor: number;
}

export interface DraftContext {
  stage: Stage;
  lang: DraftLanguage;
  formal: boolean;
  jurisdiction: Jurisdiction;
  b2b: boolean;
  today: IsoDate;
  deadline: IsoDate;
  w: Writer;
  clientName: string;
  identity: { name: string; company: string; signature: string };
  payment: { iban: string; bic: string; link: string; instructions: string };
  invoices: InvoiceView[];
  plural: boolean;
  totals: CurrencyTotal[];
  /** Penalties or fixed compensation are claimed (business client and something is due). */
  feesShown: boolean;
  anyInterest: boolean;
  /** The fixed compensation per invoice when it is the same for every invoice that carries one. */
  fixedEach: { minor: number; currency: string } | null;
  history: DraftHistoryItem[];
  /** The reminder a second reminder refers to: the first one if known, else the latest. */
  previousReminder: DraftHistoryItem | undefined;
  /** The latest call after that reminder. */
  lastCall: DraftHistoryItem | undefined;
  /** An earlier formal notice (a formal-notice reminder or a letter). */
  formalNotice: DraftHistoryItem | undefined;
}

const trim = (s: unknown): string => (typeof s === 'string' ? s.trim() : '');

function checkDate(field: string, d: unknown): IsoDate {
  if (typeof d !== 'string' || !isValidIsoDate(d)) throw new DraftInputError(field, `expected a date YYYY-MM-DD, got ${JSON.stringify(d)}`);
  return d;
}

function checkMinor(field: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new DraftInputError(field, `expected a non-negative integer number of minor units, got ${JSON.stringify(n)}`);
  }
  return n;
}

function viewInvoice(inv: DraftInvoice, i: number, today: IsoDate, b2b: boolean): InvoiceView {
  const f = `invoices[${i}]`;
  if (!trim(inv.number)) throw new DraftInputError(`${f}.number`, 'an invoice number is required');
  if (typeof inv.currency !== 'string' || !/^[A-Z]{3}$/.test(inv.currency)) {
    throw new DraftInputError(`${f}.currency`, 'expected a 3-letter ISO currency code');
  }
  const v: DraftInvoice = {
    number: trim(inv.number),
    issueDate: checkDate(`${f}.issueDate`, inv.issueDate),
    dueDate: checkDate(`${f}.dueDate`, inv.dueDate),
    amountMinor: checkMinor(`${f}.amountMinor`, inv.amountMinor),
    outstandingMinor: checkMinor(`${f}.outstandingMinor`, inv.outstandingMinor),
    currency: inv.currency,
    interestMinor: b2b ? checkMinor(`${f}.interestMinor`, inv.interestMinor ?? 0) : 0,
    fixedCompensationMinor: b2b ? checkMinor(`${f}.fixedCompensationMinor`, inv.fixedCompensationMinor ?? 0) : 0,
  };
  const feesMinor = v.interestMinor + v.fixedCompensationMinor;
  const daysLate = Math.max(0, diffDaysIso(v.dueDate, today));
  return { ...v, daysLate, feesMinor, totalMinor: v.outstandingMinor + feesMinor };
}

function totalsOf(invoices: InvoiceView[]): CurrencyTotal[] {
  const by = new Map<string, CurrencyTotal>();
  for (const inv of invoices) {
    const t = by.get(inv.currency) ?? { currency: inv.currency, outstandingMinor: 0, interestMinor: 0, fixedMinor: 0, totalMinor: 0 };
    t.outstandingMinor += inv.outstandingMinor;
    t.interestMinor += inv.interestMinor;
    t.fixedMinor += inv.fixedCompensationMinor;
    t.totalMinor += inv.totalMinor;
    by.set(inv.currency, t);
  }
  return [...by.values()];
}

export function buildContext(input: DraftInput): DraftContext {
  if (!input || typeof input !== 'object') throw new DraftInputError('input', 'expected a draft request object');
  if (!(STAGES as readonly string[]).includes(input.stage)) {
    throw new DraftInputError('stage', `unknown stage ${JSON.stringify(input.stage)} (expected ${STAGES.join(', ')})`);
  }
  if (!(JURISDICTIONS as readonly string[]).includes(input.jurisdiction)) {
    throw new DraftInputError('jurisdiction', `unknown jurisdiction ${JSON.stringify(input.jurisdiction)}`);
  }
  const today = checkDate('today', input.today);
  if (!Array.isArray(input.invoices) || input.invoices.length === 0) {
    throw new DraftInputError('invoices', 'a reminder needs at least one invoice');
  }
  const b2b = input.client?.b2b === true;
  const invoices = input.invoices.map((inv, i) => viewInvoice(inv, i, today, b2b));
  const history = (Array.isArray(input.history) ? input.history : [])
    .map((h, i) => ({ ...h, date: checkDate(`history[${i}].date`, h.date) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const lang = draftLanguageOf(trim(input.language));
  const deadline =
    input.deadline === null || input.deadline === undefined
      ? addDaysIso(today, defaultDeadlineDays(input.jurisdiction, input.stage, b2b))
      : checkDate('deadline', input.deadline);

  const reminders = history.filter((h) => h.kind === 'reminder');
  const previousReminder = reminders.find((h) => h.stage === 'first') ?? reminders[reminders.length - 1];
  const lastCall = history.filter((h) => h.kind === 'call' && (!previousReminder || h.date >= previousReminder.date)).pop();
  const formalNotice = history.filter((h) => h.kind === 'letter' || h.stage === 'formal_notice').pop();

  const fixedAmounts = new Set(invoices.filter((i) => i.fixedCompensationMinor > 0).map((i) => `${i.fixedCompensationMinor} ${i.currency}`));
  const withFixed = invoices.find((i) => i.fixedCompensationMinor > 0);
  return {
    stage: input.stage,
    lang,
    formal: input.formality !== 'informal',
    jurisdiction: input.jurisdiction,
    b2b,
    today,
    deadline,
    w: makeWriter(lang, input.jurisdiction, today),
    clientName: trim(input.client?.name),
    identity: { name: trim(input.identity?.name), company: trim(input.identity?.company), signature: trim(input.identity?.signature) },
    payment: {
      iban: trim(input.payment?.iban),
      bic: trim(input.payment?.bic),
      link: trim(input.payment?.paymentLink),
      instructions: trim(input.payment?.instructions),
    },
    invoices,
    plural: invoices.length > 1,
    totals: totalsOf(invoices),
    feesShown: b2b && invoices.some((i) => i.feesMinor > 0),
    anyInterest: b2b && invoices.some((i) => i.interestMinor > 0),
    fixedEach: fixedAmounts.size === 1 && withFixed ? { minor: withFixed.fixedCompensationMinor, currency: withFixed.currency } : null,
    history,
    previousReminder,
    lastCall,
    formalNotice,
  };
}

/** The signature block: the user's own signature, else name and company, else nothing. */
export function signatureLines(ctx: DraftContext): string[] {
  if (ctx.identity.signature) return ctx.identity.signature.split(/\r?\n/).map((l) => l.trimEnd());
  return [ctx.identity.name, ctx.identity.company].filter((s, i, a) => s && a.indexOf(s) === i);
}

const LEGAL_FORMS =
  /\b(?:SAS|SASU|SARL|EURL|SA|SCI|SNC|SCOP|SELARL|EI|EIRL|GmbH|AG|UG|KG|OHG|e\.?\s?V|Ltd|Limited|LLP|PLC|LLC|Inc|Corp|Co|BV|NV|SRL|SpA|Group|Groupe|Studio|Agency|Agence|Association)\b\.?|&/i;

/** A client name that names an organisation, not a person: greet neutrally rather than "Bonjour ACME SAS,". */
export function looksLikeOrganisation(name: string): boolean {
  return LEGAL_FORMS.test(name) || /^[A-Z0-9\s&.-]{2,}$/.test(name);
}

/** The name to greet with, or '' to greet neutrally. Informal drafts use the first name. */
export function greetingName(ctx: DraftContext): string {
  const name = ctx.clientName;
  if (!name || looksLikeOrganisation(name) || /@/.test(name)) return '';
  return ctx.formal ? name : (name.split(/\s+/)[0] ?? name);
}

/**
 * A written instalment proposal for the stop-work email: three monthly payments, the first on the deadline, the
 * cents left over by the split on the first one. Only for a single currency (a plan mixing currencies confuses).
 */
export function instalmentPlan(ctx: DraftContext): { currency: string; parts: Array<{ date: IsoDate; minor: number }> } | null {
  const t = ctx.totals.length === 1 ? ctx.totals[0] : undefined;
  const count = 3;
  if (!t || t.outstandingMinor < count * 100) return null;
  const base = Math.floor(t.outstandingMinor / count);
  const first = t.outstandingMinor - base * (count - 1);
  const parts = Array.from({ length: count }, (_, k) => ({ date: addMonthsIso(ctx.deadline, k), minor: k === 0 ? first : base }));
  return { currency: t.currency, parts };
}
