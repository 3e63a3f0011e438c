import { describe, expect, it } from 'vitest';
import { currencyOptions, emptyInvoiceForm, parseInvoiceForm, type InvoiceFormValues } from '@/components/ui/invoice-form';

const base: InvoiceFormValues = {
  clientEmail: 'Compta@Atelier-Dupont.example',
  clientName: 'Atelier Dupont',
  number: 'F-2026-014',
  amount: '2880.00',
  currency: 'EUR',
  issueDate: '2026-09-01',
  dueDate: '2026-10-01',
};

describe('parseInvoiceForm: amounts', () => {
  it.each([
    ['2880.00', undefined, 'EUR', 288000],
    ['2880', undefined, 'EUR', 288000],
    ['2 880,00', 'fr', 'EUR', 288000],
    ['2\u202f880,00', 'fr', 'EUR', 288000],
    ['2,880.00', 'en', 'USD', 288000],
    ['1.450,50', 'fr', 'CHF', 145050],
    ['0.5', 'en', 'GBP', 50],
    ['1 234,56 €', 'fr', 'EUR', 123456],
    ['15000', 'en', 'JPY', 15000],
  ] as const)('%s (%s, %s) -> %i minor units', (amount, lang, currency, minor) => {
    const r = parseInvoiceForm({ ...base, amount, currency }, { lang });
    expect(r).toEqual({ ok: true, invoice: expect.objectContaining({ amountMinor: minor, currency, source: 'manual' }) });
  });

  it.each([
    ['', 'errAmountRequired'],
    ['   ', 'errAmountRequired'],
    ['abc', 'errAmount'],
    ['12..5', 'errAmount'],
    ['-20.00', 'errAmountNegative'],
    ['0', 'errAmountZero'],
    ['0,00', 'errAmountZero'],
  ])('%j is refused with %s', (amount, key) => {
    expect(parseInvoiceForm({ ...base, amount }, { lang: 'fr' })).toEqual({ ok: false, errors: { amount: key } });
  });
});

describe('parseInvoiceForm: other fields', () => {
  it('builds the NewInvoice the background expects', () => {
    expect(parseInvoiceForm(base)).toEqual({
      ok: true,
      invoice: {
        clientEmail: 'Compta@Atelier-Dupont.example',
        clientName: 'Atelier Dupont',
        number: 'F-2026-014',
        amountMinor: 288000,
        currency: 'EUR',
        issueDate: '2026-09-01',
        dueDate: '2026-10-01',
        source: 'manual',
      },
    });
  });

  it.each<[string, Partial<InvoiceFormValues>, Record<string, string>]>([
    ['empty client email', { clientEmail: '' }, { clientEmail: 'errEmail' }],
    ['invalid client email', { clientEmail: 'not an email' }, { clientEmail: 'errEmail' }],
    ['missing number', { number: '  ' }, { number: 'errNumber' }],
    ['missing dates', { issueDate: '', dueDate: '' }, { issueDate: 'errDateRequired', dueDate: 'errDateRequired' }],
    ['impossible due date', { dueDate: '2026-02-30' }, { dueDate: 'errDate' }],
    ['impossible issue date (no "due before issue" on top)', { issueDate: '2026-13-01' }, { issueDate: 'errDate' }],
    ['a date that is not ISO', { issueDate: '01/09/2026' }, { issueDate: 'errDate' }],
    ['due before issue', { issueDate: '2026-10-02', dueDate: '2026-10-01' }, { dueDate: 'errDueBeforeIssue' }],
    ['bad currency', { currency: 'EURO' }, { currency: 'errCurrency' }],
    ['name too long', { clientName: 'x'.repeat(201) }, { clientName: 'errTooLong' }],
    ['several at once', { clientEmail: '', number: '', amount: 'x' }, { clientEmail: 'errEmail', number: 'errNumber', amount: 'errAmount' }],
  ])('%s', (_name, change, errors) => {
    expect(parseInvoiceForm({ ...base, ...change })).toEqual({ ok: false, errors });
  });

  it('never throws on hostile input', () => {
    const junk = ['\u0000', '<script>', '9'.repeat(400), '1e309', 'NaN', '∞'];
    for (const s of junk) {
      for (const field of Object.keys(base) as (keyof InvoiceFormValues)[]) {
        expect(() => parseInvoiceForm({ ...base, [field]: s })).not.toThrow();
      }
    }
  });
});

describe('form defaults', () => {
  it.each([
    ['EUR', ['EUR', 'USD', 'GBP', 'CHF', 'CAD']],
    ['CHF', ['EUR', 'USD', 'GBP', 'CHF', 'CAD']],
    ['SEK', ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'SEK']],
    ['bad', ['EUR', 'USD', 'GBP', 'CHF', 'CAD']],
  ])('currencies offered with default %s', (def, expected) => {
    expect(currencyOptions(def)).toEqual(expected);
  });

  it.each([
    [{ email: 'a@b.example', name: 'A' }, 'a@b.example', 'A'],
    [null, '', ''],
  ])('prefills the correspondent %j', (client, email, name) => {
    expect(emptyInvoiceForm(client, { currency: 'GBP', today: '2026-11-22' })).toEqual({
      clientEmail: email,
      clientName: name,
      number: '',
      amount: '',
      currency: 'GBP',
      issueDate: '2026-11-22',
      dueDate: '',
    });
  });
});
