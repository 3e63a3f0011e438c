import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../lib/domain/dates';
import type { FollowupEvent, FollowupInvoice } from '../../lib/domain/ladder/history';
import { bandForScore, paydexForDays, scoreClient, SIGN_CAP, type ClientFlags } from '../../lib/domain/risk';

const TODAY = '2025-06-30';

/** A paid invoice of `amount` euros, due on `due` and paid `late` days after it (negative = early). */
function paid(number: string, amount: number, due: string, late: number, currency = 'EUR'): FollowupInvoice {
  return { id: number, number, amountMinor: amount * 100, currency, issueDate: addDaysIso(due, -30), dueDate: due, status: 'paid', paidDate: addDaysIso(due, late), paidMinor: amount * 100 };
}

function open(number: string, amount: number, due: string, currency = 'EUR'): FollowupInvoice {
  return { id: number, number, amountMinor: amount * 100, currency, issueDate: addDaysIso(due, -30), dueDate: due, status: 'open', paidDate: null, paidMinor: 0 };
}

function reply(date: string, intent: string, invoiceId: string | null = null): FollowupEvent {
  return { invoiceId, type: 'reply-received', at: `${date}T09:00:00Z`, payload: { intent } };
}

const threeAt = (late: number): FollowupInvoice[] => [
  paid('A', 1000, '2025-01-31', late),
  paid('B', 1000, '2025-02-28', late),
  paid('C', 1000, '2025-03-31', late),
];

describe('paydexForDays: the PAYDEX anchors, linear between them', () => {
  it.each([
    [-45, 100],
    [-30, 100],
    [-20, 90],
    [-10, 85],
    [0, 80],
    [15, 70],
    [22, 60],
    [30, 50],
    [45, 45],
    [60, 40],
    [90, 30],
    [120, 20],
    [150, 10.5],
    [180, 1],
    [400, 1],
  ])('%i days beyond terms -> %d', (days, score) => {
    expect(paydexForDays(days)).toBeCloseTo(score, 6);
  });

  it.each([
    [100, 'low'],
    [80, 'low'],
    [79, 'medium'],
    [50, 'medium'],
    [49, 'high'],
    [null, 'unrated'],
  ] as const)('score %s is band %s', (score, band) => {
    expect(bandForScore(score)).toBe(band);
  });
});

describe('scoreClient against the PAYDEX anchor points', () => {
  it.each([
    ['all paid on time', 0, 80, 'low'],
    ['all 15 days late', 15, 70, 'medium'],
    ['all 22 days late', 22, 60, 'medium'],
    ['all 30 days late', 30, 50, 'medium'],
    ['all 60 days late', 60, 40, 'high'],
    ['all 30 days early', -30, 100, 'low'],
  ] as const)('%s -> %i', (_name, late, score, band) => {
    const p = scoreClient({ invoices: threeAt(late), events: [], today: TODAY });
    expect(p.score).toBe(score);
    expect(p.band).toBe(band);
    expect(p.paydexBase).toBe(score);
    expect(p.weightedDaysLate).toBe(late);
    expect(p.averageDaysLate).toBe(Math.max(0, late));
    expect(p.factors[0]).toMatchObject({ label: 'Payment history', effect: score - 80 });
  });

  it('weights each invoice by its amount', () => {
    // 3000 on time (80) and 1000 at 30 days late (50): (3 × 80 + 1 × 50) / 4 = 72.5 -> 73 (rounded half up).
    const invoices = [paid('A', 1000, '2025-01-31', 0), paid('B', 2000, '2025-02-28', 0), paid('C', 1000, '2025-03-31', 30)];
    const p = scoreClient({ invoices, events: [], today: TODAY });
    expect(p.paydexBase).toBe(72.5);
    expect(p.score).toBe(73);
    expect(p.weightedDaysLate).toBe(7.5);
    expect(p.averageDaysLate).toBe(10);
    // The same days with the big invoice late: (1 × 80 + 1 × 80 + 2 × 50) / 4 = 65.
    const swapped = [paid('A', 1000, '2025-01-31', 0), paid('B', 1000, '2025-02-28', 0), paid('C', 2000, '2025-03-31', 30)];
    expect(scoreClient({ invoices: swapped, events: [], today: TODAY }).score).toBe(65);
  });

  it('does not convert currencies: each invoice weighs its amount relative to its currency mean', () => {
    // JPY 100,000 (on time) is as heavy as the mean JPY invoice, not 1000 times a EUR one.
    const invoices = [paid('A', 1000, '2025-01-31', 30), paid('B', 1000, '2025-02-28', 30), paid('Y', 100000, '2025-03-31', 0, 'JPY')];
    const p = scoreClient({ invoices, events: [], today: TODAY });
    expect(p.paydexBase).toBe(60); // (50 + 50 + 80) / 3
  });

  it('rates open invoices past due by today − due date, and ignores those not yet due', () => {
    const invoices = [paid('A', 1000, '2025-04-30', 0), paid('B', 1000, '2025-05-15', 0), open('C', 1000, '2025-06-15'), open('D', 5000, '2025-07-25')];
    const p = scoreClient({ invoices, events: [], today: TODAY });
    expect(p.rated.map((r) => [r.number, r.daysLate])).toEqual([['A', 0], ['B', 0], ['C', 15]]);
    expect(p.paydexBase).toBeCloseTo(76.7, 6); // (80 + 80 + 70) / 3
    expect(p.openByCurrency).toEqual({ EUR: 600000 });
    expect(p.overdueByCurrency).toEqual({ EUR: 100000 });
  });

  it('says "not rated yet" below 3 paid or overdue invoices, and still shows the factors', () => {
    const invoices = [paid('A', 1000, '2025-01-31', 40), open('B', 1000, '2025-06-20'), open('C', 1000, '2025-07-20')];
    const p = scoreClient({ invoices, events: [], today: TODAY });
    expect(p.score).toBeNull();
    expect(p.band).toBe('unrated');
    expect(p.paydexBase).toBeNull();
    expect(p.averageDaysLate).toBe(25); // (40 + 10) / 2
    expect(p.factors).toEqual([{ label: 'Not rated yet', effect: 0, detail: '2 of the 3 paid or overdue invoices a rating needs' }]);
  });

  it('counts the reminders it took to get paid', () => {
    const invoices = threeAt(10);
    const events: FollowupEvent[] = [
      { invoiceId: 'A', type: 'reminder-sent', at: '2025-02-01', payload: { stage: 'first' } },
      { invoiceId: 'A', type: 'reminder-sent', at: '2025-02-08', payload: { stage: 'second' } },
      { invoiceId: 'B', type: 'reminder-sent', at: '2025-03-01', payload: { stage: 'first' } },
      // after C was paid: does not count
      { invoiceId: 'C', type: 'reminder-sent', at: '2025-04-20', payload: { stage: 'first' } },
    ];
    expect(scoreClient({ invoices, events, today: TODAY }).remindersToGetPaid).toBe(1); // (2 + 1 + 0) / 3
    expect(scoreClient({ invoices: [open('X', 10, '2025-06-01')], events: [], today: TODAY }).remindersToGetPaid).toBeNull();
  });
});

describe('warning signs lower the score, with visible factors', () => {
  const base = threeAt(0); // 80
  const cases: Array<{ name: string; events?: FollowupEvent[]; flags?: ClientFlags; score: number; signs: Record<string, number> }> = [
    { name: 'one lost-invoice excuse', events: [reply('2025-05-02', 'lost_invoice')], score: 75, signs: { lost_invoice: 5 } },
    { name: 'one request for more time', events: [reply('2025-05-02', 'delay_request')], score: 76, signs: { delay_request: 4 } },
    { name: 'repeated requests for more time weigh more', events: [reply('2025-05-02', 'delay_request'), reply('2025-05-20', 'delay_request'), reply('2025-06-10', 'delay_request')], score: 64, signs: { delay_request: 16 } },
    { name: 'financial difficulties', events: [reply('2025-05-02', 'financial_difficulty')], score: 65, signs: { financial_difficulty: 15 } },
    { name: 'a dispute', events: [reply('2025-05-02', 'dispute')], score: 75, signs: { dispute: 5 } },
    { name: 'invoice another company', events: [reply('2025-05-02', 'other_company')], score: 70, signs: { other_company: 10 } },
    { name: 'flags set by the user', flags: { depositRefused: true, contractRefused: true }, score: 60, signs: { deposit_refused: 10, contract_refused: 10 } },
    { name: 'a flag and the same sign in replies count once', events: [reply('2025-05-02', 'financial_difficulty')], flags: { financialTrouble: true }, score: 65, signs: { financial_difficulty: 15 } },
    { name: 'a promise to pay is not a warning sign', events: [reply('2025-05-02', 'promise')], score: 80, signs: {} },
    {
      name: 'the total is capped',
      events: [reply('2025-05-02', 'financial_difficulty'), reply('2025-05-03', 'other_company'), reply('2025-05-04', 'lost_invoice')],
      flags: { depositRefused: true },
      score: 80 - SIGN_CAP,
      signs: { deposit_refused: 10, other_company: 10, financial_difficulty: 15, lost_invoice: 5 },
    },
  ];
  it.each(cases)('$name', ({ events = [], flags, score, signs }) => {
    const p = scoreClient({ invoices: base, events, today: TODAY, ...(flags ? { flags } : {}) });
    expect(p.score).toBe(score);
    expect(Object.fromEntries(p.warningSigns.map((s) => [s.sign, s.points]))).toEqual(signs);
    // The factors are the whole story: 80 + their effects = the score.
    expect(80 + p.factors.reduce((a, f) => a + f.effect, 0)).toBe(score);
    for (const s of p.warningSigns) expect(p.factors.some((f) => f.label === s.label && f.effect === -s.points)).toBe(true);
  });

  it('notices silence: two reminders about an overdue invoice and no reply', () => {
    const invoices = [...base, open('D', 1000, '2025-06-01')];
    const events: FollowupEvent[] = [
      { invoiceId: 'D', type: 'reminder-sent', at: '2025-06-02', payload: { stage: 'first' } },
      { invoiceId: null, type: 'reminder-sent', at: '2025-06-09', payload: { stage: 'second' } },
    ];
    const p = scoreClient({ invoices, events, today: TODAY });
    expect(p.warningSigns.map((s) => [s.sign, s.count])).toEqual([['silence', 2]]);
    const answered = scoreClient({ invoices, events: [...events, reply('2025-06-10', 'acknowledgement')], today: TODAY });
    expect(answered.warningSigns).toEqual([]);
  });
});

describe('recommendations follow from the profile', () => {
  const actions = (p: ReturnType<typeof scoreClient>): string[] => p.recommendations.map((r) => r.action);

  it('a good payer gets none', () => {
    expect(scoreClient({ invoices: threeAt(0), events: [], today: TODAY }).recommendations).toEqual([]);
  });

  it('high risk: deposit of 50 % and shorter terms', () => {
    const p = scoreClient({ invoices: threeAt(60), events: [], today: TODAY });
    expect(actions(p)).toEqual(['ask_deposit', 'shorten_terms']);
    expect(p.recommendations[0]?.depositPercent).toBe(50);
  });

  it('deposit refused: insist on a deposit; contract refused: sign one', () => {
    const p = scoreClient({ invoices: threeAt(0), events: [], flags: { depositRefused: true, contractRefused: true }, today: TODAY });
    expect(actions(p)).toEqual(['ask_deposit', 'sign_contract']);
  });

  it('financial difficulty: payment schedule', () => {
    const p = scoreClient({ invoices: threeAt(0), events: [reply('2025-05-02', 'financial_difficulty')], today: TODAY });
    expect(actions(p)).toContain('payment_schedule');
  });

  it('a large open amount: payment schedule in milestones', () => {
    const invoices = [...threeAt(0), open('D', 2000, '2025-07-15'), open('E', 2000, '2025-07-20')];
    expect(actions(scoreClient({ invoices, events: [], today: TODAY }))).toContain('payment_schedule');
  });

  it('several invoices beyond the formal-notice step: stop work', () => {
    const invoices = [...threeAt(0), open('D', 1000, '2025-06-10'), open('E', 1000, '2025-06-14')];
    const p = scoreClient({ invoices, events: [], today: TODAY });
    expect(actions(p)).toContain('stop_work');
    const one = scoreClient({ invoices: [...threeAt(0), open('D', 1000, '2025-06-10')], events: [], today: TODAY });
    expect(actions(one)).not.toContain('stop_work');
  });
});

describe('the profile as it stood on a given day', () => {
  it('an invoice paid after "today" was still overdue then; later replies do not count yet', () => {
    const invoices = [paid('A', 1000, '2025-01-31', 0), paid('B', 1000, '2025-02-28', 0), paid('C', 1000, '2025-03-31', 45)];
    const events = [reply('2025-05-20', 'financial_difficulty')];
    const then = scoreClient({ invoices, events, today: '2025-04-15' });
    expect(then.rated.map((r) => [r.number, r.daysLate, r.state])).toEqual([['A', 0, 'paid'], ['B', 0, 'paid'], ['C', 15, 'overdue']]);
    expect(then.warningSigns).toEqual([]);
    expect(then.overdueByCurrency).toEqual({ EUR: 100000 });
    const now = scoreClient({ invoices, events, today: TODAY });
    expect(now.rated.find((r) => r.number === 'C')).toMatchObject({ daysLate: 45, state: 'paid' });
    expect(now.warningSigns.map((s) => s.sign)).toEqual(['financial_difficulty']);
  });
});
