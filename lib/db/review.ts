import { z } from 'zod';
import { clientKeyFor, EmailAddressSchema, InvoiceNumberSchema, PartyNameSchema, type Invoice } from '../domain/invoice';
import { CurrencySchema, IsoDateSchema } from '../domain/types';
import { addEvent, moveInvoiceEvents } from './events';
import type { RelanceDb } from './schema';
import { StoreError, type Clock } from './store';

/**
 * Review of detected invoices (confirm, dismiss) and manual corrections of any invoice. Every change that alters
 * a field leaves an `edited` event with the before and after values, so the timeline explains what the user fixed.
 */

/** What the user may correct when confirming a detection. */
export const InvoiceEditsSchema = z
  .object({
    number: InvoiceNumberSchema(),
    amountMinor: z.number().int().safe().refine((n) => n !== 0, 'the amount cannot be zero'),
    currency: CurrencySchema,
    issueDate: IsoDateSchema,
    dueDate: IsoDateSchema,
    clientName: PartyNameSchema,
    clientEmail: EmailAddressSchema,
  })
  .partial()
  .strict();
export type InvoiceEdits = z.infer<typeof InvoiceEditsSchema>;

/** Manual corrections: the same fields plus the amount still due and the terms text. */
export const InvoicePatchSchema = InvoiceEditsSchema.extend({
  amountDueMinor: z.number().int().safe().nullable(),
  terms: z.string().max(500).nullable(),
})
  .partial()
  .strict();
export type InvoicePatch = z.infer<typeof InvoicePatchSchema>;

type PatchField = keyof InvoicePatch;
export type FieldChanges = Partial<Record<PatchField, { before: unknown; after: unknown }>>;

export class InvoiceReview {
  constructor(
    private readonly db: RelanceDb,
    private readonly clock: Clock,
  ) {}

  /** Pending → confirmed, with the user's corrections applied first. Confirming twice is harmless. */
  confirm(id: string, edits: InvoiceEdits = {}): Promise<Invoice> {
    return this.change(id, edits, { review: 'confirmed' });
  }

  /**
   * Pending → dismissed. The row stays (with its message ids) so the same mail never proposes it again; it is
   * hidden from lists and the badge. Only detections can be dismissed: a confirmed invoice is cancelled or deleted.
   */
  async dismiss(id: string): Promise<Invoice> {
    return this.db.transaction('rw', this.db.invoices, async () => {
      const inv = await this.db.invoices.get(id);
      if (!inv) throw new StoreError('not_found', 'This invoice no longer exists.');
      if (inv.review === 'dismissed') return inv;
      if (inv.review !== 'pending') throw new StoreError('invalid', 'Only a detected invoice waiting for review can be dismissed.');
      const changes = { review: 'dismissed' as const, updatedAt: this.clock.now().toISOString() };
      await this.db.invoices.update(id, changes);
      return { ...inv, ...changes };
    });
  }

  update(id: string, patch: InvoicePatch): Promise<Invoice> {
    return this.change(id, patch, {});
  }

  private async change(id: string, patch: InvoicePatch, extra: Partial<Pick<Invoice, 'review'>>): Promise<Invoice> {
    const now = this.clock.now().toISOString();
    return this.db.transaction('rw', [this.db.invoices, this.db.clients, this.db.histories], async () => {
      const inv = await this.db.invoices.get(id);
      if (!inv) throw new StoreError('not_found', 'This invoice no longer exists.');
      const { next, changes } = applyPatch(inv, patch);
      if (next.dueDate < next.issueDate) throw new StoreError('invalid', 'The due date is before the issue date.');
      const changed = Object.keys(changes).length > 0;
      if (changes.number || changes.clientEmail) {
        const dup = await this.db.invoices
          .where('number')
          .equals(next.number)
          .filter((o) => o.id !== id && o.clientKey === next.clientKey && o.review !== 'dismissed')
          .first();
        if (dup) throw new StoreError('duplicate', `Invoice ${next.number} is already tracked for ${next.clientEmail}.`);
      }
      if (changes.clientEmail) {
        await this.ensureClient(next, now);
        // The history follows the invoice to its corrected client.
        await moveInvoiceEvents(this.db, id, inv.clientKey, next.clientKey);
      }
      const updated: Invoice = { ...next, ...extra, updatedAt: changed || extra.review !== inv.review ? now : inv.updatedAt };
      await this.db.invoices.put(updated);
      if (changed) {
        await addEvent(this.db, { invoiceId: id, clientKey: updated.clientKey, type: 'edited', at: now, payload: { changes, ...(extra.review ? { review: extra.review } : {}) } });
      }
      return updated;
    });
  }

  private async ensureClient(inv: Invoice, now: string): Promise<void> {
    if (await this.db.clients.get(inv.clientKey)) return;
    await this.db.clients.add({
      key: inv.clientKey,
      email: inv.clientEmail,
      name: inv.clientName,
      jurisdiction: null,
      b2b: true,
      language: inv.language,
      paused: false,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** The invoice with `patch` applied and the fields that really changed (same value = no change). */
export function applyPatch(inv: Invoice, patch: InvoicePatch): { next: Invoice; changes: FieldChanges } {
  const next: Invoice = { ...inv };
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(patch) as Array<[PatchField, unknown]>) {
    if (value === undefined || next[field] === value) continue;
    changes[field] = { before: next[field], after: value };
    (next as Record<PatchField, unknown>)[field] = value;
  }
  if (changes.clientEmail) next.clientKey = clientKeyFor(next.clientEmail);
  return { next, changes };
}
