import { describe, expect, it } from 'vitest';
import {
  computeDueDate, findPaymentTerms, parsePaymentTerms, paymentLawFor, type PaymentTermsKind,
} from '../../lib/domain/terms';
import type { Lang } from '../../lib/domain/types';

/** [lang, phrase, issue date, kind, accepted due dates (empty = null)] */
type Case = [Lang, string, string, PaymentTermsKind, string[]];

const cases: Case[] = [
  // net
  ['fr', 'Paiement à trente jours', '2025-01-15', 'net', ['2025-02-14']],
  ['fr', 'à régler sous 10 jours', '2024-02-20', 'net', ['2024-03-01']],
  ['fr', 'Payable sous quinzaine', '2025-01-15', 'net', ['2025-01-30']],
  ['en', 'Payment terms: Net 30', '2025-01-31', 'net', ['2025-03-02']],
  ['en', 'Payable within thirty (30) days of the invoice date', '2025-01-15', 'net', ['2025-02-14']],
  ['en', 'Payment in full within two weeks', '2025-01-15', 'net', ['2025-01-29']],
  ['de', 'Zahlungsziel: 14 Tage netto', '2024-02-29', 'net', ['2024-03-14']],
  ['de', 'Zahlbar innerhalb von dreißig Tagen ohne Abzug', '2025-01-15', 'net', ['2025-02-14']],
  ['es', 'Pago a sesenta días fecha factura', '2024-11-30', 'net', ['2025-01-29']],
  ['it', 'Pagamento a 30 giorni data fattura', '2025-01-15', 'net', ['2025-02-14']],
  ['nl', 'Betaling binnen veertien dagen', '2025-01-15', 'net', ['2025-01-29']],
  ['pt', 'Pagamento a trinta dias', '2025-01-15', 'net', ['2025-02-14']],
  // end of month: both readings of "45 jours fin de mois"
  ['fr', 'Paiement à 45 jours fin de mois', '2025-01-20', 'end_of_month', ['2025-03-31', '2025-03-17']],
  ['fr', 'Règlement à quarante-cinq jours fin de mois', '2025-01-15', 'end_of_month', ['2025-03-31', '2025-03-17']],
  ['fr', 'fin de mois 45 jours', '2025-01-20', 'end_of_month', ['2025-03-17', '2025-03-31']],
  ['en', 'Net 30 EOM', '2025-02-10', 'end_of_month', ['2025-03-30', '2025-03-31']],
  ['en', '30 days from end of month', '2024-02-29', 'end_of_month', ['2024-03-30', '2024-03-31']],
  ['de', '30 Tage nach Monatsende', '2025-01-15', 'end_of_month', ['2025-03-02', '2025-02-28']],
  ['es', '60 días fin de mes', '2024-02-01', 'end_of_month', ['2024-04-30', '2024-04-29']],
  ['it', 'Pagamento a 60 gg d.f.f.m.', '2025-01-15', 'end_of_month', ['2025-03-31', '2025-04-01']],
  ['nl', '30 dagen na einde van de maand', '2025-01-15', 'end_of_month', ['2025-03-02', '2025-02-28']],
  ['pt', '30 dias fim do mês', '2025-01-15', 'end_of_month', ['2025-02-28', '2025-03-02']],
  // on receipt, delivery, order
  ['fr', 'Payable dès réception de la facture', '2025-01-15', 'on_receipt', ['2025-01-15']],
  ['fr', 'Paiement comptant', '2024-02-29', 'on_receipt', ['2024-02-29']],
  ['en', 'Due upon receipt', '2025-01-15', 'on_receipt', ['2025-01-15']],
  ['en', 'Cash on delivery', '2025-01-15', 'on_receipt', ['2025-01-15']],
  ['de', 'Zahlbar sofort ohne Abzug', '2025-03-31', 'on_receipt', ['2025-03-31']],
  ['es', 'Pago al contado', '2025-01-15', 'on_receipt', ['2025-01-15']],
  ['it', 'Pagamento alla consegna', '2025-01-15', 'on_receipt', ['2025-01-15']],
  ['nl', 'Direct bij ontvangst', '2025-01-15', 'on_receipt', ['2025-01-15']],
  ['pt', 'Pagamento na entrega', '2025-01-15', 'on_receipt', ['2025-01-15']],
  // written due dates
  ['fr', 'Date limite de paiement : 28/02/2025', '2025-01-15', 'fixed_date', ['2025-02-28']],
  ['en', 'Please pay by 15 February 2025', '2025-01-15', 'fixed_date', ['2025-02-15']],
  ['de', 'Zahlbar innerhalb 30 Tagen netto bis 04.07.2013, 3% Skonto innerhalb 10 Tagen bis 15.06.2013', '2013-06-05', 'fixed_date', ['2013-07-04']],
  ['es', 'Vencimiento: 28/02/2025', '2025-01-15', 'fixed_date', ['2025-02-28']],
  ['it', 'Scadenza: 28 febbraio 2025', '2025-01-15', 'fixed_date', ['2025-02-28']],
  ['nl', 'Te betalen vóór 28-02-2025', '2025-01-15', 'fixed_date', ['2025-02-28']],
  ['pt', 'Vencimento: 28 de fevereiro de 2025', '2025-01-15', 'fixed_date', ['2025-02-28']],
  // deposits
  ['fr', "30 % d'acompte, solde à 30 jours", '2017-11-13', 'deposit', ['2017-12-13']],
  ['fr', 'Acompte de 30 % à la signature, solde à la livraison', '2025-04-02', 'deposit', []],
  ['en', '25% deposit required, balance due within 14 days', '2025-01-15', 'deposit', ['2025-01-29']],
  ['de', '50 % Anzahlung, Rest bei Lieferung', '2025-01-15', 'deposit', []],
  ['es', 'Anticipo del 40 %, resto a la entrega', '2025-01-15', 'deposit', []],
  ['it', 'Acconto del 30%, saldo a 30 giorni', '2025-01-15', 'deposit', ['2025-02-14']],
  ['nl', '30% aanbetaling', '2024-02-29', 'deposit', []],
  ['pt', 'Sinal de 50%, restante em 30 dias', '2025-01-15', 'deposit', ['2025-02-14']],
  // installments
  ['fr', '40 % à la commande, 60 % à la livraison', '2025-01-15', 'installments', []],
  ['fr', 'Paiement en 3 fois sans frais', '2025-01-15', 'installments', []],
  ['en', 'Payable in three monthly instalments', '2025-01-10', 'installments', []],
  ['en', '50/50', '2025-01-10', 'installments', []],
  ['de', 'Zahlung in drei Raten', '2025-01-15', 'installments', []],
  ['es', 'Pago en tres cuotas mensuales', '2025-01-15', 'installments', []],
  ['it', 'Pagamento in tre rate mensili', '2025-01-15', 'installments', []],
  ['nl', 'Betaling in drie termijnen', '2025-01-15', 'installments', []],
  ['pt', 'Pagamento em 3 prestações', '2025-01-15', 'installments', []],
  // unparseable: the text does not determine a date
  ['fr', 'Selon conditions générales de vente', '2025-02-17', 'unparseable', []],
  ['fr', "Pénalités de retard : 3 fois le taux d'intérêt légal", '2025-02-17', 'unparseable', []],
  ['en', 'Payment upon completion of the project', '2025-03-21', 'unparseable', []],
  ['de', '2 % Skonto bei Zahlung innerhalb von 8 Tagen', '2025-01-15', 'unparseable', []],
];

describe('parsePaymentTerms + computeDueDate', () => {
  it.each(cases)('%s %j (%s)', (lang, text, issue, kind, accepted) => {
    const terms = parsePaymentTerms(text, { lang, issueDate: issue });
    expect(terms.kind).toBe(kind);
    const due = computeDueDate(terms, issue);
    if (accepted.length === 0) expect(due.dueDate).toBeNull();
    else expect(accepted).toContain(due.dueDate);
  });
});

describe('end-of-month readings', () => {
  it('computes both French readings of "45 jours fin de mois" and says which one was used', () => {
    const terms = parsePaymentTerms('45 jours fin de mois', { lang: 'fr' });
    expect(terms).toMatchObject({ kind: 'end_of_month', days: 45, eomFirst: false });
    const first = computeDueDate(terms, '2025-01-20');
    expect(first).toMatchObject({ dueDate: '2025-03-31', reading: 'add_then_eom' });
    const second = computeDueDate(terms, '2025-01-20', { eomReading: 'eom_then_add' });
    expect(second).toMatchObject({ dueDate: '2025-03-17', reading: 'eom_then_add' });
  });

  it('records which phrasing came first', () => {
    expect(parsePaymentTerms('fin de mois 45 jours')).toMatchObject({ eomFirst: true, reading: 'eom_then_add' });
    expect(parsePaymentTerms('Net 30 EOM', { lang: 'en' })).toMatchObject({ reading: 'eom_then_add' });
  });

  it('handles February and leap years', () => {
    const terms = parsePaymentTerms('30 jours fin de mois');
    expect(computeDueDate(terms, '2024-01-31').dueDate).toBe('2024-03-31');
    expect(computeDueDate(terms, '2024-01-29').dueDate).toBe('2024-02-29');
    expect(computeDueDate(terms, '2023-01-29').dueDate).toBe('2023-02-28');
  });
});

describe('early-payment discounts', () => {
  it.each([
    ['2/10 Net 30', 2, 10, 30],
    ['2 % Skonto bei Zahlung innerhalb 10 Tagen, 30 Tage netto', 2, 10, 30],
    ['Escompte 1,5 % à 8 jours, 45 jours net', 1.5, 8, 45],
  ])('%j', (text, percent, days, net) => {
    const terms = parsePaymentTerms(text);
    expect(terms.discount).toEqual({ percent, days });
    expect(terms).toMatchObject({ kind: 'net', days: net });
  });
});

describe('legal checks', () => {
  it('applies the legal default only when asked for a jurisdiction, and flags it', () => {
    const none = parsePaymentTerms('Voir nos CGV');
    expect(computeDueDate(none, '2025-01-15')).toMatchObject({ dueDate: null, isDefault: false });
    const fr = computeDueDate(none, '2025-01-15', { jurisdiction: 'FR' });
    expect(fr).toMatchObject({ dueDate: '2025-02-14', isDefault: true });
    expect(fr.flags).toContain('legal_default');
  });

  it.each([
    ['Paiement à 90 jours', true],
    ['Paiement à 60 jours', false],
    ['60 jours fin de mois', true],
    ['45 jours fin de mois', false],
  ])('FR maximum: %j -> flagged %s', (text, flagged) => {
    const r = computeDueDate(parsePaymentTerms(text), '2025-01-15', { jurisdiction: 'FR' });
    expect(r.flags.includes('exceeds_legal_max')).toBe(flagged);
  });

  it('picks the rule in force at the issue date', () => {
    expect(paymentLawFor('FR', '2025-01-01')?.maxNetDays).toBe(60);
    expect(paymentLawFor('FR', '2000-01-01')).toBeNull();
  });

  it('explains installments as having no single due date', () => {
    expect(computeDueDate(parsePaymentTerms('50/50'), '2025-01-15').flags).toContain('no_single_due_date');
  });
});

describe('findPaymentTerms', () => {
  it.each([
    ['Bonjour,\n\nCi-joint la facture FA-12.\nConditions de paiement : 30 jours fin de mois\nCordialement', 'end_of_month', 'Conditions de paiement : 30 jours fin de mois'],
    ['Hi Anna,\nPlease find the invoice attached.\nPayment terms:\nNet 30\nThanks!', 'net', 'Payment terms:\nNet 30'],
    ['Sehr geehrte Damen und Herren, anbei die Rechnung. Zahlungsziel: 14 Tage netto. Mit freundlichen Grüßen', 'net', 'Zahlungsziel: 14 Tage netto.'],
    ['Buongiorno, in allegato la fattura. Pagamento a 30 giorni data fattura.', 'net', 'Pagamento a 30 giorni data fattura.'],
    ['Beste, graag betaling binnen 14 dagen. Groeten', 'net', 'Beste, graag betaling binnen 14 dagen.'],
    ['Facture ci-jointe, payable à réception.', 'on_receipt', 'Facture ci-jointe, payable à réception.'],
  ])('%j', (text, kind, raw) => {
    const found = findPaymentTerms(text);
    expect(found?.terms.kind).toBe(kind);
    expect(found?.raw).toBe(raw);
    expect(text.slice(found!.index, found!.index + raw.length)).toBe(raw);
  });

  // A cash-discount clause is not the payment term: it gives the discount, the net term comes from elsewhere.
  const discountCases: Array<[string, Lang, string, { kind: PaymentTermsKind; days?: number }, { percent: number; days: number }]> = [
    ['Skontovereinbarung: 2% bei Zahlung innerhalb 10 Tagen', 'de', 'Skontovereinbarung: 2% bei Zahlung innerhalb 10 Tagen', { kind: 'unparseable' }, { percent: 2, days: 10 }],
    ["2 % d'escompte pour paiement sous 8 jours", 'fr', "2 % d'escompte pour paiement sous 8 jours", { kind: 'unparseable' }, { percent: 2, days: 8 }],
    ['2% discount if paid within 10 days', 'en', '2% discount if paid within 10 days', { kind: 'unparseable' }, { percent: 2, days: 10 }],
    ['Skontovereinbarung: 2% bei Zahlung innerhalb 10 Tagen\nZahlungsziel: 30 Tage netto', 'de', 'Zahlungsziel: 30 Tage netto', { kind: 'net', days: 30 }, { percent: 2, days: 10 }],
    ["Paiement à 45 jours.\nEscompte de 2 % pour paiement sous 8 jours.", 'fr', 'Paiement à 45 jours.', { kind: 'net', days: 45 }, { percent: 2, days: 8 }],
    ['Payment terms: net 30.\n2% discount if paid within 10 days.', 'en', 'Payment terms: net 30.', { kind: 'net', days: 30 }, { percent: 2, days: 10 }],
    ['Skontofrist: 3 % innerhalb 7 Tagen, danach 30 Tage netto', 'de', 'Skontofrist: 3 % innerhalb 7 Tagen, danach 30 Tage netto', { kind: 'net', days: 30 }, { percent: 3, days: 7 }],
  ];
  it.each(discountCases)('discount clause %j', (text, lang, raw, terms, discount) => {
    const found = findPaymentTerms(text, { lang });
    expect(found?.terms).toMatchObject(terms);
    expect(found?.terms.discount).toEqual(discount);
    expect(found?.raw).toBe(raw);
    expect(text.slice(found!.index, found!.index + raw.length)).toBe(raw);
    expect(parsePaymentTerms(text, { lang }).kind).toBe(terms.kind);
  });

  it('does not take a price reduction for an early-payment discount', () => {
    const found = findPaymentTerms('Remise fidélité 10 %\nPaiement à 30 jours', { lang: 'fr' });
    expect(found?.terms).toMatchObject({ kind: 'net', days: 30 });
    expect(found?.terms.discount).toBeUndefined();
    expect(findPaymentTerms('Get 10% discount on your next order!', { lang: 'en' })).toBeNull();
  });

  it('ignores mail without terms and late-payment boilerplate', () => {
    expect(findPaymentTerms('Hi, I will immediately look into it. Cheers')).toBeNull();
    expect(findPaymentTerms("Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité de 40 €.")).toBeNull();
  });
});
