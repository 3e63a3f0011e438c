import { z } from 'zod';
import { ClientSchema, EventSchema, InvoiceSchema } from '../domain/invoice';
import { SettingsSchema } from '../domain/settings';

/**
 * The backup file: everything Relance stores, versioned so that later versions can still read it.
 * Format documented in README ("Backup format").
 */
export const BACKUP_FORMAT = 'relance-backup';
export const BACKUP_VERSION = 1;

export const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT, { error: `not a Relance backup (expected "format": "${BACKUP_FORMAT}")` }),
    version: z.number().int().min(1).max(BACKUP_VERSION, { error: 'made by a newer version of Relance' }),
    exportedAt: z.string(),
    settings: SettingsSchema,
    clients: z.array(ClientSchema),
    invoices: z.array(InvoiceSchema),
    events: z.array(EventSchema),
  })
  .superRefine((b, ctx) => {
    const ids = new Set<string>();
    const clientOf = new Map<string, string>();
    b.invoices.forEach((inv, i) => {
      if (ids.has(inv.id)) ctx.addIssue({ code: 'custom', path: ['invoices', i, 'id'], message: `duplicate invoice id "${inv.id}"` });
      ids.add(inv.id);
      clientOf.set(inv.id, inv.clientKey);
    });
    const keys = new Set<string>();
    b.clients.forEach((c, i) => {
      if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'key'], message: `duplicate client "${c.key}"` });
      keys.add(c.key);
    });
    b.invoices.forEach((inv, i) => {
      if (!keys.has(inv.clientKey))
        ctx.addIssue({ code: 'custom', path: ['invoices', i, 'clientKey'], message: `no client "${inv.clientKey}" in the file` });
    });
    b.events.forEach((e, i) => {
      if (e.invoiceId !== null && !ids.has(e.invoiceId))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'invoiceId'], message: `refers to a missing invoice "${e.invoiceId}"` });
      // An invoice's events are read from its client's history (lib/db/events.ts): one filed under another client
      // would be invisible.
      else if (e.invoiceId !== null && clientOf.get(e.invoiceId) !== e.clientKey)
        ctx.addIssue({ code: 'custom', path: ['events', i, 'clientKey'], message: `is "${e.clientKey}" but its invoice "${e.invoiceId}" belongs to "${clientOf.get(e.invoiceId)}"` });
    });
  });
export type Backup = z.infer<typeof BackupSchema>;

export type BackupParse = { ok: true; backup: Backup } | { ok: false; error: string };

const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

/** Parse a backup file's text. Never throws: the error names what is wrong and where. */
export function parseBackup(text: string): BackupParse {
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, error: 'The file is too large to be a Relance backup.' };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).` };
  }
  const r = BackupSchema.safeParse(json);
  if (r.success) return { ok: true, backup: r.data };
  return { ok: false, error: describeZodError(r.error) };
}

/** "invoices[2].dueDate: expected a date as YYYY-MM-DD" — the first few problems, with their place. */
export function describeZodError(err: z.ZodError, max = 3): string {
  const parts = err.issues.slice(0, max).map((iss) => {
    const where = iss.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('');
    return where ? `${where}: ${iss.message}` : iss.message;
  });
  const more = err.issues.length > max ? ` (and ${err.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}
