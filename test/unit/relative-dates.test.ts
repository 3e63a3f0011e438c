import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolvePaymentDate } from '../../lib/domain/relative-dates';
import type { Lang } from '../../lib/domain/types';

type Row = [text: string, ref: string, lang: Lang, expected: string | null];

// 2025-03-05 is a Wednesday; 2024-02-27 a Tuesday (2024 is a leap year); 2025-12-30 a Tuesday.
const rows: Row[] = [
  // Today / tomorrow / day after
  ["I'll send the transfer tomorrow morning.", '2025-03-05', 'en', '2025-03-06'],
  ['Je fais le virement demain.', '2025-02-28', 'fr', '2025-03-01'],
  ['Ich überweise morgen.', '2024-02-28', 'de', '2024-02-29'],
  ['Haré la transferencia mañana.', '2025-12-31', 'es', '2026-01-01'],
  ['Faremo il bonifico domani.', '2025-03-05', 'it', '2025-03-06'],
  ['Le virement partira après-demain.', '2025-03-05', 'fr', '2025-03-07'],
  ["Payment goes out today.", '2025-03-05', 'en', '2025-03-05'],
  // Weekdays: next occurrence strictly after the reply date
  ['Je fais le virement vendredi sans faute.', '2025-03-05', 'fr', '2025-03-07'],
  ['We will pay on Wednesday.', '2025-03-05', 'en', '2025-03-12'],
  ['Payment next Tuesday.', '2025-03-05', 'en', '2025-03-11'],
  ['Le règlement partira mardi prochain.', '2025-03-05', 'fr', '2025-03-11'],
  ['Die Zahlung geht nächsten Dienstag raus.', '2025-03-05', 'de', '2025-03-11'],
  ['Wir zahlen am Freitag.', '2025-03-05', 'de', '2025-03-07'],
  ['We pay Monday next week.', '2025-03-05', 'en', '2025-03-10'],
  ['Paiement vendredi de la semaine prochaine.', '2025-03-05', 'fr', '2025-03-14'],
  ['I will pay on Friday.', '2025-12-30', 'en', '2026-01-02'],
  // Month and week ends
  ['We will pay by the end of the month.', '2024-02-10', 'en', '2024-02-29'],
  ['Règlement fin du mois.', '2025-02-10', 'fr', '2025-02-28'],
  ['Zahlung zum Monatsende.', '2025-04-09', 'de', '2025-04-30'],
  ['Zahlung Ende des Monats.', '2025-04-09', 'de', '2025-04-30'],
  ['Pagaremos a fin de mes.', '2025-04-09', 'es', '2025-04-30'],
  ['Could we push payment to the end of April?', '2025-04-03', 'en', '2025-04-30'],
  ['Paiement fin février.', '2024-02-02', 'fr', '2024-02-29'],
  ['We can pay at the end of next month.', '2025-12-15', 'en', '2026-01-31'],
  ['Payment by end of next week.', '2025-03-05', 'en', '2025-03-14'],
  ['Je paie en fin de semaine.', '2025-03-05', 'fr', '2025-03-07'],
  ['Paiement mi-avril.', '2025-03-05', 'fr', '2025-04-15'],
  // Durations
  ['Je vous règle dans 10 jours.', '2025-12-28', 'fr', '2026-01-07'],
  ['We will pay within two weeks.', '2025-03-05', 'en', '2025-03-19'],
  ['Zahlung in 10 Tagen.', '2024-02-25', 'de', '2024-03-06'],
  ['Payment in 3 business days.', '2025-03-07', 'en', '2025-03-12'],
  // Day of month alone
  ["Le virement est prévu le 15.", '2025-03-20', 'fr', '2025-04-15'],
  ["Je vous règle d'ici le 15.", '2025-03-10', 'fr', '2025-03-15'],
  ['It is in our payment run on the 15th.', '2025-04-08', 'en', '2025-04-15'],
  ['Zahlung am 31.', '2025-04-05', 'de', '2025-05-31'],
  ['We will pay by the 30th.', '2024-02-10', 'en', '2024-03-30'],
  // Explicit dates, year inferred forward
  ['Pouvons-nous décaler l\'échéance au 15 mai ?', '2025-04-16', 'fr', '2025-05-15'],
  ['Payment will be made on March 12.', '2025-03-01', 'en', '2025-03-12'],
  ['Können wir die Zahlung auf den 30.04. verschieben?', '2025-04-09', 'de', '2025-04-30'],
  ['Règlement le 10/04.', '2025-04-02', 'fr', '2025-04-10'],
  ['Règlement le 12/01.', '2025-12-20', 'fr', '2026-01-12'],
  ['Die Zahlung geht am Montag, 7. April raus.', '2025-04-03', 'de', '2025-04-07'],
  ['Virement le 29 février.', '2025-03-01', 'fr', '2028-02-29'],
  ['Payment on 15 March 2025.', '2025-03-01', 'en', '2025-03-15'],
  // Year-less dates come from findDates (yearless: 'forward'): abbreviations and "1.4." too.
  ['Payment on Jan 15.', '2025-01-10', 'en', '2025-01-15'],
  ['Die Zahlung erfolgt am 1.4.', '2025-03-20', 'de', '2025-04-01'],
  ['Virement le 10 sept.', '2025-08-28', 'fr', '2025-09-10'],
  // A date of the recent past across the new year is the past, not next December.
  ['Paid on 20 December.', '2026-01-10', 'en', null],
  // Not payment dates
  ['Can we move the call on Thursday to Friday at 2pm?', '2025-03-05', 'en', null],
  ['Notre comptable est en congés jusqu\'au 24 mars et c\'est elle qui fait les virements.', '2025-03-12', 'fr', null],
  ['La facture du 13/02/2025 est validée, paiement vendredi.', '2025-03-05', 'fr', '2025-03-07'],
  ["I'm out of the office until April 7.", '2025-04-01', 'en', null],
  ['The invoice was due on 2 April, we will pay on Friday.', '2025-04-08', 'en', '2025-04-11'],
  ['Payment will slip by a couple of weeks.', '2025-03-26', 'en', null],
  ['We will pay next week.', '2025-03-26', 'en', null],
  ['Nous paierons le mois prochain.', '2025-03-26', 'fr', null],
  ['Le virement de 1 200 € partira bientôt.', '2025-03-26', 'fr', null],
  ['Paid on 3 March.', '2025-03-26', 'en', null],
];

describe('resolvePaymentDate', () => {
  it.each(rows)('%s (ref %s, %s) -> %s', (text, ref, lang, expected) => {
    expect(resolvePaymentDate(text, ref, lang)?.date ?? null).toBe(expected);
  });

  it('returns the raw expression it resolved', () => {
    expect(resolvePaymentDate('Je fais le virement vendredi sans faute.', '2025-03-05', 'fr')).toEqual({
      date: '2025-03-07',
      raw: 'vendredi',
    });
  });

  it('prefers the date with a payment word over a meeting date', () => {
    const text = 'See you at the meeting on Tuesday. The transfer goes out on Thursday.';
    expect(resolvePaymentDate(text, '2025-03-05', 'en')?.date).toBe('2025-03-06');
  });

  it('rejects a bad reference date instead of throwing', () => {
    expect(resolvePaymentDate('pay tomorrow', '2025-02-30', 'en')).toBeNull();
    expect(resolvePaymentDate('pay tomorrow', 'nonsense', 'en')).toBeNull();
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom<Lang>('fr', 'en', 'de', 'es', 'it', 'nl'), (s, lang) => {
        const r = resolvePaymentDate(s, '2025-03-05', lang);
        expect(r === null || /^\d{4}-\d{2}-\d{2}$/.test(r.date)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on strings made of date words', () => {
    const words = ['le', '15', 'vendredi', 'fin', 'du', 'mois', 'next', 'Friday', '30.04.', '12/03', 'in', '10', 'days', 'pay', ',', '.', 'virement', 'am', 'Montag', '7.', 'April'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (ws) => {
        const r = resolvePaymentDate(ws.join(' '), '2024-02-29', 'fr');
        expect(r === null || r.date >= '2024-02-29').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
