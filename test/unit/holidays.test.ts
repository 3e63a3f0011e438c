import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  isBusinessDay,
  isPublicHoliday,
  nextBusinessDay,
  publicHolidays,
} from '../../lib/domain/holidays';
import type { Jurisdiction } from '../../lib/domain/types';

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  // Published Easter dates.
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
  ])('%i -> %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('isPublicHoliday', () => {
  const cases: Array<[Jurisdiction, string, boolean, string]> = [
    ['FR', '2025-04-21', true, 'Easter Monday'],
    ['FR', '2025-05-29', true, 'Ascension'],
    ['FR', '2025-06-09', true, 'Whit Monday'],
    ['FR', '2025-05-08', true, 'Victoire 1945'],
    ['FR', '2025-07-14', true, 'Fête nationale'],
    ['FR', '2024-05-09', true, 'Ascension 2024'],
    ['FR', '2025-04-18', false, 'Good Friday is not a national holiday in France'],
    ['FR', '2025-12-26', false, '26 December is not a national holiday in France'],
    ['UK', '2025-08-25', true, 'summer bank holiday'],
    ['UK', '2025-05-05', true, 'early May bank holiday'],
    ['UK', '2025-05-26', true, 'spring bank holiday'],
    ['UK', '2025-04-18', true, 'Good Friday'],
    ['UK', '2025-07-14', false, 'not a UK holiday'],
    ['UK', '2022-01-03', true, 'New Year substitute (1 Jan 2022 is a Saturday)'],
    ['UK', '2021-12-27', true, 'Christmas substitute (25 Dec 2021 is a Saturday)'],
    ['UK', '2021-12-28', true, 'Boxing Day substitute'],
    ['UK', '2022-12-27', true, 'Christmas substitute (25 Dec 2022 is a Sunday; Boxing Day is Monday 26)'],
    ['UK', '2022-12-26', true, 'Boxing Day 2022'],
    ['UK', '2020-05-08', true, 'early May moved to VE Day'],
    ['UK', '2020-05-04', false, 'the usual early May date in 2020 was moved'],
    ['UK', '2023-05-08', true, 'coronation'],
    ['US', '2025-11-27', true, 'Thanksgiving'],
    ['US', '2027-06-18', true, 'Juneteenth observed on Friday'],
    ['US', '2027-06-19', false, 'the Saturday itself is not the observed day'],
    ['US', '2025-01-20', true, 'Martin Luther King Jr. Day'],
    ['US', '2025-02-17', true, "Washington's Birthday"],
    ['US', '2025-05-26', true, 'Memorial Day'],
    ['US', '2025-09-01', true, 'Labor Day'],
    ['US', '2025-10-13', true, 'Columbus Day'],
    ['US', '2026-07-03', true, 'Independence Day observed (4 July 2026 is a Saturday)'],
    ['US', '2021-12-31', true, 'New Year 2022 observed on Friday 31 December 2021'],
    ['US', '2023-01-02', true, 'New Year 2023 observed on Monday'],
    ['US', '2020-06-19', false, 'Juneteenth is federal from 2021'],
    ['EU', '2025-04-18', true, 'TARGET2 Good Friday'],
    ['EU', '2025-12-26', true, 'TARGET2 26 December'],
    ['EU', '2025-05-29', false, 'Ascension is not a TARGET2 closing day'],
  ];
  it.each(cases)('%s %s -> %s (%s)', (j, date, expected) => {
    expect(isPublicHoliday(date, j)).toBe(expected);
  });

  it('counts each jurisdiction\'s holidays in 2025', () => {
    expect(publicHolidays(2025, 'FR')).toHaveLength(11);
    expect(publicHolidays(2025, 'UK')).toHaveLength(8);
    expect(publicHolidays(2025, 'US')).toHaveLength(11);
    expect(publicHolidays(2025, 'EU')).toHaveLength(6);
    // 2021 holds its own observed New Year (1 Jan is a Friday) and 2022's (31 Dec).
    expect(publicHolidays(2021, 'US').filter((h) => h.name === "New Year's Day").map((h) => h.date)).toEqual([
      '2021-01-01',
      '2021-12-31',
    ]);
  });
});

describe('nextBusinessDay (first business day on or after the date)', () => {
  const cases: Array<[Jurisdiction, string, string, string]> = [
    ['FR', '2025-05-28', '2025-05-28', 'a Wednesday stays'],
    ['FR', '2025-05-29', '2025-05-30', 'Ascension Thursday -> Friday'],
    ['FR', '2025-06-07', '2025-06-10', 'Saturday before Whit Monday -> Tuesday'],
    ['FR', '2025-12-25', '2025-12-26', 'Christmas -> 26 December (a working day in France)'],
    ['UK', '2025-12-25', '2025-12-29', 'Christmas, Boxing Day, weekend -> Monday'],
    ['UK', '2025-08-23', '2025-08-26', 'weekend before the summer bank holiday'],
    ['US', '2025-11-27', '2025-11-28', 'Thanksgiving -> Friday'],
    ['EU', '2025-04-18', '2025-04-22', 'Good Friday -> Tuesday after Easter Monday'],
  ];
  it.each(cases)('%s %s -> %s (%s)', (j, date, expected) => {
    expect(nextBusinessDay(date, j)).toBe(expected);
    expect(isBusinessDay(expected, j)).toBe(true);
  });
});
