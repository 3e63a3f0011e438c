import type { IsoDate } from '../types';

/** Half-years, the periods over which late-payment reference rates are fixed. */

/** Half-year of a date: H1 = 1 Jan–30 Jun, H2 = 1 Jul–31 Dec. */
export interface HalfYear {
  year: number;
  half: 1 | 2;
  start: IsoDate;
  end: IsoDate;
  /** "H1 2025". */
  label: string;
}

export function halfYearOf(d: IsoDate): HalfYear {
  const year = Number(d.slice(0, 4));
  const half: 1 | 2 = Number(d.slice(5, 7)) <= 6 ? 1 : 2;
  const y = String(year).padStart(4, '0');
  return half === 1
    ? { year, half, start: `${y}-01-01`, end: `${y}-06-30`, label: `H1 ${year}` }
    : { year, half, start: `${y}-07-01`, end: `${y}-12-31`, label: `H2 ${year}` };
}
