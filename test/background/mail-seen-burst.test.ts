import { describe, expect, it } from 'vitest';
import { CLIENT, fromGmail, fromOutlook, receivedSnapshot, sentSnapshot, setup } from './mail';
import { allEvents } from '@/lib/db/events';

/**
 * mail.seen under a burst from several tabs (the writes share transactions, lib/background/write-batch.ts): every
 * message is answered once, recorded once, and a message reported by two tabs at once is tracked once.
 */

const invoiceMail = (i: number) =>
  sentSnapshot({
    messageId: `msg-burst-${i}`,
    threadId: `thread-burst-${i}`,
    via: 'thread',
    to: [{ name: 'Client', email: `compta${i}@client${i}.example` }],
    subject: `Facture F-2025-${100 + i} — mission`,
    text: `Bonjour,\n\nVeuillez trouver ci-joint la facture F-2025-${100 + i} d'un montant de ${1000 + i},00 € TTC.\nDate de facture : 02/06/2025\nÉchéance : 02/07/2025\n\nCordialement,\nClaire`,
    date: '2025-06-02T09:00:00Z',
  });

describe('mail.seen in a burst', () => {
  it.each([5, 40])('%i different invoices at once, each also reported by a second tab: tracked once each, answered once each', async (n) => {
    const t = setup();
    const calls = Array.from({ length: n }, (_, i) => [
      t.ok<{ outcome: string }>('mail.seen', { snapshot: invoiceMail(i) }, fromGmail),
      t.ok<{ outcome: string }>('mail.seen', { snapshot: invoiceMail(i) }, fromOutlook),
    ]).flat();
    const outcomes = (await Promise.all(calls)).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'detected')).toHaveLength(n);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(n);
    expect(await t.db.invoices.count()).toBe(n);
    expect(await t.db.messages.where('key').startsWith('gmail:msg-burst-').count()).toBe(n);
    expect(t.errors).toEqual([]);
  });

  it('replies arriving with other tabs\' invoices are each recorded on their invoice', async () => {
    const t = setup();
    await t.ok('mail.seen', { snapshot: sentSnapshot({ messageId: 'msg-f:1', threadId: 'thread-f:100', via: 'thread', to: [CLIENT], date: '2025-06-02T09:00:00Z' }) });
    // Ten different replies (their texts differ, so their fingerprints do).
    const replies = Array.from({ length: 10 }, (_, i) =>
      receivedSnapshot({ messageId: `msg-r-${i}`, date: `2025-07-1${i}T08:30:00Z`, text: `Bonjour Claire,\n\nNous vous réglerons le 2${i} juillet.\n\nMarc` }),
    );
    const outcomes = await Promise.all([
      ...replies.map((snapshot) => t.ok<{ outcome: string }>('mail.seen', { snapshot })),
      ...Array.from({ length: 10 }, (_, i) => t.ok<{ outcome: string }>('mail.seen', { snapshot: invoiceMail(i) }, fromOutlook)),
    ]);
    expect(outcomes.map((o) => o.outcome).filter((o) => o === 'reply-recorded')).toHaveLength(10);
    expect((await allEvents(t.db)).filter((e) => e.type === 'reply-received')).toHaveLength(10);
    expect(await t.db.invoices.count()).toBe(11);
  });
});
