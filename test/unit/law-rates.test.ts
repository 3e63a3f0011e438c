import { describe, expect, it } from 'vitest';
import { addDaysIso as addDays } from '../../lib/domain/dates';
import { halfYearOf } from '../../lib/domain/law/half-year';
import { LATE_FEE_RULES, ruleInForce } from '../../lib/domain/law/jurisdictions';
import { lookupRate, RATE_SERIES, type RateSeries } from '../../lib/domain/law/rates';
import * as Q from '../../lib/domain/law/rational';
import { JURISDICTIONS } from '../../lib/domain/types';

const series = Object.values(RATE_SERIES);

describe('rate tables', () => {
  it.each(series.map((s) => [s.id, s] as const))('%s: contiguous half-years, exact decimals', (_id, s: RateSeries) => {
    expect(s.rates.length).toBeGreaterThan(0);
    s.rates.forEach((r, i) => {
      const h = halfYearOf(r.effectiveFrom);
      expect([r.effectiveFrom, r.effectiveTo]).toEqual([h.start, h.end]);
      expect(r.ratePercent).toMatch(/^\d+\.\d{2}$/);
      const prev = s.rates[i - 1];
      if (prev) expect(r.effectiveFrom).toBe(addDays(prev.effectiveTo, 1));
    });
  });

  it('ECB rates are read on the first day of the half-year, BoE rates on the day before it', () => {
    for (const r of RATE_SERIES.ECB_MRO.rates) expect(r.observedOn).toBe(r.effectiveFrom);
    for (const r of RATE_SERIES.FR_LEGAL_RATE_PRO.rates) expect(r.observedOn).toBe(r.effectiveFrom);
    for (const r of RATE_SERIES.BOE_BANK_RATE.rates) expect(r.observedOn).toBe(addDays(r.effectiveFrom, -1));
  });

  // Published figures (ECB key rates, BoE Bank Rate history, French arrêtés) guarding the table against typos.
  const published: Array<[keyof typeof RATE_SERIES, string, string]> = [
    ['ECB_MRO', '2022-07-01', '0.00'],
    ['ECB_MRO', '2023-01-01', '2.50'],
    ['ECB_MRO', '2023-07-01', '4.00'],
    ['ECB_MRO', '2024-01-01', '4.50'],
    ['ECB_MRO', '2024-07-01', '4.25'],
    ['ECB_MRO', '2025-01-01', '3.15'],
    ['ECB_MRO', '2025-07-01', '2.15'],
    ['ECB_MRO', '2026-01-01', '2.15'],
    ['BOE_BANK_RATE', '2023-01-01', '3.50'],
    ['BOE_BANK_RATE', '2023-07-01', '5.00'],
    ['BOE_BANK_RATE', '2024-01-01', '5.25'],
    ['BOE_BANK_RATE', '2024-07-01', '5.25'],
    ['BOE_BANK_RATE', '2025-01-01', '4.75'],
    ['BOE_BANK_RATE', '2025-07-01', '4.25'],
    ['BOE_BANK_RATE', '2026-01-01', '3.75'],
    ['FR_LEGAL_RATE_PRO', '2024-07-01', '4.92'],
    ['FR_LEGAL_RATE_PRO', '2025-01-01', '3.71'],
    ['FR_LEGAL_RATE_PRO', '2025-07-01', '2.76'],
    ['FR_LEGAL_RATE_PRO', '2026-01-01', '2.62'],
  ];
  it.each(published)('%s for the half-year of %s is %s %%', (id, date, rate) => {
    const r = lookupRate(RATE_SERIES[id], date, halfYearOf(date).label);
    expect(r.ratePercent).toBe(rate);
    expect(r.warning).toBeUndefined();
  });

  it('outside the table: the nearest known value, with a warning naming the half-year', () => {
    const after = lookupRate(RATE_SERIES.FR_LEGAL_RATE_PRO, '2026-08-01', 'H2 2026');
    expect(after.ratePercent).toBe('2.62');
    expect(after.warning).toMatch(/no .* on record for H2 2026.*latest known value 2\.62 %/);
    const before = lookupRate(RATE_SERIES.ECB_MRO, '2019-03-01', 'H1 2019');
    expect(before.row.effectiveFrom).toBe('2020-01-01');
    expect(before.warning).toMatch(/earliest known/);
  });
});

describe('jurisdiction rules', () => {
  it.each(JURISDICTIONS.map((j) => [j]))('%s: rules do not overlap and one is in force today', (j) => {
    const rules = LATE_FEE_RULES[j];
    expect(ruleInForce(j, '2026-11-22')).toBeDefined();
    rules.forEach((r, i) => {
      const next = rules[i + 1];
      if (next) expect(r.effectiveTo && r.effectiveTo < next.effectiveFrom).toBe(true);
      const bands = r.fixedCompensation?.bands ?? [];
      bands.forEach((b, k) => {
        if (k === 0) expect(b.fromMinor).toBe(0);
        else expect(b.fromMinor).toBeGreaterThan(bands[k - 1]?.fromMinor ?? 0);
      });
    });
  });

  it('margins follow the statutes: FR +10, EU +8, UK +8, US none', () => {
    expect(ruleInForce('FR', '2025-01-01')?.statutoryRate?.marginPercent).toBe('10');
    expect(ruleInForce('EU', '2025-01-01')?.statutoryRate?.marginPercent).toBe('8');
    expect(ruleInForce('UK', '2025-01-01')?.statutoryRate?.marginPercent).toBe('8');
    expect(ruleInForce('US', '2025-01-01')?.statutoryRate).toBeNull();
  });
});

describe('rational arithmetic', () => {
  const decimals: Array<[string, string | null]> = [
    ['13.15', '263/20'],
    ['12.5', '25/2'],
    ['0.00', '0'],
    ['1e-7', '1/10000000'],
    ['-2.50', '-5/2'],
    ['1,5', null],
    ['', null],
    ['abc', null],
  ];
  it.each(decimals)('parseDecimal(%j) = %s', (s, expected) => {
    const r = Q.parseDecimal(s);
    expect(r === null ? null : Q.toFractionString(r)).toBe(expected);
  });

  const rounding: Array<[bigint, bigint, bigint]> = [
    [1n, 2n, 1n], // 0.5 -> 1 (half-up)
    [3n, 2n, 2n], // 1.5 -> 2
    [49n, 100n, 0n],
    [2499n, 1000n, 2n],
    [-1n, 2n, -1n], // symmetric for negatives
  ];
  it.each(rounding)('roundHalfUp(%i/%i) = %i', (n, d, expected) => {
    expect(Q.roundHalfUp(Q.rational(n, d))).toBe(expected);
  });

  it('adds exactly where floats drift', () => {
    const sum = Q.add(Q.parseDecimal('0.1') ?? Q.ZERO, Q.parseDecimal('0.2') ?? Q.ZERO);
    expect(Q.compare(sum, Q.rational(3, 10))).toBe(0);
  });
});
