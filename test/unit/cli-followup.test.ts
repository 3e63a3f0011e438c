import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as runNext } from '../../lib/cli/next';
import { run as runRisk } from '../../lib/cli/risk';
import { FollowupInputError, parseFollowupFile } from '../../lib/domain/followup-input';

const FIX = 'test/fixtures/followup';

async function cli(run: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string; err: string; json: Record<string, unknown> | null }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await run(args);
  vi.restoreAllMocks();
  return { code, out, err, json: code === 0 ? (JSON.parse(out) as Record<string, unknown>) : null };
}

afterEach(() => vi.restoreAllMocks());

describe('cli risk', () => {
  it('prints score, band, averageDaysLate, factors and recommendations (hand-worked)', async () => {
    // As of 2025-03-19: F-001 paid 2 days late (78.67), F-004 15 (70), F-007 open 16 days (68.57), F-009 open 7
    // days (75.33); weights 1200/800/1500/600 -> 72.8; one "lost invoice" reply -5 -> 67.8 -> 68.
    const r = await cli(runRisk, [`${FIX}/two-overdue.json`, '--today', '2025-03-19']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.json).toMatchObject({ score: 68, band: 'medium', averageDaysLate: 10, paydexBase: 72.8, openByCurrency: { EUR: '2100.00' }, overdueByCurrency: { EUR: '2100.00' }, remindersToGetPaid: 0 });
    expect(r.json?.['factors']).toEqual([
      expect.objectContaining({ label: 'Payment history', effect: -7.2 }),
      expect.objectContaining({ label: '"Lost invoice" and similar excuses', effect: -5 }),
    ]);
    expect(r.json?.['recommendations']).toEqual([]);
  });

  it('a good payer: 80, low risk', async () => {
    const r = await cli(runRisk, [`${FIX}/all-paid.json`, '--today=2025-06-01']);
    expect(r.json).toMatchObject({ score: 80, band: 'low', averageDaysLate: 0, recommendations: [] });
  });

  it('a bad payer: high risk, capped warning signs, deposit and installments recommended', async () => {
    const r = await cli(runRisk, [`${FIX}/bad-payer.json`, '--today', '2025-05-10']);
    expect(r.json).toMatchObject({ band: 'high' });
    const actions = (r.json?.['recommendations'] as Array<{ action: string }>).map((x) => x.action);
    expect(actions).toEqual(['ask_deposit', 'shorten_terms', 'payment_schedule']);
    expect((r.json?.['factors'] as Array<{ label: string }>).map((f) => f.label)).toContain('Warning-sign cap');
  });

  it('not rated yet without history', async () => {
    const r = await cli(runRisk, [`${FIX}/promise.json`, '--today', '2025-08-12']);
    expect(r.json).toMatchObject({ score: null, band: 'unrated', averageDaysLate: 12 }); // INV-31, 12 days overdue
  });
});

describe('cli next', () => {
  it('two overdue invoices: one formal notice covering both, listing the earlier attempts', async () => {
    const r = await cli(runNext, [`${FIX}/two-overdue.json`, '--today', '2025-03-19']);
    expect(r.json).toMatchObject({ stage: 'formal_notice', dueOn: '2025-03-18', channel: 'letter', invoices: ['F-2025-007', 'F-2025-009'] });
    const draft = r.json?.['draft'] as { language: string; subject: string; text: string; html: string };
    expect(draft.language).toBe('fr');
    expect(draft.subject).toMatch(/Mise en demeure/);
    expect(draft.text).toMatch(/F-2025-007/);
    expect(draft.text).toMatch(/F-2025-009/);
    for (const d of ['4 mars 2025', '7 mars 2025', '11 mars 2025']) expect(draft.text).toContain(d);
    expect(draft.html).toMatch(/^<div>/);
  });

  it('a promise pauses the ladder, a broken one resumes it the day after', async () => {
    const paused = await cli(runNext, [`${FIX}/promise.json`, '--today', '2025-08-12']);
    expect(paused.json).toMatchObject({ stage: 'paused', dueOn: null, channel: null, pausedUntil: '2025-08-20', draft: null });
    const resumed = await cli(runNext, [`${FIX}/promise.json`, '--today', '2025-08-21']);
    expect(resumed.json).toMatchObject({ stage: 'second', dueOn: '2025-08-21', channel: 'email', invoices: ['INV-31'], callTask: true });
    expect((resumed.json?.['draft'] as { language: string }).language).toBe('en');
  });

  it('before the due date: pre_due on a business day', async () => {
    const r = await cli(runNext, [`${FIX}/promise.json`, '--today', '2025-07-20']);
    expect(r.json).toMatchObject({ stage: 'pre_due', dueOn: '2025-07-28', channel: 'email' });
  });

  it('everything paid: none (the wall clock is the default today)', async () => {
    const r = await cli(runNext, [`${FIX}/all-paid.json`]);
    expect(r.json).toMatchObject({ stage: 'none', dueOn: null, channel: null, invoices: [], draft: null });
  });

  it('a high-risk client gets the firm plan in its formality', async () => {
    const r = await cli(runNext, [`${FIX}/bad-payer.json`, '--today', '2025-05-10']);
    expect(r.json).toMatchObject({ stage: 'formal_notice', plan: { id: 'firm-informal' }, riskBand: 'high', skipped: ['second'] });
  });
});

describe('bad input: a message naming the problem, exit code 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relance-followup-'));
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"invoices": [');
  it.each([
    [[`${FIX}/invalid.json`], /invoices\[0\]\.dueDate: "2025-02-30" is not a date[\s\S]*events\[0\]\.stage: "third" is not a known stage/],
    [[join(dir, 'missing.json')], /cannot read/],
    [[notJson], /is not valid JSON/],
    [[`${FIX}/all-paid.json`, '--today', '2025-13-01'], /--today "2025-13-01" is not a valid date/],
    [[], /FILE\.json argument is required/],
    [[`${FIX}/all-paid.json`, '--verbose'], /unknown flag --verbose/],
  ])('%j', async (args, message) => {
    for (const run of [runRisk, runNext]) {
      const r = await cli(run, args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    }
  });
});

describe('parseFollowupFile is liberal in what it accepts', () => {
  it('aliases, decimal strings, statuses and shorthand events', () => {
    const m = parseFollowupFile({
      client: { name: 'Acme', email: 'AP@Acme.example', formality: 'tu', jurisdiction: 'gb', consumer: true, flags: { otherCompany: true } },
      settings: { lang: 'en-GB', plan: 'firm', currency: 'gbp' },
      invoices: [
        { invoice: 12, total: '1,250.50', due: '2025/03/01' },
        { number: 'B', amount: 99.99, currency: 'JPY', dueDate: '2025-03-05T00:00:00Z', status: 'Partially paid', paidAmount: '50' },
        { number: 'C', amount: '10', dueDate: '2025-03-05', paidDate: '2025-03-04' },
      ],
      events: [
        { type: 'promise', date: '2025-03-02', promisedDate: '2025-03-10', invoice: 12 },
        { kind: 'Reminder', at: '2025-03-03T08:00:00Z', stage: 'Formal-Notice', invoices: ['12', 'B'] },
        { type: 'letter', date: '2025-03-04', stage: 'mise en demeure', invoice: '12' },
        { type: 'call', date: '2025-03-04' },
        { type: 'payment', date: '2025-03-04', invoice: 'B', amount: '20' },
      ],
    });
    expect(m.invoices.map((i) => [i.number, i.amountMinor, i.currency, i.dueDate, i.status, i.paidMinor])).toEqual([
      ['12', 125050, 'GBP', '2025-03-01', 'open', 0],
      ['B', 100, 'JPY', '2025-03-05', 'open', 50],
      ['C', 1000, 'GBP', '2025-03-05', 'paid', 1000],
    ]);
    expect(m.events.map((e) => [e.type, e.invoiceId, e.at, e.payload])).toEqual([
      ['reply-received', '12', '2025-03-02', { intent: 'promise', promisedDate: '2025-03-10' }],
      ['reminder-sent', null, '2025-03-03', { stage: 'formal_notice', invoiceIds: ['12', 'B'] }],
      ['reminder-sent', '12', '2025-03-04', { stage: 'formal_notice', channel: 'letter' }],
      ['note', null, '2025-03-04', { kind: 'call' }],
      ['payment-recorded', 'B', '2025-03-04', { amountMinor: 20 }],
    ]);
    expect(m.client).toMatchObject({ key: 'ap@acme.example', b2b: false, formality: 'informal', jurisdiction: 'UK' });
    expect(m.settings).toMatchObject({ language: 'en', defaultPlanId: 'firm', jurisdiction: 'FR' });
    expect(m.flags).toEqual({ otherCompany: true });
  });

  it('an empty file is a client with nothing to chase', () => {
    const m = parseFollowupFile({});
    expect(m).toMatchObject({ invoices: [], events: [], settings: { jurisdiction: 'FR', language: 'fr' } });
  });

  it.each([
    [{ invoices: [{ number: 'A', amount: '12O.00', dueDate: '2025-03-01' }] }, 'invoices[0].amount: "12O.00" is not an amount'],
    [{ invoices: [{ number: 'A', dueDate: '2025-03-01' }] }, 'invoices[0].amount: the amount is required'],
    [{ invoices: [{ number: 'A', amount: 1 }] }, 'invoices[0].dueDate'],
    [{ invoices: [{ number: 'A', amount: 1, dueDate: '2025-03-01', status: 'lost' }] }, 'invoices[0].status: "lost" is not a status'],
    [{ invoices: [{ number: 'A', amount: 1, dueDate: '2025-03-01' }, { number: 'A', amount: 2, dueDate: '2025-03-01' }] }, 'invoices[1].number: invoice "A" is listed twice'],
    [{ invoices: [{ number: 'A', amount: 1, dueDate: '2025-03-01' }], events: [{ type: 'promise', date: '2025-03-02', invoice: 'Z' }] }, 'events[0].invoice: no invoice numbered "Z"'],
    [{ events: [{ type: 'reminder-sent', date: '2025-03-02' }] }, 'events[0].stage: a reminder-sent event needs the stage'],
    [{ events: [{ type: 'telegram', date: '2025-03-02' }] }, 'events[0].type: "telegram" is not a known event type'],
    [{ settings: { jurisdiction: 'DE' } }, 'settings.jurisdiction: "DE" is not a known jurisdiction'],
    [{ settings: { plans: [{ id: 'p', steps: [{ stage: 'second', offsetDays: 8, channel: 'email' }, { stage: 'first', offsetDays: 9, channel: 'email' }] }] } }, 'settings.plans[0]: plan "p": step 1 (first) must come after second'],
    [[], '(file): '],
  ])('%j -> %s', (json, message) => {
    let caught: unknown;
    try {
      parseFollowupFile(json);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FollowupInputError);
    expect((caught as Error).message).toContain(message);
  });
});

describe('through the real entry point', () => {
  it('npm run cli -- risk / next', () => {
    const node = (args: string[]): string => execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], { encoding: 'utf8' });
    expect(JSON.parse(node(['risk', `${FIX}/all-paid.json`, '--today', '2025-06-01']))).toMatchObject({ score: 80, band: 'low' });
    expect(JSON.parse(node(['next', `${FIX}/promise.json`, '--today', '2025-08-12']))).toMatchObject({ stage: 'paused', pausedUntil: '2025-08-20' });
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'next', `${FIX}/invalid.json`], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/invoices\[0\]\.dueDate/);
  }, 30_000);
});
