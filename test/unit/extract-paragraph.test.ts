import { describe, expect, it } from 'vitest';
import { extractInvoice } from '@/lib/domain/extract';

// One-paragraph invoices name the tax right next to the total: the total is the largest amount that is not itself
// a tax, deposit or discount amount, judged from the words just before each amount (not from the whole line).
describe('totals of invoices written as one paragraph', () => {
  it.each([
    ['fr', 'Voici ma facture n° 77-B du 3 mars 2025 : travaux 500,00 € HT, soit 600,00 € TTC (TVA 20 %, 100,00 €). Merci !', 60000, 'EUR'],
    ['en', 'Invoice LB-12 dated March 3, 2025: two workshops at $400 each, $800.00 total, no sales tax. Thanks!', 80000, 'USD'],
    ['es', 'Te envío la factura A-9 del 3 de marzo de 2025: 1.000,00 € + IVA 21 % (210,00 €) = 1.210,00 €. Saludos.', 121000, 'EUR'],
    ['de', 'anbei meine Rechnung 2025-3 vom 03.03.2025: Anzahlung 300,00 € bereits erhalten, Gesamtpreis 900,00 €.', 90000, 'EUR'],
  ])('%s', (lang, text, minor, currency) => {
    const r = extractInvoice({ subject: 'Facture', text, attachments: [], date: '2025-03-03T10:00:00Z', lang: lang as 'fr' });
    expect(r.totalMinor).toBe(minor);
    expect(r.currency).toBe(currency);
  });
});
