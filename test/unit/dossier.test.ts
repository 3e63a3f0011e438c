import { describe, expect, it } from 'vitest';
import { DraftInputError } from '../../lib/domain/reminders/draft';
import { buildDossier, type DossierInput } from '../../lib/domain/reminders/dossier';

const NBSP = '\u00A0';

function input(over: Partial<DossierInput> = {}): DossierInput {
  return {
    client: { name: 'ACME SAS', email: 'compta@acme.example', b2b: true, address: '1 avenue de la Gare\n69002 Lyon' },
    invoices: [
      {
        number: 'F-1',
        issueDate: '2025-03-01',
        dueDate: '2025-03-31',
        amountMinor: 120000,
        currency: 'EUR',
        terms: '30 jours à compter de la date de facture',
        payments: [{ date: '2025-04-10', amountMinor: 50000 }],
        fees: {
          interestMinor: 1500,
          fixedCompensationMinor: 4000,
          legalBasis: 'Code de commerce art. L441-10 and D441-5',
          periods: [{ from: '2025-04-01', to: '2025-05-15', days: 45, annualRatePercent: 13.15 }],
        },
      },
      { number: 'US-7', issueDate: '2025-04-01', dueDate: '2025-05-01', amountMinor: 30000, currency: 'USD' },
    ],
    events: [
      { type: 'call', date: '2025-04-20', note: 'Promised payment by the end of the month' },
      { type: 'reminder', stage: 'first', date: '2025-04-02' },
      { type: 'reply', intent: 'promise_to_pay', date: '2025-04-03' },
    ],
    identity: { name: 'Jean Martin', company: 'Studio Martin' },
    today: '2025-05-15',
    language: 'fr',
    jurisdiction: 'FR',
    ...over,
  };
}

describe('buildDossier', () => {
  it('computes machine-readable amounts per invoice and per currency', () => {
    const { json } = buildDossier(input());
    expect(json.debtor.type).toBe('business');
    const [eur, usd] = json.invoices;
    expect(eur).toMatchObject({ amount: '1200.00', outstanding: '700.00', interest: '15.00', fixedCompensation: '40.00', totalDue: '755.00' });
    expect(eur?.payments).toEqual([{ date: '2025-04-10', amount: '500.00' }]);
    expect(usd).toMatchObject({ outstanding: '300.00', interest: '0.00', totalDue: '300.00', daysLate: 14 });
    expect(json.totals).toEqual([
      { currency: 'EUR', outstanding: '700.00', interest: '15.00', fixedCompensation: '40.00', totalDue: '755.00' },
      { currency: 'USD', outstanding: '300.00', interest: '0.00', fixedCompensation: '0.00', totalDue: '300.00' },
    ]);
  });

  it('orders the timeline by date, invoice facts included', () => {
    const { json } = buildDossier(input());
    const dates = json.timeline.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(json.timeline.map((e) => e.type)).toEqual([
      'invoice_issued', 'invoice_due', 'invoice_issued', 'reminder', 'reply', 'payment', 'call', 'invoice_due',
    ]);
    expect(json.timeline.find((e) => e.type === 'reply')?.intent).toBe('promise_to_pay');
  });

  it('writes a readable French summary with every dated step', () => {
    const { text } = buildDossier(input());
    for (const s of [
      'DOSSIER DE RECOUVREMENT',
      'ACME SAS (professionnel)',
      `Conditions de paiement${NBSP}: 30 jours à compter de la date de facture`,
      '2 avril 2025',
      '3 avril 2025',
      '20 avril 2025',
      'promesse de paiement',
      'Promised payment by the end of the month',
      'au taux annuel de 13,15',
      `Indemnité forfaitaire pour frais de recouvrement${NBSP}: 40,00${NBSP}€`,
      'conseil juridique',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/undefined|NaN|null|\[|\{\{/);
  });

  it.each([
    ['en', ['Debt recovery file'.toUpperCase(), 'Payment received: €500.00 (invoice F-1)', 'Fixed compensation: €40.00', '13.15%']],
    ['de', ['FORDERUNGSAKTE', 'Zahlung erhalten: 500,00 € (Rechnung F-1)', 'Pauschale: 40,00 €', '13,15 %']],
  ] as const)('%s summary', (language, expected) => {
    const { text } = buildDossier(input({ language }));
    for (const s of expected) expect(text.replace(/\u00A0/g, ' ')).toContain(s);
  });

  it('claims no interest or fixed compensation from a consumer', () => {
    const { json, text } = buildDossier(input({ client: { name: 'Marie Dupont', b2b: false } }));
    expect(json.debtor.type).toBe('consumer');
    expect(json.invoices[0]).toMatchObject({ interest: '0.00', fixedCompensation: '0.00', totalDue: '700.00', legalBasis: null });
    expect(text).not.toMatch(/Indemnité forfaitaire|Pénalités/);
  });

  it('takes fees keyed by invoice number too', () => {
    const base = input();
    const invoices = base.invoices.map(({ fees: _fees, ...rest }) => rest);
    const { json } = buildDossier({ ...base, invoices, fees: { 'F-1': { interestMinor: 999, fixedCompensationMinor: 4000 } } });
    expect(json.invoices[0]?.interest).toBe('9.99');
  });

  it.each([
    [{ today: 'yesterday' }, 'today'],
    [{ events: [{ type: 'call', date: '2025-02-30' }] }, 'events[0].date'],
  ] as const)('bad input %j is a DraftInputError on %s', (over, field) => {
    expect(() => buildDossier(input(over as Partial<DossierInput>))).toThrow(DraftInputError);
    try {
      buildDossier(input(over as Partial<DossierInput>));
    } catch (e) {
      expect((e as DraftInputError).field).toBe(field);
    }
  });
});
