import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lib/domain/language';
import { foldAccents, foldAligned, normalizeText } from '../../lib/domain/text';
import type { Lang } from '../../lib/domain/types';

describe('detectLanguage', () => {
  const cases: Array<[string, Lang]> = [
    ['Bonjour, vous trouverez ci-joint la facture du mois. Cordialement', 'fr'],
    ['Règlement à 30 jours fin de mois', 'fr'],
    ['Hi John, please find attached the invoice for March. Thanks!', 'en'],
    ['Payment due within 14 days of the invoice date', 'en'],
    ['Sehr geehrte Damen und Herren, anbei erhalten Sie die Rechnung. Mit freundlichen Grüßen', 'de'],
    ['Zahlbar innerhalb von 14 Tagen ohne Abzug', 'de'],
    ['Hola, adjunto la factura del pedido. Saludos', 'es'],
    ['Pago a 60 días fecha factura', 'es'],
    ['Buongiorno, in allegato la fattura. Cordiali saluti', 'it'],
    ['Pagamento a 30 giorni data fattura', 'it'],
    ['Beste klant, in de bijlage vindt u de factuur. Met vriendelijke groeten', 'nl'],
    ['Betaling binnen 14 dagen na ontvangst', 'nl'],
    ['Olá, segue em anexo a fatura. Cumprimentos', 'pt'],
    ['Dentro de 30 dias após o final do mês', 'pt'],
  ];
  it.each(cases)('%j -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('falls back to the hint, then English, when there is no signal', () => {
    expect(detectLanguage('12345', 'de')).toBe('de');
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('50/50', 'fr')).toBe('fr');
  });

  it('lets the hint decide between close languages', () => {
    expect(detectLanguage('30 dias', 'pt')).toBe('pt');
  });
});

describe('text helpers', () => {
  it.each([
    ['1\u202F234,56\u00A0€', '1 234,56 €'],
    ['l’échéance – 30 jours', "l'échéance - 30 jours"],
    ['a\r\nb', 'a\nb'],
    ['zero\u200Bwidth', 'zerowidth'],
    ['«\u00A0Net 30\u00A0»', '" Net 30 "'],
  ])('normalizeText(%j) = %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['Échéance', 'echeance'],
    ['März', 'marz'],
    ['Prestações', 'prestacoes'],
    ['ÀÉÎÕÜ', 'aeiou'],
  ])('foldAccents(%j) = %j', (input, expected) => {
    expect(foldAccents(input)).toBe(expected);
  });

  it('foldAligned keeps every position', () => {
    for (const s of ['Échéance : 31 janvier', 'İstanbul ﬁn', 'a\u202Fb\u200Bc', '😀 März']) {
      expect(foldAligned(s)).toHaveLength(s.length);
    }
  });
});
