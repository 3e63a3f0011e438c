import type { IsoDate, Jurisdiction } from '../types';
import type { RateSeriesId } from './rates';

/**
 * Late-payment rules per jurisdiction, as versioned data. Each rule applies to late days from `effectiveFrom`
 * to `effectiveTo` (inclusive); the computation picks, for every day, the rule in force that day, and for the
 * fixed compensation the rule in force on the first late day (the day it becomes due).
 */

export interface FixedCompensationBand {
  /** The band applies when the invoice amount (minor units) is at least this. */
  fromMinor: number;
  amountMinor: number;
}

export interface LateFeeRule {
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  legalBasis: string;
  /** Statutory rate = reference series for the half-year + margin; null when there is no statutory interest. */
  statutoryRate: { series: RateSeriesId; marginPercent: string; label: string } | null;
  /**
   * What happens to an agreed contract rate:
   * - 'floor': it applies, but never below `multiple` × the floor series (raised with a warning);
   * - 'prevails': it applies, with a warning when it is below the statutory rate;
   * - 'only': it is the only source of interest (no statutory rate).
   */
  contractRate:
    | { kind: 'floor'; series: RateSeriesId; multiple: string; label: string }
    | { kind: 'prevails'; belowStatutoryWarning: string }
    | { kind: 'only' };
  /** Fixed compensation per late invoice, in `currency`; null when the law has none. */
  fixedCompensation: { currency: string; bands: readonly FixedCompensationBand[]; note: string } | null;
  /** Statutory interest and compensation apply between businesses only. */
  businessToBusinessOnly: boolean;
  /** What to tell the user when the debtor is a consumer. */
  consumerNote: string;
}

export const LATE_FEE_RULES: Record<Jurisdiction, readonly LateFeeRule[]> = {
  FR: [
    {
      // L441-10 (ordonnance 2019-359, in force 26 April 2019) restated the former L441-6 without changing the rates.
      effectiveFrom: '2013-01-01',
      legalBasis:
        'Code de commerce art. L441-10 (formerly L441-6) and D441-5: penalty rate = ECB main refinancing rate of the ' +
        'half-year + 10 points; EUR 40 fixed recovery indemnity per late invoice',
      statutoryRate: { series: 'ECB_MRO', marginPercent: '10', label: 'ECB MRO + 10 points' },
      contractRate: { kind: 'floor', series: 'FR_LEGAL_RATE_PRO', multiple: '3', label: "3 × taux de l'intérêt légal" },
      fixedCompensation: {
        currency: 'EUR',
        bands: [{ fromMinor: 0, amountMinor: 4000 }],
        note: 'indemnité forfaitaire pour frais de recouvrement, outside the scope of VAT',
      },
      businessToBusinessOnly: true,
      consumerNote:
        'B2B late-payment penalties (L441-10) do not apply to a consumer: a consumer debt bears interest at the ' +
        "taux de l'intérêt légal only from a formal notice (mise en demeure, Code civil art. 1344-1); not computed here",
    },
  ],
  EU: [
    {
      effectiveFrom: '2013-03-16', // transposition deadline of Directive 2011/7/EU
      legalBasis:
        'Directive 2011/7/EU art. 2, 3 and 6: statutory interest = ECB reference rate of the half-year + 8 points; ' +
        'at least EUR 40 fixed compensation per late payment',
      statutoryRate: { series: 'ECB_MRO', marginPercent: '8', label: 'ECB reference rate + 8 points' },
      contractRate: {
        kind: 'prevails',
        belowStatutoryWarning:
          'the agreed rate is below the statutory rate; a term excluding or reducing interest may be grossly unfair ' +
          '(Directive 2011/7/EU art. 7)',
      },
      fixedCompensation: {
        currency: 'EUR',
        bands: [{ fromMinor: 0, amountMinor: 4000 }],
        note: 'minimum fixed compensation; reasonable recovery costs above it may also be claimed',
      },
      businessToBusinessOnly: true,
      consumerNote:
        'Directive 2011/7/EU covers commercial transactions only: consumer debts follow national law; not computed here',
    },
  ],
  UK: [
    {
      // Fixed sums added by the Late Payment of Commercial Debts Regulations 2002, in force 7 August 2002.
      effectiveFrom: '2002-08-07',
      legalBasis:
        'Late Payment of Commercial Debts (Interest) Act 1998 s.4-6 and the Late Payment of Commercial Debts (Rate of ' +
        'Interest) (No. 3) Order 2002: simple interest at Bank of England base rate + 8 %; fixed sum GBP 40 / 70 / 100',
      statutoryRate: { series: 'BOE_BANK_RATE', marginPercent: '8', label: 'Bank of England base rate + 8 %' },
      contractRate: {
        kind: 'prevails',
        belowStatutoryWarning:
          'the agreed rate is below the statutory rate: unless it is a substantial remedy for late payment, the ' +
          'statutory rate applies instead (Act s.8-9)',
      },
      fixedCompensation: {
        currency: 'GBP',
        bands: [
          { fromMinor: 0, amountMinor: 4000 },
          { fromMinor: 100_000, amountMinor: 7000 },
          { fromMinor: 1_000_000, amountMinor: 10_000 },
        ],
        note: 'fixed sum per invoice: GBP 40 under 1,000.00, GBP 70 up to 9,999.99, GBP 100 from 10,000.00',
      },
      businessToBusinessOnly: true,
      consumerNote:
        'the 1998 Act applies only when both parties act in the course of a business: no statutory interest or ' +
        'fixed sum against a consumer',
    },
  ],
  US: [
    {
      effectiveFrom: '1900-01-01',
      legalBasis:
        'United States: no federal statutory interest on business debts; only a rate agreed in advance in the contract ' +
        'applies, within state usury limits',
      statutoryRate: null,
      contractRate: { kind: 'only' },
      fixedCompensation: null,
      businessToBusinessOnly: false,
      consumerNote: 'consumer debts: state consumer-credit and usury laws may cap an agreed late charge',
    },
  ],
};

/** The rule of `jurisdiction` in force on `date`, or undefined before the first one. */
export function ruleInForce(jurisdiction: Jurisdiction, date: IsoDate): LateFeeRule | undefined {
  return LATE_FEE_RULES[jurisdiction].find(
    (r) => r.effectiveFrom <= date && (r.effectiveTo === undefined || date <= r.effectiveTo),
  );
}
