import { writeMark } from '../db/data-version';
import { fingerprintKey, messageKey } from '../db/ledger';
import type { MessageRow } from '../db/schema';
import type { RelanceStore } from '../db/store';
import { isPdfAttachment } from '../domain/attachment';
import type { Invoice } from '../domain/invoice';
import { understandContent, type Understanding } from '../domain/understand';
import type { MailSeenRequest, MailSeenResponse } from '../messaging/protocol';
import type { EmailSnapshot } from '../webmail/snapshot';
import { readSnapshotAttachments } from './attachments';
import { runMailJobs, seenBefore, type MailJob } from './mail-jobs';
import { fingerprintOf, toEmailRecord } from './mail-identity';
import { invoicesUnder, MailView, type PriorLook } from './mail-view';
import type { PdfReader } from './pdf-reader';
import { receivedMailInvoices, receivedMailNeeds, understandReceivedMail } from './replies';
import { createWriteBatcher, type Settled } from './write-batch';

/**
 * `mail.seen` / `mail.seenMany`: messages a content script saw being sent or opened. Decides, once per message,
 * whether it is a sent invoice to track, a follow-up (reminder, receipt, credit note) of a tracked one, or a client's
 * reply.
 *
 * A message is known by its webmail id and by its fingerprint (mail-identity.ts): seen again → duplicate; caught at
 * send then opened in its thread → linked (the invoice gets the message and thread ids), never tracked twice.
 *
 * Under load (several tabs reporting mail at once) the writes are grouped into shared transactions (write-batch.ts)
 * and a batch is decided with a few requests whatever its size (mail-jobs.ts, mail-view.ts); hashing, PDF reading
 * and understanding the text happen before, outside any transaction. The decisions are the same as one message at a
 * time: each is re-checked inside the write transaction, after the ones queued before it.
 *
 * The mails of one request (a thread's messages, `mail.seenMany`) are decided as if sent one after the other, in
 * their order: their first look at the database (the ledger and the invoices under their ids) is one read for all
 * of them, their write jobs are queued in request order (so a reply finds the invoice a mail before it created), and
 * a shortcut taken on what the database held before the request (a received mail "about nothing tracked") is not
 * taken when an earlier mail of the same request may have changed that.
 */
export interface MailSeenDeps {
  store: RelanceStore;
  pdf: PdfReader;
  now(): Date;
}

export interface MailSeen {
  /** One mail, with the PDF bytes the content script fetched when asked (`needs-attachments`). */
  seen(req: MailSeenRequest): Promise<MailSeenResponse>;
  /** The mails of a burst, without PDF bytes: one answer each, in order. */
  seenMany(snapshots: readonly EmailSnapshot[]): Promise<MailSeenResponse[]>;
}

/** What one mail of a request starts from: read for the whole request before any of its jobs. */
interface Look {
  /** What the request's first look read, passed with its write jobs. */
  prior: PriorLook;
  idKey: string | null;
  fpKey: string;
  /** The ledger row under its webmail id, and under its fingerprint. */
  known: MessageRow | undefined;
  byFingerprint: MessageRow | undefined;
  /** An invoice already tracked under this webmail id (sent mail only). */
  imported: Invoice | undefined;
  /** An earlier mail of the same request may write (a sent mail not known yet): a shortcut on older state is unsafe. */
  afterWriter: boolean;
  /**
   * Resolves when the earlier mails of the request have queued their last write job (or finished): true when one of
   * them was left undecided (`needs-attachments` or `deferred`), so this one must wait too.
   */
  turn: Promise<boolean>;
  /** Tells the next mail of the request that this one has queued its last job (false) or was left undecided (true). */
  release(undecided: boolean | Promise<boolean>): void;
}

const DEFERRED = { outcome: 'deferred' } as const satisfies MailSeenResponse;

/** What a shared first-look read found: ledger rows by key, and the invoices under the sent mails' webmail ids. */
interface Found {
  ledgerRow: ReadonlyMap<string, MessageRow | undefined>;
  invoices: readonly Invoice[];
}

/** A received or sent mail's job always answers: only `recognise` answers null (the mail is new). */
function answerOf(answer: MailSeenResponse | null): MailSeenResponse {
  if (!answer) throw new Error('The write batch gave no decision for this mail.');
  return answer;
}

export function createMailSeen(deps: MailSeenDeps): MailSeen {
  const db = deps.store.db;
  // Every table a mail.seen may write (detection, follow-ups, replies, ledger) and read (settings).
  const batcher = createWriteBatcher(db, (d) => [d.invoices, d.clients, d.histories, d.messages, d.settings], (jobs: readonly MailJob[]) => runMailJobs(deps.store, jobs));

  // The first looks of requests that arrive while one is being read share the next read, as writes share a
  // transaction: one read-only transaction for all of them instead of one each (a failed shared read is retried
  // look by look, as a failed write batch is).
  const firstLooks = createWriteBatcher(
    db,
    (d) => [d.messages, d.invoices],
    async (wants: readonly { keys: string[]; sentIds: string[] }[]): Promise<Settled<Found>[]> => {
      const keys = [...new Set(wants.flatMap((w) => w.keys))];
      const sentIds = [...new Set(wants.flatMap((w) => w.sentIds))];
      const [rows, invoices] = await Promise.all([
        db.messages.bulkGet(keys),
        invoicesUnder(deps.store, 'messageId', sentIds),
      ]);
      const found: Found = { ledgerRow: new Map(keys.map((k, i) => [k, rows[i]])), invoices };
      return wants.map(() => ({ ok: true, value: found }));
    },
    { mode: 'r' },
  );

  /** The first look of every mail of a request: the ledger under their keys and the invoices under the sent mails' ids. */
  async function lookUp(snaps: readonly EmailSnapshot[]): Promise<Look[]> {
    const fingerprints = snaps.map(fingerprintOf);
    const ids = snaps.map((s) => (s.messageId ? messageKey(s.webmail, s.messageId) : null));
    const fps = fingerprints.map(fingerprintKey);
    const keys = [...new Set([...ids.filter((k): k is string => k !== null), ...fps])];
    const sentIds = [...new Set(snaps.flatMap((s) => (s.direction === 'sent' && s.messageId ? [s.messageId] : [])))];
    // Taken before the read: the write batch uses what it read where no write since may have changed it.
    const mark = writeMark(db);
    const { ledgerRow, invoices } = await firstLooks.run({ keys, sentIds });
    const prior: PriorLook = {
      mark,
      ledger: new Map(keys.map((k) => [k, ledgerRow.get(k)])),
      noInvoiceUnder: sentIds.filter((id) => !invoices.some((inv) => inv.messageId === id)),
    };
    let turn = Promise.resolve(false);
    let afterWriter = false;
    return snaps.map((snap, i) => {
      const idKey = ids[i]!;
      const known = idKey ? ledgerRow.get(idKey) : undefined;
      let release!: (undecided: boolean | Promise<boolean>) => void;
      const next = new Promise<boolean>((ok) => (release = ok));
      const look: Look = {
        prior,
        idKey,
        fpKey: fps[i]!,
        known,
        byFingerprint: ledgerRow.get(fps[i]!),
        imported: snap.direction === 'sent' && snap.messageId ? invoices.find((inv) => inv.messageId === snap.messageId && inv.webmail === snap.webmail) : undefined,
        afterWriter,
        turn,
        release,
      };
      turn = next;
      if (snap.direction === 'sent' && !known) afterWriter = true;
      return look;
    });
  }

  /**
   * Queues a write job once the earlier mails of the request have queued theirs: jobs run in request order. When an
   * earlier mail was left undecided (its PDFs asked for), this one is not decided either (`deferred`): one after the
   * other, it would have been decided after that mail, with its PDFs; the content script sends it again then.
   */
  async function inTurn(look: Look, job: MailJob, last: boolean): Promise<MailSeenResponse | null> {
    if (await look.turn) return DEFERRED;
    const done = batcher.run(job);
    if (last) look.release(false);
    return done;
  }

  async function decide(snap: EmailSnapshot, attachmentsGiven: MailSeenRequest['attachments'], look: Look, now: Date): Promise<MailSeenResponse> {
    const { idKey, fpKey, known, byFingerprint } = look;
    // Seen before under its webmail id → answered without reading it.
    if (known) return seenBefore(known);

    if (snap.direction === 'received') {
      // Most received mail is about nothing tracked: found out by a read, before spending time on its text. Not
      // when an earlier mail of this request may have just tracked the invoice it answers.
      if (!look.afterWriter && !byFingerprint) {
        const view = await db.transaction('r', [db.invoices], () => MailView.load(deps.store, [receivedMailNeeds(snap)]));
        if (receivedMailInvoices(view, snap, now).invoices.length === 0) return { outcome: 'ignored' };
      }
      const understood = understandReceivedMail(snap, now);
      return answerOf(await inTurn(look, { type: 'received', snap, idKey, fpKey, now, understood, prior: look.prior }, true));
    }

    const wantsPdfs = attachmentsGiven === undefined && snap.attachments.some((a) => isPdfAttachment(a) && a.downloadUrl);
    // Caught at send and now seen in its thread, or tracked under this id already: linked, without reading it again.
    // A mail that would ask for its PDFs is checked in turn first when a mail before it in the request may be it.
    if (byFingerprint || look.imported || (wantsPdfs && look.afterWriter)) {
      const early = await inTurn(look, { type: 'recognise', snap, idKey, fpKey, now, prior: look.prior }, false);
      if (early) return early;
    }

    // The content script downloads a mail's PDFs only when they will be read: a mail handled before (every sent
    // invoice of a thread opened again) never costs a download.
    if (wantsPdfs) return { outcome: 'needs-attachments' };

    // Reading and understanding happen outside the write transaction (it must not wait on anything but the database).
    const { attachments, reports, retry } = await readSnapshotAttachments(snap, attachmentsGiven ?? [], deps.pdf);
    const u: Understanding = { ...understandContent(toEmailRecord(snap, now), attachments), attachmentsRead: reports };
    return answerOf(await inTurn(look, { type: 'sent', snap, idKey, fpKey, now, u, attachmentsRead: reports, retry, prior: look.prior }, true));
  }

  async function decideInOrder(snap: EmailSnapshot, attachments: MailSeenRequest['attachments'], look: Look, now: Date): Promise<MailSeenResponse> {
    let undecided = false;
    try {
      const answer = await decide(snap, attachments, look, now);
      undecided = answer.outcome === 'needs-attachments' || answer.outcome === 'deferred';
      return answer;
    } finally {
      // A mail answered without waiting for its turn (a duplicate) passes on what the mails before it said.
      look.release(look.turn.then((before) => before || undecided));
    }
  }

  return {
    async seen(req) {
      const [look] = await lookUp([req.snapshot]);
      return decideInOrder(req.snapshot, req.attachments, look!, deps.now());
    },
    async seenMany(snapshots) {
      const now = deps.now();
      const looks = await lookUp(snapshots);
      return Promise.all(snapshots.map((snap, i) => decideInOrder(snap, undefined, looks[i]!, now)));
    },
  };
}
