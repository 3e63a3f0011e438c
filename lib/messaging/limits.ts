/**
 * Bounds of the protocol that the content script needs too. Kept apart from protocol.ts, which imports zod: the
 * content script must not bundle zod (lib/messaging/content-client.ts says why).
 *
 * `mail.seenMany` carries the mails of one burst (a thread rendered): at most MAX_MAILS_PER_REQUEST mails and
 * MAX_MAILS_TEXT_CHARS characters of subjects and bodies together. A snapshot is at most 5,000 + 500,000 characters
 * (lib/webmail/snapshot.ts), so the largest one fits alone; a longer burst is split by the sender (splitBurst).
 */
export const MAX_MAILS_PER_REQUEST = 50;
export const MAX_MAILS_TEXT_CHARS = 1_000_000;

/** The characters of a snapshot that count toward MAX_MAILS_TEXT_CHARS. */
export function mailTextChars(snap: { subject: string; text: string }): number {
  return snap.subject.length + snap.text.length;
}

/** A burst as requests within both bounds, in order (a snapshot over the text bound alone goes alone). */
export function splitBurst<T extends { subject: string; text: string }>(snaps: readonly T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const snap of snaps) {
    const n = mailTextChars(snap);
    if (current.length > 0 && (current.length >= MAX_MAILS_PER_REQUEST || chars + n > MAX_MAILS_TEXT_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(snap);
    chars += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}
