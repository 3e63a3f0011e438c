import { z } from 'zod';
import { diffDaysIso } from './dates';
import { CurrencySchema, IsoDateSchema, JurisdictionSchema, LangSchema, type IsoDate } from './types';

/**
 * The invoice as Relance stores it. Amounts are integer minor units; dates are civil `YYYY-MM-DD`.
 * `status` is the lifecycle the user controls; "overdue" is not stored but derived from the due date
 * and today (see `displayStatus`), so it can never go stale across midnight.
 */
export const INVOICE_STATUSES = ['open', 'paid', 'cancelled'] as const;
export const InvoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatusSchema>;

/** Detected invoices wait for the user's confirmation; manual and imported ones are confirmed. */
export const REVIEW_STATES = ['confirmed', 'pending', 'dismissed'] as const;
export const ReviewStateSchema = z.enum(REVIEW_STATES);

export const INVOICE_SOURCES = ['manual', 'detected', 'import'] as const;
export const InvoiceSourceSchema = z.enum(INVOICE_SOURCES);

export const WebmailSchema = z.enum(['gmail', 'outlook']);
export type Webmail = z.infer<typeof WebmailSchema>;

export const EmailAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/, 'not a valid email address');

/**
 * Invisible format characters a hostile mail can hide in an invoice number or a name: bidi embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069: "F-1\u202E" reads differently than it sorts and matches), zero-width
 * space and no-break (U+200B, U+2060, U+FEFF), soft hyphen, Arabic letter mark, Mongolian vowel separator. They are
 * removed at the storage boundary, so what is stored, matched and shown is what one sees. Names keep ZWJ/ZWNJ and
 * LRM/RLM (U+200C–U+200F), which some scripts and right-to-left names need; invoice numbers, being identifiers, lose
 * them too.
 */
const INVISIBLE_IN_NAMES = /[\u00AD\u061C\u180E\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const INVISIBLE_IN_NUMBERS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
export const stripInvisibleInName = (s: string): string => s.replace(INVISIBLE_IN_NAMES, '');
export const stripInvisibleInNumber = (s: string): string => s.replace(INVISIBLE_IN_NUMBERS, '');

/** An invoice number as stored: invisible characters removed, then trimmed, 1–100 characters. */
export const InvoiceNumberSchema = (required = 'the invoice number is required') =>
  z.string().transform(stripInvisibleInNumber).pipe(z.string().trim().min(1, required).max(100));
/** A client's name as stored: invisible characters removed, trimmed, at most 200 characters. */
export const PartyNameSchema = z.string().transform(stripInvisibleInName).pipe(z.string().trim().max(200));

export const InvoiceSchema = z.object({
  id: z.string().min(1).max(64),
  clientKey: z.string().min(1).max(320),
  clientEmail: EmailAddressSchema,
  clientName: PartyNameSchema.default(''),
  number: InvoiceNumberSchema(),
  amountMinor: z.number().int().safe(),
  /** Amount payable when it differs from the total (deposit already paid, arrears added). */
  amountDueMinor: z.number().int().safe().nullable().default(null),
  currency: CurrencySchema,
  issueDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  terms: z.string().max(500).nullable().default(null),
  status: InvoiceStatusSchema,
  review: ReviewStateSchema.default('confirmed'),
  source: InvoiceSourceSchema,
  confidence: z.number().min(0).max(1).nullable().default(null),
  paidDate: IsoDateSchema.nullable().default(null),
  /** Sum of recorded payments, in minor units. */
  paidMinor: z.number().int().safe().default(0),
  webmail: WebmailSchema.nullable().default(null),
  threadId: z.string().max(200).nullable().default(null),
  messageId: z.string().max(200).nullable().default(null),
  language: LangSchema.nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Snoozed: no reminder or notification before this day (issue 6; not indexed, so no schema version). */
  snoozedUntil: IsoDateSchema.nullable().optional(),
});
export type Invoice = z.infer<typeof InvoiceSchema>;

/** What the manual-entry form (and later, a confirmed detection) sends to create an invoice. */
export const NewInvoiceSchema = z
  .object({
    clientEmail: EmailAddressSchema,
    clientName: PartyNameSchema.default(''),
    number: InvoiceNumberSchema(),
    amountMinor: z.number().int().safe().refine((n) => n !== 0, 'the amount cannot be zero'),
    currency: CurrencySchema,
    issueDate: IsoDateSchema,
    dueDate: IsoDateSchema,
    terms: z.string().max(500).nullable().optional(),
    source: InvoiceSourceSchema.default('manual'),
    webmail: WebmailSchema.nullable().optional(),
    threadId: z.string().max(200).nullable().optional(),
    messageId: z.string().max(200).nullable().optional(),
    language: LangSchema.nullable().optional(),
  })
  .refine((v) => v.dueDate >= v.issueDate, { message: 'the due date is before the issue date', path: ['dueDate'] });
export type NewInvoice = z.input<typeof NewInvoiceSchema>;

/** Warning signs the user knows of beyond the mail (risk.ts ClientFlags), set in the sidebar. */
export const ClientFlagsSchema = z
  .object({
    depositRefused: z.boolean(),
    contractRefused: z.boolean(),
    otherCompany: z.boolean(),
    financialTrouble: z.boolean(),
    keepsPushingDeadlines: z.boolean(),
  })
  .partial()
  .strict();

export const ClientSchema = z.object({
  key: z.string().min(1).max(320),
  email: EmailAddressSchema,
  name: PartyNameSchema.default(''),
  jurisdiction: JurisdictionSchema.nullable().default(null),
  b2b: z.boolean().default(true),
  language: LangSchema.nullable().default(null),
  paused: z.boolean().default(false),
  /** Warning signs the user set by hand (risk.ts ClientFlags); not indexed, so no schema version needed. */
  flags: ClientFlagsSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof ClientSchema>;


export const EVENT_TYPES = [
  'created',
  'detected',
  'edited',
  'reminder-drafted',
  'reminder-sent',
  'reply-received',
  'payment-recorded',
  'paused',
  'resumed',
  'note',
  /** A phone call with the client, logged by the user. */
  'call',
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);

export const EventSchema = z.object({
  id: z.number().int().optional(),
  invoiceId: z.string().nullable(),
  clientKey: z.string(),
  type: EventTypeSchema,
  /** ISO instant. */
  at: z.string(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type InvoiceEvent = z.infer<typeof EventSchema>;

/** The key that groups a client's invoices: the normalised email address. */
export function clientKeyFor(email: string): string {
  return email.trim().toLowerCase();
}

export type DisplayStatus = 'open' | 'overdue' | 'paid';

/** What the user sees: paid, overdue (open and past its due date), or open. */
export function displayStatus(inv: Pick<Invoice, 'status' | 'dueDate'>, today: IsoDate): DisplayStatus {
  if (inv.status === 'paid') return 'paid';
  return inv.dueDate < today ? 'overdue' : 'open';
}

/** Whole days between the due date and today (positive when late). */
export function daysOverdue(dueDate: IsoDate, today: IsoDate): number {
  return diffDaysIso(dueDate, today);
}

/** Amount still to be paid. */
export function outstandingMinor(inv: Pick<Invoice, 'amountMinor' | 'amountDueMinor' | 'paidMinor'>): number {
  return (inv.amountDueMinor ?? inv.amountMinor) - inv.paidMinor;
}
