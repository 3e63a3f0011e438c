import type { IsoDate } from '../types';

/**
 * Reference-rate tables the late-payment rules are built on, as versioned data: one entry per half-year
 * (1 Jan–30 Jun, 1 Jul–31 Dec), each with the date its value was observed and where it comes from.
 * Rates are decimal strings ("2.15" = 2.15 %) so that they enter the arithmetic exactly.
 *
 * To update: append the next half-year to the series and bump `lastChecked`. A half-year that is missing is
 * never invented: the fee computation falls back to the latest known value and says so in its warnings.
 */

export type RateSeriesId = 'ECB_MRO' | 'BOE_BANK_RATE' | 'FR_LEGAL_RATE_PRO';

export interface HalfYearRate {
  /** First day of the half-year the rate applies to (1 January or 1 July). */
  effectiveFrom: IsoDate;
  /** Last day of that half-year (30 June or 31 December), inclusive. */
  effectiveTo: IsoDate;
  /** Annual rate in percent, as an exact decimal string. */
  ratePercent: string;
  /** The day whose rate the law points at (1 Jan / 1 Jul for the ECB, 31 Dec / 30 Jun for the BoE). */
  observedOn: IsoDate;
  /** 'provisional': taken from a secondary source and not yet checked against the official publication. */
  status?: 'provisional';
  source?: string;
}

export interface RateSeries {
  id: RateSeriesId;
  name: string;
  /** Which day of the half-year (or before it) the law reads the rate on. */
  rule: string;
  /** When the table was last compared with its official source. */
  lastChecked: IsoDate;
  officialSource: string;
  rates: readonly HalfYearRate[];
}

/** Shorthand for one half-year row: `h('2025-1', '3.15', '2025-01-01')`. */
function h(half: `${number}-${1 | 2}`, ratePercent: string, observedOn: IsoDate, extra: Partial<HalfYearRate> = {}): HalfYearRate {
  const [year, which] = half.split('-');
  const first = which === '1';
  return {
    effectiveFrom: `${year}-${first ? '01-01' : '07-01'}`,
    effectiveTo: `${year}-${first ? '06-30' : '12-31'}`,
    ratePercent,
    observedOn,
    ...extra,
  };
}

/**
 * ECB main refinancing operations rate in force on 1 January / 1 July. It was 0.00 % from 16 March 2016 until the
 * 27 July 2022 rise, so H2 2022 still reads 0.00 %; then 2.50 % from 21 Dec 2022, 4.00 % from 21 June 2023,
 * 4.50 % from 20 Sept 2023, 4.25 % from 12 June 2024, 3.15 % from 18 Dec 2024, 2.15 % from 11 June 2025.
 */
export const ECB_MRO: RateSeries = {
  id: 'ECB_MRO',
  name: 'ECB main refinancing operations rate',
  rule: 'rate in force on 1 January (January–June) or 1 July (July–December)',
  lastChecked: '2026-07-01',
  officialSource: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/key_ecb_interest_rates/html/index.en.html',
  rates: [
    h('2020-1', '0.00', '2020-01-01'),
    h('2020-2', '0.00', '2020-07-01'),
    h('2021-1', '0.00', '2021-01-01'),
    h('2021-2', '0.00', '2021-07-01'),
    h('2022-1', '0.00', '2022-01-01'),
    h('2022-2', '0.00', '2022-07-01'),
    h('2023-1', '2.50', '2023-01-01'),
    h('2023-2', '4.00', '2023-07-01'),
    h('2024-1', '4.50', '2024-01-01'),
    h('2024-2', '4.25', '2024-07-01'),
    h('2025-1', '3.15', '2025-01-01'),
    h('2025-2', '2.15', '2025-07-01'),
    h('2026-1', '2.15', '2026-01-01', { source: 'ECB decisions of 18 Dec 2025 and 5 Feb 2026: MRO unchanged at 2.15 %' }),
    h('2026-2', '2.15', '2026-07-01', { source: 'project brief: MRO still 2.15 % on 1 July 2026 (checked July 2026)' }),
  ],
};

/**
 * Bank of England Bank Rate on 31 December (for January–June) / 30 June (for July–December).
 * Changes behind these values: 0.10 % from 19 Mar 2020, 0.25 % from 16 Dec 2021, 1.25 % from 16 June 2022,
 * 3.50 % from 15 Dec 2022, 5.00 % from 22 June 2023, 5.25 % from 3 Aug 2023 to 1 Aug 2024, 4.75 % from 7 Nov 2024,
 * 4.25 % from 8 May 2025, 3.75 % from 18 Dec 2025.
 */
export const BOE_BANK_RATE: RateSeries = {
  id: 'BOE_BANK_RATE',
  name: 'Bank of England Bank Rate (base rate)',
  rule: 'rate on 31 December (January–June) or 30 June (July–December)',
  lastChecked: '2026-07-01',
  officialSource: 'https://www.bankofengland.co.uk/boeapps/database/Bank-Rate.asp',
  rates: [
    h('2020-1', '0.75', '2019-12-31'),
    h('2020-2', '0.10', '2020-06-30'),
    h('2021-1', '0.10', '2020-12-31'),
    h('2021-2', '0.10', '2021-06-30'),
    h('2022-1', '0.25', '2021-12-31'),
    h('2022-2', '1.25', '2022-06-30'),
    h('2023-1', '3.50', '2022-12-31'),
    h('2023-2', '5.00', '2023-06-30'),
    h('2024-1', '5.25', '2023-12-31'),
    h('2024-2', '5.25', '2024-06-30'),
    h('2025-1', '4.75', '2024-12-31'),
    h('2025-2', '4.25', '2025-06-30'),
    h('2026-1', '3.75', '2025-12-31', { source: 'cut to 3.75 % on 18 Dec 2025; held on 5 Feb 2026' }),
    h('2026-2', '3.75', '2026-06-30', {
      status: 'provisional',
      source: 'press report of the June 2026 MPC holding Bank Rate at 3.75 %; not yet checked against the BoE table',
    }),
  ],
};

/**
 * French taux de l'intérêt légal for "all other cases" (creditors acting for professional needs), set each
 * half-year by arrêté. Only used for the contract-rate floor (3 × this rate, Code de commerce L441-10).
 * H2 2026 is not in the table: its arrêté had not been checked when the table was last updated.
 */
export const FR_LEGAL_RATE_PRO: RateSeries = {
  id: 'FR_LEGAL_RATE_PRO',
  name: "taux de l'intérêt légal (créanciers professionnels)",
  rule: 'rate fixed by arrêté for the half-year',
  lastChecked: '2026-01-01',
  officialSource: 'https://www.banque-france.fr/fr/statistiques/taux-et-cours/taux-dinteret-legal',
  rates: [
    h('2020-1', '0.87', '2020-01-01'),
    h('2020-2', '0.84', '2020-07-01'),
    h('2021-1', '0.79', '2021-01-01'),
    h('2021-2', '0.76', '2021-07-01'),
    h('2022-1', '0.76', '2022-01-01'),
    h('2022-2', '0.77', '2022-07-01'),
    h('2023-1', '2.06', '2023-01-01'),
    h('2023-2', '4.22', '2023-07-01'),
    h('2024-1', '5.07', '2024-01-01'),
    h('2024-2', '4.92', '2024-07-01'),
    h('2025-1', '3.71', '2025-01-01'),
    h('2025-2', '2.76', '2025-07-01'),
    h('2026-1', '2.62', '2026-01-01', { source: 'arrêté du 15 décembre 2025, JORF 26 Dec 2025' }),
  ],
};

export const RATE_SERIES: Record<RateSeriesId, RateSeries> = {
  ECB_MRO,
  BOE_BANK_RATE,
  FR_LEGAL_RATE_PRO,
};

export interface RateLookup {
  ratePercent: string;
  /** The row used (the latest or earliest known one when the date falls outside the table). */
  row: HalfYearRate;
  /** Set when the value is not the published one for that date: the reason, ready for the user. */
  warning?: string;
}

/**
 * The series value for the half-year containing `date`. Outside the table, the nearest known row is used and a
 * warning names the half-year that has no data; a provisional row also carries a warning.
 */
export function lookupRate(series: RateSeries, date: IsoDate, halfLabel: string): RateLookup {
  const rows = series.rates;
  const exact = rows.find((r) => r.effectiveFrom <= date && date <= r.effectiveTo);
  if (exact) {
    const warning =
      exact.status === 'provisional'
        ? `${series.name} for ${halfLabel} (${exact.ratePercent} %) is provisional: ${exact.source ?? 'unverified'}`
        : undefined;
    return { ratePercent: exact.ratePercent, row: exact, ...(warning ? { warning } : {}) };
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) throw new Error(`rate series ${series.id} is empty`);
  const row = date < first.effectiveFrom ? first : last;
  const which = row === last ? 'latest known' : 'earliest known';
  return {
    ratePercent: row.ratePercent,
    row,
    warning:
      `no ${series.name} on record for ${halfLabel} (table last checked ${series.lastChecked}); ` +
      `used the ${which} value ${row.ratePercent} % (from ${row.effectiveFrom}): check ${series.officialSource}`,
  };
}
