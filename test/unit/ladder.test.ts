import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../lib/domain/dates';
import { choosePlan, DEFAULT_PLANS, nextStep, planProblem, type NextStepInput } from '../../lib/domain/ladder';
import type { FollowupEvent, FollowupInvoice } from '../../lib/domain/ladder/history';
import type { DraftInput } from '../../lib/domain/reminders/context';
import { scoreClient } from '../../lib/domain/risk';
import type { Jurisdiction } from '../../lib/domain/types';

/*
 * Standard plan, invoice A due Monday 2025-03-03: pre_due Fri 02-28, first Tue 03-04, second Tue 03-11 (call task),
 * formal_notice Tue 03-18 (letter), stop_work Wed 04-02, handover Thu 04-17.
 */

function inv(number: string, due: string, extra: Partial<FollowupInvoice> = {}): FollowupInvoice {
  return { id: number, number, amountMinor: 120000, currency: 'EUR', issueDate: addDaysIso(due, -30), dueDate: due, status: 'open', paidMinor: 0, paidDate: null, ...extra };
}
const A = inv('A', '2025-03-03');

const sent = (date: string, stage: string, invoiceId: string | null = 'A', channel = 'email'): FollowupEvent => ({ invoiceId, type: 'reminder-sent', at: `${date}T10:00:00Z`, payload: { stage, channel } });
const drafted = (date: string, stage: string): FollowupEvent => ({ invoiceId: 'A', type: 'reminder-drafted', at: date, payload: { stage } });
const reply = (date: string, intent: string, extra: Record<string, unknown> = {}, invoiceId: string | null = null): FollowupEvent => ({ invoiceId, type: 'reply-received', at: date, payload: { intent, ...extra } });
const ev = (type: FollowupEvent['type'], date: string, payload: Record<string, unknown> = {}, invoiceId: string | null = null): FollowupEvent => ({ invoiceId, type, at: date, payload });

function input(today: string, events: FollowupEvent[] = [], invoices: FollowupInvoice[] = [A], over: Partial<NextStepInput> & { jurisdiction?: Jurisdiction; paused?: boolean; planId?: string } = {}): NextStepInput {
  return {
    invoices,
    events,
    today,
    client: { key: 'c@example.com', email: 'c@example.com', name: 'Client SAS', b2b: true, ...(over.paused ? { paused: true } : {}), ...(over.planId ? { planId: over.planId } : {}) },
    settings: {
      jurisdiction: over.jurisdiction ?? 'FR',
      language: 'fr',
      identity: { name: 'Ana', company: 'Ana Studio', signature: 'Ana' },
      payment: { iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', paymentLink: '', instructions: '' },
    },
    ...(over.risk ? { risk: over.risk } : {}),
    ...(over.drafter ? { drafter: over.drafter } : {}),
  };
}

interface Case {
  rule: string;
  in: NextStepInput;
  stage: string;
  dueOn?: string | null;
  channel?: string | null;
  invoices?: string[];
  pausedUntil?: string | null;
  skipped?: string[];
  callTask?: boolean;
  reason?: RegExp;
}

const cases: Case[] = [
  { rule: 'all invoices paid -> none', in: input('2025-03-20', [], [inv('A', '2025-03-03', { status: 'paid', paidDate: '2025-03-10', paidMinor: 120000 })]), stage: 'none', dueOn: null, reason: /every invoice is paid/ },
  { rule: 'before the due date: pre_due, 3 days before', in: input('2025-02-20'), stage: 'pre_due', dueOn: '2025-02-28', channel: 'email', invoices: ['A'] },
  { rule: 'pre_due sent: first reminder the day after the due date', in: input('2025-03-01', [sent('2025-02-28', 'pre_due')]), stage: 'first', dueOn: '2025-03-04' },
  { rule: 'first sent: second reminder at +8 with a call task', in: input('2025-03-12', [sent('2025-03-04', 'first')]), stage: 'second', dueOn: '2025-03-11', callTask: true },
  { rule: 'never twice the same step: first sent -> second, even the day after', in: input('2025-03-05', [sent('2025-03-04', 'first')]), stage: 'second', dueOn: '2025-03-11' },
  { rule: 'a drafted but unsent step is still the next step', in: input('2025-03-05', [drafted('2025-03-04', 'first')]), stage: 'first', dueOn: '2025-03-04' },
  { rule: 'a reminder about another invoice does not count as sent for this one', in: input('2025-03-05', [sent('2025-03-04', 'first', 'B')], [A, inv('B', '2025-04-30')]), stage: 'first' },
  { rule: 'a grouped client-wide reminder counts for the invoices open then', in: input('2025-03-05', [sent('2025-03-04', 'first', null)]), stage: 'second' },
  { rule: 'the plan spacing holds when a reminder went out late', in: input('2025-03-12', [sent('2025-03-10', 'first')]), stage: 'second', dueOn: '2025-03-17' },
  { rule: 'formal notice after the second: registered letter', in: input('2025-03-18', [sent('2025-03-04', 'first'), sent('2025-03-11', 'second')]), stage: 'formal_notice', dueOn: '2025-03-18', channel: 'letter' },
  { rule: 'catch-up: the most advanced step due, the skipped ones listed', in: input('2025-04-10', [sent('2025-03-04', 'first')]), stage: 'formal_notice', dueOn: '2025-03-18', skipped: ['second'], reason: /stop_work held back: the formal notice has not been sent yet/ },
  { rule: 'catch-up never skips the first reminder (the second refers to it), nor jumps to the formal notice', in: input('2025-03-20'), stage: 'first', reason: /second held back: the first reminder has not been sent yet; formal_notice held back: no written reminder/ },
  { rule: 'a pre-due notice is not a written reminder for the formal notice', in: input('2025-03-20', [sent('2025-02-28', 'pre_due')]), stage: 'first' },
  { rule: 'a logged call is not a written reminder: the next step is the second, never the formal notice', in: input('2025-03-20', [sent('2025-03-04', 'first', 'A', 'call')]), stage: 'second' },
  { rule: 'once the first reminder was sent, the second follows', in: input('2025-03-12', [sent('2025-03-04', 'first')]), stage: 'second', dueOn: '2025-03-11' },
  { rule: 'stop work once the formal notice was sent', in: input('2025-04-03', [sent('2025-03-04', 'first'), sent('2025-03-18', 'formal_notice', 'A', 'letter')]), stage: 'stop_work', dueOn: '2025-04-02', skipped: [] },
  { rule: 'every step sent -> none', in: input('2025-05-01', ['pre_due', 'first', 'second', 'formal_notice', 'stop_work', 'handover'].map((s, i) => sent(addDaysIso('2025-02-28', i * 7), s))), stage: 'none', reason: /every step of the plan has been sent/ },
  { rule: 'a pre_due step is never proposed once overdue', in: input('2025-03-03', [], [inv('A', '2025-02-27')]), stage: 'first', dueOn: '2025-02-28' },
  // Pauses.
  { rule: 'a promise to pay pauses until the promised date', in: input('2025-03-15', [sent('2025-03-04', 'first'), reply('2025-03-06', 'promise', { promisedDate: '2025-03-20' })]), stage: 'paused', pausedUntil: '2025-03-20', reason: /promised for 2025-03-20/ },
  { rule: 'the promised date is still paused', in: input('2025-03-20', [sent('2025-03-04', 'first'), reply('2025-03-06', 'promise', { promisedDate: '2025-03-20' })]), stage: 'paused' },
  { rule: 'a broken promise: the next step is due the day after the promised date', in: input('2025-03-21', [sent('2025-03-04', 'first'), reply('2025-03-06', 'promise', { promisedDate: '2025-03-20' })]), stage: 'second', dueOn: '2025-03-21', skipped: [] },
  { rule: 'after a broken promise the later steps keep their spacing', in: input('2025-03-25', [sent('2025-03-04', 'first'), reply('2025-03-06', 'promise', { promisedDate: '2025-03-20' })]), stage: 'second', dueOn: '2025-03-21' },
  { rule: 'a promise without a date pauses 7 days', in: input('2025-03-10', [reply('2025-03-05', 'promise')]), stage: 'paused', pausedUntil: '2025-03-12' },
  { rule: '"we have paid" pauses 7 days for the payment to arrive', in: input('2025-03-10', [reply('2025-03-05', 'paid')]), stage: 'paused', pausedUntil: '2025-03-12' },
  { rule: 'a dispute pauses until the user resumes', in: input('2025-06-01', [sent('2025-03-04', 'first'), reply('2025-03-06', 'dispute', {}, 'A')]), stage: 'paused', pausedUntil: null, reason: /disputed on 2025-03-06/ },
  { rule: 'resumed after a dispute: the next step, from the day of resuming', in: input('2025-03-25', [sent('2025-03-04', 'first'), reply('2025-03-06', 'dispute', {}, 'A'), ev('resumed', '2025-03-25', {}, 'A')]), stage: 'second', dueOn: '2025-03-25' },
  { rule: 'a client-wide resume also lifts an invoice dispute', in: input('2025-03-25', [sent('2025-03-04', 'first'), reply('2025-03-06', 'dispute', {}, 'A'), ev('resumed', '2025-03-25')]), stage: 'second' },
  { rule: 'manual pause of the client with an end date', in: input('2025-03-08', [ev('paused', '2025-03-01', { until: '2025-03-10' })]), stage: 'paused', pausedUntil: '2025-03-10', reason: /paused by you until 2025-03-10/ },
  { rule: 'manual pause without end date', in: input('2025-05-08', [ev('paused', '2025-03-01')]), stage: 'paused', pausedUntil: null },
  { rule: 'dunning stop set on the client', in: input('2025-03-20', [], [A], { paused: true }), stage: 'paused', pausedUntil: null },
  { rule: 'a paused invoice is left out and the others are chased', in: input('2025-03-12', [ev('paused', '2025-03-01', {}, 'A')], [A, inv('B', '2025-03-10')]), stage: 'first', dueOn: '2025-03-11', invoices: ['B'] },
  { rule: 'all open invoices paused: paused until the first pause ends', in: input('2025-03-12', [ev('paused', '2025-03-01', { until: '2025-03-31' }, 'A'), ev('paused', '2025-03-01', { until: '2025-03-20' }, 'B')], [A, inv('B', '2025-03-10')]), stage: 'paused', pausedUntil: '2025-03-20' },
  // One reminder per client.
  { rule: 'several open invoices go into one reminder: overdue ones and those due within the pre-due window', in: input('2025-03-12', [sent('2025-03-04', 'first')], [inv('D', '2025-04-30'), inv('C', '2025-03-14'), inv('B', '2025-03-10'), A]), stage: 'second', invoices: ['A', 'B', 'C'] },
  { rule: 'the stage follows the most advanced (oldest) invoice', in: input('2025-03-19', [sent('2025-03-04', 'first'), sent('2025-03-11', 'second')], [inv('B', '2025-03-17'), A]), stage: 'formal_notice', invoices: ['A', 'B'] },
  // Business days.
  { rule: 'no reminder on a weekend: Saturday -> Monday', in: input('2025-03-01', [], [inv('A', '2025-03-07')]), stage: 'pre_due', dueOn: '2025-03-04' },
  { rule: 'no reminder on a weekend: first reminder moved to Monday', in: input('2025-03-08', [sent('2025-03-04', 'pre_due')], [inv('A', '2025-03-07')]), stage: 'first', dueOn: '2025-03-10' },
  { rule: 'no reminder on a French holiday: Ascension -> Friday', in: input('2025-05-29', [], [inv('A', '2025-05-28')]), stage: 'first', dueOn: '2025-05-30' },
  { rule: 'no reminder on a UK bank holiday: Saturday, then Monday 25 August -> Tuesday', in: input('2025-08-23', [], [inv('A', '2025-08-22')], { jurisdiction: 'UK' }), stage: 'first', dueOn: '2025-08-26' },
  { rule: 'a pre_due moved by the calendar lands on the due date at the latest', in: input('2025-12-20', [], [inv('A', '2025-12-29')], { jurisdiction: 'UK' }), stage: 'pre_due', dueOn: '2025-12-29' },
  { rule: 'a pre_due the calendar pushes past the due date is dropped', in: input('2025-12-20', [], [inv('A', '2025-12-28')], { jurisdiction: 'UK' }), stage: 'first', dueOn: '2025-12-29' },
];

describe('nextStep: ladder rules', () => {
  it.each(cases)('$rule', (c) => {
    const r = nextStep(c.in);
    expect(r.stage).toBe(c.stage);
    if (c.dueOn !== undefined) expect(r.dueOn).toBe(c.dueOn);
    if (c.channel !== undefined) expect(r.channel).toBe(c.channel);
    if (c.invoices) expect(r.invoices).toEqual(c.invoices);
    if (c.pausedUntil !== undefined) expect(r.pausedUntil).toBe(c.pausedUntil);
    if (c.skipped) expect(r.skipped).toEqual(c.skipped);
    if (c.callTask !== undefined) expect(r.callTask).toBe(c.callTask);
    if (c.reason) expect(r.reason).toMatch(c.reason);
    // A step comes with its draft (the real drafter); none and paused come without.
    if (r.stage === 'none' || r.stage === 'paused') expect(r.draft).toBeNull();
    else expect(r.draft === null ? r.draftError : r.draft.stage).toBe(r.stage);
  });
});

describe('plans', () => {
  it('the default plans are well formed, in formal and informal variants', () => {
    for (const p of DEFAULT_PLANS) expect(planProblem(p)).toBeNull();
    expect(DEFAULT_PLANS.map((p) => p.id)).toEqual(['standard-formal', 'standard-informal', 'firm-formal', 'firm-informal']);
  });

  it('rejects a plan whose steps go backwards', () => {
    const bad = { id: 'x', name: 'x', formality: 'formal' as const, steps: [{ stage: 'second' as const, offsetDays: 8, channel: 'email' as const }, { stage: 'first' as const, offsetDays: 10, channel: 'email' as const }] };
    expect(planProblem(bad)).toMatch(/must come after second/);
  });

  it.each([
    [{ clientPlanId: 'firm', formality: 'informal' as const }, 'firm-informal', /set for this client/],
    [{ clientPlanId: 'standard-informal', riskBand: 'high' as const }, 'standard-informal', /set for this client/],
    [{ riskBand: 'high' as const }, 'firm-formal', /high payment risk/],
    [{ riskBand: 'high' as const, defaultPlanId: 'standard-informal' }, 'firm-informal', /high payment risk/],
    [{ riskBand: 'medium' as const, defaultPlanId: 'standard-informal' }, 'standard-informal', /default plan/],
    [{}, 'standard-formal', /standard plan/],
    [{ clientPlanId: 'no-such-plan' }, 'standard-formal', /standard plan/],
  ])('choosePlan(%o) -> %s', (inp, id, reason) => {
    const c = choosePlan(inp);
    expect(c.plan.id).toBe(id);
    expect(c.reason).toMatch(reason);
  });

  it('a high risk band picks the firm plan, with its shorter offsets', () => {
    const risky = scoreClient({ invoices: [0, 1, 2].map((i) => inv(`P${i}`, addDaysIso('2024-10-01', i * 30), { status: 'paid', paidDate: addDaysIso('2024-10-01', i * 30 + 70), paidMinor: 120000 })), events: [], today: '2025-03-10' });
    expect(risky.band).toBe('high');
    const r = nextStep(input('2025-03-10', [sent('2025-03-04', 'first')], [A], { risk: risky }));
    expect(r.plan.id).toBe('firm-formal');
    expect(r).toMatchObject({ stage: 'second', dueOn: '2025-03-10' }); // +5 days -> Saturday 03-08 -> Monday
  });

  it('a user plan with only a formal notice is not held back', () => {
    const plan = { id: 'lean', name: 'lean', formality: 'formal' as const, steps: [{ stage: 'formal_notice' as const, offsetDays: 10, channel: 'letter' as const }] };
    const i = input('2025-03-20');
    const r = nextStep({ ...i, settings: { ...i.settings, plans: [plan], defaultPlanId: 'lean' } });
    expect(r).toMatchObject({ stage: 'formal_notice', dueOn: '2025-03-13' });
  });
});

describe('nextStep hands the drafter everything the reminder needs', () => {
  it('covered invoices with their fees, and every earlier attempt with its date', () => {
    const seen: DraftInput[] = [];
    const events = [sent('2025-03-04', 'first'), ev('note', '2025-03-07', { kind: 'call' }, 'A'), sent('2025-03-11', 'second', null), reply('2025-03-12', 'acknowledgement')];
    const r = nextStep(
      input('2025-03-18', events, [A, inv('B', '2025-03-10', { amountMinor: 50000 })], {
        drafter: (d) => {
          seen.push(d);
          return { stage: d.stage, language: 'fr', subject: `Mise en demeure ${d.invoices.map((x) => x.number).join(', ')}`, text: 't', html: '<p>t</p>' };
        },
      }),
    );
    expect(r.stage).toBe('formal_notice');
    expect(r.draft?.subject).toBe('Mise en demeure A, B');
    const d = seen[0]!;
    expect(d).toMatchObject({ stage: 'formal_notice', language: 'fr', formality: 'formal', today: '2025-03-18', jurisdiction: 'FR', deadline: null });
    expect(d.history).toEqual([
      { kind: 'reminder', stage: 'first', date: '2025-03-04' },
      { kind: 'call', date: '2025-03-07' },
      { kind: 'reminder', stage: 'second', date: '2025-03-11' },
    ]);
    // A: EUR 1,200 × 13.15 % × 15 days / 365 = 6.48; B: 500 × 13.15 % × 8 / 365 = 1.44; EUR 40 each (B2B).
    expect(d.invoices.map((x) => [x.number, x.interestMinor, x.fixedCompensationMinor])).toEqual([
      ['A', 648, 4000],
      ['B', 144, 4000],
    ]);
  });

  it('a drafter error is reported, not thrown', () => {
    const r = nextStep(input('2025-03-05', [], [A], { drafter: () => { throw new Error('no template'); } }));
    expect(r).toMatchObject({ stage: 'first', draft: null, draftError: 'no template' });
    const none = nextStep({ ...input('2025-03-05'), drafter: null });
    expect(none).toMatchObject({ stage: 'first', draft: null });
    expect(none.draftError).toBeUndefined();
  });
});
