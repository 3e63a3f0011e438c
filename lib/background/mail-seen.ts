import { fingerprintKey, MessageLedger, messageKey } from '../db/ledger';
import type { MessageRow } from '../db/schema';
import type { RelanceStore } from '../db/store';
import { understandContent, type Understanding } from '../domain/understand';
import type { MailSeenRequest, MailSeenResponse } from '../messaging/protocol';
import type { EmailSnapshot } from '../webmail/snapshot';
import { readSnapshotAttachments } from './attachments';
import { linkInvoiceToMail, recordCreditNote, trackSentInvoice, type DetectionDeps, type SentMail } from './detection';
import { recordSentFollowup } from './followups';
import { fingerprintOf, toEmailRecord } from './mail-identity';
import type { PdfReader } from './pdf-reader';
import { recordReceivedMail } from './replies';

/**
 * `mail.seen`: one message a content script saw being sent or opened. Decides, once per message, whether it is a
 * sent invoice to track, a follow-up (reminder, receipt, credit note) of a tracked one, or a client's reply.
 *
 * A message is known by its webmail id and by its fingerprint (mail-identity.ts): seen again → duplicate; caught at
 * send then opened in its thread → linked (the invoice gets the message and thread ids), never tracked twice.
 */
export interface MailSeenDeps {
  store: RelanceStore;
  pdf: PdfReader;
  now(): Date;
}

function seenBefore(row: MessageRow): MailSeenResponse {
  return { outcome: 'duplicate', kind: row.kind, ...(row.invoiceId ? { invoiceId: row.invoiceId } : {}) };
}

export function createMailSeen(deps: MailSeenDeps): (req: MailSeenRequest) => Promise<MailSeenResponse> {
  const ledger = new MessageLedger(deps.store.db);
  const detection: DetectionDeps = { store: deps.store, ledger };

  return async function mailSeen(req) {
    const snap = req.snapshot;
    const now = deps.now();
    const idKey = snap.messageId ? messageKey(snap.webmail, snap.messageId) : null;
    const fpKey = fingerprintKey(await fingerprintOf(snap));
    const keys = [idKey, fpKey];

    const known = await ledger.find([idKey]);
    if (known) return seenBefore(known);
    const early = await recognise(detection, snap, idKey, fpKey, now);
    if (early) return early;

    if (snap.direction === 'received') return recordReceivedMail(deps.store, ledger, { snap, keys, now });

    const { attachments, reports, retry } = await readSnapshotAttachments(snap, req.attachments ?? [], deps.pdf);
    const u: Understanding = { ...understandContent(toEmailRecord(snap, now), attachments), attachmentsRead: reports };
    const mail: SentMail = { snap, keys, now, attachmentsRead: reports };
    let result: MailSeenResponse;
    switch (u.classification.kind) {
      case 'invoice':
        result = await trackSentInvoice(detection, mail, u, (await deps.store.getSettings()).autoTrack);
        break;
      case 'credit_note':
        result = await recordCreditNote(detection, mail, u);
        break;
      default:
        result = await recordSentFollowup(detection, mail, u);
    }
    if (result.outcome === 'ignored' && idKey && result.missing === undefined && !retry) {
      // Fully read and nothing to do: remember it, so reopening the thread does not read its PDFs again. Mail caught
      // at send is not remembered: it gets a second look, with its attachments, when it shows in its thread.
      await ledger.record([idKey], { invoiceId: null, kind: u.classification.kind, direction: 'sent', seenAt: now.toISOString() });
    }
    return result;
  };
}

/**
 * The message is already known under another name: as an invoice's message id (e.g. after a backup import), or by
 * its fingerprint (caught at send). Returns the answer, or null when the message is new.
 */
async function recognise(deps: DetectionDeps, snap: EmailSnapshot, idKey: string | null, fpKey: string, now: Date): Promise<MailSeenResponse | null> {
  const db = deps.store.db;
  const seenAt = now.toISOString();
  if (snap.messageId && snap.direction === 'sent') {
    const messageId = snap.messageId;
    const inv = await db.invoices.where('messageId').equals(messageId).filter((i) => i.webmail === snap.webmail).first();
    if (inv) {
      await deps.ledger.record([idKey, fpKey], { invoiceId: inv.id, kind: 'invoice', direction: 'sent', seenAt });
      return { outcome: 'duplicate', kind: 'invoice', invoiceId: inv.id };
    }
  }
  const byFingerprint = await deps.ledger.find([fpKey]);
  if (!byFingerprint) return null;
  if (byFingerprint.kind === 'invoice' && byFingerprint.invoiceId && snap.messageId) {
    const inv = await db.invoices.get(byFingerprint.invoiceId);
    if (inv && inv.review !== 'dismissed') {
      await db.transaction('rw', [db.invoices, db.messages], async () => {
        await linkInvoiceToMail(deps, inv, snap);
        await deps.ledger.record([idKey], { invoiceId: inv.id, kind: 'invoice', direction: 'sent', seenAt });
      });
      return { outcome: 'linked', kind: 'invoice', invoiceId: inv.id };
    }
  }
  await deps.ledger.record([idKey], { invoiceId: byFingerprint.invoiceId, kind: byFingerprint.kind, direction: byFingerprint.direction, seenAt });
  return seenBefore(byFingerprint);
}
