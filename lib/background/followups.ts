import type { Invoice, InvoiceEvent } from '../domain/invoice';
import type { Understanding } from '../domain/understand';
import type { MailSeenResponse } from '../messaging/protocol';
import type { SentMail } from './detection';
import { instantOf, recipientsOf } from './mail-identity';
import type { MailNeeds, MailView } from './mail-view';

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

const live = (i: Invoice) => i.review !== 'dismissed';

/** What a follow-up decision looks up (mail-view.ts): the invoices it may follow up, and their clients' histories. */
export function followupNeeds(mail: Pick<SentMail, 'snap'>, u: Understanding): MailNeeds {
  const { threadId } = mail.snap;
  return {
    invoices: { number: [u.referencedInvoiceNumber], threadId: [threadId], clientKey: recipientsOf(mail.snap) },
    historiesOfFound: true,
  };
}

function candidates(view: MailView, mail: SentMail, referenced: string | undefined): Candidates {
  const recipients = recipientsOf(mail.snap);
  const named = referenced ? view.invoicesWhere('number', [referenced], (i) => live(i) && recipients.includes(i.clientKey)) : [];
  const { threadId, webmail } = mail.snap;
  const inThread = threadId ? view.invoicesWhere('threadId', [threadId], (i) => live(i) && (i.webmail ?? webmail) === webmail) : [];
  const toClient = recipients.length > 0 ? view.invoicesWhere('clientKey', recipients, (i) => live(i) && i.status === 'open') : [];
  return { named, inThread, toClient };
}

function unique(list: Invoice[]): Invoice[] {
  return [...new Map(list.map((i) => [i.id, i])).values()];
}

export function recordSentFollowup(view: MailView, mail: SentMail, u: Understanding): MailSeenResponse {
  const kind = u.classification.kind;
  const base = { kind, confidence: u.classification.confidence, attachmentsRead: mail.attachmentsRead };
  const seenAt = mail.now.toISOString();
  const { named, inThread, toClient } = candidates(view, mail, u.referencedInvoiceNumber);
  const has = (list: Invoice[], inv: Invoice) => list.some((i) => i.id === inv.id);
  const targets: Array<{ invoice: Invoice; draft: InvoiceEvent | null }> = [];
  const all = unique([...named, ...inThread, ...toClient]);
  const history = view.eventsOfInvoices(all);
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
    view.addEvents(
      named.map((invoice) => ({
        invoiceId: invoice.id,
        clientKey: invoice.clientKey,
        type: 'note' as const,
        at: seenAt,
        payload: { kind: 'receipt-sent', proposal: 'record-payment', messageId: mail.snap.messageId },
      })),
    );
    view.ledgerRecord(mail.keys, { invoiceId: named[0]!.id, kind, direction: 'sent', seenAt });
    return { outcome: 'linked', invoiceId: named[0]!.id, invoiceIds: named.map((i) => i.id), ...base };
  }
  if (targets.length === 0) return { outcome: 'ignored', ...base };
  view.addEvents(
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
  view.ledgerRecord(mail.keys, { invoiceId: ids[0]!, kind: 'reminder', direction: 'sent', seenAt });
  return { outcome: 'reminder-sent', invoiceId: ids[0]!, invoiceIds: ids, ...base, kind: 'reminder' };
}
