import { addDaysIso, makeIsoDate } from './dates';
import { daysInMonth, type IsoDate, type Jurisdiction } from './types';

/**
 * Public holidays on which no reminder should fall due, per jurisdiction:
 * - FR: the 11 national jours fériés (Alsace-Moselle's Good Friday and 26 December are not included).
 * - UK: bank holidays of England & Wales, with substitute days when a fixed holiday falls on a weekend, and the
 *   one-off changes proclaimed since 2012 (data below).
 * - US: the 11 federal holidays; a Saturday holiday is observed on the Friday, a Sunday one on the Monday
 *   (so New Year 2022 is observed on Friday 31 December 2021).
 * - EU: the TARGET2 closing days (the euro payment system does not settle on them).
 */

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

/** Easter Sunday, Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

function ymd(year: number, month: number, day: number): IsoDate {
  return makeIsoDate(year, month, day) ?? `${year}-01-01`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const isWeekend = (date: IsoDate): boolean => {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6;
};

/** The n-th (1-based) given weekday of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  if (n > 0) {
    const first = ymd(year, month, 1);
    const shift = (weekday - weekdayOf(first) + 7) % 7;
    return addDaysIso(first, shift + 7 * (n - 1));
  }
  const end = ymd(year, month, daysInMonth(year, month));
  const back = (weekdayOf(end) - weekday + 7) % 7;
  return addDaysIso(end, -back);
}

const MON = 1;
const THU = 4;

function france(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  return [
    { date: ymd(year, 1, 1), name: "Jour de l'an" },
    { date: addDaysIso(easter, 1), name: 'Lundi de Pâques' },
    { date: ymd(year, 5, 1), name: 'Fête du Travail' },
    { date: ymd(year, 5, 8), name: 'Victoire 1945' },
    { date: addDaysIso(easter, 39), name: 'Ascension' },
    { date: addDaysIso(easter, 50), name: 'Lundi de Pentecôte' },
    { date: ymd(year, 7, 14), name: 'Fête nationale' },
    { date: ymd(year, 8, 15), name: 'Assomption' },
    { date: ymd(year, 11, 1), name: 'Toussaint' },
    { date: ymd(year, 11, 11), name: 'Armistice 1918' },
    { date: ymd(year, 12, 25), name: 'Noël' },
  ];
}

/** Bank holidays moved or added by proclamation (England & Wales). */
const UK_ONE_OFF: Record<number, { remove: IsoDate[]; add: PublicHoliday[] }> = {
  2012: {
    remove: ['2012-05-28'],
    add: [
      { date: '2012-06-04', name: 'Spring bank holiday (moved)' },
      { date: '2012-06-05', name: 'Diamond Jubilee' },
    ],
  },
  2020: { remove: ['2020-05-04'], add: [{ date: '2020-05-08', name: 'Early May bank holiday (VE Day)' }] },
  2022: {
    remove: ['2022-05-30'],
    add: [
      { date: '2022-06-02', name: 'Spring bank holiday (moved)' },
      { date: '2022-06-03', name: 'Platinum Jubilee' },
      { date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
    ],
  },
  2023: { remove: [], add: [{ date: '2023-05-08', name: 'Coronation of King Charles III' }] },
};

function unitedKingdom(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const out: PublicHoliday[] = [
    { date: addDaysIso(easter, -2), name: 'Good Friday' },
    { date: addDaysIso(easter, 1), name: 'Easter Monday' },
    { date: nthWeekday(year, 5, MON, 1), name: 'Early May bank holiday' },
    { date: nthWeekday(year, 5, MON, -1), name: 'Spring bank holiday' },
    { date: nthWeekday(year, 8, MON, -1), name: 'Summer bank holiday' },
  ];
  // A fixed holiday on a weekend is replaced by the next weekday that is not already a holiday: Christmas on a
  // Saturday gives Monday 27 and Tuesday 28 December; on a Sunday, Boxing Day keeps Monday 26 and Christmas takes
  // Tuesday 27. Weekday holidays are placed first so substitutes go around them.
  const fixed = [
    { date: ymd(year, 1, 1), name: "New Year's Day" },
    { date: ymd(year, 12, 25), name: 'Christmas Day' },
    { date: ymd(year, 12, 26), name: 'Boxing Day' },
  ];
  const taken = new Set<IsoDate>(fixed.filter((h) => !isWeekend(h.date)).map((h) => h.date));
  for (const h of fixed) {
    if (!isWeekend(h.date)) {
      out.push(h);
      continue;
    }
    let date = h.date;
    while (isWeekend(date) || taken.has(date)) date = addDaysIso(date, 1);
    taken.add(date);
    out.push({ date, name: `${h.name} (substitute day)` });
  }
  const oneOff = UK_ONE_OFF[year];
  if (!oneOff) return out;
  return [...out.filter((h) => !oneOff.remove.includes(h.date)), ...oneOff.add];
}

/** A fixed federal holiday on a weekend is observed on the Friday before or the Monday after. */
function observedUs(date: IsoDate): IsoDate {
  const wd = weekdayOf(date);
  return wd === 6 ? addDaysIso(date, -1) : wd === 0 ? addDaysIso(date, 1) : date;
}

function unitedStates(year: number): PublicHoliday[] {
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({
    date: observedUs(ymd(year, month, day)),
    name,
  });
  const out: PublicHoliday[] = [
    fixed(1, 1, "New Year's Day"),
    { date: nthWeekday(year, 1, MON, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, MON, 3), name: "Washington's Birthday" },
    { date: nthWeekday(year, 5, MON, -1), name: 'Memorial Day' },
    fixed(7, 4, 'Independence Day'),
    { date: nthWeekday(year, 9, MON, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, MON, 2), name: 'Columbus Day' },
    fixed(11, 11, 'Veterans Day'),
    { date: nthWeekday(year, 11, THU, 4), name: 'Thanksgiving Day' },
    fixed(12, 25, 'Christmas Day'),
  ];
  // Juneteenth National Independence Day became a federal holiday on 17 June 2021.
  if (year >= 2021) out.push(fixed(6, 19, 'Juneteenth National Independence Day'));
  return out;
}

function target2(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  return [
    { date: ymd(year, 1, 1), name: "New Year's Day" },
    { date: addDaysIso(easter, -2), name: 'Good Friday' },
    { date: addDaysIso(easter, 1), name: 'Easter Monday' },
    { date: ymd(year, 5, 1), name: 'Labour Day' },
    { date: ymd(year, 12, 25), name: 'Christmas Day' },
    { date: ymd(year, 12, 26), name: 'Christmas holiday' },
  ];
}

const RULES: Record<Jurisdiction, (year: number) => PublicHoliday[]> = {
  FR: france,
  UK: unitedKingdom,
  US: unitedStates,
  EU: target2,
};

const cache = new Map<string, PublicHoliday[]>();

/**
 * The holidays whose (observed) date falls in `year`, sorted. Computed from the rules of `year` and `year + 1`,
 * because a US New Year's Day on a Saturday is observed on 31 December of the year before.
 */
export function publicHolidays(year: number, jurisdiction: Jurisdiction): PublicHoliday[] {
  const key = `${jurisdiction}:${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rule = RULES[jurisdiction];
  const prefix = `${year}-`;
  const list = [...rule(year), ...rule(year + 1)]
    .filter((h) => h.date.startsWith(prefix))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(key, list);
  return list;
}

export function publicHolidayOn(date: IsoDate, jurisdiction: Jurisdiction): PublicHoliday | null {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  return publicHolidays(year, jurisdiction).find((h) => h.date === date) ?? null;
}

export function isPublicHoliday(date: IsoDate, jurisdiction: Jurisdiction): boolean {
  return publicHolidayOn(date, jurisdiction) !== null;
}

/** Monday to Friday and not a public holiday of the jurisdiction. */
export function isBusinessDay(date: IsoDate, jurisdiction: Jurisdiction): boolean {
  return !isWeekend(date) && !isPublicHoliday(date, jurisdiction);
}

/**
 * The first business day ON OR AFTER `date` ("following business day" convention): `date` itself when it is
 * one. This is how a reminder that would fall on a weekend or holiday is moved.
 */
export function nextBusinessDay(date: IsoDate, jurisdiction: Jurisdiction): IsoDate {
  let d = date;
  // At most a long weekend plus a run of holidays: 14 days is a safe bound.
  for (let i = 0; i < 14 && !isBusinessDay(d, jurisdiction); i++) d = addDaysIso(d, 1);
  return d;
}
