import { describe, expect, it } from 'vitest';
import {
  addBusinessDaysIso, addDaysIso, addMonthsIso, diffDaysIso, endOfMonthIso, findDates, parseDate,
  resolveNumericOrder, todayIso, type DateOptions,
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
