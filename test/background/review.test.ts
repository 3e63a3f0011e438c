import { describe, expect, it } from 'vitest';
import { checkCensoredHtml } from '@/lib/background/diagnostics';
import type { Invoice, InvoiceEvent } from '@/lib/domain/invoice';
import type { SenderInfo } from '@/lib/messaging/router';
import { CLIENT, EXT_ID, fromGmail, fromOutlook, fromPopup, sentSnapshot, setup } from './mail';
import { allEvents } from '@/lib/db/events';

async function detected(s: ReturnType<typeof setup>): Promise<string> {
  const r = await s.ok<{ invoiceId: string }>('mail.seen', { snapshot: sentSnapshot() });
  return r.invoiceId;
}

async function events(s: ReturnType<typeof setup>, type: InvoiceEvent['type']) {
  return (await allEvents(s.db)).filter((e) => e.type === type);
}

describe('invoice review', () => {
  it('confirms a detection as is: confirmed, no edited event, and it now counts as overdue', async () => {
    const s = setup();
    const id = await detected(s);
    const inv = await s.ok<Invoice>('invoice.confirm', { id });
    expect(inv).toMatchObject({ id, review: 'confirmed', number: 'F-2025-014' });
    expect(await events(s, 'edited')).toEqual([]);
    s.setNow('2025-08-01T10:00:00Z');
    expect(await s.ok('status.get', {})).toMatchObject({ overdue: { count: 1 } });
  });

  it('confirms with edits: only real changes are applied and recorded, with before and after', async () => {
    const s = setup();
    const id = await detected(s);
    const inv = await s.ok<Invoice>('invoice.confirm', { id, edits: { number: 'F-2025-014', amountMinor: 150000, dueDate: '2025-07-31' } });
    expect(inv).toMatchObject({ review: 'confirmed', amountMinor: 150000, dueDate: '2025-07-31' });
    const [edited] = await events(s, 'edited');
    expect(edited?.payload).toEqual({
      changes: { amountMinor: { before: 180000, after: 150000 }, dueDate: { before: '2025-07-02', after: '2025-07-31' } },
      review: 'confirmed',
    });
  });

  it('moves the invoice and its history to the corrected client', async () => {
    const s = setup();
    const id = await detected(s);
    await s.ok('invoice.confirm', { id, edits: { clientEmail: 'Compta@Dupont-Bat.example', clientName: 'Dupont Bâtiment' } });
    const view = await s.ok<{ invoices: Invoice[]; events: InvoiceEvent[]; client: { name: string } | null }>('client.view', { clientEmail: 'compta@dupont-bat.example' });
    expect(view.client?.name).toBe('Dupont Bâtiment');
    expect(view.invoices.map((i) => i.id)).toEqual([id]);
    expect(view.events.map((e) => e.type).sort()).toEqual(['created', 'detected', 'edited']);
    expect((await s.ok<{ invoices: Invoice[] }>('client.view', { clientEmail: CLIENT.email })).invoices).toEqual([]);
  });

  it.each([
    ['a due date before the issue date', { dueDate: '2025-05-01' }, 'invalid', /before the issue date/],
    ['a zero amount', { amountMinor: 0 }, 'invalid_request', /amount cannot be zero/],
    ['an unknown field', { status: 'paid' }, 'invalid_request', /unrecognized key|Unrecognized key/i],
    ['a bad email', { clientEmail: 'not an email' }, 'invalid_request', /not a valid email/],
  ])('refuses %s with a specific message and changes nothing', async (_n, edits, code, message) => {
    const s = setup();
    const id = await detected(s);
    const r = await s.call('invoice.confirm', { id, edits });
    expect(r).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(await s.db.invoices.get(id)).toMatchObject({ review: 'pending', amountMinor: 180000 });
  });

  it('refuses an edit that would make two invoices with the same number for one client', async () => {
    const s = setup();
    const id = await detected(s);
    await s.ok('invoice.create', { invoice: { clientEmail: CLIENT.email, number: 'F-2025-099', amountMinor: 1000, currency: 'EUR', issueDate: '2025-06-01', dueDate: '2025-07-01' } });
    expect(await s.call('invoice.confirm', { id, edits: { number: 'F-2025-099' } })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('dismisses a detection: hidden from the client view, listed as pending no more', async () => {
    const s = setup();
    const id = await detected(s);
    const before = await s.ok<{ pending: Invoice[]; invoices: Invoice[] }>('client.view', { clientEmail: CLIENT.email });
    expect(before.pending.map((i) => i.id)).toEqual([id]);
    expect(before.invoices.map((i) => i.id)).toEqual([id]);
    expect(await s.ok<Invoice>('invoice.dismiss', { id })).toMatchObject({ review: 'dismissed' });
    const after = await s.ok<{ pending: Invoice[]; invoices: Invoice[] }>('client.view', { clientEmail: CLIENT.email });
    expect(after).toMatchObject({ pending: [], invoices: [] });
  });

  it('refuses to dismiss a confirmed invoice', async () => {
    const s = setup();
    const id = await detected(s);
    await s.ok('invoice.confirm', { id });
    expect(await s.call('invoice.dismiss', { id })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('updates a confirmed invoice by hand with an edited event; an update that changes nothing records nothing', async () => {
    const s = setup();
    const inv = await s.ok<Invoice>('invoice.create', {
      invoice: { clientEmail: CLIENT.email, number: 'M-1', amountMinor: 1000, currency: 'EUR', issueDate: '2025-06-01', dueDate: '2025-07-01' },
    });
    const updated = await s.ok<Invoice>('invoice.update', { id: inv.id, patch: { terms: '45 jours fin de mois', amountDueMinor: 700 } });
    expect(updated).toMatchObject({ terms: '45 jours fin de mois', amountDueMinor: 700, review: 'confirmed' });
    await s.ok('invoice.update', { id: inv.id, patch: { terms: '45 jours fin de mois' } });
    const edited = await events(s, 'edited');
    expect(edited).toHaveLength(1);
    expect(edited[0]?.payload['changes']).toEqual({ terms: { before: null, after: '45 jours fin de mois' }, amountDueMinor: { before: null, after: 700 } });
    expect(await s.call('invoice.update', { id: 'missing', patch: { terms: 'x' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('event.record', () => {
  it('records one event per invoice with the invoice client', async () => {
    const s = setup();
    const id = await detected(s);
    expect(await s.ok('event.record', { invoiceIds: [id, id], type: 'call', payload: { outcome: 'promised' } })).toEqual({ recorded: 1 });
    expect(await events(s, 'call')).toMatchObject([{ invoiceId: id, clientKey: CLIENT.email, payload: { outcome: 'promised' } }]);
  });

  it.each([
    ['an event the background writes itself', { type: 'reminder-sent' }, /type/],
    ['no invoice', { invoiceIds: [] }, /invoiceIds/],
    ['an oversized payload', { payload: { text: 'x'.repeat(5000) } }, /too large/],
  ])('refuses %s', async (_n, over, message) => {
    const s = setup();
    const id = await detected(s);
    const r = await s.call('event.record', { invoiceIds: [id], type: 'note', payload: {}, ...over });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(message) } });
  });

  it('writes nothing when one of the invoices does not exist', async () => {
    const s = setup();
    const id = await detected(s);
    expect(await s.call('event.record', { invoiceIds: [id, 'gone'], type: 'note', payload: {} })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await events(s, 'note')).toEqual([]);
  });
});

describe('diagnostics', () => {
  const diagnostic = (censoredHtml: string) => ({ webmail: 'gmail', view: 'thread', missed: ['THREAD_SUBJECT', 'MESSAGE_BODY'], censoredHtml, at: '2025-06-02T10:00:00Z' });

  it.each([
    ['tags and attribute names only', '<div class="" role="main"><span data-x=""></span></div>', true],
    ['whitespace between tags', '<div>\n  <span></span>\n</div>', true],
    ['truncated in the middle of a tag', '<div role="main"><span cla<!--truncated-->', true],
    ['a text node', '<div><span>Facture F-1 for Marc</span></div>', false],
    ['text before the first tag', 'hello<div></div>', false],
    ['an email in an attribute value', '<span email="marc@dupont-bat.example"></span>', false],
    ['an id in an attribute value', '<div data-message-id="#msg-f:1789"></div>', false],
    ['a comment', '<div><!-- Marc --></div>', false],
  ])('%s → accepted: %s', (_n, html, accepted) => {
    expect(checkCensoredHtml(html).ok).toBe(accepted);
  });

  it('stores diagnostics from content scripts, keeps the last 20, lists them newest first to extension pages only', async () => {
    const s = setup();
    for (let i = 0; i < 23; i++) {
      await s.ok('diagnostic.report', { diagnostic: { ...diagnostic('<div></div>'), at: `2025-06-02T10:00:${String(i).padStart(2, '0')}Z` } });
    }
    expect(await s.call('diagnostic.list', {}, fromGmail)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { diagnostics } = await s.ok<{ diagnostics: Array<{ at: string; missed: string[] }> }>('diagnostic.list', {}, fromPopup);
    expect(diagnostics).toHaveLength(20);
    expect(diagnostics[0]?.at).toBe('2025-06-02T10:00:22Z');
    expect(diagnostics[19]?.at).toBe('2025-06-02T10:00:03Z');
  });

  it('refuses a diagnostic that holds mail text, and stores nothing', async () => {
    const s = setup();
    const r = await s.call('diagnostic.report', { diagnostic: diagnostic('<div><span>Bonjour Marc</span></div>') });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/holds text/) } });
    expect(await s.db.diagnostics.count()).toBe(0);
  });
});

describe('sender rules of the detection commands', () => {
  const foreign: SenderInfo = { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' };
  const otherSite: SenderInfo = { id: EXT_ID, url: 'https://evil.example/', tab: { id: 3, url: 'https://evil.example/' } };
  const commands: Array<[string, Record<string, unknown>, 'both' | 'extension']> = [
    ['mail.seen', { snapshot: sentSnapshot() }, 'both'],
    ['invoice.confirm', { id: 'x' }, 'both'],
    ['invoice.dismiss', { id: 'x' }, 'both'],
    ['invoice.update', { id: 'x', patch: {} }, 'both'],
    ['event.record', { invoiceIds: ['x'], type: 'note', payload: {} }, 'both'],
    ['diagnostic.report', { diagnostic: { webmail: 'outlook', view: 'unknown', missed: [], censoredHtml: '', at: '2025-06-02T10:00:00Z' } }, 'both'],
    ['diagnostic.list', {}, 'extension'],
  ];

  it.each(commands)('%s', async (command, payload, allowed) => {
    const s = setup();
    for (const sender of [foreign, otherSite]) {
      expect(await s.call(command, payload, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const sender of [fromGmail, fromOutlook]) {
      const r = await s.call(command, payload, sender);
      if (allowed === 'both') expect(r.ok || r.error.code !== 'forbidden').toBe(true);
      else expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const r = await s.call(command, payload, fromPopup);
    expect(r.ok || r.error.code !== 'forbidden').toBe(true);
  });
});
