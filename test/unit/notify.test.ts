import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideNotifications, NOTIFY_MESSAGE_KEYS, type NotifyInput } from '@/lib/background/notify';
import type { Client, Invoice, InvoiceEvent } from '@/lib/domain/invoice';
import { applySettingsPatch, defaultSettings, type SettingsPatch } from '@/lib/domain/settings';

function invoice(over: Partial<Invoice> & { id: string }): Invoice {
  return {
    clientKey: 'a@acme.example', clientEmail: 'a@acme.example', clientName: 'Acme', number: over.id.toUpperCase(), amountMinor: 100000,
    amountDueMinor: null, currency: 'EUR', issueDate: '2025-05-01', dueDate: '2025-06-14', terms: null, status: 'open', review: 'confirmed',
    source: 'manual', confidence: null, paidDate: null, paidMinor: 0, webmail: null, threadId: null, messageId: null, language: null,
    createdAt: '2025-05-01T08:00:00Z', updatedAt: '2025-05-01T08:00:00Z', ...over,
  };
}

function event(over: Partial<InvoiceEvent> & Pick<InvoiceEvent, 'type' | 'at'>): InvoiceEvent {
  return { invoiceId: null, clientKey: 'a@acme.example', payload: {}, ...over };
}

/** Monday 16 June 2025, 09:00 local time. */
const MONDAY = { today: '2025-06-16', now: new Date(2025, 5, 16, 9, 0) };

function input(over: Partial<NotifyInput> & { prefs?: SettingsPatch['notifications'] } = {}): NotifyInput {
  const { prefs, ...rest } = over;
  return {
    invoices: [],
    events: [],
    settings: applySettingsPatch(defaultSettings(), prefs ? { notifications: prefs } : {}),
    ...MONDAY,
    lastDigestAt: null,
    lastState: { notified: [] },
    ...rest,
  };
}

describe('what is worth a notification', () => {
  it('an invoice that just became overdue, and its first reminder falling due, in one digest', () => {
    const d = decideNotifications(input({ invoices: [invoice({ id: 'f1', dueDate: '2025-06-14' })] }));
    expect(d.digest).toBe(true);
    expect(d.notify).toHaveLength(1);
    expect(d.notify[0]).toMatchObject({ kind: 'step_due', invoiceIds: ['f1'], title: 'Relance: 2 thing(s) to look at' });
    expect(d.notify[0]!.message.split('\n')).toEqual(['Acme: first reminder due (F1)', 'F1 (Acme) is overdue since 2025-06-14']);
    expect(d.state.notified.sort()).toEqual(['overdue:f1', 'step:f1:first']);
    expect(d.lastDigestAt).toBe(MONDAY.now.toISOString());
  });

  it('an invoice overdue for long (imported) gives its next reminder step (the first: none was sent), not "became overdue"', () => {
    const d = decideNotifications(input({ invoices: [invoice({ id: 'old', dueDate: '2025-03-01' })] }));
    expect(d.state.notified).toEqual(['step:old:first']);
  });

  it('a promised payment date passed without payment', () => {
    const inv = invoice({ id: 'p1', dueDate: '2025-05-20' });
    const promise = event({ invoiceId: 'p1', type: 'reply-received', at: '2025-05-25T10:00:00Z', payload: { intent: 'promise', promisedDate: '2025-06-12' } });
    const d = decideNotifications(input({ invoices: [inv], events: [promise], prefs: { digest: 'immediate' } }));
    expect(d.notify.map((n) => n.kind)).toEqual(['promise_broken', 'step_due']);
    expect(d.notify[0]).toMatchObject({ invoiceIds: ['p1'], title: 'Promised payment not received: 1 invoice(s)', message: 'P1 (Acme) was promised for 2025-06-12' });
    // Kept promise: paid, nothing to say.
    const paid = decideNotifications(input({ invoices: [{ ...inv, status: 'paid', paidMinor: 100000, paidDate: '2025-06-11' }], events: [promise] }));
    expect(paid.notify).toEqual([]);
    // A promise still running: no alarm, and the ladder is paused too.
    const running = decideNotifications(input({ invoices: [inv], events: [{ ...promise, payload: { intent: 'promise', promisedDate: '2025-06-20' } }] }));
    expect(running.notify).toEqual([]);
  });

  it.each([
    ['snoozed invoice', [invoice({ id: 's', snoozedUntil: '2025-06-20' })], [] as InvoiceEvent[], [] as Client[]],
    ['paid invoice', [invoice({ id: 'x', status: 'paid', paidMinor: 100000, paidDate: '2025-06-10', dueDate: '2025-06-01' })], [], []],
    ['pending detection', [invoice({ id: 'x', review: 'pending' })], [], []],
    ['not yet due', [invoice({ id: 'x', dueDate: '2025-07-30' })], [], []],
  ])('nothing for a %s', (_, invoices, events, clients) => {
    expect(decideNotifications(input({ invoices, events, clients })).notify).toEqual([]);
  });

  it('a paused invoice still says it became overdue, but no reminder step', () => {
    const inv = invoice({ id: 'z', dueDate: '2025-06-12' });
    const paused = event({ invoiceId: 'z', type: 'paused', at: '2025-06-13T10:00:00Z' });
    expect(decideNotifications(input({ invoices: [inv], events: [paused] })).state.notified).toEqual(['overdue:z']);
  });

  it('a snoozed invoice comes back on the snooze date', () => {
    const inv = invoice({ id: 's', dueDate: '2025-06-12', snoozedUntil: '2025-06-16' });
    expect(decideNotifications(input({ invoices: [inv] })).state.notified).toContain('overdue:s');
  });
});

describe('announced once', () => {
  it('does not repeat what was announced, and announces the next step when it comes', () => {
    const inv = invoice({ id: 'f1', dueDate: '2025-06-14' });
    const first = decideNotifications(input({ invoices: [inv] }));
    const tuesday = { today: '2025-06-17', now: new Date(2025, 5, 17, 9, 0) };
    const again = decideNotifications(input({ invoices: [inv], ...tuesday, lastDigestAt: first.lastDigestAt, lastState: first.state }));
    expect(again.notify).toEqual([]);
    expect(again.state.notified.sort()).toEqual(first.state.notified.sort());
    // The first reminder was sent; eight days after the due date the second one is due: announced.
    const sent = event({ invoiceId: 'f1', type: 'reminder-sent', at: '2025-06-16T10:00:00Z', payload: { stage: 'first' } });
    const later = { today: '2025-06-23', now: new Date(2025, 5, 23, 9, 0) };
    const next = decideNotifications(input({ invoices: [inv], events: [sent], ...later, lastDigestAt: again.lastDigestAt, lastState: again.state }));
    expect(next.notify).toHaveLength(1);
    expect(next.notify[0]!.message).toBe('Acme: second reminder due (F1)');
  });

  it('forgets what no longer holds (paid)', () => {
    const inv = invoice({ id: 'f1', dueDate: '2025-06-14' });
    const first = decideNotifications(input({ invoices: [inv] }));
    const paid = { ...inv, status: 'paid' as const, paidMinor: 100000, paidDate: '2025-06-16' };
    const tuesday = { today: '2025-06-17', now: new Date(2025, 5, 17, 9, 0) };
    expect(decideNotifications(input({ invoices: [paid], ...tuesday, lastState: first.state, lastDigestAt: first.lastDigestAt })).state.notified).toEqual([]);
  });
});

describe('when', () => {
  const invoices = [invoice({ id: 'f1', dueDate: '2025-06-12' })];
  const saturday = { today: '2025-06-21', now: new Date(2025, 5, 21, 10, 0) };

  it.each([
    ['disabled', { prefs: { enabled: false } }, 0],
    ['on Saturday', { ...saturday }, 0],
    ['on Saturday when weekends are asked for', { ...saturday, prefs: { weekends: true } }, 1],
    ['before 8:00', { now: new Date(2025, 5, 16, 7, 30) }, 0],
    ['after a digest earlier today', { lastDigestAt: new Date(2025, 5, 16, 8, 5).toISOString() }, 0],
    ['after a digest yesterday', { lastDigestAt: new Date(2025, 5, 15, 20, 0).toISOString() }, 1],
    ['immediately, one per kind', { prefs: { digest: 'immediate' as const }, lastDigestAt: new Date(2025, 5, 16, 8, 5).toISOString() }, 2],
  ])('%s: %i notification(s)', (_, over, count) => {
    const d = decideNotifications(input({ invoices, ...over }));
    expect(d.notify).toHaveLength(count);
  });

  it('held facts are not lost: Monday announces what the weekend kept back', () => {
    const sat = decideNotifications(input({ invoices, ...saturday, lastState: { notified: [] } }));
    expect(sat.state.notified).toEqual([]);
    const monday = { today: '2025-06-23', now: new Date(2025, 5, 23, 9, 0) };
    const mon = decideNotifications(input({ invoices: [invoice({ id: 'f1', dueDate: '2025-06-20' })], ...monday, lastState: sat.state }));
    expect(mon.notify).toHaveLength(1);
  });

  it('uses the translations it is given', () => {
    const t = (key: string, subs?: string[]) => (key === 'notifyDigestTitle' ? `Relance : ${subs?.[0]} point(s)` : '');
    expect(decideNotifications(input({ invoices, t })).notify[0]!.title).toBe('Relance : 2 point(s)');
  });
});

describe('notification texts', () => {
  const ROOT = join(import.meta.dirname, '../..');
  it.each(['en', 'fr'])('every key exists in %s', (lang) => {
    const catalog = JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, unknown>;
    expect(NOTIFY_MESSAGE_KEYS.filter((k) => !(k in catalog))).toEqual([]);
  });
});
