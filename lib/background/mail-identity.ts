import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ownPart } from '../domain/classify';
import { EmailAddressSchema } from '../domain/invoice';
import { isValidIsoDate, type IsoDate } from '../domain/types';
import type { EmailRecord } from '../mail/record';
import type { EmailSnapshot } from '../webmail/snapshot';

/**
 * Who a mail is, independently of how it was caught. A message caught at send has no webmail id yet; when it shows
 * up in its thread, its fingerprint (normalised subject, recipients, start of the user's own text) says it is the
 * same message. Only the hash is stored.
 */

/** "Re:", "Fwd:", "AW:", "TR:"… repeated, in the languages Relance reads. */
const SUBJECT_PREFIX = /^\s*(?:re|fwd?|tr|aw|wg|antw|sv|vs|rv|rif|r|i|enc|odp|doorst)\s*(?:\[\d+\])?\s*:\s*/i;
/** How much of the user's own text the fingerprint covers: enough to tell two mails apart, short enough to survive
 * a signature the thread view folds away. */
const FINGERPRINT_TEXT_CHARS = 2000;

export function normaliseSubject(subject: string): string {
  let s = subject;
  for (let i = 0; i < 10 && SUBJECT_PREFIX.test(s); i++) s = s.replace(SUBJECT_PREFIX, '');
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Lower-cased, deduplicated, sorted addresses of `to` and `cc`. */
export function recipientsOf(snap: Pick<EmailSnapshot, 'to' | 'cc'>): string[] {
  return [...new Set([...snap.to, ...snap.cc].map((a) => a.email.trim().toLowerCase()).filter(Boolean))].sort();
}

const utf8 = new TextEncoder();

/**
 * The first 20 bytes of the SHA-256 of the mail's identity, in hex. Computed in JavaScript (@noble/hashes), not with
 * `crypto.subtle.digest`: the same bytes (ledger rows written by either match), without a hop to the browser's thread
 * pool and a promise per mail, which cost ~5x more under load (test/bench/load.ts).
 */
export function fingerprintOf(snap: EmailSnapshot): string {
  // Whitespace differs between a compose editor and the rendered message; the words do not.
  const own = ownPart(snap.text).replace(/\s+/g, '').toLowerCase().slice(0, FINGERPRINT_TEXT_CHARS);
  const basis = [snap.webmail, snap.direction, normaliseSubject(snap.subject), recipientsOf(snap).join(','), own].join('\n');
  return bytesToHex(sha256(utf8.encode(basis)).subarray(0, 20));
}

/** The snapshot's date when it is a real instant, else `now` (a mail being sent has no date yet). */
export function instantOf(snap: Pick<EmailSnapshot, 'date'>, now: Date): string {
  if (snap.date) {
    const t = Date.parse(snap.date);
    if (Number.isFinite(t)) return new Date(t).toISOString();
  }
  return now.toISOString();
}

/** The civil day of an ISO instant (UTC, as the extraction reads dates), or null. */
export function civilDayOf(instant: string): IsoDate | null {
  const day = instant.slice(0, 10);
  return isValidIsoDate(day) ? day : null;
}

export function toEmailRecord(snap: EmailSnapshot, now: Date): EmailRecord {
  return {
    id: snap.messageId ?? 'unsent',
    direction: snap.direction,
    date: instantOf(snap, now),
    from: snap.from,
    to: snap.to,
    cc: snap.cc,
    subject: snap.subject,
    text: snap.text,
    attachments: snap.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size })),
  };
}

/** The client of a sent mail: the first valid recipient in `to`, then `cc`, that is not the sender. */
export function clientOf(snap: EmailSnapshot): { email: string; name: string } | null {
  const self = snap.from.email.trim().toLowerCase();
  for (const a of [...snap.to, ...snap.cc]) {
    const email = EmailAddressSchema.safeParse(a.email);
    if (email.success && email.data !== self) return { email: email.data, name: (a.name ?? '').trim().slice(0, 200) };
  }
  return null;
}

/** Evidence kept in the database is short: a snippet, never the mail. */
export const MAX_SNIPPET = 120;
export function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_SNIPPET ? `${t.slice(0, MAX_SNIPPET - 1)}…` : t;
}
