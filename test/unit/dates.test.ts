import { describe, expect, it } from 'vitest';
import {
  addBusinessDaysIso, addDaysIso, addMonthsIso, diffDaysIso, endOfMonthIso, findDates, MONTH_NAME_PATTERN, monthNumber,
  parseDate, resolveNumericOrder, todayIso, WEEKDAY_NAME_PATTERN, weekdayIso, weekdayNumber, type DateOptions,
} from '../../lib/domain/dates';

describe('parseDate', () => {
  const cases: Array<[string, DateOptions, string | null]> = [
    ['2025-03-10', {}, '2025-03-10'],
    ['2025/03/10', {}, '2025-03-10'],
    ['10/03/2025', { lang: 'fr' }, '2025-03-10'],
    ['10.03.2025', { lang: 'de' }, '2025-03-10'],
    ['10-03-2025', { lang: 'nl' }, '2025-03-10'],
    ['10.03.25', { lang: 'de' }, '2025-03-10'],
    ['03/04/2025', { lang: 'fr' }, '2025-04-03'],
    ['03/04/2025', { lang: 'en' }, '2025-04-03'],
    ['03/04/2025', { lang: 'en', usContext: true }, '2025-03-04'],
    ['03/04/2025', { order: 'mdy' }, '2025-03-04'],
    ['04/13/2025', { lang: 'fr' }, '2025-04-13'],
    ['13/04/2025', { lang: 'en', usContext: true }, '2025-04-13'],
    ['29/02/2024', {}, '2024-02-29'],
    ['29/02/2023', {}, null],
    ['31/04/2025', {}, null],
    ['15 avril 2025', { lang: 'fr' }, '2025-04-15'],
    ['1er mars 2025', { lang: 'fr' }, '2025-03-01'],
    ['le 1er janv. 2025', { lang: 'fr' }, '2025-01-01'],
    ['April 15, 2025', { lang: 'en' }, '2025-04-15'],
    ['Mar 3, 2025', { lang: 'en' }, '2025-03-03'],
    ['3rd March 2025', { lang: 'en' }, '2025-03-03'],
    ['Tuesday, 4 February 2025', { lang: 'en' }, '2025-02-04'],
    ['15. März 2025', { lang: 'de' }, '2025-03-15'],
    ['15 de marzo de 2025', { lang: 'es' }, '2025-03-15'],
    ['15 settembre 2025', { lang: 'it' }, '2025-09-15'],
    ['15 augustus 2025', { lang: 'nl' }, '2025-08-15'],
    ['15 de março de 2025', { lang: 'pt' }, '2025-03-15'],
    ['le 15 mars', { lang: 'fr', ref: '2025-03-01' }, '2025-03-15'],
    ['le 15 janvier', { lang: 'fr', ref: '2025-12-20' }, '2026-01-15'],
    ['le 15 mars', { lang: 'fr' }, null],
    ['no date here', {}, null],
    ['v1.2.34', {}, null],
  ];
  it.each(cases)('%j %j -> %s', (input, opts, expected) => {
    expect(parseDate(input, opts)).toBe(expected);
  });
});

describe('findDates', () => {
  it('finds every date with its position and skips phone numbers and amounts', () => {
    const text = 'Facture du 10.03.2025, échéance 10/04/2025. Tél 01.02.03.04.05, total 1 234,56 €';
    const found = findDates(text, { lang: 'fr' });
    expect(found.map((d) => d.date)).toEqual(['2025-03-10', '2025-04-10']);
    for (const d of found) expect(text.slice(d.index, d.end)).toBe(d.raw);
  });

  it('resolves ambiguous dates by the other dates of the document', () => {
    const text = 'Invoice date 03/04/2025, due 04/30/2025';
    expect(findDates(text, { lang: 'en' }).map((d) => d.date)).toEqual(['2025-03-04', '2025-04-30']);
  });

  it('keeps positions right after accented text', () => {
    const text = 'Échéance : 31 janvier 2025';
    const [d] = findDates(text, { lang: 'fr' });
    expect(d?.raw).toBe('31 janvier 2025');
  });
});

describe('resolveNumericOrder', () => {
  const cases: Array<[string[], { lang?: 'en' | 'fr'; usContext?: boolean }, 'dmy' | 'mdy']> = [
    [['13/04/2025'], { lang: 'en', usContext: true }, 'dmy'],
    [['04/13/2025', '03/04/2025'], { lang: 'fr' }, 'mdy'],
    [['03/04/2025'], { lang: 'en', usContext: true }, 'mdy'],
    [['03/04/2025'], { lang: 'en' }, 'dmy'],
    [['13/04/2025', '04/13/2025'], { lang: 'fr' }, 'dmy'],
    [[], {}, 'dmy'],
  ];
  it.each(cases)('%j %j -> %s', (texts, opts, expected) => {
    expect(resolveNumericOrder(texts, opts)).toBe(expected);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-30', 1, '2025-03-31'],
    ['2025-10-26', 1, '2025-10-27'],
    ['2025-01-31', 30, '2025-03-02'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('addDaysIso(%s, %i) = %s', (d, n, expected) => {
    expect(addDaysIso(d, n)).toBe(expected);
  });

  it.each([
    ['2024-02-10', '2024-02-29'],
    ['2023-02-10', '2023-02-28'],
    ['2025-04-30', '2025-04-30'],
    ['2025-12-01', '2025-12-31'],
  ])('endOfMonthIso(%s) = %s', (d, expected) => {
    expect(endOfMonthIso(d)).toBe(expected);
  });

  it('counts days across DST changes and leap days', () => {
    expect(diffDaysIso('2025-03-29', '2025-03-31')).toBe(2);
    expect(diffDaysIso('2024-02-28', '2024-03-01')).toBe(2);
    expect(diffDaysIso('2025-03-01', '2025-02-01')).toBe(-28);
  });

  it('adds months with clamping and business days skipping weekends', () => {
    expect(addMonthsIso('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2025-11-15', 3)).toBe('2026-02-15');
    expect(addBusinessDaysIso('2025-01-17', 1)).toBe('2025-01-20');
    expect(addBusinessDaysIso('2025-01-15', 10)).toBe('2025-01-29');
  });

  it('gives the civil date in a time zone', () => {
    const now = new Date('2025-03-30T23:30:00Z');
    expect(todayIso(now)).toBe('2025-03-30');
    expect(todayIso(now, 'Europe/Paris')).toBe('2025-03-31');
    expect(todayIso(now, 'America/New_York')).toBe('2025-03-30');
  });
});

describe('findDates: punctuation glued to a date', () => {
  const cases: Array<[string, string]> = [
    ['Zahlbar bis zum 09.06.2014:', '2014-06-09'],
    ['bis 09.06.2014; danach Mahnung', '2014-06-09'],
    ['(fällig 09.06.2014)', '2014-06-09'],
    ['Frist «09.06.2014»', '2014-06-09'],
    ['Fälligkeit:09.06.2014', '2014-06-09'],
    ['due 06/09/2014: please pay', '2014-09-06'],
    ['Échéance 2014-06-09:', '2014-06-09'],
    ['[9. Juni 2014]', '2014-06-09'],
  ];
  it.each(cases)('%j -> %s', (text, expected) => {
    const found = findDates(text, { lang: 'de' });
    expect(found.map((d) => d.date)).toEqual([expected]);
    for (const d of found) expect(text.slice(d.index, d.end)).toBe(d.raw);
  });

  it.each([['10.03.2025:12'], ['12:10.03.2025'], ['10/03/2025:30']])('keeps refusing a date glued to a time %j', (text) => {
    expect(findDates(text, { lang: 'de' })).toEqual([]);
  });
});

describe('findDates: dates without a year', () => {
  // ref 2025-03-26 (a Wednesday).
  const cases: Array<[string, DateOptions['yearless'] | undefined, string | null]> = [
    // nearest (default): within half a year either way
    ['le 15 mai', undefined, '2025-05-15'],
    ['am 15.05.', undefined, '2025-05-15'],
    ['on May 15', undefined, '2025-05-15'],
    ['le 3 mars', undefined, '2025-03-03'],
    ['le 15 décembre', undefined, '2024-12-15'],
    ['le 15 octobre', 'nearest', '2024-10-15'],
    ['le 15 septembre', 'nearest', '2025-09-15'],
    // forward: on or after ref, but a date of the last 90 days stays in the past
    ['le 15 mai', 'forward', '2025-05-15'],
    ['le 3 mars', 'forward', '2025-03-03'],
    ['le 15 décembre', 'forward', '2025-12-15'],
    ['am 15.01.', 'forward', '2025-01-15'],
    ['am 15.12.', 'forward', '2025-12-15'],
    ['le 29 février', 'forward', '2028-02-29'],
    ['on 26 March', 'forward', '2025-03-26'],
    // backward: on or before ref
    ['le 15 mai', 'backward', '2024-05-15'],
    ['am 15.12.', 'backward', '2024-12-15'],
    ['on March 26', 'backward', '2025-03-26'],
    ['le 29 février', 'backward', '2024-02-29'],
  ];
  it.each(cases)('%j (%s) -> %s', (text, yearless, expected) => {
    const opts: DateOptions = { lang: 'fr', ref: '2025-03-26', ...(yearless ? { yearless } : {}) };
    expect(parseDate(text, opts)).toBe(expected);
  });

  it.each([
    ['you may 15 times ask', 'en'],
    ['Version 1.2.3', 'de'],
    ['Abschnitt 3.40.', 'de'],
    ['le 15 mai', 'fr'],
  ] as const)('gives no date for %j without a reference (or when it is no date)', (text, lang) => {
    const ref = text === 'le 15 mai' ? undefined : '2025-03-26';
    expect(findDates(text, { lang, ...(ref ? { ref } : {}) })).toEqual([]);
  });
});

describe('month and weekday names', () => {
  it.each([
    ['marz', 3], ['maerz', 3], ['sept', 9], ['decembre', 12], ['mei', 5], ['lundi', undefined],
  ] as const)('monthNumber(%s) = %s', (word, n) => {
    expect(monthNumber(word)).toBe(n);
  });

  it.each([
    ['vendredi', 5], ['freitag', 5], ['sunday', 0], ['miercoles', 3], ['mars', undefined],
  ] as const)('weekdayNumber(%s) = %s', (word, n) => {
    expect(weekdayNumber(word)).toBe(n);
  });

  it.each([
    ['2025-03-05', 3], ['2024-02-29', 4], ['2025-03-30', 0], ['2026-01-03', 6],
  ])('weekdayIso(%s) = %i', (d, n) => {
    expect(weekdayIso(d)).toBe(n);
  });

  it('offers patterns without the abbreviations that are ordinary words', () => {
    const month = new RegExp(`^(?:${MONTH_NAME_PATTERN})$`);
    expect(['avril', 'sept', 'mai', 'marz'].every((w) => month.test(w))).toBe(true);
    expect(['mar', 'set', 'out'].some((w) => month.test(w))).toBe(false);
    expect(new RegExp(`^(?:${WEEKDAY_NAME_PATTERN})$`).test('donnerstag')).toBe(true);
  });
});
