import { describe, expect, it, vi } from 'vitest';
import { messageKey } from '@/lib/db/ledger';
import { receivedSnapshot, sentSnapshot, setup } from './mail';

/**
 * The first look of a `mail.seen` / `mail.seenMany` request (the ledger under the mails' keys, the invoices under
 * their ids) is read together with the first looks of the requests that arrive meanwhile: several tabs reporting at
 * once share read transactions, and each request is still decided as if alone, in order.
 */

type Seen = { outcome: string };

const invoiceMail = (n: number) =>
  sentSnapshot({
    messageId: `msg-l:${n}`,
    threadId: `thread-l:${n}`,
    via: 'thread',
    to: [{ name: 'Client', email: `compta${n}@client${n}.example` }],
    subject: `Facture F-2025-${100 + n}`,
    text: `Bonjour,\n\nVeuillez trouver la facture F-2025-${100 + n} d'un montant de 1 ${200 + n},00 € TTC, payable sous 30 jours.\n\nCordialement,\nClaire`,
  });
const replyTo = (n: number) =>
  receivedSnapshot({
    messageId: `msg-l:${n}-r`,
    threadId: `thread-l:${n}`,
    from: { name: 'Client', email: `compta${n}@client${n}.example` },
    subject: `Re: Facture F-2025-${100 + n}`,
    text: `Bonjour,\n\nLe virement pour la facture F-2025-${100 + n} partira le 30 juin.\n\nBien à vous`,
  });

/** Counts the read-only transactions over the ledger: the first looks. */
function countFirstLooks(t: ReturnType<typeof setup>): () => number {
  const spy = vi.spyOn(t.db, 'transaction');
  return () => spy.mock.calls.filter((c) => c[0] === 'r' && Array.isArray(c[1]) && (c[1] as { name: string }[]).some((tb) => tb.name === 'messages')).length;
}

describe('first looks of concurrent requests', () => {
  it('share reads, and each request is answered as if alone', async () => {
    const t = setup();
    const looks = countFirstLooks(t);
    const requests = Array.from({ length: 12 }, (_, n) => t.ok<{ results: Seen[] }>('mail.seenMany', { snapshots: [invoiceMail(n), replyTo(n)] }));
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.results.map((r) => r.outcome))).toEqual(Array.from({ length: 12 }, () => ['detected', 'reply-recorded']));
    expect(looks()).toBeGreaterThanOrEqual(1);
    expect(looks()).toBeLessThan(12);
    expect(await t.db.invoices.count()).toBe(12);

    // The same mails again, at once, and one of them twice in the same burst: duplicates, nothing written twice.
    const again = await Promise.all([0, 1, 1, 2].map((n) => t.ok<{ results: Seen[] }>('mail.seenMany', { snapshots: [invoiceMail(n), replyTo(n)] })));
    expect(again.flatMap((a) => a.results.map((r) => r.outcome))).toEqual(Array(8).fill('duplicate'));
    expect(await t.db.invoices.count()).toBe(12);
    expect(t.errors).toEqual([]);
  });

  it('the same new mail reported by two tabs at once is tracked once', async () => {
    const t = setup();
    const [a, b] = await Promise.all([t.ok<Seen>('mail.seen', { snapshot: invoiceMail(7) }), t.ok<Seen>('mail.seen', { snapshot: invoiceMail(7) })]);
    expect([a.outcome, b.outcome].sort()).toEqual(['detected', 'duplicate']);
    expect(await t.db.invoices.count()).toBe(1);
  });

  it("the write batch takes the ledger from the request's first look instead of reading it again", async () => {
    const t = setup();
    const ledgerReads = vi.spyOn(t.db.messages, 'bulkGet');
    expect((await t.ok<{ results: Seen[] }>('mail.seenMany', { snapshots: [invoiceMail(4), replyTo(4)] })).results.map((r) => r.outcome)).toEqual(['detected', 'reply-recorded']);
    // The first look reads the four keys (two mails: webmail id and fingerprint); the batch reads none of them again.
    const keysRead = ledgerReads.mock.calls.flatMap((c) => c[0] as string[]);
    expect(keysRead).toHaveLength(4);
    expect(new Set(keysRead).size).toBe(4);
    expect(await t.db.messages.count()).toBe(4);
  });

  it('a batch with nothing else to read reads the ledger itself (what the first look read is only trusted once the transaction has started)', async () => {
    const t = setup();
    const atSend = { ...invoiceMail(5), messageId: null, threadId: null, via: 'send' as const };
    expect((await t.ok<Seen>('mail.seen', { snapshot: atSend })).outcome).toBe('detected');
    const ledgerReads = vi.spyOn(t.db.messages, 'bulkGet');
    // The same mail in its thread: known by its fingerprint, a `recognise` job whose needs the first look all read.
    expect((await t.ok<Seen>('mail.seen', { snapshot: invoiceMail(5) })).outcome).toBe('linked');
    expect(ledgerReads).toHaveBeenCalledTimes(2);
    expect(ledgerReads.mock.calls[1]![0]).toEqual(ledgerReads.mock.calls[0]![0]);
  });

  it('a ledger key written between the first look and the write batch is read again', async () => {
    const t = setup();
    const key = messageKey('gmail', 'msg-l:3');
    // Just before the write batch's transaction, something else (another tab's batch, a restore) records the mail.
    const transaction = t.db.transaction.bind(t.db) as (...args: unknown[]) => unknown;
    let wrote = false;
    vi.spyOn(t.db, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (!wrote && args[0] === 'rw') {
        wrote = true;
        void t.db.messages.put({ key, invoiceId: null, kind: 'other', direction: 'sent', seenAt: '2025-06-01T09:00:00.000Z' });
      }
      return transaction(...args);
    }) as typeof t.db.transaction);
    const answer = await t.ok<Seen & { kind?: string }>('mail.seen', { snapshot: invoiceMail(3) });
    expect(wrote).toBe(true);
    // Decided on the row written meanwhile, not on the first look's "not in the ledger": nothing tracked twice.
    expect(answer).toEqual(expect.objectContaining({ outcome: 'duplicate', kind: 'other' }));
    expect(await t.db.invoices.count()).toBe(0);
    expect(t.errors).toEqual([]);
  });

  it('a read that fails answers its requests with an error, and the next requests read again', async () => {
    const t = setup();
    vi.spyOn(t.db.messages, 'bulkGet').mockRejectedValueOnce(new Error('disk went away'));
    const failed = await t.call('mail.seen', { snapshot: invoiceMail(1) });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await t.ok<Seen>('mail.seen', { snapshot: invoiceMail(1) })).toEqual(expect.objectContaining({ outcome: 'detected' }));
    expect(await t.db.invoices.count()).toBe(1);
  });
});
