import { findReferencedInvoice } from '../domain/extract';
import type { Invoice } from '../domain/invoice';
import { classifyReply, type ReplyUnderstanding } from '../domain/replies';
import type { MailSeenResponse } from '../messaging/protocol';
import type { EmailSnapshot } from '../webmail/snapshot';
import { civilDayOf, instantOf, snippet } from './mail-identity';
import type { MailNeeds, MailView } from './mail-view';

/**
 * Received mail about tracked invoices: a message in the thread of an invoice, or from a client with open invoices.
 * Its intent (lib/domain/replies) is recorded as a `reply-received` event on the invoice it names, else on every
 * matching invoice. Only the intent, the promised date and short evidence snippets are stored, never the mail.
 *
 * A message from the client outside any invoice thread is recorded only when it says something about payment
 * (intent other than none): clients also write about other things.
 */
export interface ReceivedMail {
  snap: EmailSnapshot;
  keys: Array<string | null>;
  now: Date;
}

const MAX_EVIDENCE = 5;

const live = (i: Invoice) => i.review !== 'dismissed';

/** The address a received mail's sender is tracked under. */
function senderKey(snap: EmailSnapshot): string {
  return snap.from.email.trim().toLowerCase();
}

/** What receivedMailInvoices looks up: the invoices of the mail's thread and the sender's. */
export function receivedMailNeeds(snap: EmailSnapshot): MailNeeds {
  return { invoices: { threadId: [snap.threadId], clientKey: [senderKey(snap)] } };
}

/** The invoices a received mail may be about (thread first, else the sender's open ones), no older than the mail. */
export function receivedMailInvoices(view: MailView, snap: EmailSnapshot, now: Date): { invoices: Invoice[]; inThread: boolean } {
  const day = civilDayOf(instantOf(snap, now));
  const inThread = snap.threadId ? view.invoicesWhere('threadId', [snap.threadId], (i) => live(i) && (i.webmail ?? snap.webmail) === snap.webmail) : [];
  const found =
    inThread.length > 0
      ? { invoices: inThread, inThread: true }
      : { invoices: view.invoicesWhere('clientKey', [senderKey(snap)], (i) => live(i) && i.status === 'open'), inThread: false };
  // A message older than the invoice (the client's order, earlier exchanges in the thread) is not a reply to it.
  return { invoices: found.invoices.filter((i) => !day || day >= i.issueDate), inThread: found.inThread };
}

/** What the mail says (pure CPU, no database): done before the write transaction, which must not wait on it. */
export function understandReceivedMail(snap: EmailSnapshot, now: Date): { reply: ReplyUnderstanding; named: string | null } {
  return { reply: classifyReply({ subject: snap.subject, text: snap.text, date: instantOf(snap, now) }), named: findReferencedInvoice(snap.subject, snap.text) };
}

export function recordReceivedMail(view: MailView, mail: ReceivedMail, understood: { reply: ReplyUnderstanding; named: string | null }): MailSeenResponse {
  const { snap } = mail;
  const date = instantOf(snap, mail.now);
  const found = receivedMailInvoices(view, snap, mail.now);
  let invoices = found.invoices;
  if (invoices.length === 0) return { outcome: 'ignored' };

  const { reply, named } = understood;
  if (!found.inThread && reply.intent === 'none') return { outcome: 'ignored', kind: 'none', confidence: reply.confidence };
  const namedOnes = named ? invoices.filter((i) => i.number === named) : [];
  if (namedOnes.length > 0) invoices = namedOnes;

  const seenAt = mail.now.toISOString();
  const payload = {
    intent: reply.intent,
    promisedDate: reply.promisedDate,
    confidence: reply.confidence,
    evidence: reply.evidence.slice(0, MAX_EVIDENCE).map((e) => ({ text: snippet(e.text), weight: e.weight })),
    language: reply.language,
    messageId: snap.messageId,
  };
  // Checked again where it is written: two tabs may report the same message at once.
  if (view.ledgerFind(mail.keys)) return { outcome: 'duplicate', kind: reply.intent };
  view.addEvents(invoices.map((inv) => ({ invoiceId: inv.id, clientKey: inv.clientKey, type: 'reply-received' as const, at: date, payload })));
  view.ledgerRecord(mail.keys, { invoiceId: invoices[0]!.id, kind: reply.intent, direction: 'received', seenAt });
  return {
    outcome: 'reply-recorded',
    invoiceId: invoices[0]!.id,
    invoiceIds: invoices.map((i) => i.id),
    kind: reply.intent,
    confidence: reply.confidence,
  };
}
