import { addEvents, eventsOfInvoices } from '../db/events';
import type { Invoice, InvoiceEvent } from '../domain/invoice';
import type { Understanding } from '../domain/understand';
import type { MailSeenResponse } from '../messaging/protocol';
import type { DetectionDeps, SentMail } from './detection';
import { instantOf, recipientsOf } from './mail-identity';

/**
 * Sent mail that is not an invoice but follows one up:
 * - a reminder: classified as one and naming a tracked invoice of a recipient, or any mail sent where Relance
 *   drafted a reminder that was not sent yet (in the invoice's thread, or to the client when the thread was gone);
 *   recorded as `reminder-sent` with the stage of the last draft;
 * - a receipt naming a tracked invoice: a `note` proposing to record the payment. It is never marked paid
 *   automatically: a receipt can be for part of the amount, or sent by mistake.
 */

/** The last reminder drafted on the invoice and not followed by a sent one, if any. */
export function pendingDraft(events: readonly InvoiceEvent[]): InvoiceEvent | null {
  let draft: InvoiceEvent | null = null;
  for (const e of events) {
    if (e.type === 'reminder-drafted') draft = e;
    else if (e.type === 'reminder-sent') draft = null;
  }
  return draft;
}

interface Candidates {
  named: Invoice[];
  inThread: Invoice[];
  toClient: Invoice[];
}

async function candidates(deps: DetectionDeps, mail: SentMail, referenced: string | undefined): Promise<Candidates> {
  const db = deps.store.db;
  const recipients = recipientsOf(mail.snap);
  const live = (i: Invoice) => i.review !== 'dismissed';
  const named = referenced
    ? await db.invoices.where('number').equals(referenced).filter((i) => live(i) && recipients.includes(i.clientKey)).toArray()
    : [];
  const { threadId, webmail } = mail.snap;
  const inThread = threadId ? await db.invoices.where('threadId').equals(threadId).filter((i) => live(i) && (i.webmail ?? webmail) === webmail).toArray() : [];
  const toClient = recipients.length > 0 ? await db.invoices.where('clientKey').anyOf(recipients).filter((i) => live(i) && i.status === 'open').toArray() : [];
  return { named, inThread, toClient };
}

function unique(list: Invoice[]): Invoice[] {
  return [...new Map(list.map((i) => [i.id, i])).values()];
}

export async function recordSentFollowup(deps: DetectionDeps, mail: SentMail, u: Understanding): Promise<MailSeenResponse> {
  const kind = u.classification.kind;
  const base = { kind, confidence: u.classification.confidence, attachmentsRead: mail.attachmentsRead };
  const db = deps.store.db;
  const seenAt = mail.now.toISOString();
  return db.transaction('rw', [db.invoices, db.histories, db.messages], async () => {
    const { named, inThread, toClient } = await candidates(deps, mail, u.referencedInvoiceNumber);
    const has = (list: Invoice[], inv: Invoice) => list.some((i) => i.id === inv.id);
    const targets: Array<{ invoice: Invoice; draft: InvoiceEvent | null }> = [];
    const all = unique([...named, ...inThread, ...toClient]);
    const history = await eventsOfInvoices(db, all);
    for (const invoice of all) {
      const draft = pendingDraft(history.get(invoice.id) ?? []);
      // In the invoice's thread, whatever follows a draft is the draft being sent. Outside it, the mail must read
      // as a reminder: a discarded draft must not turn the next unrelated mail to that client into a reminder.
      const sent = kind === 'reminder' ? has(named, invoice) || draft !== null : draft !== null && has(inThread, invoice);
      if (sent) targets.push({ invoice, draft });
    }
    // A receipt is about payment, not a reminder, even when a draft was waiting.
    if (kind === 'receipt') {
      if (named.length === 0) return { outcome: 'ignored', ...base };
      await addEvents(
        db,
        named.map((invoice) => ({
          invoiceId: invoice.id,
          clientKey: invoice.clientKey,
          type: 'note' as const,
          at: seenAt,
          payload: { kind: 'receipt-sent', proposal: 'record-payment', messageId: mail.snap.messageId },
        })),
      );
      await deps.ledger.record(mail.keys, { invoiceId: named[0]!.id, kind, direction: 'sent', seenAt });
      return { outcome: 'linked', invoiceId: named[0]!.id, invoiceIds: named.map((i) => i.id), ...base };
    }
    if (targets.length === 0) return { outcome: 'ignored', ...base };
    await addEvents(
      db,
      targets.map(({ invoice, draft }) => ({
        invoiceId: invoice.id,
        clientKey: invoice.clientKey,
        type: 'reminder-sent' as const,
        // When the reminder left (the mail's date when seen later in the thread), not when Relance noticed.
        at: instantOf(mail.snap, mail.now),
        payload: {
          stage: draft?.payload['stage'] ?? null,
          ...(draft?.payload['language'] ? { language: draft.payload['language'] } : {}),
          messageId: mail.snap.messageId,
          via: mail.snap.via,
        },
      })),
    );
    const ids = targets.map((t) => t.invoice.id);
    await deps.ledger.record(mail.keys, { invoiceId: ids[0]!, kind: 'reminder', direction: 'sent', seenAt });
    return { outcome: 'reminder-sent', invoiceId: ids[0]!, invoiceIds: ids, ...base, kind: 'reminder' };
  });
}
