import { isValidIsoDate, JURISDICTIONS, type IsoDate, type Jurisdiction } from '../types';
import { addDaysIso as addDays, diffDaysIso as daysBetween } from '../dates';
import { halfYearOf } from './half-year';
import { LATE_FEE_RULES, ruleInForce, type LateFeeRule } from './jurisdictions';
import { lookupRate, RATE_SERIES } from './rates';
import * as Q from './rational';

/**
 * Late-payment interest and fixed compensation for one invoice.
 *
 * Conventions (each one a choice the law or practice makes, written down so the figures can be checked by hand):
 * - Interest runs from the day AFTER the due date to the end date INCLUSIVE, the end date being `paidDate`
 *   (the day the balance was settled) or else `today`. Paid on or before the due date: nothing is owed.
 * - Simple interest, per period: base × rate / 100 × days / 365. The divisor is 365 in leap years too, as
 *   French practice (and the UK Act's daily rate) use; 29 February counts as a late day like any other.
 * - Periods split at each half-year (1 Jan–30 Jun, 1 Jul–31 Dec), whose rate is the half-year's own, at each
 *   partial payment and at each change of rule.
 * - A partial payment made on day P still leaves day P accruing on the old balance; the base is reduced from
 *   P + 1 on (the same convention as the final payment, whose day accrues). Payments on or before the due date
 *   reduce the base from the first late day. Once payments cover the principal, the delay ends that day.
 * - Interest is summed exactly (rationals over BigInt) and rounded to the minor unit once, half-up, at the end.
 * - Fixed compensation is due once per late invoice, sized on the amount unpaid on the first late day (the UK
 *   bands), and only when the invoice is in the compensation's currency: EUR 40 is never added to a USD total.
 * - `totalMinor` = principal still unpaid at the end date (before the settling payment) + interest + fixed.
 */

export interface LateFeesPayment {
  date: IsoDate;
  amountMinor: number;
}

export interface LateFeesInput {
  jurisdiction: Jurisdiction;
  /** Invoice amount incl. VAT, in minor units of `currency`. */
  principalMinor: number;
  currency: string;
  dueDate: IsoDate;
  /** Day the balance was paid. Takes precedence over `today` when both are given. */
  paidDate?: IsoDate;
  /** Day to compute up to while still unpaid. One of paidDate / today is required. */
  today?: IsoDate;
  /** Agreed annual rate in percent (12.5 = 12.5 %). */
  contractRatePercent?: number;
  /** The debtor is a consumer, not a business. */
  consumer?: boolean;
  /** Partial payments before the final settlement. */
  payments?: readonly LateFeesPayment[];
}

export interface LateFeesPeriod {
  from: IsoDate;
  to: IsoDate;
  days: number;
  annualRatePercent: number;
  /** Unpaid amount the period's interest runs on, minor units. */
  baseMinor: number;
  /** The period's interest before any rounding, in minor units, as an exact fraction "n/d". */
  interestExact: string;
  /** Where the rate comes from, e.g. "ECB MRO 3.15 % (H1 2025) + 10 points". */
  rateBasis: string;
}

export interface LateFees {
  jurisdiction: Jurisdiction;
  principalMinor: number;
  currency: string;
  /** Principal unpaid at the end date, before the settling payment. */
  outstandingMinor: number;
  daysLate: number;
  interestMinor: number;
  fixedCompensationMinor: number;
  totalMinor: number;
  periods: LateFeesPeriod[];
  warnings: string[];
  legalBasis: string;
}

/** Invalid input to computeLateFees (a programming or form error), naming the offending field. */
export class LateFeesInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'LateFeesInputError';
  }
}

const MAX_CONTRACT_RATE = 1000;

function validate(input: LateFeesInput): IsoDate {
  if (!(JURISDICTIONS as readonly string[]).includes(input.jurisdiction)) {
    throw new LateFeesInputError('jurisdiction', `unknown jurisdiction "${String(input.jurisdiction)}" (expected ${JURISDICTIONS.join(', ')})`);
  }
  if (!Number.isSafeInteger(input.principalMinor) || input.principalMinor < 0) {
    throw new LateFeesInputError('principalMinor', 'expected a non-negative integer number of minor units');
  }
  if (!/^[A-Z]{3}$/.test(input.currency)) throw new LateFeesInputError('currency', 'expected a 3-letter ISO code');
  for (const field of ['dueDate', 'paidDate', 'today'] as const) {
    const v = input[field];
    if (v !== undefined && !isValidIsoDate(v)) throw new LateFeesInputError(field, `"${v}" is not a date YYYY-MM-DD`);
  }
  const end = input.paidDate ?? input.today;
  if (end === undefined) throw new LateFeesInputError('paidDate', 'one of paidDate or today is required');
  const rate = input.contractRatePercent;
  if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0 && rate <= MAX_CONTRACT_RATE)) {
    throw new LateFeesInputError('contractRatePercent', `expected a rate between 0 and ${MAX_CONTRACT_RATE} %`);
  }
  for (const [i, p] of (input.payments ?? []).entries()) {
    if (!isValidIsoDate(p.date)) throw new LateFeesInputError(`payments[${i}].date`, `"${p.date}" is not a date YYYY-MM-DD`);
    if (!Number.isSafeInteger(p.amountMinor) || p.amountMinor <= 0) {
      throw new LateFeesInputError(`payments[${i}].amountMinor`, 'expected a positive integer number of minor units');
    }
  }
  return end;
}

function pct(r: Q.Rational): string {
  return `${Q.toNumber(r)} %`;
}

/** Annual rate for one period starting on `from`, with how it was obtained; null when no interest accrues. */
function rateForPeriod(
  rule: LateFeeRule,
  from: IsoDate,
  contract: Q.Rational | null,
  warn: (w: string) => void,
): { rate: Q.Rational; basis: string } | null {
  const half = halfYearOf(from);
  let statutory: { rate: Q.Rational; basis: string } | null = null;
  if (rule.statutoryRate) {
    const ref = lookupRate(RATE_SERIES[rule.statutoryRate.series], from, half.label);
    if (ref.warning) warn(ref.warning);
    const refRate = Q.parseDecimal(ref.ratePercent) ?? Q.ZERO;
    const margin = Q.parseDecimal(rule.statutoryRate.marginPercent) ?? Q.ZERO;
    const rate = Q.add(refRate, margin);
    statutory = {
      rate,
      basis:
        `${rule.statutoryRate.label}: ${ref.ratePercent} % (${half.label}, observed ${ref.row.observedOn}) ` +
        `+ ${rule.statutoryRate.marginPercent} = ${pct(rate)}`,
    };
  }
  if (contract === null) return statutory;
  const policy = rule.contractRate;
  if (policy.kind === 'floor') {
    const legal = lookupRate(RATE_SERIES[policy.series], from, half.label);
    if (legal.warning) warn(legal.warning);
    const floor = Q.mul(Q.parseDecimal(policy.multiple) ?? Q.ZERO, Q.parseDecimal(legal.ratePercent) ?? Q.ZERO);
    if (Q.compare(contract, floor) < 0) {
      warn(
        `contract rate ${pct(contract)} is below the legal floor for ${half.label} (${policy.label} = ` +
          `${policy.multiple} × ${legal.ratePercent} % = ${pct(floor)}): raised to ${pct(floor)}`,
      );
      return { rate: floor, basis: `floor ${policy.label} = ${pct(floor)} (contract ${pct(contract)} raised)` };
    }
    return { rate: contract, basis: `contract rate ${pct(contract)}` };
  }
  if (policy.kind === 'prevails' && statutory && Q.compare(contract, statutory.rate) < 0) {
    warn(`contract rate ${pct(contract)} < statutory ${pct(statutory.rate)} for ${half.label}: ${policy.belowStatutoryWarning}`);
  }
  return { rate: contract, basis: `contract rate ${pct(contract)}` };
}

export function computeLateFees(input: LateFeesInput): LateFees {
  const end = validate(input);
  const warnings: string[] = [];
  const warn = (w: string): void => {
    if (!warnings.includes(w)) warnings.push(w);
  };
  const firstLate = addDays(input.dueDate, 1);
  const rule0 = ruleInForce(input.jurisdiction, firstLate) ?? ruleInForce(input.jurisdiction, end);
  const legalBasis = rule0?.legalBasis ?? `no ${input.jurisdiction} late-payment rule on record for this period`;

  const payments = [...(input.payments ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const p of payments) if (p.date > end) warn(`payment of ${p.amountMinor} on ${p.date} is after ${end}: ignored`);
  const paidBy = (d: IsoDate): number => payments.filter((p) => p.date <= d).reduce((s, p) => s + p.amountMinor, 0);
  const unpaidOn = (d: IsoDate): number => Math.max(0, input.principalMinor - paidBy(d));
  if (paidBy(end) > input.principalMinor) warn('partial payments exceed the principal: the surplus is ignored');

  // The delay ends at the end date, or earlier on the day partial payments cover the principal.
  const settledOn = payments.find((p) => p.date > input.dueDate && unpaidOn(p.date) === 0)?.date;
  const lastLate = settledOn !== undefined && settledOn < end ? settledOn : end;
  const outstandingMinor = unpaidOn(end);
  const baseAtStart = unpaidOn(input.dueDate);

  const result: LateFees = {
    jurisdiction: input.jurisdiction,
    principalMinor: input.principalMinor,
    currency: input.currency,
    outstandingMinor,
    daysLate: 0,
    interestMinor: 0,
    fixedCompensationMinor: 0,
    totalMinor: outstandingMinor,
    periods: [],
    warnings,
    legalBasis,
  };
  if (lastLate <= input.dueDate || baseAtStart === 0) return result; // not late
  result.daysLate = daysBetween(input.dueDate, lastLate);
  if (!rule0) {
    warn(`no ${input.jurisdiction} late-payment rule on record for ${firstLate}: nothing computed`);
    return result;
  }

  const consumer = input.consumer === true;
  if (consumer) warn(rule0.consumerNote);
  if (consumer && rule0.businessToBusinessOnly) return result;

  const contract = input.contractRatePercent === undefined ? null : Q.fromNumber(input.contractRatePercent);
  if (contract === null && rule0.contractRate.kind === 'only') {
    warn('no statutory rate: only an agreed contractual rate applies');
  }

  // Period boundaries: the first late day, each half-year start, the day after each partial payment, rule changes.
  const starts = new Set<IsoDate>([firstLate]);
  for (let d = halfYearOf(firstLate).end; d < lastLate; d = halfYearOf(addDays(d, 1)).end) starts.add(addDays(d, 1));
  for (const p of payments) if (p.date >= firstLate && p.date < lastLate) starts.add(addDays(p.date, 1));
  for (const r of LATE_FEE_RULES[input.jurisdiction]) {
    for (const d of [r.effectiveFrom, r.effectiveTo && addDays(r.effectiveTo, 1)]) {
      if (d && d > firstLate && d <= lastLate) starts.add(d);
    }
  }
  const sorted = [...starts].sort();

  let interest = Q.ZERO;
  for (const [i, from] of sorted.entries()) {
    const next = sorted[i + 1];
    const to = next ? addDays(next, -1) : lastLate;
    const base = unpaidOn(addDays(from, -1));
    const rule = ruleInForce(input.jurisdiction, from);
    if (!rule) {
      warn(`no ${input.jurisdiction} late-payment rule on record for ${from}: no interest for ${from}–${to}`);
      continue;
    }
    const rate = rateForPeriod(rule, from, contract, warn);
    if (!rate || base === 0) continue;
    const days = daysBetween(from, to) + 1;
    const exact = Q.div(Q.mul(Q.mul(Q.rational(base), rate.rate), Q.rational(days)), Q.rational(36_500));
    interest = Q.add(interest, exact);
    result.periods.push({
      from,
      to,
      days,
      annualRatePercent: Q.toNumber(rate.rate),
      baseMinor: base,
      interestExact: Q.toFractionString(exact),
      rateBasis: rate.basis,
    });
  }
  result.interestMinor = Number(Q.roundHalfUp(interest));

  const fixed = consumer ? null : rule0.fixedCompensation;
  if (fixed && fixed.currency !== input.currency) {
    warn(
      `fixed compensation is set in ${fixed.currency} and the invoice is in ${input.currency}: ` +
        'claim it separately; it is not added to the total',
    );
  } else if (fixed) {
    const band = [...fixed.bands].reverse().find((b) => baseAtStart >= b.fromMinor);
    result.fixedCompensationMinor = band?.amountMinor ?? 0;
  }
  result.totalMinor = outstandingMinor + result.interestMinor + result.fixedCompensationMinor;
  return result;
}
