import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createInThreadPdfReader } from '@/lib/background/pdf-inthread';
import type { Invoice, InvoiceEvent } from '@/lib/domain/invoice';
import { makePdf } from '../fixtures/pdf/make-pdf';
import { base64Of, CLIENT, INVOICE_TEXT, receivedSnapshot, sentSnapshot, setup } from './mail';
import { allEvents } from '@/lib/db/events';

type Seen = { outcome: string; invoiceId?: string; invoiceIds?: string[]; kind?: string; confidence?: number; missing?: string[]; attachmentsRead?: Array<{ filename: string; status: string; message?: string }> };

const pdfFixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/pdf/${name}`, import.meta.url))));

async function eventsOfType(db: ReturnType<typeof setup>['db'], type: InvoiceEvent['type']): Promise<InvoiceEvent[]> {
  return (await allEvents(db)).filter((e) => e.type === type);
}

describe('mail.seen: sent invoices', () => {
  it('turns a sent invoice into one pending invoice with its evidence, due date and field sources', async () => {
    const { ok, db, writes } = setup();
    const r = await ok<Seen>('mail.seen', { snapshot: sentSnapshot() });
    expect(r).toMatchObject({ outcome: 'detected', kind: 'invoice' });
    expect(r.confidence).toBeGreaterThan(0.5);
    const invoices = await db.invoices.toArray();
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      id: r.invoiceId,
      number: 'F-2025-014',
      amountMinor: 180000,
      currency: 'EUR',
      issueDate: '2025-06-02',
      dueDate: '2025-07-02',
      clientKey: CLIENT.email,
      clientName: CLIENT.name,
      review: 'pending',
      source: 'detected',
      webmail: 'gmail',
    });
    const [detected] = await eventsOfType(db, 'detected');
    expect(detected?.payload).toMatchObject({ kind: 'invoice', dueDateIsDefault: false, fields: { invoiceNumber: { value: 'F-2025-014', source: expect.any(String) } } });
    const evidence = detected?.payload['evidence'] as Array<{ source: string; text: string; weight: number }>;
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(e.text.length).toBeLessThanOrEqual(120);
    expect(writes()).toBe(1);
  });

  it('flags a due date taken from the default period when the invoice states none', async () => {
    const { ok, db } = setup();
    const text = "Bonjour,\n\nVoici la facture F-2025-020 d'un montant de 600,00 € TTC.\nDate : 02/06/2025\n\nClaire";
    await ok('mail.seen', { snapshot: sentSnapshot({ subject: 'Facture F-2025-020', text }) });
    const [inv] = await db.invoices.toArray();
    expect(inv).toMatchObject({ number: 'F-2025-020', issueDate: '2025-06-02', dueDate: '2025-07-02' });
    const [detected] = await eventsOfType(db, 'detected');
    expect(detected?.payload['dueDateIsDefault']).toBe(true);
  });

  it.each([
    ['autoTrack on, confident (PDF with Factur-X XML)', true, 'tracked', 'confirmed'],
    ['autoTrack off, same mail', false, 'detected', 'pending'],
  ])('%s → %s', async (_n, autoTrack, outcome, review) => {
    const { ok, db } = setup({ pdf: createInThreadPdfReader() });
    await ok('settings.update', { patch: { autoTrack } }, { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html' });
    const snapshot = sentSnapshot({
      subject: 'Facture FA-2017-0010',
      text: 'Bonjour,\n\nVeuillez trouver ci-joint notre facture.\n\nCordialement',
      attachments: [{ filename: 'Facture_FA-2017-0010.pdf', contentType: 'application/pdf', size: null, downloadUrl: null }],
    });
    const r = await ok<Seen>('mail.seen', { snapshot, attachments: [{ filename: 'Facture_FA-2017-0010.pdf', base64: base64Of(pdfFixture('Facture_FA-2017-0010.pdf')) }] });
    expect(r.outcome).toBe(outcome);
    expect(r.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.attachmentsRead).toEqual([{ filename: 'Facture_FA-2017-0010.pdf', status: 'read' }]);
    const [inv] = await db.invoices.toArray();
    expect(inv).toMatchObject({ number: 'FA-2017-0010', review, source: 'detected' });
    expect(inv?.confidence).toBe(r.confidence);
  });

  it('asks for the PDFs of a new sent mail before reading it, and never for a mail it has handled', async () => {
    const { ok, db } = setup({ pdf: createInThreadPdfReader() });
    const snapshot = sentSnapshot({
      subject: 'Facture FA-2017-0010',
      text: 'Bonjour,\n\nVeuillez trouver ci-joint notre facture.\n\nCordialement',
      attachments: [{ filename: 'Facture_FA-2017-0010.pdf', contentType: 'application/pdf', size: null, downloadUrl: '/mail/u/0/?attid=0.1' }],
    });
    const asked = await ok<Seen>('mail.seen', { snapshot });
    expect(asked).toEqual({ outcome: 'needs-attachments' });
    expect(await db.invoices.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
    const read = await ok<Seen>('mail.seen', { snapshot, attachments: [{ filename: 'Facture_FA-2017-0010.pdf', base64: base64Of(pdfFixture('Facture_FA-2017-0010.pdf')) }] });
    expect(read.outcome).toBe('detected');
    expect(read.attachmentsRead).toEqual([{ filename: 'Facture_FA-2017-0010.pdf', status: 'read' }]);
    // The thread opened again: answered from the ledger, no download asked for.
    expect((await ok<Seen>('mail.seen', { snapshot })).outcome).toBe('duplicate');
    // A PDF the page would not serve: an empty list, and the body is read without asking again.
    const other = sentSnapshot({ messageId: '#msg-f:other', subject: 'Facture F-2025-014', attachments: [{ filename: 'F-2025-014.pdf', contentType: 'application/pdf', size: null, downloadUrl: '/att' }] });
    expect((await ok<Seen>('mail.seen', { snapshot: other })).outcome).toBe('needs-attachments');
    const fromBody = await ok<Seen>('mail.seen', { snapshot: other, attachments: [] });
    expect(fromBody.outcome).not.toBe('needs-attachments');
    expect(fromBody.attachmentsRead).toEqual([{ filename: 'F-2025-014.pdf', status: 'missing', message: 'PDF not available — fields taken from the body' }]);
  });

  it('says when a PDF could not be read and takes the fields from the body', async () => {
    const { ok, db } = setup({ pdf: createInThreadPdfReader() });
    const encrypted = makePdf({
      pages: [[{ x: 50, y: 700, text: 'secret' }]],
      extraObjects: [`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`],
      trailerExtra: '/Encrypt 6 0 R',
    });
    const attachments = [
      { filename: 'F-2025-014.pdf', contentType: 'application/pdf', size: null, downloadUrl: null },
      { filename: 'conditions.pdf', contentType: 'application/pdf', size: null, downloadUrl: null },
    ];
    const r = await ok<Seen>('mail.seen', { snapshot: sentSnapshot({ attachments }), attachments: [{ filename: 'F-2025-014.pdf', base64: base64Of(encrypted) }] });
    expect(r.outcome).toBe('detected');
    expect(r.attachmentsRead).toEqual([
      { filename: 'F-2025-014.pdf', status: 'unreadable', message: 'PDF could not be read: the PDF is password-protected — fields taken from the body' },
      { filename: 'conditions.pdf', status: 'missing', message: 'PDF not available — fields taken from the body' },
    ]);
    expect((await db.invoices.toArray())[0]).toMatchObject({ number: 'F-2025-014', amountMinor: 180000 });
    const [detected] = await eventsOfType(db, 'detected');
    expect(detected?.payload['attachmentsRead']).toEqual(r.attachmentsRead);
  });

  it('creates nothing for an invoice whose amount cannot be read, and says what is missing', async () => {
    const { ok, db } = setup();
    // The amount is only in the attached PDF, which the page did not let us download.
    const text = 'Bonjour Marc,\n\nVoici la facture F-2025-030, échéance au 02/07/2025.\n\nClaire';
    const pdf = { filename: 'Facture_F-2025-030.pdf', contentType: 'application/pdf', size: 48_000, downloadUrl: null };
    const r = await ok<Seen>('mail.seen', { snapshot: sentSnapshot({ subject: 'Facture F-2025-030', text, attachments: [pdf] }) });
    expect(r).toMatchObject({ outcome: 'ignored', kind: 'invoice', missing: ['amount'] });
    expect(await db.invoices.count()).toBe(0);
  });

  it('ignores sent mail that is not an invoice and has nothing to follow up', async () => {
    const { ok, db } = setup();
    const r = await ok<Seen>('mail.seen', {
      snapshot: sentSnapshot({ subject: 'Réunion de lancement', text: 'Bonjour Marc,\n\nPouvons-nous nous voir jeudi à 10 h pour lancer le projet ?\n\nClaire' }),
    });
    expect(r.outcome).toBe('ignored');
    expect(await db.invoices.count()).toBe(0);
  });
});

describe('mail.seen: nothing tracked twice', () => {
  it('answers duplicate for the same message seen again', async () => {
    const { ok, db, writes } = setup();
    const snapshot = sentSnapshot({ messageId: 'msg-f:1', threadId: 'thread-f:1', via: 'thread', date: '2025-06-02T09:00:00Z' });
    const first = await ok<Seen>('mail.seen', { snapshot });
    const again = await ok<Seen>('mail.seen', { snapshot });
    expect(first.outcome).toBe('detected');
    expect(again).toMatchObject({ outcome: 'duplicate', invoiceId: first.invoiceId });
    expect(await db.invoices.count()).toBe(1);
    expect(writes()).toBe(1);
  });

  it('links a message caught at send to the same message seen in its thread (whitespace and Re: differ)', async () => {
    const { ok, db } = setup();
    const atSend = await ok<Seen>('mail.seen', { snapshot: sentSnapshot() });
    const inThread = sentSnapshot({
      messageId: 'msg-f:9',
      threadId: 'thread-f:9',
      via: 'thread',
      date: '2025-06-02T10:00:05Z',
      text: INVOICE_TEXT_REFLOWED,
    });
    const seen = await ok<Seen>('mail.seen', { snapshot: inThread });
    expect(seen).toMatchObject({ outcome: 'linked', invoiceId: atSend.invoiceId });
    const invoices = await db.invoices.toArray();
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ messageId: 'msg-f:9', threadId: 'thread-f:9' });
    expect(await ok<Seen>('mail.seen', { snapshot: inThread })).toMatchObject({ outcome: 'duplicate', invoiceId: atSend.invoiceId });
  });

  it('links by client and invoice number when the thread shows a different text (signature folded away)', async () => {
    const { ok, db } = setup();
    await ok('mail.seen', { snapshot: sentSnapshot() });
    // Gmail shows the sent message with its greeting and signature folded away: the fingerprint differs.
    const shorter = sentSnapshot({
      messageId: 'msg-f:10',
      threadId: 'thread-f:10',
      via: 'thread',
      text: 'Facture F-2025-014 de 1 800,00 € TTC, échéance au 02/07/2025.',
    });
    expect(await ok<Seen>('mail.seen', { snapshot: shorter })).toMatchObject({ outcome: 'linked' });
    expect(await db.invoices.count()).toBe(1);
  });

  it('links a detection to an invoice the user entered by hand', async () => {
    const { ok, db } = setup();
    const manual = await ok<Invoice>('invoice.create', {
      invoice: { clientEmail: CLIENT.email, number: 'F-2025-014', amountMinor: 180000, currency: 'EUR', issueDate: '2025-06-02', dueDate: '2025-07-02' },
    });
    const r = await ok<Seen>('mail.seen', { snapshot: sentSnapshot({ messageId: 'msg-f:3', threadId: 'thread-f:3', via: 'thread' }) });
    expect(r).toMatchObject({ outcome: 'linked', invoiceId: manual.id });
    expect(await db.invoices.get(manual.id)).toMatchObject({ review: 'confirmed', source: 'manual', threadId: 'thread-f:3' });
  });

  it('never proposes a dismissed detection again, from the same message or from another mail', async () => {
    const { ok, db } = setup();
    const snapshot = sentSnapshot({ messageId: 'msg-f:4', threadId: 'thread-f:4', via: 'thread' });
    const first = await ok<Seen>('mail.seen', { snapshot });
    await ok('invoice.dismiss', { id: first.invoiceId });
    expect(await ok<Seen>('mail.seen', { snapshot })).toMatchObject({ outcome: 'duplicate', invoiceId: first.invoiceId });
    const resent = sentSnapshot({ messageId: 'msg-f:5', threadId: 'thread-f:5', via: 'thread', text: `Relance de l'envoi.\n\n${INVOICE_TEXT}` });
    expect(await ok<Seen>('mail.seen', { snapshot: resent })).toMatchObject({ outcome: 'duplicate', invoiceId: first.invoiceId });
    expect(await db.invoices.count()).toBe(1);
    expect((await db.invoices.get(first.invoiceId!))?.review).toBe('dismissed');
  });
});

const INVOICE_TEXT_REFLOWED = [
  'Bonjour Marc,',
  "Veuillez trouver ci-joint la facture F-2025-014 d'un montant de 1 800,00 €   TTC pour la refonte du site.",
  'Date de facture : 02/06/2025   ',
  'Échéance : 02/07/2025',
  'Cordialement,',
  'Claire',
].join('\n\n');

describe('mail.seen: replies and reminders', () => {
  async function trackedInThread(s: ReturnType<typeof setup>) {
    const r = await s.ok<Seen>('mail.seen', { snapshot: sentSnapshot({ messageId: 'msg-f:100', threadId: 'thread-f:100', via: 'thread', date: '2025-06-02T09:00:00Z' }) });
    await s.ok('invoice.confirm', { id: r.invoiceId });
    return r.invoiceId!;
  }

  it('records a client reply in the thread with its intent and promised date, once', async () => {
    const s = setup({ now: '2025-07-10T09:00:00Z' });
    const id = await trackedInThread(s);
    const r = await s.ok<Seen>('mail.seen', { snapshot: receivedSnapshot() });
    expect(r).toMatchObject({ outcome: 'reply-recorded', invoiceId: id, kind: 'promise' });
    const [reply] = await eventsOfType(s.db, 'reply-received');
    expect(reply).toMatchObject({ invoiceId: id, at: '2025-07-10T08:30:00.000Z', payload: { intent: 'promise', promisedDate: '2025-07-15', messageId: 'msg-f:200' } });
    // Privacy: the mail's text is not stored, only short evidence.
    expect(JSON.stringify(reply)).not.toContain('Désolé pour le retard');
    expect(await s.ok<Seen>('mail.seen', { snapshot: receivedSnapshot() })).toMatchObject({ outcome: 'duplicate' });
    expect(await eventsOfType(s.db, 'reply-received')).toHaveLength(1);
  });

  it('records a payment-related mail from the client outside the thread on all their open invoices, and ignores small talk', async () => {
    const s = setup({ now: '2025-07-10T09:00:00Z' });
    const id = await trackedInThread(s);
    const other = await s.ok<Invoice>('invoice.create', {
      invoice: { clientEmail: CLIENT.email, number: 'F-2025-015', amountMinor: 50000, currency: 'EUR', issueDate: '2025-06-10', dueDate: '2025-07-10' },
    });
    const outside = { threadId: 'thread-f:777', messageId: 'msg-f:778', subject: 'Paiement', text: "Bonjour,\n\nNous avons un souci de trésorerie et ne pourrons pas payer avant septembre.\n\nMarc" };
    const r = await s.ok<Seen>('mail.seen', { snapshot: receivedSnapshot(outside) });
    expect(r.outcome).toBe('reply-recorded');
    expect(new Set(r.invoiceIds)).toEqual(new Set([id, other.id]));
    const smallTalk = await s.ok<Seen>('mail.seen', { snapshot: receivedSnapshot({ threadId: 'thread-f:888', messageId: 'msg-f:889', subject: 'Déjeuner', text: 'On déjeune ensemble mardi ?' }) });
    expect(smallTalk.outcome).toBe('ignored');
  });

  it('ignores a received message older than the invoice (the order that came before it)', async () => {
    const s = setup({ now: '2025-07-10T09:00:00Z' });
    await trackedInThread(s);
    const before = await s.ok<Seen>('mail.seen', { snapshot: receivedSnapshot({ messageId: 'msg-f:50', date: '2025-05-20T08:00:00Z', text: 'Pouvez-vous nous envoyer la facture ? Nous paierons à réception.' }) });
    expect(before.outcome).toBe('ignored');
  });

  it('turns a drafted reminder into a sent one with the drafted stage when it is sent in the thread', async () => {
    const s = setup({ now: '2025-07-05T09:00:00Z' });
    const id = await trackedInThread(s);
    expect(await s.ok('event.record', { invoiceIds: [id], type: 'reminder-drafted', payload: { stage: 'first', language: 'fr' } })).toEqual({ recorded: 1 });
    const reminder = sentSnapshot({
      threadId: 'thread-f:100',
      subject: 'Re: Facture F-2025-014 — refonte du site',
      text: "Bonjour Marc,\n\nSauf erreur de notre part, la facture F-2025-014 arrivée à échéance le 02/07/2025 reste impayée. Pourriez-vous procéder au règlement ?\n\nClaire",
    });
    const r = await s.ok<Seen>('mail.seen', { snapshot: reminder });
    expect(r).toMatchObject({ outcome: 'reminder-sent', invoiceId: id });
    const [sent] = await eventsOfType(s.db, 'reminder-sent');
    expect(sent?.payload).toMatchObject({ stage: 'first', language: 'fr' });
    expect(await s.db.invoices.count()).toBe(1);
  });

  it('records a reminder naming a tracked invoice even without a draft, and nothing for a discarded draft', async () => {
    const s = setup({ now: '2025-07-05T09:00:00Z' });
    const id = await trackedInThread(s);
    const named = sentSnapshot({
      subject: 'Relance : facture F-2025-014 impayée',
      text: 'Bonjour Marc,\n\nJe me permets de vous relancer : la facture F-2025-014 est échue depuis le 02/07/2025. Merci de procéder au paiement.\n\nClaire',
    });
    expect(await s.ok<Seen>('mail.seen', { snapshot: named })).toMatchObject({ outcome: 'reminder-sent', invoiceId: id });
    expect((await eventsOfType(s.db, 'reminder-sent'))[0]?.payload['stage']).toBeNull();
    // A draft that was thrown away does not make the next unrelated mail to that client a reminder.
    await s.ok('event.record', { invoiceIds: [id], type: 'reminder-drafted', payload: { stage: 'second' } });
    const unrelated = sentSnapshot({ threadId: 'thread-f:999', subject: 'Planning', text: 'Bonjour Marc, voici le planning de la semaine prochaine.' });
    expect((await s.ok<Seen>('mail.seen', { snapshot: unrelated })).outcome).toBe('ignored');
  });
});

describe('mail.seen: receipts and credit notes', () => {
  async function tracked(s: ReturnType<typeof setup>) {
    const r = await s.ok<Seen>('mail.seen', { snapshot: sentSnapshot({ messageId: 'msg-f:1', threadId: 'thread-f:1', via: 'thread' }) });
    await s.ok('invoice.confirm', { id: r.invoiceId });
    return r.invoiceId!;
  }

  it('proposes to record the payment when the user sends a receipt, without marking the invoice paid', async () => {
    const s = setup({ now: '2025-07-20T09:00:00Z' });
    const id = await tracked(s);
    const receipt = sentSnapshot({
      subject: 'Reçu de paiement — facture F-2025-014',
      text: 'Bonjour Marc,\n\nJe vous confirme la bonne réception de votre paiement de 1 800,00 € pour la facture F-2025-014. Vous trouverez ci-joint le reçu.\n\nMerci,\nClaire',
    });
    expect(await s.ok<Seen>('mail.seen', { snapshot: receipt })).toMatchObject({ outcome: 'linked', kind: 'receipt', invoiceId: id });
    const [note] = await eventsOfType(s.db, 'note');
    expect(note?.payload).toMatchObject({ kind: 'receipt-sent', proposal: 'record-payment' });
    expect(await s.db.invoices.get(id)).toMatchObject({ status: 'open', paidMinor: 0 });
  });

  it('records a credit note on the invoice it names, and creates no negative invoice', async () => {
    const s = setup({ now: '2025-06-20T09:00:00Z' });
    const id = await tracked(s);
    const credit = sentSnapshot({
      subject: 'Avoir AV-2025-002 sur la facture F-2025-014',
      text: "Bonjour Marc,\n\nVeuillez trouver ci-joint l'avoir AV-2025-002 d'un montant de 200,00 € TTC, qui annule partiellement la facture F-2025-014.\n\nClaire",
    });
    expect(await s.ok<Seen>('mail.seen', { snapshot: credit })).toMatchObject({ outcome: 'linked', kind: 'credit_note', invoiceId: id });
    const [note] = await eventsOfType(s.db, 'note');
    expect(note?.payload).toMatchObject({ kind: 'credit_note', creditNoteNumber: 'AV-2025-002', amountMinor: -20000, currency: 'EUR' });
    expect(await s.db.invoices.count()).toBe(1);
  });

  it('ignores a credit note naming no tracked invoice', async () => {
    const s = setup();
    const credit = sentSnapshot({
      subject: 'Avoir AV-2025-003 sur la facture F-2024-090',
      text: "Bonjour Marc,\n\nVeuillez trouver ci-joint l'avoir AV-2025-003 d'un montant de 50,00 € TTC, qui annule la facture F-2024-090.\n\nClaire",
    });
    expect(await s.ok<Seen>('mail.seen', { snapshot: credit })).toMatchObject({ outcome: 'ignored', kind: 'credit_note' });
    expect(await s.db.invoices.count()).toBe(0);
  });
});

describe('mail.seen: input limits', () => {
  it('refuses attachments beyond 20 MB of base64 together, before any work', async () => {
    const { call, db } = setup();
    const big = 'A'.repeat(11 * 1024 * 1024);
    const r = await call('mail.seen', { snapshot: sentSnapshot(), attachments: [{ filename: 'a.pdf', base64: big }, { filename: 'b.pdf', base64: big }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/too large together/) } });
    expect(await db.invoices.count()).toBe(0);
  });

  it('refuses a snapshot that is not one', async () => {
    const { call } = setup();
    const r = await call('mail.seen', { snapshot: { ...sentSnapshot(), direction: 'outgoing' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/^snapshot\.direction/) } });
  });

  it('reads an attachment that is not base64 as unreadable, not as a crash', async () => {
    const { ok } = setup({ pdf: createInThreadPdfReader() });
    const attachments = [{ filename: 'F-2025-014.pdf', contentType: 'application/pdf', size: null, downloadUrl: null }];
    const r = await ok<Seen>('mail.seen', { snapshot: sentSnapshot({ attachments }), attachments: [{ filename: 'F-2025-014.pdf', base64: '%%%not base64%%%' }] });
    expect(r.attachmentsRead?.[0]).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/not valid base64/) });
    expect(r.outcome).toBe('detected');
  });
});

