import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createRouter, WEBMAIL_ORIGINS, type SenderInfo } from '@/lib/messaging/router';
import { freshStore, invoiceInput } from './helpers';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPopup: SenderInfo = { id: EXT_ID, url: `chrome-extension://${EXT_ID}/popup.html` };
const fromGmail: SenderInfo = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox' } };
const fromOutlook: SenderInfo = { id: EXT_ID, url: 'https://outlook.office.com/mail/', tab: { id: 8, url: 'https://outlook.office.com/mail/' } };

function setup() {
  const { db, store } = freshStore(() => new Date('2025-06-15T10:00:00Z'));
  let writes = 0;
  const handlers = createHandlers(store, { now: () => new Date('2025-06-15T10:00:00Z'), afterWrite: async () => void writes++ });
  const errors: string[] = [];
  const route = createRouter(handlers, {
    extensionId: EXT_ID,
    extensionOrigin: `chrome-extension://${EXT_ID}/`,
    webmailOrigins: WEBMAIL_ORIGINS,
    onError: (c) => errors.push(c),
  });
  const call = (command: string, payload: unknown, sender: SenderInfo = fromPopup) => route({ relance: 1, command, payload }, sender);
  return { db, store, call, route, writes: () => writes, errors };
}

describe('message router', () => {
  it('creates an invoice from a Gmail content script and refreshes the badge after the write', async () => {
    const { call, writes, db } = setup();
    const r = await call('invoice.create', { invoice: invoiceInput() }, fromGmail);
    expect(r).toMatchObject({ ok: true, data: { number: 'F-2025-001', clientKey: 'billing@acme.example' } });
    expect(writes()).toBe(1);
    expect(await db.invoices.count()).toBe(1);
  });

  it('answers status with the overdue count for the injected today', async () => {
    const { call } = setup();
    await call('invoice.create', { invoice: invoiceInput({ dueDate: '2025-06-01' }) });
    await call('invoice.create', { invoice: invoiceInput({ number: 'later', dueDate: '2025-07-01' }) });
    expect(await call('status.get', {}, fromOutlook)).toEqual({
      ok: true,
      data: { today: '2025-06-15', overdue: { count: 1, totals: { EUR: 288000 } } },
    });
  });

  it.each([
    ['a foreign extension', { id: 'someone-else', url: `chrome-extension://someone-else/x.html` }],
    ['a page that is not a webmail', { id: EXT_ID, url: 'https://evil.example/', tab: { id: 1, url: 'https://evil.example/' } }],
    ['a look-alike host', { id: EXT_ID, url: 'https://mail.google.com.evil.example/', tab: { id: 1, url: 'https://mail.google.com.evil.example/' } }],
    ['a sender with no id', { url: `chrome-extension://${EXT_ID}/popup.html` }],
  ])('refuses %s', async (_n, sender) => {
    const { call, db } = setup();
    const r = await call('invoice.create', { invoice: invoiceInput() }, sender as SenderInfo);
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/not allowed/) } });
    expect(await db.invoices.count()).toBe(0);
  });

  it('keeps export, import and settings changes away from content scripts', async () => {
    const { call } = setup();
    for (const [command, payload] of [['data.export', {}], ['data.import', { text: '{}' }], ['settings.update', { patch: {} }], ['invoice.list', {}]] as const) {
      expect(await call(command, payload, fromGmail)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await call(command, payload, fromPopup)).ok || command === 'data.import').toBe(true);
    }
  });

  it('rejects malformed envelopes and payloads with a specific message, and never throws', async () => {
    const { route, call } = setup();
    expect(await route(null, fromPopup)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await route({ relance: 1, command: 'drop.tables', payload: {} }, fromPopup)).toMatchObject({ ok: false, error: { message: 'Unknown command "drop.tables".' } });
    expect(await route({ relance: 1, command: '__proto__', payload: {} }, fromPopup)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const bad = await call('invoice.create', { invoice: { ...invoiceInput(), issueDate: '15/06/2025' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/^invoice\.issueDate: /) } });
  });

  it('maps store errors to their codes', async () => {
    const { call } = setup();
    await call('invoice.create', { invoice: invoiceInput() });
    expect(await call('invoice.create', { invoice: invoiceInput() })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await call('invoice.markPaid', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a corrupt import with a message that names the problem, and changes nothing', async () => {
    const { call, db, writes } = setup();
    await call('invoice.create', { invoice: invoiceInput() });
    const before = await db.invoices.toArray();
    const r = await call('data.import', { text: '{"format":"relance-backup","version":1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^Nothing was imported: The file is not valid JSON/) } });
    expect(await db.invoices.toArray()).toEqual(before);
    expect(writes()).toBe(1);
  });

  it('marks paid with today by default', async () => {
    const { call } = setup();
    const created = await call('invoice.create', { invoice: invoiceInput({ dueDate: '2025-06-01' }) });
    if (!created.ok) throw new Error('create failed');
    const id = (created.data as { id: string }).id;
    expect(await call('invoice.markPaid', { id })).toMatchObject({ ok: true, data: { status: 'paid', paidDate: '2025-06-15' } });
    expect(await call('status.get', {})).toMatchObject({ data: { overdue: { count: 0 } } });
  });
});
