import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { freshStore, invoiceInput } from './helpers';

/** sidebar.load answers what client.view, client.followup and settings.get answer, in one request. */
describe('sidebar.load', () => {
  const ctx = { sender: 'content' as const };
  const setup = () => {
    const { store } = freshStore();
    const handlers = createHandlers(store, { now: () => new Date('2025-06-15T10:00:00Z'), afterWrite: async () => undefined });
    return { store, handlers };
  };

  it('gives the same view, follow-up and settings as the three separate commands', async () => {
    const { store, handlers } = setup();
    await store.createInvoice(invoiceInput({ number: 'F-1', dueDate: '2025-05-31' }));
    await store.createInvoice(invoiceInput({ number: 'F-2', dueDate: '2025-07-15' }));
    const clientEmail = 'billing@acme.example';
    const [one, view, followup, settings] = await Promise.all([
      handlers['sidebar.load']({ clientEmail }, ctx),
      handlers['client.view']({ clientEmail }, ctx),
      handlers['client.followup']({ clientEmail }, ctx),
      handlers['settings.get']({}, ctx),
    ]);
    expect(one.today).toBe('2025-06-15');
    expect(one.view).toEqual(view);
    expect(one.followup).toEqual(followup);
    expect(one.settings).toEqual(settings);
    expect(one.view?.invoices.map((i) => i.number).sort()).toEqual(['F-1', 'F-2']);
  });

  it.each([
    ['no client (no thread open)', null, null],
    ['a client Relance has never seen', 'nobody@unknown.example', 0],
  ])('answers for %s', async (_label, clientEmail, invoiceCount) => {
    const { handlers } = setup();
    const r = await handlers['sidebar.load']({ clientEmail }, ctx);
    expect(r.today).toBe('2025-06-15');
    expect(typeof r.settings.defaultCurrency).toBe('string');
    expect(r.view?.invoices.length ?? null).toBe(invoiceCount);
    if (clientEmail === null) expect(r.followup).toBeNull();
  });
});

describe('sidebar.load: look-alike of a client domain', () => {
  const ctx = { sender: 'content' as const };
  it.each([
    ['a domain made to pass for a client\'s (ASCII only)', 'billing@acrne.example', { domain: 'acrne.example', ascii: 'acrne.example', imitates: 'acme.example' }],
    ['the client itself', 'billing@acme.example', null],
    ['another address at the client\'s domain', 'boss@acme.example', null],
    ['an unrelated domain', 'someone@globex.example', null],
  ])('%s', async (_label, clientEmail, expected) => {
    const { store } = freshStore();
    const handlers = createHandlers(store, { now: () => new Date('2025-06-15T10:00:00Z'), afterWrite: async () => undefined });
    await store.createInvoice(invoiceInput());
    expect((await handlers['sidebar.load']({ clientEmail }, ctx)).lookalike ?? null).toEqual(expected);
  });

  it('sees a client added after the first answer (the index follows the clients table)', async () => {
    const { store } = freshStore();
    const handlers = createHandlers(store, { now: () => new Date('2025-06-15T10:00:00Z'), afterWrite: async () => undefined });
    expect((await handlers['sidebar.load']({ clientEmail: 'billing@acrne.example' }, ctx)).lookalike ?? null).toBeNull();
    await store.createInvoice(invoiceInput());
    expect((await handlers['sidebar.load']({ clientEmail: 'billing@acrne.example' }, ctx)).lookalike?.imitates).toBe('acme.example');
  });
});
