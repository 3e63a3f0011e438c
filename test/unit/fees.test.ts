import { execFileSync, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../lib/cli/fees';
import { computeLateFees, LateFeesInputError, type LateFeesInput } from '../../lib/domain/law/fees';

/*
 * Every expected figure below is worked by hand: interest = base × rate / 100 × days / 365, summed over the
 * periods, rounded half-up to the cent once at the end. Rates: FR = ECB MRO + 10 (H1 2024 4.50, H1 2025 3.15,
 * H2 2025 2.15), EU = ECB + 8, UK = BoE base rate on 31 Dec / 30 Jun + 8 (H1 2025: 4.75 + 8 = 12.75).
 */

const base = { currency: 'EUR', jurisdiction: 'FR' } as const;

interface Case {
  name: string;
  input: LateFeesInput;
  daysLate: number;
  interestMinor: number;
  fixedMinor: number;
  totalMinor: number;
  periods?: Array<[from: string, to: string, days: number, rate: number, baseMinor: number]>;
  warning?: RegExp;
}

const cases: Case[] = [
  {
    // Mar 2–31 (30) + Apr (30) + May 1–15 (15) = 75 days at 13.15 %:
    // 120000 × 13.15 × 75 / 36500 = 11835000 / 3650 = 3242.47 -> 3242; total 120000 + 3242 + 4000.
    name: 'FR within one half-year',
    input: { ...base, principalMinor: 120000, dueDate: '2025-03-01', paidDate: '2025-05-15' },
    daysLate: 75,
    interestMinor: 3242,
    fixedMinor: 4000,
    totalMinor: 127242,
    periods: [['2025-03-02', '2025-05-15', 75, 13.15, 120000]],
  },
  {
    // May 16–Jun 30 = 46 days at 13.15 %: 500000 × 13.15 × 46 / 36500 = 8286.30;
    // Jul 1–Aug 14 = 45 days at 12.15 %: 500000 × 12.15 × 45 / 36500 = 7489.73; sum 15776.03 -> 15776.
    name: 'FR across two half-years',
    input: { ...base, principalMinor: 500000, dueDate: '2025-05-15', paidDate: '2025-08-14' },
    daysLate: 91,
    interestMinor: 15776,
    fixedMinor: 4000,
    totalMinor: 519776,
    periods: [
      ['2025-05-16', '2025-06-30', 46, 13.15, 500000],
      ['2025-07-01', '2025-08-14', 45, 12.15, 500000],
    ],
  },
  {
    // 500.00 paid on Mar 31: that day still accrues on 2000.00. Mar 2–31 = 30 days on 200000: 2161.64;
    // Apr 1–30 = 30 days on 150000: 150000 × 13.15 × 30 / 36500 = 1621.23; sum 3782.88 -> 3783.
    // Total = 1500.00 still unpaid + 37.83 + 40.
    name: 'FR partial payment mid-delay',
    input: {
      ...base,
      principalMinor: 200000,
      dueDate: '2025-03-01',
      paidDate: '2025-04-30',
      payments: [{ date: '2025-03-31', amountMinor: 50000 }],
    },
    daysLate: 60,
    interestMinor: 3783,
    fixedMinor: 4000,
    totalMinor: 157783,
    periods: [
      ['2025-03-02', '2025-03-31', 30, 13.15, 200000],
      ['2025-04-01', '2025-04-30', 30, 13.15, 150000],
    ],
  },
  {
    // Payments cover the principal on Mar 11: the delay ends that day. 10 days at 13.15 % on 100000 = 360.27.
    name: 'FR settled by partial payments before the end date',
    input: {
      ...base,
      principalMinor: 100000,
      dueDate: '2025-03-01',
      today: '2025-04-30',
      payments: [{ date: '2025-03-11', amountMinor: 100000 }],
    },
    daysLate: 10,
    interestMinor: 360,
    fixedMinor: 4000,
    totalMinor: 4360,
  },
  {
    // Oct 1–30 = 30 days. Floor H2 2025 = 3 × 2.76 = 8.28 % > 5 %: 100000 × 8.28 × 30 / 36500 = 680.55 -> 681.
    name: 'FR contract rate below 3 × legal rate is raised to the floor',
    input: { ...base, principalMinor: 100000, dueDate: '2025-09-30', paidDate: '2025-10-30', contractRatePercent: 5 },
    daysLate: 30,
    interestMinor: 681,
    fixedMinor: 4000,
    totalMinor: 104681,
    periods: [['2025-10-01', '2025-10-30', 30, 8.28, 100000]],
    warning: /below the legal floor.*raised to 8\.28 %/,
  },
  {
    // 12.5 % is above the 8.28 % floor and applies as agreed: 100000 × 12.5 × 30 / 36500 = 1027.40 -> 1027.
    name: 'FR contract rate above the floor applies',
    input: { ...base, principalMinor: 100000, dueDate: '2025-09-30', paidDate: '2025-10-30', contractRatePercent: 12.5 },
    daysLate: 30,
    interestMinor: 1027,
    fixedMinor: 4000,
    totalMinor: 105027,
    periods: [['2025-10-01', '2025-10-30', 30, 12.5, 100000]],
  },
  {
    // Feb 29 counts as a late day and the divisor stays 365: 1000000 × 14.5 × 2 / 36500 = 794.52 -> 795
    // (an actual/366 count would give 792.35).
    name: 'FR leap year, 29 February',
    input: { ...base, principalMinor: 1000000, dueDate: '2024-02-28', paidDate: '2024-03-01' },
    daysLate: 2,
    interestMinor: 795,
    fixedMinor: 4000,
    totalMinor: 1004795,
    periods: [['2024-02-29', '2024-03-01', 2, 14.5, 1000000]],
  },
  {
    // Jun 21–30 at 13.15 %: 100060 × 13.15 × 10 / 36500 = 360.490 (rounds to 360);
    // Jul 1–10 at 12.15 %: 100060 × 12.15 × 10 / 36500 = 333.077 (rounds to 333). Per-period rounding: 693;
    // exact sum 693.567 rounds to 694, the right answer.
    name: 'rounding only at the end',
    input: { ...base, principalMinor: 100060, dueDate: '2025-06-20', paidDate: '2025-07-10' },
    daysLate: 20,
    interestMinor: 694,
    fixedMinor: 4000,
    totalMinor: 104754,
  },
  {
    name: 'paid on the due date',
    input: { ...base, principalMinor: 120000, dueDate: '2025-03-01', paidDate: '2025-03-01' },
    daysLate: 0,
    interestMinor: 0,
    fixedMinor: 0,
    totalMinor: 120000,
    periods: [],
  },
  {
    name: 'not yet due',
    input: { ...base, principalMinor: 120000, dueDate: '2025-03-01', today: '2025-02-10' },
    daysLate: 0,
    interestMinor: 0,
    fixedMinor: 0,
    totalMinor: 120000,
  },
  {
    name: 'FR consumer: no B2B penalties, no indemnity',
    input: { ...base, principalMinor: 120000, dueDate: '2025-03-01', paidDate: '2025-05-15', consumer: true },
    daysLate: 75,
    interestMinor: 0,
    fixedMinor: 0,
    totalMinor: 120000,
    periods: [],
    warning: /consumer.*mise en demeure/,
  },
  {
    // 75 days at 3.15 + 8 = 11.15 %: 120000 × 11.15 × 75 / 36500 = 2749.32 -> 2749.
    name: 'EU default',
    input: { ...base, jurisdiction: 'EU', principalMinor: 120000, dueDate: '2025-03-01', paidDate: '2025-05-15' },
    daysLate: 75,
    interestMinor: 2749,
    fixedMinor: 4000,
    totalMinor: 126749,
    periods: [['2025-03-02', '2025-05-15', 75, 11.15, 120000]],
  },
  {
    name: 'EU consumer',
    input: { ...base, jurisdiction: 'EU', principalMinor: 120000, dueDate: '2025-03-01', paidDate: '2025-05-15', consumer: true },
    daysLate: 75,
    interestMinor: 0,
    fixedMinor: 0,
    totalMinor: 120000,
    warning: /commercial transactions only/,
  },
  // UK band edges. All: due 2025-01-31, paid 2025-03-02 = Feb (28) + Mar 1–2 (2) = 30 days at 12.75 %.
  {
    // 99999 × 12.75 × 30 / 36500 = 1047.93 -> 1048; under 1,000.00 -> GBP 40.
    name: 'UK 999.99 -> GBP 40',
    input: { jurisdiction: 'UK', currency: 'GBP', principalMinor: 99999, dueDate: '2025-01-31', paidDate: '2025-03-02' },
    daysLate: 30,
    interestMinor: 1048,
    fixedMinor: 4000,
    totalMinor: 105047,
    periods: [['2025-02-01', '2025-03-02', 30, 12.75, 99999]],
  },
  {
    // 100000 × 12.75 × 30 / 36500 = 1047.95 -> 1048; 1,000.00 -> GBP 70.
    name: 'UK 1,000.00 -> GBP 70',
    input: { jurisdiction: 'UK', currency: 'GBP', principalMinor: 100000, dueDate: '2025-01-31', paidDate: '2025-03-02' },
    daysLate: 30,
    interestMinor: 1048,
    fixedMinor: 7000,
    totalMinor: 108048,
  },
  {
    // 999999 × 12.75 × 30 / 36500 = 10479.44 -> 10479; 9,999.99 -> GBP 70.
    name: 'UK 9,999.99 -> GBP 70',
    input: { jurisdiction: 'UK', currency: 'GBP', principalMinor: 999999, dueDate: '2025-01-31', paidDate: '2025-03-02' },
    daysLate: 30,
    interestMinor: 10479,
    fixedMinor: 7000,
    totalMinor: 1017478,
  },
  {
    // 1000000 × 12.75 × 30 / 36500 = 10479.45 -> 10479; 10,000.00 -> GBP 100.
    name: 'UK 10,000.00 -> GBP 100',
    input: { jurisdiction: 'UK', currency: 'GBP', principalMinor: 1000000, dueDate: '2025-01-31', paidDate: '2025-03-02' },
    daysLate: 30,
    interestMinor: 10479,
    fixedMinor: 10000,
    totalMinor: 1020479,
  },
  {
    name: 'UK consumer: no statutory interest or fixed sum',
    input: { jurisdiction: 'UK', currency: 'GBP', principalMinor: 100000, dueDate: '2025-01-31', paidDate: '2025-03-02', consumer: true },
    daysLate: 30,
    interestMinor: 0,
    fixedMinor: 0,
    totalMinor: 100000,
    warning: /course of a business/,
  },
  {
    name: 'US without a contract rate',
    input: { jurisdiction: 'US', currency: 'USD', principalMinor: 100000, dueDate: '2025-01-31', paidDate: '2025-03-02' },
    daysLate: 30,
    interestMinor: 0,
    fixedMinor: 0,
    totalMinor: 100000,
    periods: [],
    warning: /only an agreed contractual rate applies/,
  },
  {
    // 18 % a year (1.5 % a month): 100000 × 18 × 30 / 36500 = 1479.45 -> 1479; no fixed compensation.
    name: 'US with a contract rate',
    input: { jurisdiction: 'US', currency: 'USD', principalMinor: 100000, dueDate: '2025-01-31', paidDate: '2025-03-02', contractRatePercent: 18 },
    daysLate: 30,
    interestMinor: 1479,
    fixedMinor: 0,
    totalMinor: 101479,
    periods: [['2025-02-01', '2025-03-02', 30, 18, 100000]],
  },
  {
    // FR invoice in USD: interest as usual (13.15 %, 10 days: 100000 × 13.15 × 10 / 36500 = 360.27), EUR 40 not added.
    name: 'FR invoice in another currency: indemnity not mixed into the total',
    input: { ...base, currency: 'USD', principalMinor: 100000, dueDate: '2025-03-01', paidDate: '2025-03-11' },
    daysLate: 10,
    interestMinor: 360,
    fixedMinor: 0,
    totalMinor: 100360,
    warning: /set in EUR and the invoice is in USD/,
  },
];

describe('computeLateFees: hand-worked cases', () => {
  it.each(cases)('$name', (c) => {
    const r = computeLateFees(c.input);
    expect(r.daysLate).toBe(c.daysLate);
    expect(r.interestMinor).toBe(c.interestMinor);
    expect(r.fixedCompensationMinor).toBe(c.fixedMinor);
    expect(r.totalMinor).toBe(c.totalMinor);
    if (c.periods) {
      expect(r.periods.map((p) => [p.from, p.to, p.days, p.annualRatePercent, p.baseMinor])).toEqual(c.periods);
    }
    if (c.warning) expect(r.warnings.join('\n')).toMatch(c.warning);
    // The periods always account for every late day when interest accrues.
    if (r.periods.length) expect(r.periods.reduce((s, p) => s + p.days, 0)).toBe(r.daysLate);
  });
});

describe('computeLateFees: data gaps and validation', () => {
  it('flags a half-year with no ECB rate on record and uses the latest known one', () => {
    // H1 2027 is not in the table: falls back to H2 2026 (2.15 %) -> 12.15 %, with a warning naming H1 2027.
    const r = computeLateFees({ ...base, principalMinor: 100000, dueDate: '2026-12-31', today: '2027-01-10' });
    expect(r.periods.map((p) => p.annualRatePercent)).toEqual([12.15]);
    expect(r.warnings.join('\n')).toMatch(/no ECB main refinancing operations rate on record for H1 2027.*latest known value 2\.15 %/);
  });

  it('flags a missing legal rate when checking the contract-rate floor', () => {
    const r = computeLateFees({ ...base, principalMinor: 100000, dueDate: '2026-07-01', today: '2026-07-31', contractRatePercent: 5 });
    expect(r.warnings.join('\n')).toMatch(/taux de l'intérêt légal.*H2 2026/);
    // Latest known legal rate is H1 2026, 2.62 %: floor 7.86 %.
    expect(r.periods[0]?.annualRatePercent).toBe(7.86);
  });

  it('flags a provisional reference rate', () => {
    const r = computeLateFees({ jurisdiction: 'UK', currency: 'GBP', principalMinor: 100000, dueDate: '2026-07-01', today: '2026-07-31' });
    expect(r.warnings.join('\n')).toMatch(/provisional/);
  });

  it('rounds once at the end: rounding each period would lose a cent here', () => {
    const r = computeLateFees({ ...base, principalMinor: 100060, dueDate: '2025-06-20', paidDate: '2025-07-10' });
    const exact = r.periods.map((p) => p.interestExact.split('/').map(Number) as [number, number]);
    const perPeriod = exact.map(([n, d]) => Math.round(n / d)).reduce((a, b) => a + b, 0);
    expect(r.periods).toHaveLength(2);
    expect(perPeriod).toBe(693);
    expect(r.interestMinor).toBe(694);
  });

  it('properties: periods cover the delay, interest is the rounded exact sum, payments never increase it', () => {
    const day = fc.integer({ min: 0, max: 2400 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('FR', 'EU', 'UK' as const),
        fc.integer({ min: 1, max: 100_000_000 }),
        day,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        (jurisdiction, principalMinor, dueDate, late, payAfter) => {
          const paidDate = new Date(Date.parse(`${dueDate}T00:00:00Z`) + late * 86_400_000).toISOString().slice(0, 10);
          const input: LateFeesInput = { jurisdiction, currency: 'EUR', principalMinor, dueDate, paidDate };
          const r = computeLateFees(input);
          expect(r.daysLate).toBe(late);
          expect(r.periods.reduce((s, p) => s + p.days, 0)).toBe(late);
          let n = 0n;
          let d = 1n;
          for (const p of r.periods) {
            const [pn, pd = '1'] = p.interestExact.split('/');
            n = n * BigInt(pd) + BigInt(pn ?? '0') * d;
            d *= BigInt(pd);
          }
          expect(BigInt(r.interestMinor)).toBe((2n * n + d) / (2n * d));
          const payDate = new Date(Date.parse(`${dueDate}T00:00:00Z`) + payAfter * 86_400_000).toISOString().slice(0, 10);
          const withPayment = computeLateFees({ ...input, payments: [{ date: payDate, amountMinor: Math.ceil(principalMinor / 3) }] });
          expect(withPayment.interestMinor).toBeLessThanOrEqual(r.interestMinor);
        },
      ),
      { numRuns: 200 },
    );
  });

  const bad: Array<[string, Partial<LateFeesInput>, string]> = [
    ['unknown jurisdiction', { jurisdiction: 'XX' as never }, 'jurisdiction'],
    ['negative principal', { principalMinor: -1 }, 'principalMinor'],
    ['fractional principal', { principalMinor: 1.5 }, 'principalMinor'],
    ['bad due date', { dueDate: '2025-02-30' }, 'dueDate'],
    ['no end date', { paidDate: undefined }, 'paidDate'],
    ['negative contract rate', { contractRatePercent: -1 }, 'contractRatePercent'],
    ['zero payment', { payments: [{ date: '2025-03-10', amountMinor: 0 }] }, 'payments[0].amountMinor'],
  ];
  it.each(bad)('rejects %s naming the field', (_name, patch, field) => {
    const input = { ...base, principalMinor: 1000, dueDate: '2025-03-01', paidDate: '2025-03-20', ...patch };
    expect(() => computeLateFees(input as LateFeesInput)).toThrow(LateFeesInputError);
    try {
      computeLateFees(input as LateFeesInput);
    } catch (e) {
      expect((e as LateFeesInputError).field).toBe(field);
    }
  });
});

describe('fees CLI', () => {
  let out = '';
  let err = '';
  function capture(): void {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  }
  afterEach(() => vi.restoreAllMocks());

  it('prints the documented JSON line', async () => {
    capture();
    const code = await run('--jurisdiction FR --amount 1200.00 --currency EUR --due 2025-03-01 --paid 2025-05-15'.split(' '));
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 7)).toEqual(['principal', 'currency', 'daysLate', 'interest', 'fixedCompensation', 'total', 'periods']);
    expect(json).toMatchObject({
      principal: '1200.00',
      currency: 'EUR',
      daysLate: 75,
      interest: '32.42',
      fixedCompensation: '40.00',
      total: '1272.42',
      periods: [{ from: '2025-03-02', to: '2025-05-15', days: 75, annualRatePercent: 13.15 }],
    });
  });

  it('takes partial payments, contract rates and --flag=value', async () => {
    capture();
    const code = await run([
      '--jurisdiction=fr', '--amount', '2000', '--currency', 'EUR', '--due', '2025-03-01', '--today', '2025-04-30',
      '--payment', '2025-03-31:500.00',
    ]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ interest: '37.83', total: '1577.83', outstanding: '1500.00' });
  });

  const errors: Array<[string, RegExp]> = [
    ['--amount 1200.00 --currency EUR --due 2025-03-01 --paid 2025-05-15', /--jurisdiction is required/],
    ['--jurisdiction DE --amount 1200.00 --currency EUR --due 2025-03-01', /--jurisdiction "DE"/],
    ['--jurisdiction FR --amount 12,00 --currency EUR --due 2025-03-01', /--amount "12,00"/],
    ['--jurisdiction FR --amount 1.234 --currency EUR --due 2025-03-01', /--amount "1.234"/],
    ['--jurisdiction FR --currency EUR --due 2025-03-01', /--amount is required/],
    ['--jurisdiction FR --amount 10 --currency EURO --due 2025-03-01', /--currency "EURO"/],
    ['--jurisdiction FR --amount 10 --currency EUR --due 2025-13-01', /--due "2025-13-01"/],
    ['--jurisdiction FR --amount 10 --currency EUR', /--due is required/],
    ['--jurisdiction FR --amount 10 --currency EUR --due 2025-03-01 --paid 2025-04-31', /--paid "2025-04-31"/],
    ['--jurisdiction FR --amount 10 --currency EUR --due 2025-03-01 --paid 2025-04-01 --today 2025-04-02', /--paid and --today/],
    ['--jurisdiction FR --amount 10 --currency EUR --due 2025-03-01 --contract-rate abc', /--contract-rate "abc"/],
    ['--jurisdiction FR --amount 10 --currency EUR --due 2025-03-01 --late', /unknown flag --late/],
    ['--jurisdiction FR --amount 10 --currency EUR --due', /--due needs a value/],
  ];
  it.each(errors)('rejects `%s` on stderr with exit 2', async (args, message) => {
    capture();
    const code = await run(args.split(' '));
    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('runs through the real entry point', () => {
    const args = ['--import', 'tsx', 'lib/cli/main.ts', 'fees', '--jurisdiction', 'UK', '--amount', '10000.00', '--currency', 'GBP', '--due', '2025-01-31', '--paid', '2025-03-02'];
    const stdout = execFileSync(process.execPath, args, { encoding: 'utf8' });
    expect(JSON.parse(stdout)).toMatchObject({ interest: '104.79', fixedCompensation: '100.00', total: '10204.79' });
    const bad = spawnSync(process.execPath, [...args.slice(0, 4), '--jurisdiction', 'XX'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--jurisdiction "XX"/);
  }, 20_000);
});
