import { describe, expect, it } from 'vitest';
import { allEvents } from '@/lib/db/events';
import { MAX_MAILS_PER_REQUEST, MAX_MAILS_TEXT_CHARS } from '@/lib/messaging/protocol';
import type { EmailSnapshot } from '@/lib/webmail/snapshot';
import { CLIENT, fromOutlook, receivedSnapshot, sentSnapshot, setup } from './mail';

/**
 * mail.seenMany: the mails of a burst (a thread rendered) in one request. Every decision must be the one the same
 * mails get when reported one after the other with mail.seen: a reply finds the invoice created by a mail before it
 * in the same request, nothing is tracked twice, a known mail is a duplicate.
 */

type Seen = { outcome: string; kind?: string; invoiceId?: string; invoiceIds?: string[] };

const invoiceInThread = (over: Partial<EmailSnapshot> = {}) => sentSnapshot({ messageId: 'msg-f:1', threadId: 'thread-f:100', via: 'thread', date: '2025-06-02T09:00:00Z', ...over });
const reply = (over: Partial<EmailSnapshot> = {}) => receivedSnapshot({ messageId: 'msg-f:2', threadId: 'thread-f:100', date: '2025-06-05T08:30:00Z', ...over });
const stranger = receivedSnapshot({ messageId: 'msg-x:1', threadId: 'thread-x', from: { name: 'News', email: 'news@shop.example' }, subject: 'Promo', text: 'Soldes !' });
const planning = sentSnapshot({ messageId: 'msg-f:3', threadId: 'thread-f:300', via: 'thread', subject: 'Planning', text: 'Bonjour Marc,\n\nOn se voit mardi à 10h ?\n\nClaire', date: '2025-06-06T08:00:00Z' });
const reminder = sentSnapshot({
  messageId: 'msg-f:4',
  threadId: 'thread-f:100',
  via: 'thread',
  subject: 'Relance : facture F-2025-014',
  text: 'Bonjour Marc,\n\nSauf erreur de notre part, la facture F-2025-014 de 1 800,00 € reste impayée. Merci de procéder au règlement.\n\nClaire',
  date: '2025-06-20T08:00:00Z',
});
const caughtAtSend = sentSnapshot();
const sameInThread = sentSnapshot({ messageId: 'msg-f:9', threadId: 'thread-f:9', via: 'thread', date: '2025-06-02T10:00:05Z' });

/** What a burst leaves: each answer (outcome, kind, which invoice by number) and the database by count and type. */
async function outcomeOf(t: ReturnType<typeof setup>, answers: Seen[]) {
  const invoices = await t.db.invoices.toArray();
  const numberOf = (id?: string) => invoices.find((i) => i.id === id)?.number ?? null;
  return {
    answers: answers.map((a) => ({ outcome: a.outcome, kind: a.kind ?? null, invoice: numberOf(a.invoiceId) })),
    invoices: invoices.map((i) => `${i.number}:${i.clientKey}:${i.messageId}`).sort(),
    events: (await allEvents(t.db)).map((e) => e.type).sort(),
    ledger: (await t.db.messages.toCollection().primaryKeys()).map(String).filter((k) => !k.startsWith('fp:')).sort(),
  };
}

describe('mail.seenMany decides as mail.seen one after the other', () => {
  it.each<[string, EmailSnapshot[], string[]]>([
    ['an invoice and its reply in one thread', [invoiceInThread(), reply()], ['detected', 'reply-recorded']],
    ['the reply listed before the invoice (order kept as sent)', [reply(), invoiceInThread()], ['ignored', 'detected']],
    ['a thread with the invoice, the reply, a reminder and a stranger', [invoiceInThread(), reply(), reminder, stranger], ['detected', 'reply-recorded', 'reminder-sent', 'ignored']],
    ['the same message twice in one request', [invoiceInThread(), invoiceInThread()], ['detected', 'duplicate']],
    ['caught at send, then the same mail in its thread', [caughtAtSend, sameInThread], ['detected', 'linked']],
    ['a non-invoice and mail about nothing tracked', [planning, stranger], ['ignored', 'ignored']],
  ])('%s', async (_name, burst, expected) => {
    const one = setup();
    const sequential: Seen[] = [];
    for (const snapshot of burst) sequential.push(await one.ok<Seen>('mail.seen', { snapshot }));
    const many = setup();
    const { results } = await many.ok<{ results: Seen[] }>('mail.seenMany', { snapshots: burst });
    expect(results).toHaveLength(burst.length);
    const got = await outcomeOf(many, results);
    expect(got.answers.map((a) => a.outcome)).toEqual(expected);
    expect(got).toEqual(await outcomeOf(one, sequential));
    expect(many.errors).toEqual([]);
  });

  it('the thread opened again answers every mail as a duplicate, from one look at the ledger', async () => {
    const t = setup();
    await t.ok('mail.seenMany', { snapshots: [invoiceInThread(), reply(), planning] });
    const again = await t.ok<{ results: Seen[] }>('mail.seenMany', { snapshots: [invoiceInThread(), reply(), planning] });
    expect(again.results.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await t.db.invoices.count()).toBe(1);
  });

  it('two tabs sending the same thread at once: tracked once, each reply recorded once', async () => {
    const t = setup();
    const burst = { snapshots: [invoiceInThread(), reply()] };
    const [a, b] = await Promise.all([t.ok<{ results: Seen[] }>('mail.seenMany', burst), t.ok<{ results: Seen[] }>('mail.seenMany', burst, fromOutlook)]);
    const outcomes = [...a.results, ...b.results].map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['detected', 'duplicate', 'duplicate', 'reply-recorded']);
    expect(await t.db.invoices.count()).toBe(1);
    expect((await allEvents(t.db)).filter((e) => e.type === 'reply-received')).toHaveLength(1);
  });

  it('asks for the PDFs of the one mail that needs them; the mails after it wait, and are decided after it', async () => {
    const withPdf = invoiceInThread({ attachments: [{ filename: 'F-2025-014.pdf', contentType: 'application/pdf', size: 1000, downloadUrl: '/att/1' }] });
    // One after the other (the content script before mail.seenMany): the PDFs are asked for, then the reply.
    const one = setup();
    const sequential = [
      await one.ok<Seen>('mail.seen', { snapshot: planning }),
      await one.ok<Seen>('mail.seen', { snapshot: withPdf }),
      await one.ok<Seen>('mail.seen', { snapshot: withPdf, attachments: [] }),
      await one.ok<Seen>('mail.seen', { snapshot: reply() }),
    ];
    expect(sequential.map((r) => r.outcome)).toEqual(['ignored', 'needs-attachments', 'detected', 'reply-recorded']);

    const t = setup();
    await t.ok('mail.seenMany', { snapshots: [invoiceInThread({ messageId: 'msg-f:0', threadId: 'thread-f:0', subject: 'Planning', text: 'Bonjour' })] });
    const known = invoiceInThread({ messageId: 'msg-f:0', threadId: 'thread-f:0', subject: 'Planning', text: 'Bonjour' });
    const { results } = await t.ok<{ results: Seen[] }>('mail.seenMany', { snapshots: [planning, withPdf, known, reply()] });
    // The reply is not decided before the invoice it answers; a mail known before the request is still answered.
    expect(results.map((r) => r.outcome)).toEqual(['ignored', 'needs-attachments', 'duplicate', 'deferred']);
    expect(await t.db.invoices.count()).toBe(0);
    expect((await t.ok<Seen>('mail.seen', { snapshot: withPdf, attachments: [] })).outcome).toBe('detected');
    const again = await t.ok<{ results: Seen[] }>('mail.seenMany', { snapshots: [reply()] });
    expect(again.results.map((r) => r.outcome)).toEqual(['reply-recorded']);
    expect((await allEvents(t.db)).filter((e) => e.type === 'reply-received')).toHaveLength(1);
    expect(t.writes()).toBe(2);
  });
});

describe('mail.seenMany bounds', () => {
  const mail = (i: number, text = 'Bonjour') => sentSnapshot({ messageId: `msg-b:${i}`, threadId: `thread-b:${i}`, via: 'thread', subject: 'Planning', to: [CLIENT], text });

  it.each([
    ['one mail over the count', Array.from({ length: MAX_MAILS_PER_REQUEST + 1 }, (_, i) => mail(i)), /too many mails in one request \(50 at most\)/],
    ['mails too long together', [mail(1, 'x'.repeat(400_000)), mail(2, 'x'.repeat(400_000)), mail(3, 'x'.repeat(400_000))], /too long together/],
    ['no mail', [], /at least one mail/],
  ])('refuses %s with a clear error, and writes nothing', async (_name, snapshots, message) => {
    const t = setup();
    const r = await t.call('mail.seenMany', { snapshots });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(message) } });
    expect(await t.db.messages.count()).toBe(0);
  });

  it('accepts a full request: the count and the largest single mail are within the bounds', async () => {
    const t = setup();
    const full = await t.ok<{ results: Seen[] }>('mail.seenMany', { snapshots: Array.from({ length: MAX_MAILS_PER_REQUEST }, (_, i) => mail(i)) });
    expect(full.results).toHaveLength(MAX_MAILS_PER_REQUEST);
    const largest = await t.call('mail.seenMany', { snapshots: [mail(99, 'x'.repeat(500_000))] });
    expect(largest.ok).toBe(true);
    expect(500_000 + 'Planning'.length).toBeLessThanOrEqual(MAX_MAILS_TEXT_CHARS);
  });
});
