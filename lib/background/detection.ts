import { newInvoiceRows, parseNewInvoice } from '../db/store';
import { addDaysIso } from '../domain/dates';
import { findReferencedInvoice, type ExtractedInvoice } from '../domain/extract';
import { clientKeyFor, type Invoice } from '../domain/invoice';
import { isValidIsoDate, type IsoDate } from '../domain/types';
import type { AttachmentReport, Understanding } from '../domain/understand';
import type { MailSeenResponse } from '../messaging/protocol';
import type { EmailSnapshot } from '../webmail/snapshot';
import { civilDayOf, clientOf, instantOf, recipientsOf, snippet } from './mail-identity';
import type { MailView } from './mail-view';

/**
 * Sent invoices become tracked invoices, once. A detection waits for the user's review unless the user chose to
 * track confident detections directly (settings.autoTrack and confidence >= AUTO_TRACK_CONFIDENCE).
 *
 * Credit notes are not tracked as negative invoices: a credit note that names the invoice it corrects is recorded
 * as a `note` event on that invoice (the user decides what it changes); one naming no tracked invoice is ignored.
 */
export const AUTO_TRACK_CONFIDENCE = 0.9;
/** When neither the invoice nor its terms give a due date (and the law gives none), Relance assumes this. */
export const DEFAULT_PAYMENT_DAYS = 30;

export interface SentMail {
  snap: EmailSnapshot;
  /** Ledger keys of the mail: webmail id (null while sending) and fingerprint. */
  keys: Array<string | null>;
  now: Date;
  attachmentsRead: AttachmentReport[];
}

export interface ResolvedDue {
  dueDate: IsoDate;
  isDefault: boolean;
  explanation?: string;
}

/** The invoice's due date: stated, else from its terms, else the legal or house default (flagged). */
export function resolveDueDate(ex: Pick<ExtractedInvoice, 'dueDate' | 'paymentTerms'>, issueDate: IsoDate): ResolvedDue {
  if (ex.dueDate && isValidIsoDate(ex.dueDate) && ex.dueDate >= issueDate) return { dueDate: ex.dueDate, isDefault: false };
  const t = ex.paymentTerms;
  if (t?.dueDate && isValidIsoDate(t.dueDate) && t.dueDate >= issueDate) {
    return { dueDate: t.dueDate, isDefault: t.isDefault, ...(t.explanation ? { explanation: snippet(t.explanation) } : {}) };
  }
  return { dueDate: addDaysIso(issueDate, DEFAULT_PAYMENT_DAYS), isDefault: true, explanation: `no payment terms found: ${DEFAULT_PAYMENT_DAYS} days assumed` };
}

function fieldsEvidence(ex: ExtractedInvoice): Record<string, unknown> {
  const clip = (v: string | number) => (typeof v === 'string' ? snippet(v) : v);
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(ex.fields)) {
    if (!f) continue;
    out[name] = {
      value: clip(f.value),
      source: f.source,
      ...(f.alternatives?.length ? { alternatives: f.alternatives.map((a) => ({ value: clip(a.value), source: a.source })) } : {}),
    };
  }
  return out;
}

/** What a sent invoice leads to: tracked (or waiting for review), linked to the invoice it is, or ignored. Decided in a mail batch (mail-view.ts). */
export function trackSentInvoice(view: MailView, mail: SentMail, u: Understanding, autoTrack: boolean): MailSeenResponse {
  const { snap } = mail;
  const ex = u.invoice;
  const confidence = u.classification.confidence;
  const base = { kind: u.classification.kind, confidence, attachmentsRead: mail.attachmentsRead };
  const client = clientOf(snap);
  const number = sentInvoiceNumber(u);
  const missing: Array<'number' | 'amount' | 'client'> = [];
  if (!number) missing.push('number');
  if (!ex?.totalMinor) missing.push('amount');
  if (!client) missing.push('client');
  if (!ex || !client || !number) return { outcome: 'ignored', ...base, missing };

  const clientKey = clientKeyFor(client.email);
  const seenAt = mail.now.toISOString();
  // Checked before the amount: a mail that names a tracked invoice is that invoice, however little else it says.
  const [existing] = view.invoicesWhere('number', [number], (i) => i.clientKey === clientKey);
  if (existing) {
    // Dismissed once: remembered, never proposed again. Otherwise the same invoice, seen from another mail.
    if (existing.review === 'dismissed') {
      view.ledgerRecord(mail.keys, { invoiceId: existing.id, kind: 'invoice', direction: 'sent', seenAt });
      return { outcome: 'duplicate', invoiceId: existing.id, ...base };
    }
    linkInvoiceToMail(view, existing, snap);
    view.ledgerRecord(mail.keys, { invoiceId: existing.id, kind: 'invoice', direction: 'sent', seenAt });
    return { outcome: 'linked', invoiceId: existing.id, ...base };
  }
  if (missing.length > 0) return { outcome: 'ignored', ...base, missing };
  const issueDate = ex.issueDate && isValidIsoDate(ex.issueDate) ? ex.issueDate : (civilDayOf(instantOf(snap, mail.now)) ?? civilDayOf(seenAt)!);
  const due = resolveDueDate(ex, issueDate);
  const review = autoTrack && confidence >= AUTO_TRACK_CONFIDENCE ? 'confirmed' : 'pending';
  const terms = ex.paymentTerms && !ex.paymentTerms.isDefault && ex.paymentTerms.text ? ex.paymentTerms.text.slice(0, 500) : null;
  const v = parseNewInvoice({
    clientEmail: client.email,
    clientName: (client.name || (ex.client ?? '')).slice(0, 200),
    number,
    amountMinor: ex.totalMinor!,
    currency: ex.currency ?? 'EUR',
    issueDate,
    dueDate: due.dueDate,
    terms,
    source: 'detected',
    webmail: snap.webmail,
    threadId: snap.threadId,
    messageId: snap.messageId,
    language: ex.language,
  });
  // The number was looked up above for this client, dismissed invoices included: it is not tracked yet.
  const { invoice, client: clientRow, created } = newInvoiceRows(v, { review, confidence, amountDueMinor: ex.amountDueMinor }, view.store.clock.now().toISOString(), view.client(clientKey));
  if (clientRow) view.putClient(clientRow);
  view.addInvoice(invoice);
  view.addEvents([
    created,
    {
      invoiceId: invoice.id,
      clientKey: invoice.clientKey,
      type: 'detected',
      at: seenAt,
      payload: {
        kind: u.classification.kind,
        confidence,
        evidence: u.classification.evidence.slice(0, 12).map((e) => ({ source: e.source, text: snippet(e.text), weight: e.weight })),
        fields: fieldsEvidence(ex),
        dueDateIsDefault: due.isDefault,
        ...(due.explanation ? { dueDateExplanation: due.explanation } : {}),
        attachmentsRead: mail.attachmentsRead,
        via: snap.via,
        webmail: snap.webmail,
        autoTracked: review === 'confirmed',
      },
    },
  ]);
  view.ledgerRecord(mail.keys, { invoiceId: invoice.id, kind: 'invoice', direction: 'sent', seenAt });
  return { outcome: review === 'confirmed' ? 'tracked' : 'detected', invoiceId: invoice.id, ...base };
}

/** The number a sent invoice is tracked under (what trackSentInvoice looks up), or '' when it has none. */
export function sentInvoiceNumber(u: Understanding): string {
  return u.invoice?.invoiceNumber?.trim().slice(0, 100) ?? '';
}

/** Gives an invoice the webmail ids it lacks (caught at send, or created by hand before the mail was seen). */
export function linkInvoiceToMail(view: MailView, inv: Invoice, snap: EmailSnapshot): void {
  const changes: Partial<Invoice> = {};
  if (!inv.webmail) changes.webmail = snap.webmail;
  if (!inv.messageId && snap.messageId) changes.messageId = snap.messageId.slice(0, 200);
  if (!inv.threadId && snap.threadId) changes.threadId = snap.threadId.slice(0, 200);
  if (Object.keys(changes).length > 0) view.updateInvoice(inv.id, changes);
}

/** The invoice number a credit note corrects, when it names one other than its own. */
export function creditNoteTarget(snap: Pick<EmailSnapshot, 'subject' | 'text'>, u: Understanding): string | null {
  const referenced = findReferencedInvoice(snap.subject, snap.text);
  return referenced && referenced !== (u.invoice?.invoiceNumber ?? null) ? referenced : null;
}

export function recordCreditNote(view: MailView, mail: SentMail, u: Understanding): MailSeenResponse {
  const { snap } = mail;
  const base = { kind: 'credit_note', confidence: u.classification.confidence, attachmentsRead: mail.attachmentsRead };
  const own = u.invoice?.invoiceNumber ?? null;
  const referenced = creditNoteTarget(snap, u);
  if (!referenced) return { outcome: 'ignored', ...base };
  const recipients = new Set(recipientsOf(snap));
  const seenAt = mail.now.toISOString();
  const [target] = view.invoicesWhere('number', [referenced], (i) => recipients.has(i.clientKey) && i.review !== 'dismissed');
  if (!target) return { outcome: 'ignored', ...base };
  view.addEvents([
    {
      invoiceId: target.id,
      clientKey: target.clientKey,
      type: 'note',
      at: seenAt,
      payload: {
        kind: 'credit_note',
        ...(own ? { creditNoteNumber: snippet(own) } : {}),
        ...(u.invoice?.totalMinor ? { amountMinor: u.invoice.totalMinor, currency: u.invoice.currency } : {}),
        messageId: snap.messageId,
      },
    },
  ]);
  view.ledgerRecord(mail.keys, { invoiceId: target.id, kind: 'credit_note', direction: 'sent', seenAt });
  return { outcome: 'linked', invoiceId: target.id, ...base };
}
