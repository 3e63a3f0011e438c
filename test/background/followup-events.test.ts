import { describe, expect, it } from 'vitest';
import { followupEvents } from '@/lib/background/followup-handlers';
import { InvoiceSchema, type Invoice, type InvoiceEvent } from '@/lib/domain/invoice';
import { nextStep, type NextStepInput } from '@/lib/domain/ladder';
import { scoreClient } from '@/lib/domain/risk';
import { defaultSettings } from '@/lib/domain/settings';
import { rng } from '../fuzz/mutate';

/**
 * client.followup gives the risk score and the ladder only the events they read (followupEvents). The promise: the
 * answers are exactly those the whole history gives. Checked on seeded random client histories that mix every
 * event type, grouped and client-wide events, pauses, promises, disputes, payments, paid-later and future invoices.
 */

const KEY = 'billing@acme.example';
const TYPES: InvoiceEvent['type'][] = ['created', 'detected', 'edited', 'reminder-drafted', 'reminder-sent', 'reply-received', 'payment-recorded', 'paused', 'resumed', 'note', 'call'];
const INTENTS = ['promise', 'dispute', 'paid', 'delay_request', 'lost_invoice', 'financial_difficulty', 'other_company', 'question'];
const STAGES = ['pre_due', 'first', 'second', 'formal_notice', 'stop_work', 'handover'];

function iso(base: string, days: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function history(seed: number, today: string): { invoices: Invoice[]; events: InvoiceEvent[] } {
  const rand = rng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const invoices: Invoice[] = [];
  const count = 1 + Math.floor(rand() * 12);
  for (let i = 0; i < count; i++) {
    const issued = -Math.floor(rand() * 200) + (rand() < 0.1 ? 30 : 0);
    const due = issued + pick([0, 15, 30, 45]);
    const status = pick(['open', 'open', 'paid', 'cancelled'] as const);
    const amountMinor = 10_000 + Math.floor(rand() * 500_000);
    invoices.push(
      InvoiceSchema.parse({
        id: `inv-${i}`,
        clientKey: KEY,
        clientEmail: KEY,
        number: `F-${i}`,
        amountMinor,
        currency: pick(['EUR', 'EUR', 'GBP']),
        issueDate: iso(today, issued),
        dueDate: iso(today, due),
        status,
        // Paid after today reads as open today (asOf); partly paid open invoices too.
        paidDate: status === 'paid' ? iso(today, due + Math.floor(rand() * 60) - 20) : null,
        paidMinor: status === 'paid' ? amountMinor : rand() < 0.2 ? Math.floor(amountMinor / 3) : 0,
        source: 'manual',
        createdAt: `${iso(today, issued)}T08:00:00.000Z`,
        updatedAt: `${iso(today, issued)}T08:00:00.000Z`,
      }),
    );
  }
  const events: InvoiceEvent[] = [];
  const n = Math.floor(rand() * 80);
  for (let e = 0; e < n; e++) {
    const type = pick(TYPES);
    const scope = rand();
    const inv = pick(invoices);
    const invoiceId = scope < 0.7 ? inv.id : null;
    const payload: Record<string, unknown> = {};
    if (scope >= 0.7 && scope < 0.85) payload['invoiceIds'] = [inv.id, pick(invoices).id];
    if (type === 'reply-received') payload['intent'] = pick(INTENTS);
    if (type === 'reply-received' && rand() < 0.5) payload['promisedDate'] = iso(today, Math.floor(rand() * 40) - 20);
    if (type === 'reminder-sent' || type === 'reminder-drafted') payload['stage'] = pick(STAGES);
    if (type === 'reminder-sent' && rand() < 0.3) payload['channel'] = pick(['email', 'call', 'letter']);
    if (type === 'paused' && rand() < 0.6) payload['until'] = iso(today, Math.floor(rand() * 40) - 20);
    if (type === 'payment-recorded') payload['amountMinor'] = 1 + Math.floor(rand() * 100_000);
    if (type === 'note' && rand() < 0.5) payload['kind'] = 'call';
    // Some events share an instant (their order then comes from the log), a few are after today.
    const at = `${iso(today, -Math.floor(rand() * 220) + (rand() < 0.05 ? 10 : 0))}T${rand() < 0.3 ? '09:00:00.000' : `1${Math.floor(rand() * 10)}:3${Math.floor(rand() * 10)}:00.000`}Z`;
    events.push({ id: e + 1, invoiceId, clientKey: KEY, type, at, payload });
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id! - b.id!));
  return { invoices, events };
}

const settings = defaultSettings();
const ladderInput = (invoices: Invoice[], events: InvoiceEvent[], today: string): NextStepInput => ({
  invoices,
  events,
  client: { key: KEY, email: KEY, name: 'Acme', b2b: true, paused: false, language: 'fr', jurisdiction: null, planId: null },
  settings: { jurisdiction: settings.defaultJurisdiction, language: 'fr', identity: settings.identity, payment: settings.payment },
  today,
});

describe('followupEvents: the follow-up brain sees only what it reads, and answers the same', () => {
  const today = '2025-06-16';
  it.each(Array.from({ length: 60 }, (_, i) => ({ seed: i + 1 })))('seed $seed: risk and next step equal those of the whole history', ({ seed }) => {
    const { invoices, events } = history(seed, today);
    const kept = followupEvents({ invoices, events }, today);
    const confirmed = invoices.filter((i) => i.status !== 'cancelled');
    const riskAll = scoreClient({ invoices: confirmed, events, flags: {}, today });
    const riskKept = scoreClient({ invoices: confirmed, events: kept.risk, flags: {}, today });
    expect(riskKept).toEqual(riskAll);
    expect(nextStep({ ...ladderInput(confirmed, kept.ladder, today), risk: riskKept })).toEqual(nextStep({ ...ladderInput(confirmed, events, today), risk: riskAll }));
    expect(kept.risk.length + kept.ladder.length).toBeLessThanOrEqual(2 * events.length);
  });

  it.each([
    { name: 'a reply on a settled invoice', event: { invoiceId: 'inv-0', type: 'reply-received' as const }, risk: true, ladder: false },
    { name: 'a reply on an owed invoice', event: { invoiceId: 'inv-1', type: 'reply-received' as const }, risk: true, ladder: true },
    { name: 'a client-wide pause', event: { invoiceId: null, type: 'paused' as const }, risk: false, ladder: true },
    { name: 'a grouped reminder naming a settled and an owed invoice', event: { invoiceId: null, type: 'reminder-sent' as const, payload: { invoiceIds: ['inv-0', 'inv-1'] } }, risk: true, ladder: true },
    { name: 'a draft (never read)', event: { invoiceId: 'inv-1', type: 'reminder-drafted' as const }, risk: false, ladder: false },
    { name: 'the creation (never read)', event: { invoiceId: 'inv-1', type: 'created' as const }, risk: false, ladder: false },
    { name: 'a payment on an owed invoice', event: { invoiceId: 'inv-1', type: 'payment-recorded' as const }, risk: false, ladder: true },
  ])('$name: risk $risk, ladder $ladder', ({ event, risk, ladder }) => {
    const base = { clientKey: KEY, source: 'manual', createdAt: '2025-05-01T08:00:00.000Z', updatedAt: '2025-05-01T08:00:00.000Z', clientEmail: KEY, amountMinor: 1000, currency: 'EUR', issueDate: '2025-05-01', dueDate: '2025-05-31' };
    const invoices = [
      InvoiceSchema.parse({ ...base, id: 'inv-0', number: 'F-0', status: 'paid', paidDate: '2025-06-01', paidMinor: 1000 }),
      InvoiceSchema.parse({ ...base, id: 'inv-1', number: 'F-1', status: 'open' }),
    ];
    const ev: InvoiceEvent = { clientKey: KEY, at: '2025-06-10T09:00:00.000Z', payload: {}, ...event };
    const kept = followupEvents({ invoices, events: [ev] }, today);
    expect(kept.risk.length === 1).toBe(risk);
    expect(kept.ladder.length === 1).toBe(ladder);
  });
});
