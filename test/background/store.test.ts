import { describe, expect, it } from 'vitest';
import { StoreError } from '@/lib/db/store';
import { parseBackup } from '@/lib/db/backup';
import { displayStatus } from '@/lib/domain/invoice';
import { freshStore, invoiceInput } from './helpers';
import { allEvents } from '@/lib/db/events';

describe('RelanceStore invoices', () => {
  it('creates an invoice, its client and a "created" event in one go', async () => {
    const { db, store } = freshStore();
    const inv = await store.createInvoice(invoiceInput({ clientEmail: ' Billing@ACME.example ' }));
    expect(inv.clientKey).toBe('billing@acme.example');
    expect(inv.status).toBe('open');
    expect(inv.review).toBe('confirmed');
    expect(await db.clients.get('billing@acme.example')).toMatchObject({ name: 'Acme SARL' });
    const events = await allEvents(db);
    expect(events.map((e) => e.type)).toEqual(['created']);
    expect(events[0]?.invoiceId).toBe(inv.id);
  });

  it('refuses the same number twice for one client, but not for another client', async () => {
    const { store } = freshStore();
    await store.createInvoice(invoiceInput());
    await expect(store.createInvoice(invoiceInput())).rejects.toMatchObject({ code: 'duplicate' });
    await expect(store.createInvoice(invoiceInput({ clientEmail: 'other@client.example' }))).resolves.toBeTruthy();
  });

  it('rejects invalid input with a specific message and stores nothing', async () => {
    const { db, store } = freshStore();
    const err = await store.createInvoice(invoiceInput({ dueDate: '2025-04-01' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toMatch(/due date is before the issue date/);
    await expect(store.createInvoice(invoiceInput({ clientEmail: 'not-an-email' }))).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.invoices.count()).toBe(0);
    expect(await db.clients.count()).toBe(0);
  });

  it('records partial then full payment; paid only when nothing is outstanding', async () => {
    const { db, store } = freshStore();
    const inv = await store.createInvoice(invoiceInput({ amountMinor: 100000 }));
    const partial = await store.recordPayment(inv.id, { date: '2025-06-01', amountMinor: 40000 });
    expect(partial.status).toBe('open');
    expect(partial.paidMinor).toBe(40000);
    const full = await store.recordPayment(inv.id, { date: '2025-06-10' });
    expect(full.status).toBe('paid');
    expect(full.paidDate).toBe('2025-06-10');
    expect(full.paidMinor).toBe(100000);
    const types = (await allEvents(db)).map((e) => e.type);
    expect(types).toEqual(['created', 'payment-recorded', 'payment-recorded']);
    await expect(store.recordPayment('missing', { date: '2025-06-10' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows one client its own invoices by due date, with the timeline newest first', async () => {
    const { store, clock } = freshStore();
    await store.createInvoice(invoiceInput({ number: 'B', dueDate: '2025-07-01' }));
    clock.set('2025-06-16T10:00:00Z');
    await store.createInvoice(invoiceInput({ number: 'A', dueDate: '2025-06-01' }));
    await store.createInvoice(invoiceInput({ number: 'C', clientEmail: 'someone@else.example' }));
    const view = await store.clientView('BILLING@acme.example');
    expect(view.client?.email).toBe('billing@acme.example');
    expect(view.invoices.map((i) => i.number)).toEqual(['A', 'B']);
    expect(view.events).toHaveLength(2);
    expect(view.events[0]!.at > view.events[1]!.at).toBe(true);
  });
});

describe('overdue summary (the badge count)', () => {
  it('counts open invoices due before today, not those due today, later, or paid', async () => {
    const { store } = freshStore();
    await store.createInvoice(invoiceInput({ number: '1', dueDate: '2025-06-14', amountMinor: 1000 }));
    await store.createInvoice(invoiceInput({ number: '2', dueDate: '2025-06-01', amountMinor: 2500 }));
    await store.createInvoice(invoiceInput({ number: '3', dueDate: '2025-06-15', amountMinor: 99 }));
    await store.createInvoice(invoiceInput({ number: '4', dueDate: '2025-07-15', amountMinor: 99 }));
    await store.createInvoice(invoiceInput({ number: '5', dueDate: '2025-06-01', amountMinor: 500, currency: 'USD' }));
    const paid = await store.createInvoice(invoiceInput({ number: '6', dueDate: '2025-05-20' }));
    await store.recordPayment(paid.id, { date: '2025-06-10' });
    expect(await store.overdueSummary('2025-06-15')).toEqual({ count: 3, totals: { EUR: 3500, USD: 500 } });
    // The next day the invoice due "today" becomes overdue: nothing stored changes, only the date.
    expect((await store.overdueSummary('2025-06-16')).count).toBe(4);
  });

  it('counts only the outstanding part of a partly paid invoice', async () => {
    const { store } = freshStore();
    const inv = await store.createInvoice(invoiceInput({ dueDate: '2025-06-01', amountMinor: 10000 }));
    await store.recordPayment(inv.id, { date: '2025-06-02', amountMinor: 2500 });
    expect(await store.overdueSummary('2025-06-15')).toEqual({ count: 1, totals: { EUR: 7500 } });
  });

  it('agrees with displayStatus', async () => {
    const { store } = freshStore();
    const inv = await store.createInvoice(invoiceInput({ dueDate: '2025-06-14' }));
    expect(displayStatus(inv, '2025-06-14')).toBe('open');
    expect(displayStatus(inv, '2025-06-15')).toBe('overdue');
    expect(displayStatus({ ...inv, status: 'paid' }, '2025-06-15')).toBe('paid');
  });
});

describe('settings', () => {
  it('starts from defaults and applies partial patches without losing other fields', async () => {
    const { store } = freshStore();
    expect((await store.getSettings()).defaultJurisdiction).toBe('FR');
    await store.updateSettings({ identity: { name: 'Camille Roux', company: 'CR Studio' } });
    const s = await store.updateSettings({ identity: { signature: 'Camille' }, defaultJurisdiction: 'UK' });
    expect(s.identity).toEqual({ name: 'Camille Roux', company: 'CR Studio', signature: 'Camille' });
    expect(s.defaultJurisdiction).toBe('UK');
    expect(await store.getSettings()).toEqual(s);
  });
});

describe('export and import', () => {
  it('round-trips everything through the JSON backup', async () => {
    const a = freshStore();
    const inv = await a.store.createInvoice(invoiceInput());
    await a.store.recordPayment(inv.id, { date: '2025-06-01', amountMinor: 1000 });
    await a.store.updateSettings({ payment: { iban: 'FR76 3000 4000 0500 0012 3456 789' } });
    const text = JSON.stringify(await a.store.exportAll());

    const b = freshStore();
    await b.store.createInvoice(invoiceInput({ number: 'OLD', clientEmail: 'old@client.example' }));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await b.store.importAll(parsed.backup)).toEqual({ invoices: 1, clients: 1, events: 2 });
    const again = await b.store.exportAll();
    const first = JSON.parse(text) as { invoices: unknown; clients: unknown; settings: unknown };
    expect(again.invoices).toEqual(first.invoices);
    expect(again.clients).toEqual(first.clients);
    expect(again.settings).toEqual(first.settings);
    expect(await b.db.invoices.where('number').equals('OLD').count()).toBe(0);
  });

  it('leaves the data unchanged when a write fails halfway through the import', async () => {
    const { db, store } = freshStore();
    await store.createInvoice(invoiceInput());
    const backup = await store.exportAll();
    // Same id twice makes bulkAdd fail after the tables were cleared inside the transaction.
    const broken = { ...backup, invoices: [...backup.invoices, ...backup.invoices] };
    await expect(store.importAll(broken)).rejects.toThrow();
    expect(await db.invoices.count()).toBe(1);
    expect(await db.clients.count()).toBe(1);
  });
});
