import { z } from 'zod';
import { ClientFlagsSchema, ClientSchema, EventSchema, InvoiceSchema, NewInvoiceSchema } from '../domain/invoice';
import type { NextStep } from '../domain/ladder';
import type { FormalNoticeLetter } from '../domain/reminders/letter';
import type { RiskProfile } from '../domain/risk';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import { IsoDateSchema } from '../domain/types';
import { BackupSchema } from '../db/backup';
import { InvoiceEditsSchema, InvoicePatchSchema } from '../db/review';
import { MAX_PDF_BASE64_CHARS } from '../background/pdf-limits';
import { ClientPatchSchema, LadderPlanSchema, PlanSettingsSchema, PopupListSchema, PopupPageRequestSchema, PopupPageSchema } from '../background/popup-schemas';
import { EmailSnapshotSchema } from '../webmail/snapshot';
import { FirstViewSchema } from './first-view';
import { mailTextChars, MAX_MAILS_PER_REQUEST, MAX_MAILS_TEXT_CHARS } from './limits';

export { MAX_MAILS_PER_REQUEST, MAX_MAILS_TEXT_CHARS } from './limits';
import { CsvCheckResponseSchema, CsvImportRequestSchema, CsvImportResponseSchema, CsvPreviewSchema, CsvTextSchema } from '../import/schemas';

/**
 * The typed message protocol between the content scripts / extension pages and the background.
 * Every request and every response is validated with these schemas on both sides.
 *
 * `from` says which senders may use a command: content scripts run in webmail pages that also
 * display attacker-controlled mail, so they get only what the sidebar needs; data export, import
 * and settings changes are for extension pages only.
 */
type Sender = 'content' | 'extension';

function command<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, from: readonly Sender[]) {
  return { request, response, from };
}

/** All the PDF bytes one `mail.seen` may carry, as base64 (about 15 MB of files). */
export const MAX_MAIL_ATTACHMENTS_BASE64_CHARS = 20 * 1024 * 1024;

/**
 * What `mail.seen` did with a mail. `needs-attachments`: a new sent mail that lists PDFs and came without their
 * bytes; the content script sends it again with them (an empty list when they could not be downloaded). So a PDF is
 * downloaded only for a mail Relance will read, never for one it has already handled. `deferred` (mail.seenMany
 * only): a mail after one that needs its attachments, left undecided because, one after the other, it would have
 * been decided after that one (a reply must find the invoice in the PDF); the content script sends it again once
 * that mail is settled.
 */
export const MAIL_OUTCOMES = ['ignored', 'duplicate', 'detected', 'tracked', 'reply-recorded', 'reminder-sent', 'linked', 'needs-attachments', 'deferred'] as const;

export const AttachmentReportSchema = z.object({
  filename: z.string().max(500),
  status: z.enum(['read', 'unreadable', 'missing']),
  message: z.string().max(600).optional(),
});

export const MailSeenRequestSchema = z.object({
  snapshot: EmailSnapshotSchema,
  /** PDF bytes the content script fetched same-origin, matched to `snapshot.attachments` by file name. */
  attachments: z
    .array(z.object({ filename: z.string().min(1).max(500), base64: z.string().min(1).max(MAX_PDF_BASE64_CHARS) }))
    .max(10)
    .refine((list) => list.reduce((n, a) => n + a.base64.length, 0) <= MAX_MAIL_ATTACHMENTS_BASE64_CHARS, 'the attachments are too large together (20 MB of base64 at most)')
    .optional(),
});

export const MailSeenResponseSchema = z.object({
  outcome: z.enum(MAIL_OUTCOMES),
  /** The invoice created, linked or written on (the first one when several were). */
  invoiceId: z.string().optional(),
  /** Every invoice a reply or reminder was recorded on. */
  invoiceIds: z.array(z.string()).optional(),
  /** Sent mail: invoice, credit_note, reminder, receipt, quote, order, none. Received mail: the reply's intent. */
  kind: z.string().max(40).optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** A mail that reads as an invoice but lacks what tracking needs (then nothing is created). */
  missing: z.array(z.enum(['number', 'amount', 'client'])).optional(),
  attachmentsRead: z.array(AttachmentReportSchema).optional(),
});
export type MailSeenRequest = z.output<typeof MailSeenRequestSchema>;
export type MailSeenResponse = z.output<typeof MailSeenResponseSchema>;

/**
 * `mail.seenMany`: the mails a webmail tab saw together (a thread rendered shows all its messages at once), in one
 * request, so that the messaging cost (about 0.7 ms a round trip) is paid per burst, not per mail. Bounded
 * (lib/messaging/limits.ts): a hostile thread of 10,000 long messages is sent as many requests, and one oversized
 * request is refused with a clear error. No PDF bytes here: a mail answered `needs-attachments` is sent again alone
 * with `mail.seen`, with its attachments.
 */
export const MailSeenManyRequestSchema = z.object({
  // The count is checked before any snapshot is parsed: an oversized list is refused without reading it.
  snapshots: z
    .array(z.unknown())
    .min(1, 'expected at least one mail')
    .max(MAX_MAILS_PER_REQUEST, `too many mails in one request (${MAX_MAILS_PER_REQUEST} at most)`)
    .pipe(
      z
        .array(EmailSnapshotSchema)
        .refine(
          (list) => list.reduce((n, s) => n + mailTextChars(s), 0) <= MAX_MAILS_TEXT_CHARS,
          `the mails are too long together (${MAX_MAILS_TEXT_CHARS} characters of subjects and bodies at most)`,
        ),
    ),
});
/** One answer per snapshot, in the order they were sent. */
export const MailSeenManyResponseSchema = z.object({ results: z.array(MailSeenResponseSchema) });
export type MailSeenManyRequest = z.output<typeof MailSeenManyRequestSchema>;
export type MailSeenManyResponse = z.output<typeof MailSeenManyResponseSchema>;

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Events content scripts and pages may record directly; the others are written by the background itself. */
export const RECORDABLE_EVENT_TYPES = ['reminder-drafted', 'note', 'paused', 'resumed', 'call'] as const;

export const DiagnosticSchema = z.object({
  webmail: z.enum(['gmail', 'outlook']),
  view: z.string().regex(/^[a-z-]{1,40}$/, 'expected a view name'),
  missed: z.array(z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, 'expected a selector name')).max(100),
  /** Tags only (see lib/webmail/censor.ts); the background re-checks that no text is inside. */
  censoredHtml: z.string().max(20_100),
  at: z.string().max(40),
});
export type DiagnosticInput = z.output<typeof DiagnosticSchema>;

const OverdueSummarySchema = z.object({ count: z.number().int(), totals: z.record(z.string(), z.number().int()) });

const ClientViewSchema = z.object({
  today: IsoDateSchema,
  client: ClientSchema.nullable(),
  /** Every invoice not dismissed (confirmed and pending), by due date: unchanged since v1. */
  invoices: z.array(InvoiceSchema),
  events: z.array(EventSchema),
  /** The detections waiting for the user's review (also in `invoices`). */
  pending: z.array(InvoiceSchema),
});
const ClientFollowupSchema = z.object({ today: IsoDateSchema, risk: z.custom<RiskProfile>(isPlainObject), next: z.custom<NextStep>(isPlainObject), flags: ClientFlagsSchema });

export const COMMANDS = {
  'invoice.create': command(z.object({ invoice: NewInvoiceSchema }), InvoiceSchema, ['content', 'extension']),
  'invoice.markPaid': command(
    z.object({ id: z.string().min(1), date: IsoDateSchema.optional(), amountMinor: z.number().int().positive().optional() }),
    InvoiceSchema,
    ['content', 'extension'],
  ),
  'client.view': command(z.object({ clientEmail: z.string().min(3).max(320) }), ClientViewSchema, ['content', 'extension']),
  'invoice.list': command(z.object({}), z.object({ today: IsoDateSchema, invoices: z.array(InvoiceSchema) }), ['extension']),
  'status.get': command(z.object({}), z.object({ today: IsoDateSchema, overdue: OverdueSummarySchema }), ['content', 'extension']),
  'settings.get': command(z.object({}), SettingsSchema, ['content', 'extension']),
  'settings.update': command(z.object({ patch: SettingsPatchSchema }), SettingsSchema, ['extension']),
  'data.export': command(z.object({}), BackupSchema, ['extension']),
  'data.import': command(
    z.object({ text: z.string().max(200 * 1024 * 1024) }),
    z.object({ invoices: z.number().int(), clients: z.number().int(), events: z.number().int() }),
    ['extension'],
  ),
  'mail.seen': command(MailSeenRequestSchema, MailSeenResponseSchema, ['content', 'extension']),
  'mail.seenMany': command(MailSeenManyRequestSchema, MailSeenManyResponseSchema, ['content', 'extension']),
  'invoice.confirm': command(z.object({ id: z.string().min(1).max(64), edits: InvoiceEditsSchema.optional() }), InvoiceSchema, ['content', 'extension']),
  'invoice.dismiss': command(z.object({ id: z.string().min(1).max(64) }), InvoiceSchema, ['content', 'extension']),
  'invoice.update': command(z.object({ id: z.string().min(1).max(64), patch: InvoicePatchSchema }), InvoiceSchema, ['content', 'extension']),
  'event.record': command(
    z.object({
      invoiceIds: z.array(z.string().min(1).max(64)).min(1).max(50),
      type: z.enum(RECORDABLE_EVENT_TYPES),
      payload: z
        .record(z.string().max(60), z.unknown())
        .default({})
        .refine((p) => jsonLength(p) <= 4000, 'the payload is too large (4000 characters of JSON at most)'),
    }),
    z.object({ recorded: z.number().int() }),
    ['content', 'extension'],
  ),
  'diagnostic.report': command(z.object({ diagnostic: DiagnosticSchema }), z.object({ stored: z.literal(true) }), ['content', 'extension']),
  'diagnostic.list': command(
    z.object({}),
    z.object({ diagnostics: z.array(DiagnosticSchema.extend({ id: z.number().int() })) }),
    ['extension'],
  ),
  // Issue 6: CSV import/export, delete everything, snooze and pause (lib/import, lib/db/pauses.ts).
  'csv.preview': command(z.object({ text: CsvTextSchema }), CsvPreviewSchema, ['extension']),
  'csv.check': command(CsvImportRequestSchema, CsvCheckResponseSchema, ['extension']),
  'csv.import': command(CsvImportRequestSchema, CsvImportResponseSchema, ['extension']),
  'data.exportCsv': command(z.object({}), z.object({ csv: z.string() }), ['extension']),
  'data.deleteAll': command(z.object({ confirm: z.literal('DELETE') }), z.object({ deleted: z.literal(true) }), ['extension']),
  'invoice.snooze': command(z.object({ id: z.string().min(1).max(64), until: IsoDateSchema.nullable() }), InvoiceSchema, ['content', 'extension']),
  'invoice.pause': command(z.object({ id: z.string().min(1).max(64), paused: z.boolean() }), InvoiceSchema, ['content', 'extension']),
  'client.pause': command(z.object({ clientEmail: z.string().min(3).max(320), paused: z.boolean() }), ClientSchema, ['content', 'extension']),
  // Follow-up (lib/background/followup-handlers.ts). Risk, next step and letter are built by lib/domain from the
  // store: the schemas only check the envelope's shape, the types come from the domain.
  'client.followup': command(z.object({ clientEmail: z.string().min(3).max(320) }), ClientFollowupSchema, ['content', 'extension']),
  'client.flags': command(z.object({ clientEmail: z.string().min(3).max(320), flags: ClientFlagsSchema }), z.object({ flags: ClientFlagsSchema }), ['content', 'extension']),
  'letter.get': command(
    z.object({ clientEmail: z.string().min(3).max(320) }),
    z.object({ language: z.string(), letter: z.custom<FormalNoticeLetter>(isPlainObject) }),
    ['extension'],
  ),
  'dossier.export': command(
    z.object({ clientEmail: z.string().min(3).max(320) }),
    z.object({ json: z.string(), text: z.string(), filename: z.string() }),
    ['content', 'extension'],
  ),
  // Popup and options (lib/background/popup-handlers.ts, schemas in popup-schemas.ts).
  // The popup's list, a page of client groups at a time (overdue first), with the counts on the first page.
  'popup.page': command(PopupPageRequestSchema, PopupPageSchema, ['extension']),
  // Every client with its next step and every confirmed invoice: the options page's client list.
  'popup.list': command(z.object({}), PopupListSchema, ['extension']),
  'client.update': command(z.object({ clientEmail: z.string().min(3).max(320), patch: ClientPatchSchema }), ClientSchema, ['extension']),
  'plans.get': command(z.object({}), PlanSettingsSchema, ['extension']),
  'plans.update': command(
    z.object({ defaultPlanId: z.string().max(64).nullable().optional(), plans: z.array(LadderPlanSchema).max(20).optional() }),
    PlanSettingsSchema,
    ['extension'],
  ),
  'storage.status': command(
    z.object({}),
    z.object({
      persisted: z.boolean().nullable(),
      usageBytes: z.number().nonnegative().nullable(),
      quotaBytes: z.number().nonnegative().nullable(),
      lastExportAt: z.string().nullable(),
      backupDue: z.boolean(),
    }),
    ['extension'],
  ),
  // The sidebar's data in one round trip (lib/background/sidebar-handlers.ts): no client gives view/followup null.
  'sidebar.load': command(
    // `firstView`: also the panel's first render as text the page paints without React (lib/messaging/first-view.ts).
    z.object({ clientEmail: z.string().min(3).max(320).nullable(), firstView: z.boolean().optional() }),
    z.object({
      today: IsoDateSchema,
      settings: SettingsSchema,
      view: ClientViewSchema.nullable(),
      followup: ClientFollowupSchema.nullable(),
      // The look-alike warning as the background sees it, knowing the clients (lib/background/known-domains.ts).
      lookalike: z.object({ domain: z.string().max(400), ascii: z.string().max(400), imitates: z.string().max(400).nullable() }).nullable().optional(),
      firstView: FirstViewSchema.optional(),
    }),
    ['content', 'extension'],
  ),
} as const;

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type CommandName = keyof typeof COMMANDS;
export type RequestOf<C extends CommandName> = z.input<(typeof COMMANDS)[C]['request']>;
export type ParsedRequestOf<C extends CommandName> = z.output<(typeof COMMANDS)[C]['request']>;
export type ResponseOf<C extends CommandName> = z.output<(typeof COMMANDS)[C]['response']>;

export const ERROR_CODES = ['invalid_request', 'forbidden', 'not_found', 'duplicate', 'invalid', 'quota', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type RelanceErrorShape = z.infer<typeof ErrorSchema>;

/** The envelope on the wire. `relance: 1` tells our messages apart from anything else on the runtime. */
export const EnvelopeSchema = z.object({ relance: z.literal(1), command: z.string(), payload: z.unknown() });
export type Envelope = z.infer<typeof EnvelopeSchema>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: RelanceErrorShape };
export const ReplySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorSchema }),
]);

export function isCommandName(s: string): s is CommandName {
  return Object.hasOwn(COMMANDS, s);
}
