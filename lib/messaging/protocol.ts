import { z } from 'zod';
import { ClientSchema, EventSchema, InvoiceSchema, NewInvoiceSchema } from '../domain/invoice';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import { IsoDateSchema } from '../domain/types';
import { BackupSchema } from '../db/backup';

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

const OverdueSummarySchema = z.object({ count: z.number().int(), totals: z.record(z.string(), z.number().int()) });

export const COMMANDS = {
  'invoice.create': command(z.object({ invoice: NewInvoiceSchema }), InvoiceSchema, ['content', 'extension']),
  'invoice.markPaid': command(
    z.object({ id: z.string().min(1), date: IsoDateSchema.optional(), amountMinor: z.number().int().positive().optional() }),
    InvoiceSchema,
    ['content', 'extension'],
  ),
  'client.view': command(
    z.object({ clientEmail: z.string().min(3).max(320) }),
    z.object({ today: IsoDateSchema, client: ClientSchema.nullable(), invoices: z.array(InvoiceSchema), events: z.array(EventSchema) }),
    ['content', 'extension'],
  ),
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
} as const;

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
