import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '@/lib/background/mail-identity';
import type { EmailSnapshot } from '@/lib/webmail/snapshot';

/**
 * A mail's fingerprint (lib/background/mail-identity.ts) is stored in the ledger (`fp:<hex>`): a mail caught at send
 * is recognised by it when it shows in its thread, possibly after an update of the extension. So it must be the very
 * value earlier versions wrote (SHA-256 by WebCrypto, first 20 bytes), and stay blind to what differs between a
 * compose editor and the rendered thread.
 */

const snap = (over: Partial<EmailSnapshot> = {}): EmailSnapshot => ({
  webmail: 'gmail',
  messageId: null,
  threadId: null,
  direction: 'sent',
  from: { name: 'Claire', email: 'claire@studio.example' },
  to: [{ name: 'Marc Dupont', email: 'Compta@Dupont-BTP.example' }],
  cc: [{ name: '', email: 'direction@dupont-btp.example' }],
  subject: 'RE: Facture F-2025-014 — refonte du site',
  date: null,
  text: 'Bonjour Marc,\n\nVeuillez trouver ci-joint la facture F-2025-014 d’un montant de 1 200,00 € TTC.\n\nCordialement,\nClaire\n\nLe 2 juin, Marc a écrit :\n> merci',
  attachments: [],
  via: 'send',
  ...over,
});

/** What the fifth session's code computed (crypto.subtle.digest), kept here so old ledger rows keep matching. */
async function webCrypto(basis: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(basis));
  return Array.from(new Uint8Array(digest).slice(0, 20), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('fingerprintOf', () => {
  it('is the value earlier versions stored for the same mail', () => {
    // Computed by the WebCrypto implementation before it was replaced (session 6).
    expect(fingerprintOf(snap())).toBe('e23689f7e0836dfdc00ebbb1a819c9e8ba42482a');
  });

  it('equals WebCrypto SHA-256 on the same bytes, whatever the text', async () => {
    for (const basis of ['', 'a', 'é€😀\n\u0000', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'ünïcödé '.repeat(500)]) {
      expect(bytesToHex(sha256(new TextEncoder().encode(basis)).subarray(0, 20))).toBe(await webCrypto(basis));
    }
  });

  it('ignores whitespace, reply prefixes, address case and order, and the quoted part', () => {
    const base = fingerprintOf(snap());
    expect(fingerprintOf(snap({ text: snap().text.replace(/\n/g, '\r\n').replace('Bonjour Marc,', 'Bonjour\u00a0Marc,  ') }))).toBe(base);
    expect(fingerprintOf(snap({ subject: 'Facture F-2025-014 —   refonte du site' }))).toBe(base);
    expect(fingerprintOf(snap({ to: [{ name: '', email: 'direction@dupont-btp.example' }], cc: [{ name: 'M', email: 'compta@dupont-btp.example' }] }))).toBe(base);
    expect(fingerprintOf(snap({ messageId: 'msg-1', threadId: 't-1', via: 'thread' }))).toBe(base);
  });

  it('tells apart what makes another mail', () => {
    const base = fingerprintOf(snap());
    expect(fingerprintOf(snap({ subject: 'Facture F-2025-015 — refonte du site' }))).not.toBe(base);
    expect(fingerprintOf(snap({ to: [{ name: '', email: 'autre@client.example' }] }))).not.toBe(base);
    expect(fingerprintOf(snap({ direction: 'received' }))).not.toBe(base);
    expect(fingerprintOf(snap({ webmail: 'outlook' }))).not.toBe(base);
    expect(fingerprintOf(snap({ text: snap().text.replace('1 200,00', '1 300,00') }))).not.toBe(base);
    expect(fingerprintOf(snap())).toMatch(/^[0-9a-f]{40}$/);
  });
});
