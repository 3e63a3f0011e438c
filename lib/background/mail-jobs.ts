import type { MessageRow } from '../db/schema';
import type { RelanceStore } from '../db/store';
import { clientKeyFor } from '../domain/invoice';
import type { ReplyUnderstanding } from '../domain/replies';
import type { AttachmentReport, Understanding } from '../domain/understand';
import type { MailSeenResponse } from '../messaging/protocol';
import type { EmailSnapshot } from '../webmail/snapshot';
import { creditNoteTarget, linkInvoiceToMail, recordCreditNote, sentInvoiceNumber, trackSentInvoice } from './detection';
import { followupNeeds, recordSentFollowup } from './followups';
import { clientOf } from './mail-identity';
import { MailView, MissingRows, type MailNeeds, type PriorLook } from './mail-view';
import { receivedMailNeeds, recordReceivedMail } from './replies';
import type { Settled } from './write-batch';

/**
 * The write side of `mail.seen`: what is decided about a mail inside the write transaction, once everything that is
 * not database work (hashing, PDFs, understanding the text) is done. A batch of jobs is decided over one MailView:
 * the rows all of them will look at are read together, the decisions run one after the other in queue order (each
 * sees the writes of those before it), and the writes go out together.
 */
interface MailIds {
  snap: EmailSnapshot;
  /** Ledger keys: webmail id (null while sending) and fingerprint. */
  idKey: string | null;
  fpKey: string;
  now: Date;
  /** What the request's first look read (mail-seen.ts), shared by its mails' jobs: not read again if unchanged. */
  prior?: PriorLook;
}

export type MailJob =
  /** Is this mail already known (by id, as an imported invoice's message, or by fingerprint)? null when it is new. */
  | ({ type: 'recognise' } & MailIds)
  | ({ type: 'received'; understood: { reply: ReplyUnderstanding; named: string | null } } & MailIds)
  | ({ type: 'sent'; u: Understanding; attachmentsRead: AttachmentReport[]; retry: boolean } & MailIds);

export function seenBefore(row: MessageRow): MailSeenResponse {
  return { outcome: 'duplicate', kind: row.kind, ...(row.invoiceId ? { invoiceId: row.invoiceId } : {}) };
}

/** What a job will look up (read for the whole batch before any decision). */
export function mailJobNeeds(job: MailJob): MailNeeds {
  const { snap } = job;
  const base: MailNeeds = { messageKeys: [job.idKey, job.fpKey], invoices: { messageId: snap.direction === 'sent' ? [snap.messageId] : [] } };
  if (job.type === 'received') return merge(base, receivedMailNeeds(snap));
  if (job.type === 'recognise') return base;
  switch (job.u.classification.kind) {
    case 'invoice': {
      const client = clientOf(snap);
      return merge(base, { invoices: { number: [sentInvoiceNumber(job.u)] }, clients: client ? [clientKeyFor(client.email)] : [], settings: true });
    }
    case 'credit_note':
      return merge(base, { invoices: { number: [creditNoteTarget(snap, job.u)] } });
    default:
      return merge(base, followupNeeds({ snap }, job.u));
  }
}

function merge(a: MailNeeds, b: MailNeeds): MailNeeds {
  return { ...a, ...b, invoices: { ...a.invoices, ...b.invoices } };
}

/**
 * Known by its webmail id (duplicate) or under another name: as an imported invoice's message id, or by its
 * fingerprint (caught at send, now seen in its thread: linked). Null when the mail is new.
 */
function recognised(view: MailView, { snap, idKey, fpKey, now }: MailIds): MailSeenResponse | null {
  const known = idKey ? view.ledgerFind([idKey]) : undefined;
  if (known) return seenBefore(known);
  const seenAt = now.toISOString();
  const messageId = snap.direction === 'sent' ? snap.messageId : null;
  const [imported] = messageId ? view.invoicesWhere('messageId', [messageId], (i) => i.webmail === snap.webmail) : [];
  if (imported) {
    view.ledgerRecord([idKey, fpKey], { invoiceId: imported.id, kind: 'invoice', direction: 'sent', seenAt });
    return { outcome: 'duplicate', kind: 'invoice', invoiceId: imported.id };
  }
  const byFingerprint = view.ledgerFind([fpKey]);
  if (!byFingerprint) return null;
  if (byFingerprint.kind === 'invoice' && byFingerprint.invoiceId && snap.messageId) {
    const inv = view.invoice(byFingerprint.invoiceId);
    if (inv && inv.review !== 'dismissed') {
      linkInvoiceToMail(view, inv, snap);
      view.ledgerRecord([idKey], { invoiceId: inv.id, kind: 'invoice', direction: 'sent', seenAt });
      return { outcome: 'linked', kind: 'invoice', invoiceId: inv.id };
    }
  }
  view.ledgerRecord([idKey], { invoiceId: byFingerprint.invoiceId, kind: byFingerprint.kind, direction: byFingerprint.direction, seenAt });
  return seenBefore(byFingerprint);
}

function decide(view: MailView, job: MailJob): MailSeenResponse | null {
  const early = recognised(view, job);
  if (early || job.type === 'recognise') return early;
  const keys = [job.idKey, job.fpKey];
  if (job.type === 'received') return recordReceivedMail(view, { snap: job.snap, keys, now: job.now }, job.understood);

  const { u } = job;
  const mail = { snap: job.snap, keys, now: job.now, attachmentsRead: job.attachmentsRead };
  let result: MailSeenResponse;
  switch (u.classification.kind) {
    case 'invoice':
      result = trackSentInvoice(view, mail, u, view.settings.autoTrack);
      break;
    case 'credit_note':
      result = recordCreditNote(view, mail, u);
      break;
    default:
      result = recordSentFollowup(view, mail, u);
  }
  if (result.outcome === 'ignored' && job.idKey && result.missing === undefined && !job.retry) {
    // Fully read and nothing to do: remember it, so reopening the thread does not read its PDFs again. Mail caught at
    // send is not remembered: it gets a second look, with its attachments, when it shows in its thread.
    view.ledgerRecord([job.idKey], { invoiceId: null, kind: u.classification.kind, direction: 'sent', seenAt: job.now.toISOString() });
  }
  return result;
}

/** Reads beyond what the needs said, for one job, before it is answered with an error: a bound, never a loop. */
const MAX_EXTRA_READS = 8;

/**
 * Decides a batch of jobs in one transaction (the caller's): reads, decisions in order, writes. A job that fails is
 * answered with its error, its changes undone; the others are written.
 */
export async function runMailJobs(store: RelanceStore, jobs: readonly MailJob[]): Promise<Settled<MailSeenResponse | null>[]> {
  const view = await MailView.load(store, jobs.map(mailJobNeeds), [...new Set(jobs.flatMap((j) => (j.prior ? [j.prior] : [])))]);
  const out: Settled<MailSeenResponse | null>[] = [];
  for (const job of jobs) {
    for (let reads = 0; ; reads++) {
      try {
        out.push({ ok: true, value: view.decide(() => decide(view, job)) });
        break;
      } catch (error) {
        if (error instanceof MissingRows && reads < MAX_EXTRA_READS) {
          await view.read([error.needs]);
          continue;
        }
        out.push({ ok: false, error });
        break;
      }
    }
  }
  await view.commit();
  return out;
}
