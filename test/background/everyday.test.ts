import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { checkNotifications, NOTIFY_META_KEY } from '@/lib/background/notifier';
import { oldestOverdueDueDate } from '@/lib/db/overdue';
import { allEvents, eventsOf } from '@/lib/db/events';
import { NewInvoiceSchema } from '@/lib/domain/invoice';
import { nextStep } from '@/lib/domain/ladder';
import { freshStore, invoiceInput } from './helpers';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/csv', name), 'utf8');
/** Monday 16 June 2025, 10:00 local time. */
const NOW = new Date(2025, 5, 16, 10, 0);

function setup() {
  const env = freshStore(() => NOW);
  let writes = 0;
  const h = createHandlers(env.store, { now: () => NOW, afterWrite: async () => void writes++ });
  const ctx = { sender: 'extension' as const };
  return { ...env, h, ctx, writes: () => writes };
}

describe('csv commands', () => {
  it('preview, then import a tool export in one go; the badge is refreshed', async () => {
    const { h, ctx, db, writes } = setup();
    const text = fixture('preset-zoho.csv');
    const preview = await h['csv.preview']({ text }, ctx);
    expect(preview).toMatchObject({ ok: true, detectedTool: 'Zoho Invoice', rows: 3 });
    if (!preview.ok) return;
    const check = await h['csv.check']({ text, mapping: preview.mapping }, ctx);
    expect(check).toEqual({ ok: true, invoices: 2, withoutEmail: 0, skipped: [{ line: 4, reason: 'INV-000012: Draft' }], dateOrder: 'ymd' });
    const r = await h['csv.import']({ text, mapping: preview.mapping }, ctx);
    expect(r).toEqual({ imported: 2, skippedDuplicates: 0, skipped: [{ line: 4, reason: 'INV-000012: Draft' }] });
    expect(writes()).toBe(1);
    const invoices = await db.invoices.orderBy('number').toArray();
    expect(invoices.map((i) => [i.number, i.status, i.source, i.review, i.clientKey])).toEqual([
      ['INV-000010', 'open', 'import', 'confirmed', 'pay@initech.example'],
      ['INV-000011', 'paid', 'import', 'confirmed', 'pay@initech.example'],
    ]);
    expect(await db.clients.count()).toBe(1);
    expect((await eventsOf(db, invoices[1]!)).map((e) => e.type)).toEqual(['created', 'payment-recorded']);
    // The same file again adds nothing: each invoice is already tracked for its client.
    expect(await h['csv.import']({ text, mapping: preview.mapping }, ctx)).toMatchObject({ imported: 0, skippedDuplicates: 2 });
    expect(await db.invoices.count()).toBe(2);
  });

  it('refuses a file with one bad row, saying where, and changes nothing', async () => {
    const { h, ctx, db } = setup();
    await h['invoice.create']({ invoice: NewInvoiceSchema.parse(invoiceInput()) }, ctx);
    const text = fixture('bad-dates-amounts.csv');
    const preview = await h['csv.preview']({ text }, ctx);
    if (!preview.ok) throw new Error(preview.error);
    const check = await h['csv.check']({ text, mapping: preview.mapping }, ctx);
    expect(check.ok).toBe(false);
    const err = await h['csv.import']({ text, mapping: preview.mapping }, ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid' });
    expect((err as Error).message).toBe(
      "Nothing was imported: line 3, column 'Échéance': '31/02/2025' is not a date (day/month/year); line 4, column 'Montant TTC': 'douze euros' is not an amount.",
    );
    expect(await db.invoices.count()).toBe(1);
  });

  it('exports every confirmed invoice for the accountant', async () => {
    const { h, ctx } = setup();
    await h['invoice.create']({ invoice: NewInvoiceSchema.parse(invoiceInput({ dueDate: '2025-06-01' })) }, ctx);
    const { csv } = await h['data.exportCsv']({}, ctx);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('F-2025-001,Acme SARL,billing@acme.example,2025-05-01,2025-06-01,2880.00,EUR,0.00,,2880.00,overdue,15');
  });
});

describe('delete everything', () => {
  it('clears every table and resets the settings', async () => {
    const { h, ctx, db, writes } = setup();
    await h['invoice.create']({ invoice: NewInvoiceSchema.parse(invoiceInput()) }, ctx);
    await h['settings.update']({ patch: { defaultCurrency: 'USD', notifications: { weekends: true } } }, ctx);
    await db.meta.put({ key: NOTIFY_META_KEY, value: { notified: ['x'], lastDigestAt: null } });
    expect(await h['data.deleteAll']({ confirm: 'DELETE' }, ctx)).toEqual({ deleted: true });
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(await h['settings.get']({}, ctx)).toMatchObject({ defaultCurrency: 'EUR', notifications: { enabled: true, weekends: false, digest: 'daily' } });
    expect(writes()).toBe(2);
  });
});

describe('snooze and pause', () => {
  async function overdueInvoice() {
    const env = setup();
    const inv = await env.h['invoice.create']({ invoice: NewInvoiceSchema.parse(invoiceInput({ dueDate: '2025-06-01' })) }, env.ctx);
    return { ...env, inv };
  }
  const client = { key: 'billing@acme.example', email: 'billing@acme.example', name: 'Acme', b2b: true };
  const settings = { jurisdiction: 'FR' as const, language: 'fr', identity: { name: '', company: '', signature: '' }, payment: { iban: '', bic: '', paymentLink: '', instructions: '' } };

  it('snoozes until a date: the ladder is quiet until then and resumes on that day', async () => {
    const { h, ctx, db, inv } = await overdueInvoice();
    const snoozed = await h['invoice.snooze']({ id: inv.id, until: '2025-06-20' }, ctx);
    expect(snoozed.snoozedUntil).toBe('2025-06-20');
    expect((await db.invoices.get(inv.id))?.snoozedUntil).toBe('2025-06-20');
    const events = await eventsOf(db, inv);
    expect(events.at(-1)).toMatchObject({ type: 'paused', payload: { reason: 'snooze', until: '2025-06-19', snoozedUntil: '2025-06-20' } });
    const invoices = await db.invoices.toArray();
    expect(nextStep({ invoices, events, client, settings, today: '2025-06-19', drafter: null }).stage).toBe('paused');
    expect(nextStep({ invoices, events, client, settings, today: '2025-06-20', drafter: null }).stage).not.toBe('paused');
    await expect(h['invoice.snooze']({ id: inv.id, until: '2025-06-16' }, ctx)).rejects.toMatchObject({ code: 'invalid' });
    const cleared = await h['invoice.snooze']({ id: inv.id, until: null }, ctx);
    expect(cleared.snoozedUntil).toBeNull();
    expect((await eventsOf(db, inv)).at(-1)?.type).toBe('resumed');
  });

  it('pauses and resumes one invoice, and one client', async () => {
    const { h, ctx, db, inv } = await overdueInvoice();
    await h['invoice.pause']({ id: inv.id, paused: true }, ctx);
    let events = await eventsOf(db, inv);
    let invoices = await db.invoices.toArray();
    expect(nextStep({ invoices, events, client, settings, today: '2025-06-16', drafter: null }).stage).toBe('paused');
    await h['invoice.pause']({ id: inv.id, paused: false }, ctx);
    events = await eventsOf(db, inv);
    expect(nextStep({ invoices, events, client, settings, today: '2025-06-16', drafter: null }).stage).not.toBe('paused');

    const c = await h['client.pause']({ clientEmail: 'Billing@Acme.example', paused: true }, ctx);
    expect(c.paused).toBe(true);
    const clientEvents = (await allEvents(db)).filter((e) => e.type === 'paused' && e.invoiceId === null);
    expect(clientEvents).toHaveLength(1);
    invoices = await db.invoices.toArray();
    const all = await allEvents(db);
    expect(nextStep({ invoices, events: all, client: { ...client, paused: c.paused }, settings, today: '2025-06-16', drafter: null }).stage).toBe('paused');
    expect((await h['client.pause']({ clientEmail: 'billing@acme.example', paused: false }, ctx)).paused).toBe(false);
    await expect(h['client.pause']({ clientEmail: 'nobody@else.example', paused: true }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    await expect(h['invoice.pause']({ id: 'missing', paused: true }, ctx)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('badge colour input and notifications against the database', () => {
  it('finds the oldest overdue invoice still owed', async () => {
    const { store, db } = setup();
    await store.createInvoice(invoiceInput({ number: 'a', dueDate: '2025-06-10' }));
    const old = await store.createInvoice(invoiceInput({ number: 'b', issueDate: '2025-04-01', dueDate: '2025-05-01' }));
    expect(await oldestOverdueDueDate(db, '2025-06-16')).toBe('2025-05-01');
    await store.recordPayment(old.id, { date: '2025-06-16' });
    expect(await oldestOverdueDueDate(db, '2025-06-16')).toBe('2025-06-10');
    expect(await oldestOverdueDueDate(db, '2025-06-10')).toBeNull();
  });

  it('notifies once, remembering what it said in the meta table across restarts', async () => {
    const { store, db } = setup();
    await store.createInvoice(invoiceInput({ dueDate: '2025-06-13' }));
    const shown: string[] = [];
    const deps = { now: () => NOW, show: async (_id: string, title: string) => void shown.push(title) };
    const first = await checkNotifications(db, store, deps);
    expect(first.digest).toBe(true);
    expect(shown).toEqual(['Relance: 2 thing(s) to look at']);
    expect(await db.meta.get(NOTIFY_META_KEY)).toMatchObject({ value: { lastDigestAt: NOW.toISOString() } });
    // A restarted worker reads the state back: nothing new, nothing shown.
    const later = new Date(2025, 5, 17, 10, 0);
    await checkNotifications(db, store, { ...deps, now: () => later });
    expect(shown).toHaveLength(1);
    // Turned off in the settings: nothing even when there is news.
    await store.updateSettings({ notifications: { enabled: false } });
    await store.createInvoice(invoiceInput({ number: 'new', dueDate: '2025-06-16' }));
    await checkNotifications(db, store, { ...deps, now: () => new Date(2025, 5, 18, 10, 0) });
    expect(shown).toHaveLength(1);
  });
});
