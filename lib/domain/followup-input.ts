import { z } from 'zod';
import type { NextStepClient, NextStepSettings } from './ladder';
import type { FollowupEvent, FollowupInvoice } from './ladder/history';
import { planProblem, type LadderPlan } from './ladder/plans';
import { currencyDigits, parseAmount } from './money';
import { STAGES, type Stage } from './reminders/stage';
import type { ClientFlags } from './risk';
import { isValidIsoDate, JURISDICTIONS, type IsoDate, type Jurisdiction } from './types';

/**
 * The FILE of `cli risk` and `cli next`: one client's invoices, events and settings as JSON (format spec:
 * README "Follow-up file"). Liberal in what it accepts: every optional field has a default, common aliases are
 * understood (`due` for `dueDate`, `"tu"` for informal, `"formal-notice"` for `formal_notice`, `"GB"` for UK…),
 * unknown keys are ignored. What cannot be understood is reported with its JSON path
 * (`invoices[1].dueDate: "31/02/2025" is not a date`).
 */

export interface FollowupModel {
  invoices: FollowupInvoice[];
  events: FollowupEvent[];
  client: NextStepClient;
  settings: NextStepSettings;
  flags: ClientFlags;
}

export interface FollowupIssue {
  path: string;
  message: string;
}

export class FollowupInputError extends Error {
  constructor(readonly issues: FollowupIssue[]) {
    super(issues.map((i) => `${i.path || '(file)'}: ${i.message}`).join('\n'));
    this.name = 'FollowupInputError';
  }
}

/** "2025-03-01", "2025/03/01" or an ISO instant "2025-03-01T10:00:00Z" -> "2025-03-01". */
export function normalizeFileDate(s: string): IsoDate | null {
  const m = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(s);
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidIsoDate(d) ? d : null;
}

const DateSchema = z.string().transform((s, ctx) => {
  const d = normalizeFileDate(s);
  if (d) return d;
  ctx.addIssue({ code: 'custom', message: `"${s}" is not a date (expected YYYY-MM-DD)` });
  return z.NEVER;
});

/** A decimal string ("1200.00", "1 200,00 €") or a number of major units (1200.5); converted with the currency. */
const AmountSchema = z.union([z.number().finite(), z.string()]);

const keyName = (s: string): string => s.trim().toLowerCase().replace(/[\s-]+/g, '_');

function enumFrom<T extends string>(values: readonly T[], aliases: Record<string, T>, what: string) {
  return z.string().transform((s, ctx) => {
    const k = keyName(s);
    const hit = (values as readonly string[]).includes(k) ? (k as T) : aliases[k];
    if (hit) return hit;
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a known ${what} (expected one of ${values.join(', ')})` });
    return z.NEVER;
  });
}

const StageSchema = enumFrom(STAGES, {
  before_due: 'pre_due', predue: 'pre_due', reminder_1: 'first', first_reminder: 'first', reminder_2: 'second',
  second_reminder: 'second', mise_en_demeure: 'formal_notice', final_demand: 'formal_notice', letter_before_claim: 'formal_notice',
  formal: 'formal_notice', stop: 'stop_work', payment_plan: 'stop_work', agency: 'handover', collection: 'handover',
}, 'stage');

const INTENTS = ['paid', 'promise', 'delay_request', 'dispute', 'financial_difficulty', 'lost_invoice', 'other_company', 'acknowledgement', 'none'] as const;
const IntentSchema = enumFrom(INTENTS, { promise_to_pay: 'promise', delay: 'delay_request', more_time: 'delay_request', financial_trouble: 'financial_difficulty', lost: 'lost_invoice', ack: 'acknowledgement' }, 'reply intent');

const EVENT_KINDS = ['reminder-sent', 'reminder-drafted', 'call', 'letter-sent', 'reply-received', 'paused', 'resumed', 'payment-recorded', 'note'] as const;
type EventKind = (typeof EVENT_KINDS)[number];
const EventTypeSchema = z.string().transform((s, ctx): { kind: EventKind; intent?: (typeof INTENTS)[number] } => {
  const k = keyName(s).replace(/_/g, '-');
  const alias: Record<string, EventKind> = {
    reminder: 'reminder-sent', sent: 'reminder-sent', email: 'reminder-sent', 'email-sent': 'reminder-sent', draft: 'reminder-drafted',
    drafted: 'reminder-drafted', 'phone-call': 'call', phone: 'call', letter: 'letter-sent', reply: 'reply-received', 'reply-received': 'reply-received',
    pause: 'paused', resume: 'resumed', payment: 'payment-recorded', paid: 'payment-recorded',
  };
  const kind = (EVENT_KINDS as readonly string[]).includes(k) ? (k as EventKind) : alias[k];
  if (kind) return { kind };
  // A bare intent ("promise", "dispute") is a reply with that intent.
  const intent = IntentSchema.safeParse(s);
  if (intent.success) return { kind: 'reply-received', intent: intent.data };
  ctx.addIssue({ code: 'custom', message: `"${s}" is not a known event type (expected one of ${EVENT_KINDS.join(', ')})` });
  return z.NEVER;
});

const JurisdictionFileSchema = enumFrom(JURISDICTIONS.map((j) => j.toLowerCase()), { gb: 'uk', en: 'uk', eng: 'uk', usa: 'us', fra: 'fr' }, 'jurisdiction').transform((j) => j.toUpperCase() as Jurisdiction);
const FormalitySchema = enumFrom(['formal', 'informal'] as const, { vous: 'formal', sie: 'formal', tu: 'informal', du: 'informal' }, 'formality');
const LanguageSchema = z.string().trim().toLowerCase().regex(/^[a-z]{2}(?:[-_][a-z]{2})?$/, 'expected a language code such as "fr" or "en"').transform((s) => s.slice(0, 2));

/** Renames alias keys (first one present wins) so the schemas below see one spelling. */
function renameKeys(aliases: Record<string, string[]>) {
  return (v: unknown): unknown => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const o: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const [target, names] of Object.entries(aliases)) {
      if (o[target] !== undefined) continue;
      const found = names.find((n) => o[n] !== undefined);
      if (found) o[target] = o[found];
    }
    return o;
  };
}

const FlagsSchema = z.object({
  depositRefused: z.boolean().optional(),
  contractRefused: z.boolean().optional(),
  otherCompany: z.boolean().optional(),
  financialTrouble: z.boolean().optional(),
  keepsPushingDeadlines: z.boolean().optional(),
});

const InvoiceFileSchema = z.preprocess(
  renameKeys({ number: ['invoice', 'invoiceNumber', 'id', 'ref'], amount: ['total', 'amountTTC', 'totalAmount'], dueDate: ['due', 'due_date', 'dueOn'], issueDate: ['issued', 'issue_date', 'date', 'invoiceDate'], paidDate: ['paid_date', 'paidOn', 'paymentDate'], paidAmount: ['paid_amount', 'amountPaid', 'paid'], amountDue: ['amount_due', 'balanceDue'] }),
  z.object({
    number: z.union([z.string(), z.number()]).transform((n) => String(n).trim()).pipe(z.string().min(1, 'the invoice number is empty')),
    amount: AmountSchema.optional(),
    amountMinor: z.number().int().optional(),
    amountDue: AmountSchema.optional(),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code').optional(),
    issueDate: DateSchema.optional(),
    dueDate: DateSchema,
    status: z.string().optional(),
    paidDate: DateSchema.nullable().optional(),
    paidAmount: z.union([AmountSchema, z.boolean()]).nullable().optional(),
  }),
);

const EventFileSchema = z.preprocess(
  renameKeys({ type: ['kind', 'event'], date: ['at', 'on', 'sentOn'], promisedDate: ['promised', 'promised_date', 'payBy'], until: ['pausedUntil'] }),
  z.object({
    type: EventTypeSchema,
    date: DateSchema,
    stage: StageSchema.optional(),
    intent: IntentSchema.optional(),
    promisedDate: DateSchema.nullable().optional(),
    until: DateSchema.nullable().optional(),
    invoice: z.union([z.string(), z.number()]).transform(String).optional(),
    invoices: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
    channel: enumFrom(['email', 'call', 'letter'] as const, { mail: 'email', phone: 'call', post: 'letter', registered_mail: 'letter' }, 'channel').optional(),
    amount: AmountSchema.optional(),
    note: z.string().optional(),
  }),
);

const StepSchema = z.object({ stage: StageSchema, offsetDays: z.number().int().min(-60).max(365), channel: enumFrom(['email', 'call', 'letter'] as const, {}, 'channel'), callTask: z.boolean().optional(), alsoEmail: z.boolean().optional() });
const PlanSchema = z.object({ id: z.string().min(1), name: z.string().default(''), formality: FormalitySchema.default('formal'), steps: z.array(StepSchema).min(1) });

const IdentitySchema = z.object({ name: z.string().default(''), company: z.string().default(''), signature: z.string().default('') });
const PaymentSchema = z.object({ iban: z.string().default(''), bic: z.string().default(''), paymentLink: z.string().default(''), instructions: z.string().default('') });

export const FollowupFileSchema = z.object({
  client: z.preprocess(
    renameKeys({ planId: ['plan'] }),
    z.object({
      name: z.string().default(''),
      email: z.string().default(''),
      b2b: z.boolean().optional(),
      consumer: z.boolean().optional(),
      language: LanguageSchema.optional(),
      jurisdiction: JurisdictionFileSchema.optional(),
      planId: z.string().optional(),
      formality: FormalitySchema.optional(),
      paused: z.boolean().default(false),
      flags: FlagsSchema.optional(),
    }),
  ).default({ name: '', email: '', paused: false }),
  invoices: z.array(InvoiceFileSchema).default([]),
  events: z.array(EventFileSchema).default([]),
  flags: FlagsSchema.optional(),
  settings: z.preprocess(
    renameKeys({ defaultPlanId: ['plan', 'planId', 'defaultPlan'], language: ['lang'] }),
    z.object({
      jurisdiction: JurisdictionFileSchema.default('FR'),
      language: LanguageSchema.default('fr'),
      formality: FormalitySchema.optional(),
      defaultPlanId: z.string().optional(),
      plans: z.array(PlanSchema).optional(),
      currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code').default('EUR'),
      b2b: z.boolean().optional(),
      consumer: z.boolean().optional(),
      contractRatePercent: z.number().min(0).max(1000).optional(),
      identity: IdentitySchema.default({ name: '', company: '', signature: '' }),
      payment: PaymentSchema.default({ iban: '', bic: '', paymentLink: '', instructions: '' }),
    }),
  ).default({ jurisdiction: 'FR', language: 'fr', currency: 'EUR', identity: { name: '', company: '', signature: '' }, payment: { iban: '', bic: '', paymentLink: '', instructions: '' } }),
});
export type FollowupFile = z.output<typeof FollowupFileSchema>;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function toMinor(value: number | string, currency: string): number | null {
  const digits = currencyDigits(currency);
  if (typeof value === 'number') {
    const minor = Math.round(value * 10 ** digits);
    return Number.isSafeInteger(minor) ? minor : null;
  }
  return parseAmount(value, { digits });
}

const STATUS: Record<string, 'open' | 'paid' | 'cancelled'> = {
  open: 'open', unpaid: 'open', overdue: 'open', sent: 'open', due: 'open', pending: 'open', partial: 'open', partially_paid: 'open',
  paid: 'paid', settled: 'paid', closed: 'paid', cancelled: 'cancelled', canceled: 'cancelled', void: 'cancelled', voided: 'cancelled',
};

/** Parses and normalises a follow-up FILE (already JSON-decoded); throws FollowupInputError naming each path. */
export function parseFollowupFile(json: unknown): FollowupModel {
  const parsed = FollowupFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new FollowupInputError(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const file = parsed.data;
  const issues: FollowupIssue[] = [];
  const issue = (path: ReadonlyArray<PropertyKey>, message: string): void => void issues.push({ path: formatPath(path), message });

  const invoices: FollowupInvoice[] = [];
  file.invoices.forEach((raw, i) => {
    const currency = raw.currency ?? file.settings.currency;
    const amountMinor = raw.amountMinor ?? (raw.amount !== undefined ? toMinor(raw.amount, currency) : null);
    if (amountMinor === null) {
      issue(['invoices', i, 'amount'], raw.amount === undefined ? 'the amount is required' : `"${String(raw.amount)}" is not an amount`);
      return;
    }
    if (invoices.some((x) => x.number === raw.number)) issue(['invoices', i, 'number'], `invoice "${raw.number}" is listed twice`);
    const amountDueMinor = raw.amountDue !== undefined ? toMinor(raw.amountDue, currency) : null;
    if (raw.amountDue !== undefined && amountDueMinor === null) issue(['invoices', i, 'amountDue'], `"${String(raw.amountDue)}" is not an amount`);
    const owed = amountDueMinor ?? amountMinor;
    let paidMinor = 0;
    if (typeof raw.paidAmount === 'boolean') paidMinor = raw.paidAmount ? owed : 0;
    else if (raw.paidAmount !== undefined && raw.paidAmount !== null) {
      const p = toMinor(raw.paidAmount, currency);
      if (p === null) issue(['invoices', i, 'paidAmount'], `"${String(raw.paidAmount)}" is not an amount`);
      else paidMinor = p;
    }
    let status: 'open' | 'paid' | 'cancelled';
    if (raw.status !== undefined) {
      const s = STATUS[keyName(raw.status)];
      if (!s) {
        issue(['invoices', i, 'status'], `"${raw.status}" is not a status (expected open, paid or cancelled)`);
        return;
      }
      status = s;
    } else status = raw.paidDate && (raw.paidAmount === undefined || raw.paidAmount === null || paidMinor >= owed) ? 'paid' : 'open';
    if (status === 'open' && paidMinor >= owed && owed > 0) status = 'paid';
    if (status === 'paid' && paidMinor === 0) paidMinor = owed;
    const dueDate = raw.dueDate;
    const issueDate = raw.issueDate ?? dueDate;
    if (issueDate > dueDate) issue(['invoices', i, 'dueDate'], `the due date ${dueDate} is before the issue date ${issueDate}`);
    invoices.push({ id: raw.number, number: raw.number, amountMinor, amountDueMinor, currency, issueDate, dueDate, status, paidMinor, paidDate: raw.paidDate ?? null });
  });

  const events: FollowupEvent[] = [];
  file.events.forEach((raw, i) => {
    const refs = [...(raw.invoice !== undefined ? [raw.invoice] : []), ...(raw.invoices ?? [])];
    for (const [k, ref] of refs.entries()) {
      if (!invoices.some((x) => x.number === ref)) {
        issue(['events', i, raw.invoice !== undefined && k === 0 ? 'invoice' : 'invoices'], `no invoice numbered "${ref}" in this file`);
      }
    }
    const payload: Record<string, unknown> = {};
    let type: FollowupEvent['type'];
    switch (raw.type.kind) {
      case 'call':
        type = 'note';
        payload['kind'] = 'call';
        break;
      case 'letter-sent':
        type = 'reminder-sent';
        payload['channel'] = 'letter';
        break;
      default:
        type = raw.type.kind;
    }
    if ((type === 'reminder-sent' || type === 'reminder-drafted') && !raw.stage) {
      issue(['events', i, 'stage'], `a ${raw.type.kind} event needs the stage it was (${STAGES.join(', ')})`);
    }
    if (raw.stage) payload['stage'] = raw.stage satisfies Stage;
    if (raw.channel && payload['channel'] === undefined) payload['channel'] = raw.channel;
    const intent = raw.type.intent ?? raw.intent;
    if (type === 'reply-received') payload['intent'] = intent ?? 'none';
    if (raw.promisedDate) payload['promisedDate'] = raw.promisedDate;
    if (raw.until) payload['until'] = raw.until;
    if (raw.note) payload['text'] = raw.note;
    if (type === 'payment-recorded' && raw.amount !== undefined) {
      const target = invoices.find((x) => x.number === refs[0]);
      const minor = toMinor(raw.amount, target?.currency ?? file.settings.currency);
      if (minor === null || minor <= 0) issue(['events', i, 'amount'], `"${String(raw.amount)}" is not a positive amount`);
      else payload['amountMinor'] = minor;
    }
    if (refs.length > 1) payload['invoiceIds'] = refs;
    events.push({ invoiceId: refs.length === 1 ? refs[0]! : null, type, at: raw.date, payload });
  });

  const plans: LadderPlan[] = (file.settings.plans ?? []).map((p) => ({ ...p, name: p.name || p.id }));
  plans.forEach((p, i) => {
    const problem = planProblem(p);
    if (problem) issue(['settings', 'plans', i], problem);
  });
  if (issues.length > 0) throw new FollowupInputError(issues);

  const c = file.client;
  const s = file.settings;
  const b2b = c.b2b ?? (c.consumer !== undefined ? !c.consumer : undefined) ?? s.b2b ?? (s.consumer !== undefined ? !s.consumer : true);
  return {
    invoices,
    events,
    flags: { ...file.flags, ...c.flags },
    client: {
      key: c.email.trim().toLowerCase() || c.name || 'client',
      email: c.email,
      name: c.name,
      b2b,
      paused: c.paused,
      language: c.language ?? null,
      jurisdiction: c.jurisdiction ?? null,
      planId: c.planId ?? null,
      formality: c.formality ?? null,
    },
    settings: {
      plans,
      defaultPlanId: s.defaultPlanId ?? null,
      formality: s.formality ?? null,
      jurisdiction: s.jurisdiction,
      language: s.language,
      identity: s.identity,
      payment: s.payment,
      ...(s.contractRatePercent !== undefined ? { contractRatePercent: s.contractRatePercent } : {}),
    },
  };
}
