import { fingerprintKey, MessageLedger, messageKey } from '../db/ledger';
import type { MessageRow } from '../db/schema';
import type { RelanceStore } from '../db/store';
import { isPdfAttachment } from '../domain/attachment';
import type { Invoice } from '../domain/invoice';
import { understandContent, type Understanding } from '../domain/understand';
import type { MailSeenRequest, MailSeenResponse } from '../messaging/protocol';
import type { EmailSnapshot } from '../webmail/snapshot';
import { readSnapshotAttachments } from './attachments';
import { linkInvoiceToMail, recordCreditNote, trackSentInvoice, type DetectionDeps, type SentMail } from './detection';
import { recordSentFollowup } from './followups';
import { fingerprintOf, toEmailRecord } from './mail-identity';
import type { PdfReader } from './pdf-reader';
import { receivedMailInvoices, recordReceivedMail, understandReceivedMail } from './replies';
import { createWriteBatcher } from './write-batch';

/**
 * `mail.seen`: one message a content script saw being sent or opened. Decides, once per message, whether it is a
 * sent invoice to track, a follow-up (reminder, receipt, credit note) of a tracked one, or a client's reply.
 *
 * A message is known by its webmail id and by its fingerprint (mail-identity.ts): seen again → duplicate; caught at
 * send then opened in its thread → linked (the invoice gets the message and thread ids), never tracked twice.
 *
 * Under load (several tabs reporting mail at once) the writes are grouped into shared transactions (write-batch.ts);
 * hashing, PDF reading and understanding the text happen before, outside any transaction. The decisions are the same
 * as one message at a time: each is re-checked inside the write transaction.
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
  // Every table a mail.seen may write (detection, follow-ups, replies, ledger) and read (settings).
  const batcher = createWriteBatcher(deps.store.db, (db) => [db.invoices, db.clients, db.histories, db.messages, db.settings]);

  return async function mailSeen(req) {
    const snap = req.snapshot;
    const now = deps.now();
    const idKey = snap.messageId ? messageKey(snap.webmail, snap.messageId) : null;
    const fpKey = fingerprintKey(await fingerprintOf(snap));
    const keys = [idKey, fpKey];

    // A quick look first (one request for both names of the message): seen before → answered without reading it.
    const db = deps.store.db;
    const [known, byFingerprint] = idKey ? await db.messages.bulkGet([idKey, fpKey]) : [undefined, await db.messages.get(fpKey)];
    if (known) return seenBefore(known);
    const imported = snap.direction === 'sent' && snap.messageId ? await invoiceOfMessage(db, snap.webmail, snap.messageId) : undefined;

    if (snap.direction === 'received') {
      // Most received mail is about nothing tracked: found out by a read, before spending time on its text.
      if (!byFingerprint && (await receivedMailInvoices(deps.store, snap, now)).invoices.length === 0) return { outcome: 'ignored' };
      const understood = understandReceivedMail(snap, now);
      return batcher.run(async () => {
        const early = await recognised(snap, idKey, fpKey, now);
        return early ?? recordReceivedMail(deps.store, ledger, { snap, keys, now }, understood);
      });
    }
    if (byFingerprint || imported) {
      // Caught at send and now seen in its thread, or tracked under this id already: linked, without reading it again.
      const early = await batcher.run(() => recognised(snap, idKey, fpKey, now));
      if (early) return early;
    }

    // The content script downloads a mail's PDFs only when they will be read: a mail handled before (every sent
    // invoice of a thread opened again) never costs a download.
    if (req.attachments === undefined && snap.attachments.some((a) => isPdfAttachment(a) && a.downloadUrl)) return { outcome: 'needs-attachments' };

    // Reading and understanding happen outside the write transaction (it must not wait on anything but the database).
    const { attachments, reports, retry } = await readSnapshotAttachments(snap, req.attachments ?? [], deps.pdf);
    const u: Understanding = { ...understandContent(toEmailRecord(snap, now), attachments), attachmentsRead: reports };
    const mail: SentMail = { snap, keys, now, attachmentsRead: reports };
    return batcher.run(async () => {
      // Checked again where it counts, inside the write transaction: another tab may have reported it meanwhile.
      const early = await recognised(snap, idKey, fpKey, now);
      if (early) return early;
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
    });
  };

  /** Known by its webmail id (duplicate) or under another name (recognise); null when the message is new. */
  async function recognised(snap: EmailSnapshot, idKey: string | null, fpKey: string, now: Date): Promise<MailSeenResponse | null> {
    // One request for both names. (Inside a transaction the first await must be a database request: Dexie keeps
    // the transaction across native awaits only after one.)
    const db = deps.store.db;
    const [known, byFingerprint] = idKey ? await db.messages.bulkGet([idKey, fpKey]) : [undefined, await db.messages.get(fpKey)];
    if (known) return seenBefore(known);
    return recognise(detection, snap, idKey, fpKey, now, byFingerprint);
  }
}

/**
 * The message is already known under another name: as an invoice's message id (e.g. after a backup import), or by
 * its fingerprint (caught at send; `byFingerprint` is its ledger row, read by the caller in the same transaction).
 * Returns the answer, or null when the message is new.
 */
async function recognise(
  deps: DetectionDeps,
  snap: EmailSnapshot,
  idKey: string | null,
  fpKey: string,
  now: Date,
  byFingerprint: MessageRow | undefined,
): Promise<MailSeenResponse | null> {
  const db = deps.store.db;
  const seenAt = now.toISOString();
  if (snap.messageId && snap.direction === 'sent') {
    const messageId = snap.messageId;
    const inv = await invoiceOfMessage(db, snap.webmail, messageId);
    if (inv) {
      await deps.ledger.record([idKey, fpKey], { invoiceId: inv.id, kind: 'invoice', direction: 'sent', seenAt });
      return { outcome: 'duplicate', kind: 'invoice', invoiceId: inv.id };
    }
  }
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

/** The invoice already tracked under this webmail message id (e.g. restored from a backup), if any. */
function invoiceOfMessage(db: RelanceStore['db'], webmail: string, messageId: string): Promise<Invoice | undefined> {
  return db.invoices.where('messageId').equals(messageId).filter((i) => i.webmail === webmail).first();
}
