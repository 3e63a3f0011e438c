import { describe, expect, it } from 'vitest';
import { buildDraftInput, type DraftContext } from '../../lib/domain/ladder/draft-input';
import { chronological, contactKind, eventCovers, eventDate, eventInvoiceIds, payloadStage, type FollowupEvent, type FollowupInvoice } from '../../lib/domain/ladder/history';
import { computeLateFees, type LateFeesPayment } from '../../lib/domain/law/fees';
import { scoreClient } from '../../lib/domain/risk';
import { rng } from '../fuzz/mutate';

/**
 * The draft input and the risk profile read a client's history through one sort and per-invoice indexes (a big
 * account has a thousand events). These tests hold them to the plain reading: every invoice scanning the whole
 * history, as the rules in ladder/draft-input.ts and risk.ts are written.
 */

const TODAY = '2026-11-22';
const day = (offset: number): string => new Date(Date.UTC(2026, 10, 22) + offset * 86_400_000).toISOString().slice(0, 10);

function randomClient(seed: number): { invoices: FollowupInvoice[]; events: FollowupEvent[] } {
  const rand = rng(seed);
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const invoices: FollowupInvoice[] = Array.from({ length: 1 + Math.floor(rand() * 12) }, (_, i) => {
    const issued = -Math.floor(rand() * 200);
    const due = issued + pick([0, 15, 30, 60]);
    const amountMinor = 1000 + Math.floor(rand() * 100_000);
    const status = pick(['open', 'open', 'paid'] as const);
    const paidMinor = status === 'paid' ? amountMinor : rand() < 0.4 ? Math.floor(amountMinor * rand()) : 0;
    return { id: `i${i}`, number: `N-${i}`, amountMinor, currency: pick(['EUR', 'GBP']), issueDate: day(issued), dueDate: day(due), status, paidMinor, paidDate: status === 'paid' ? day(Math.min(0, due + 10)) : null };
  });
  const events: FollowupEvent[] = Array.from({ length: Math.floor(rand() * 60) }, () => {
    const type = pick(['reminder-sent', 'reply-received', 'payment-recorded', 'note'] as const);
    const payload: Record<string, unknown> = {};
    if (type === 'reminder-sent') payload['stage'] = pick(['first', 'second', 'formal_notice']);
    if (type === 'reminder-sent' && rand() < 0.3) payload['channel'] = pick(['call', 'letter']);
    if (type === 'reply-received') payload['intent'] = pick(['delay_request', 'dispute', 'lost_invoice', 'none']);
    if (type === 'payment-recorded') payload['amountMinor'] = 1 + Math.floor(rand() * 20_000);
    if (type === 'note' && rand() < 0.5) payload['kind'] = 'call';
    const scope = rand();
    // Grouped events, sometimes naming an invoice twice; client-wide ones; single-invoice ones.
    if (scope < 0.2) payload['invoiceIds'] = [pick(invoices).id, pick(invoices).id];
    const at = rand() < 0.5 ? day(-Math.floor(rand() * 220) + 3) : `${day(-Math.floor(rand() * 220))}T${10 + Math.floor(rand() * 10)}:00:00.000Z`;
    return { invoiceId: scope >= 0.2 && scope < 0.75 ? pick(invoices).id : null, type, at, payload };
  });
  return { invoices, events };
}

/** Fees with the partial payments found by scanning the whole history for this one invoice. */
function plainFees(inv: FollowupInvoice, ctx: DraftContext): { interestMinor: number; fixedCompensationMinor: number } {
  if (inv.dueDate >= ctx.date) return { interestMinor: 0, fixedCompensationMinor: 0 };
  const payments: LateFeesPayment[] = [];
  for (const ev of chronological(ctx.events)) {
    if (ev.type !== 'payment-recorded' || ev.date > ctx.date || !eventInvoiceIds(ev)?.includes(inv.id)) continue;
    payments.push({ date: ev.date, amountMinor: ev.payload!['amountMinor'] as number });
  }
  const rest = (inv.paidMinor ?? 0) - payments.reduce((a, p) => a + p.amountMinor, 0);
  if (rest > 0) payments.unshift({ date: inv.dueDate, amountMinor: rest });
  try {
    const f = computeLateFees({ jurisdiction: ctx.jurisdiction, principalMinor: inv.amountMinor, currency: inv.currency, dueDate: inv.dueDate, today: ctx.date, ...(payments.length > 0 ? { payments } : {}) });
    return { interestMinor: f.interestMinor, fixedCompensationMinor: f.fixedCompensationMinor };
  } catch {
    return { interestMinor: 0, fixedCompensationMinor: 0 };
  }
}

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

const overdue = (id: string, due: string): FollowupInvoice => ({ id, number: id.toUpperCase(), amountMinor: 100_000, currency: 'EUR', issueDate: '2026-01-01', dueDate: due, status: 'open', paidMinor: 0, paidDate: null });
const payment = (at: string, amountMinor: number, ids: { invoiceId?: string; invoiceIds?: string[] }): FollowupEvent => ({ invoiceId: ids.invoiceId ?? null, type: 'payment-recorded', at, payload: { amountMinor, ...(ids.invoiceIds ? { invoiceIds: ids.invoiceIds } : {}) } });

/** Hand-made histories for the cases random ones rarely reach. */
const HAND_MADE: Array<[string, { invoices: FollowupInvoice[]; events: FollowupEvent[] }]> = [
  ['an invoice named twice in one payment counts it once', { invoices: [overdue('a', '2026-03-01')], events: [payment('2026-05-01', 40_000, { invoiceIds: ['a', 'a'] })] }],
  ['a grouped payment reaches each invoice it names', { invoices: [overdue('a', '2026-03-01'), overdue('b', '2026-04-01')], events: [payment('2026-06-01', 30_000, { invoiceIds: ['b', 'a'] }), payment('2026-05-01', 10_000, { invoiceId: 'a' })] }],
  ['a payment after the draft date is left out', { invoices: [overdue('a', '2026-03-01')], events: [payment('2026-12-01', 50_000, { invoiceId: 'a' })] }],
  ['a payment of another invoice is left out', { invoices: [overdue('a', '2026-03-01')], events: [payment('2026-05-01', 50_000, { invoiceId: 'z' })] }],
];
const CLIENTS: Array<[string, { invoices: FollowupInvoice[]; events: FollowupEvent[] }]> = [...HAND_MADE, ...SEEDS.map((seed): [string, ReturnType<typeof randomClient>] => [`seed ${seed}`, randomClient(seed)])];

describe('draft input read in one pass', () => {
  it.each(CLIENTS)('%s: same history and fees as scanning per invoice', (_, { invoices, events }) => {
    const ctx: DraftContext = {
      stage: 'formal_notice', formality: 'formal', language: 'en', jurisdiction: 'FR', date: TODAY,
      client: { name: 'Acme SAS', email: 'a@acme.example', b2b: true },
      identity: { name: '', company: '', signature: '' }, payment: { iban: '', bic: '', paymentLink: '', instructions: '' },
      invoices, events,
    };
    const input = buildDraftInput(ctx);
    const history = chronological(events)
      .filter((ev) => ev.date <= TODAY && invoices.some((inv) => eventCovers(ev, inv)))
      .flatMap((ev) => (contactKind(ev) ? [{ kind: contactKind(ev), date: ev.date, ...(payloadStage(ev) ? { stage: payloadStage(ev) } : {}) }] : []));
    expect(input.history).toEqual(history);
    expect(input.invoices.map((i) => [i.interestMinor, i.fixedCompensationMinor])).toEqual(invoices.map((inv) => {
      const f = plainFees(inv, ctx);
      return [f.interestMinor, f.fixedCompensationMinor];
    }));
  });
});

describe('risk profile read in one pass', () => {
  it.each(SEEDS)('seed %i: same reminders-to-get-paid and warning signs as scanning per invoice', (seed) => {
    const { invoices, events } = randomClient(seed);
    const risk = scoreClient({ invoices, events, today: TODAY });
    const sent = chronological(events).filter((e) => e.type === 'reminder-sent' && e.date <= TODAY);
    const paid = invoices.filter((i) => i.status === 'paid');
    const counts = paid.map((inv) => sent.filter((e) => eventCovers(e, inv) && (!inv.paidDate || e.date <= inv.paidDate)).length);
    expect(risk.remindersToGetPaid).toBe(paid.length === 0 ? null : Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10);
    for (const sign of risk.warningSigns.filter((s) => s.source === 'replies')) {
      const intent = sign.sign;
      const replies = chronological(events).filter((e) => e.date <= TODAY && e.type === 'reply-received' && e.payload?.['intent'] === intent);
      expect([sign.count, sign.lastDate]).toEqual([replies.length, replies[replies.length - 1]?.date ?? null]);
    }
  });
});

describe('chronological', () => {
  const cases: Array<[string, FollowupEvent[], string[]]> = [
    ['already in order', [{ invoiceId: 'a', type: 'note', at: '2026-01-01' }, { invoiceId: 'b', type: 'note', at: '2026-01-02T09:00:00Z' }], ['a', 'b']],
    ['out of order, same-day events keep their order', [
      { invoiceId: 'c', type: 'note', at: '2026-01-03' },
      { invoiceId: 'a1', type: 'note', at: '2026-01-01T18:00:00Z' },
      { invoiceId: 'a2', type: 'note', at: '2026-01-01T08:00:00Z' },
      { invoiceId: 'b', type: 'note', at: '2026-01-02' },
    ], ['a1', 'a2', 'b', 'c']],
    ['unreadable dates left out', [{ invoiceId: 'x', type: 'note', at: 'soon' }, { invoiceId: 'y', type: 'note', at: '2026-02-30' }, { invoiceId: 'z', type: 'note', at: '2026-02-28' }], ['z']],
  ];
  it.each(cases)('%s', (_, events, order) => {
    const out = chronological(events);
    expect(out.map((e) => e.invoiceId)).toEqual(order);
    for (const e of out) expect(e.date).toBe(eventDate(e));
  });
});
