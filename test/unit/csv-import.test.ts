import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvAmount, parseCsvCurrency, parseCsvDate, parseCsvStatus } from '@/lib/import/cells';
import { decodeCsvBytes, formatImportError, inferDateOrder, isPlaceholderEmail, mapCsv, nameSlug, previewCsv, type ColumnMapping } from '@/lib/import/csv';
import { normalizeHeader, suggestMapping } from '@/lib/import/presets';

const FIXTURES = join(import.meta.dirname, '../fixtures/csv');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const OPTS = { defaultCurrency: 'EUR', today: '2025-06-15' };

function previewOk(text: string) {
  const p = previewCsv(text);
  if (!p.ok) throw new Error(`preview refused: ${p.error}`);
  return p;
}

function importOk(text: string, mapping?: ColumnMapping, dateOrder?: 'dmy' | 'mdy' | 'ymd') {
  const r = mapCsv(text, mapping ?? previewOk(text).mapping, { ...OPTS, ...(dateOrder ? { dateOrder } : {}) });
  if (!r.ok) throw new Error(`import refused: ${r.errors.map(formatImportError).join('; ')}`);
  return r;
}

describe('recognising invoicing tools by their headers', () => {
  it.each([
    ['preset-invoice-ninja.csv', 'Invoice Ninja', 'ymd', 3],
    ['preset-freshbooks.csv', 'FreshBooks', 'mdy', 2],
    ['preset-zoho.csv', 'Zoho Invoice', 'ymd', 2],
    ['preset-quickbooks.csv', 'QuickBooks Online', 'mdy', 2],
    ['preset-xero.csv', 'Xero', 'dmy', 2],
    ['preset-stripe.csv', 'Stripe', 'ymd', 2],
    ['preset-wave.csv', 'Wave', 'ymd', 2],
    ['preset-pennylane.csv', 'Pennylane', 'dmy', 2],
    ['preset-sellsy.csv', 'Sellsy', 'dmy', 2],
    ['preset-henrri.csv', 'Henrri / Axonaut', 'dmy', 2],
    ['generic-de.csv', null, 'dmy', 1],
  ])('%s → %s, dates %s, %i invoices', (file, tool, order, count) => {
    const text = fixture(file);
    const p = previewOk(text);
    expect(p.detectedTool).toBe(tool);
    expect(p.missing).toEqual([]);
    expect(p.dateOrder).toBe(order);
    const r = importOk(text);
    expect(r.invoices).toHaveLength(count);
    for (const inv of r.invoices) {
      expect(inv.number).not.toBe('');
      expect(inv.amountMinor).toBeGreaterThan(0);
      expect(inv.dueDate >= inv.issueDate).toBe(true);
    }
  });

  it('maps the columns of a known export to the right fields', () => {
    const p = previewOk(fixture('preset-xero.csv'));
    const named = Object.fromEntries(Object.entries(p.mapping).map(([f, i]) => [f, p.headers[i]]));
    expect(named).toEqual({
      number: '*InvoiceNumber',
      client: '*ContactName',
      email: 'EmailAddress',
      amount: 'Total',
      amountDue: 'InvoiceAmountDue',
      currency: 'Currency',
      issueDate: '*InvoiceDate',
      dueDate: '*DueDate',
      status: 'Status',
    });
  });

  it('guesses French, English and German headers without a preset', () => {
    expect(suggestMapping(['N° facture', 'Nom du client', 'Courriel', 'Date d’émission', 'Date limite de paiement', 'Total TTC']).mapping).toEqual({
      number: 0, client: 1, email: 2, issueDate: 3, dueDate: 4, amount: 5,
    });
    expect(suggestMapping(['Rechnungs-Nr.', 'Kunde', 'Datum', 'Fällig am', 'Bruttobetrag', 'Währung']).mapping).toEqual({
      number: 0, client: 1, issueDate: 2, dueDate: 3, amount: 4, currency: 5,
    });
    expect(normalizeHeader("Date d'échéance*")).toBe('date d echeance');
    expect(normalizeHeader('Invoice #')).toBe('invoice no');
  });
});

describe('reading the rows', () => {
  it('reads a Xero export with one row per line item as one invoice per number, and skips nothing owed', () => {
    const r = importOk(fixture('preset-xero.csv'));
    expect(r.invoices.map((i) => [i.number, i.amountMinor, i.currency, i.issueDate, i.dueDate, i.status])).toEqual([
      ['INV-0101', 150000, 'GBP', '2025-05-15', '2025-06-14', 'open'],
      ['INV-0102', 32000, 'GBP', '2025-05-02', '2025-06-01', 'paid'],
    ]);
  });

  it('reads French amounts, the currency from the amount cell, and drafts as skipped', () => {
    const r = importOk(fixture('preset-henrri.csv'));
    expect(r.invoices.map((i) => [i.number, i.amountMinor, i.currency, i.status])).toEqual([
      ['F2025-001', 48000, 'EUR', 'open'],
      ['F2025-002', 125050, 'EUR', 'paid'],
    ]);
    expect(r.skipped).toEqual([{ line: 4, reason: 'F2025-003: Brouillon' }]);
  });

  it('uses the balance column: zero means paid, less than the total means partly paid', () => {
    const r = importOk(fixture('preset-invoice-ninja.csv'));
    expect(r.invoices.map((i) => [i.number, i.status, i.paidMinor])).toEqual([
      ['INV-0001', 'open', 0],
      ['INV-0002', 'paid', 30000],
      ['INV-0003', 'open', 5000],
    ]);
  });

  it('gives clients without an email a stable placeholder address that can never receive mail', () => {
    const p = previewOk(fixture('preset-henrri.csv'));
    expect(p.rowsWithoutEmail).toBe(3);
    const r = importOk(fixture('preset-henrri.csv'));
    expect(r.invoices[0]!.clientEmail).toBe('unknown+boulangerie-moreau@relance.invalid');
    expect(r.invoices[0]!.emailMissing).toBe(true);
    expect(isPlaceholderEmail(r.invoices[0]!.clientEmail)).toBe(true);
    expect(nameSlug('Ateliers Ünïcode & Fils')).toBe('ateliers-unicode-fils');
    expect(nameSlug('株式会社')).toMatch(/^client-[0-9a-f]+$/);
  });

  it('accepts tabs, quoted fields spanning lines and a BOM, and counts lines in the file', () => {
    const text = '\uFEFFNumber\tClient\tEmail\tDate\tDue date\tAmount\r\n1\t"Acme\r\nSA"\ta@acme.example\t2025-01-02\t2025-02-01\t10.50\r\n2\tBeta\tb@beta.example\t2025-01-03\t2025-01-01\t5\r\n';
    const p = previewOk(text);
    expect(p.delimiter).toBe('\t');
    expect(p.sample[0]![1]).toBe('Acme\nSA');
    const r = mapCsv(text, p.mapping, OPTS);
    expect(r.ok).toBe(false);
    // Row 2 starts on line 4 because row 1's client name spans lines 2 and 3.
    if (!r.ok) expect(r.errors.map(formatImportError)).toEqual(["line 4, column 'Due date': the due date 2025-01-01 is before the issue date 2025-01-03"]);
  });

  it('merges identical repeats of an invoice but refuses one that differs', () => {
    const head = 'Number,Client,Email,Date,Due date,Amount\n';
    expect(importOk(`${head}1,A,a@a.example,2025-01-01,2025-01-31,10\n1,A,a@a.example,2025-01-01,2025-01-31,10\n`).invoices).toHaveLength(1);
    const r = mapCsv(`${head}1,A,a@a.example,2025-01-01,2025-01-31,10\n1,A,a@a.example,2025-01-01,2025-01-31,12\n`, { number: 0, client: 1, email: 2, issueDate: 3, dueDate: 4, amount: 5 }, OPTS);
    expect(r.ok ? [] : r.errors.map(formatImportError)).toEqual(["line 3, column 'Number': invoice 1 appears again with different values (first on line 2)"]);
  });
});

describe('day/month order', () => {
  it.each([
    [['13/04/2025', '01/05/2025'], null, 'dmy', true],
    [['04/13/2025', '05/01/2025'], null, 'mdy', true],
    [['2025-04-13', '2025-05-01T10:00:00Z'], null, 'ymd', true],
    [['01/04/2025', '02/05/2025'], null, 'dmy', false],
    [['01/04/2025', '02/05/2025'], 'mdy', 'mdy', false],
    [['13/04/2025', '04/14/2025', '15/04/2025'], null, 'dmy', false],
  ] as const)('%j with hint %s → %s (certain: %s)', (cells, hint, order, certain) => {
    expect(inferDateOrder([...cells], hint)).toEqual({ order, certain });
  });

  it('reads dates strictly in the chosen order', () => {
    expect(parseCsvDate('03/04/2025', 'dmy')).toBe('2025-04-03');
    expect(parseCsvDate('03/04/2025', 'mdy')).toBe('2025-03-04');
    expect(parseCsvDate('13/04/2025', 'mdy')).toBeNull();
    expect(parseCsvDate('03/04/2025', 'ymd')).toBeNull();
    expect(parseCsvDate('2025-04-03 09:14', 'mdy')).toBe('2025-04-03');
    expect(parseCsvDate('01.04.2025', 'dmy')).toBe('2025-04-01');
    expect(parseCsvDate('15 janv. 2025', 'dmy')).toBe('2025-01-15');
    expect(parseCsvDate('Jan 15, 2025', 'mdy')).toBe('2025-01-15');
    expect(parseCsvDate('31/02/2025', 'dmy')).toBeNull();
    expect(parseCsvDate('see 2025-01-01', 'dmy')).toBeNull();
    expect(parseCsvDate('2025-01-01 and more', 'dmy')).toBeNull();
  });

  it('refuses a file whose forced order contradicts its dates, naming each line', () => {
    const text = fixture('preset-pennylane.csv');
    const r = mapCsv(text, previewOk(text).mapping, { ...OPTS, dateOrder: 'mdy' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatImportError)).toContain("line 3, column 'Date de facture': '15/03/2025' is not a date (month/day/year)");
  });
});

describe('cells', () => {
  it.each([
    ['1 234,56 €', 'EUR', 'fr', 123456],
    ['1.234,56', 'EUR', 'fr', 123456],
    ['1,234.56', 'USD', 'en', 123456],
    ['$4,000.00', 'USD', 'en', 400000],
    ['1500', 'JPY', 'en', 1500],
    ['-12.50', 'EUR', 'en', -1250],
    ['douze', 'EUR', 'fr', null],
  ] as const)('amount %s (%s, %s) → %s', (cell, cur, lang, minor) => {
    expect(parseCsvAmount(cell, cur, lang)).toBe(minor);
  });

  it.each([
    ['eur', 'EUR'], ['€', 'EUR'], ['£', 'GBP'], ['usd', 'USD'], ['Euro', 'EUR'], ['dollars!', null],
  ])('currency %s → %s', (cell, code) => expect(parseCsvCurrency(cell)).toBe(code));

  it.each([
    ['Paid', 'paid'], ['Payée', 'paid'], ['Réglée', 'paid'], ['bezahlt', 'paid'],
    ['Sent', 'open'], ['AUTHORISED', 'open'], ['En retard', 'open'], ['Partially paid', 'open'], ['überfällig', 'open'],
    ['Draft', 'not_owed'], ['Brouillon', 'not_owed'], ['void', 'not_owed'], ['Annulée', 'not_owed'],
    ['Frobnicated', null],
  ])('status %s → %s', (cell, status) => expect(parseCsvStatus(cell)).toBe(status));
});

describe('refusals: all or nothing, with line and column', () => {
  it('names every bad cell and imports nothing', () => {
    const text = fixture('bad-dates-amounts.csv');
    const r = mapCsv(text, previewOk(text).mapping, OPTS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map(formatImportError)).toEqual([
        "line 3, column 'Échéance': '31/02/2025' is not a date (day/month/year)",
        "line 4, column 'Montant TTC': 'douze euros' is not an amount",
      ]);
    }
  });

  it.each([
    ['bad-empty.csv', /empty/],
    ['bad-unclosed-quote.csv', /Line 2: a quoted field is never closed/],
    ['bad-binary.csv', /not CSV text/],
  ])('%s is refused at preview: %s', (file, message) => {
    const p = previewCsv(fixture(file));
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatch(message);
  });

  it('says which required columns are missing', () => {
    const text = fixture('bad-missing-column.csv');
    const p = previewOk(text);
    expect(p.missing.sort()).toEqual(['dueDate', 'number']);
    const r = mapCsv(text, p.mapping, OPTS);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['choose the column that holds the invoice number', 'choose the column that holds the due date']);
  });

  it.each([
    ['a status it does not know', 'Number,Client,Date,Due,Amount,Status\n1,A,2025-01-01,2025-01-31,10,Frobnicated\n', "line 2, column 'Status': 'Frobnicated' is not a status Relance knows"],
    ['a bad email', 'Number,Client,Email,Date,Due,Amount\n1,A,not-an-email,2025-01-01,2025-01-31,10\n', "line 2, column 'Email': 'not-an-email' is not an email address"],
    ['a bad currency', 'Number,Client,Date,Due,Amount,Currency\n1,A,2025-01-01,2025-01-31,10,Gold\n', "line 2, column 'Currency': 'Gold' is not a currency code"],
    ['an empty number', 'Number,Client,Date,Due,Amount\n,A,2025-01-01,2025-01-31,10\n', "line 2, column 'Number': the invoice number is empty"],
    ['a date far in the future', 'Number,Client,Date,Due,Amount\n1,A,2031-01-01,2031-01-31,10\n', "line 2, column 'Date': '2031-01-01' is more than a year from now"],
    ['a balance above the total', 'Number,Client,Date,Due,Amount,Balance\n1,A,2025-01-01,2025-01-31,10,11\n', "line 2, column 'Balance': the balance '11' is not between 0 and the invoice total"],
  ])('%s', (_, text, message) => {
    const r = mapCsv(text, previewOk(text).mapping, OPTS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatImportError(r.errors[0]!)).toContain(message);
  });

  it('refuses a mapping that points outside the file', () => {
    const text = fixture('generic-de.csv');
    const r = mapCsv(text, { ...previewOk(text).mapping, amount: 40 }, OPTS);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['the column chosen for the amount does not exist in this file']);
  });
});

describe('decoding file bytes', () => {
  it('reads UTF-8, UTF-16 with BOM, and falls back to Windows-1252', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('Échéance;Montant'))).toBe('Échéance;Montant');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Né').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeCsvBytes(utf16)).toBe('Né');
    expect(decodeCsvBytes(new Uint8Array([0xc9, 0x63, 0x68, 0xe9, 0x61, 0x6e, 0x63, 0x65]))).toBe('Échéance');
  });
});
