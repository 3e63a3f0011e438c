import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLines, type PositionedText } from '../../lib/pdf/lines';
import { PAGE_SEPARATOR, readPdf, type PdfReadResult } from '../../lib/pdf/read';
import { makePdf } from '../fixtures/pdf/make-pdf';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/pdf/${name}`, import.meta.url))));

function expectOk(r: PdfReadResult): Extract<PdfReadResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}: ${r.message}`);
  return r;
}

describe('buildLines', () => {
  const frag = (str: string, x: number, y: number, width = str.length * 5, size = 10): PositionedText => ({ str, x, y, width, size });
  const cases: Array<{ name: string; input: PositionedText[]; expected: string[] }> = [
    {
      name: 'label and far-right value stay on one line, separated by a column tab',
      input: [frag('471102', 400, 700), frag('Rechnungsnummer:', 50, 700)],
      expected: ['Rechnungsnummer:\t471102'],
    },
    {
      name: 'word-sized gap becomes one space',
      input: [frag('Total', 50, 700, 25), frag('TTC', 78, 700, 18), frag('1 234,56 €', 100, 700, 45)],
      expected: ['Total TTC 1 234,56 €'],
    },
    {
      name: 'touching fragments are glued (a word split by kerning)',
      input: [frag('Rech', 50, 700, 20), frag('nung', 70, 700, 20)],
      expected: ['Rechnung'],
    },
    {
      name: 'lines come top to bottom whatever the drawing order',
      input: [frag('third', 50, 600), frag('first', 50, 700), frag('second', 50, 650)],
      expected: ['first', 'second', 'third'],
    },
    {
      name: 'small baseline jitter (bold value, superscript) stays on the line',
      input: [frag('Date:', 50, 700, 25), frag('13/11/2017', 90, 701.5, 50)],
      expected: ['Date: 13/11/2017'],
    },
    {
      name: 'lines one font size apart are not merged',
      input: [frag('Total HT', 50, 700), frag('Total TTC', 50, 689)],
      expected: ['Total HT', 'Total TTC'],
    },
    {
      name: 'whitespace-only fragments are dropped; minority vertical text comes after the body',
      input: [{ ...frag('SIRET 123', 20, 400), angle: 90 }, frag('   ', 50, 700), frag('Body', 50, 700), frag('text here', 80, 700)],
      expected: ['Body text here', 'SIRET 123'],
    },
    {
      name: 'a page drawn entirely at 90° (landscape) keeps its lines',
      input: [
        { ...frag('Invoice', 100, 50), angle: 90 },
        { ...frag('42', 100, 200), angle: 90 },
        { ...frag('Total', 120, 50), angle: 90 },
        { ...frag('9.00', 120, 200), angle: 90 },
      ],
      expected: ['Invoice\t42', 'Total\t9.00'],
    },
    {
      name: 'upside-down text (180°) is read in its own frame',
      input: [{ ...frag('lower', 500, 100), angle: 180 }, { ...frag('upper', 500, 120), angle: 180 }],
      expected: ['lower', 'upper'],
    },
    {
      name: 'a diagonal stamp goes last, in drawing order',
      input: [{ ...frag('PAID', 300, 400), angle: 45 }, frag('Invoice 7', 50, 700)],
      expected: ['Invoice 7', 'PAID'],
    },
    {
      name: 'runs of spaces inside a fragment (monospace alignment) become a tab',
      input: [frag('Total     12.00', 50, 700, 80)],
      expected: ['Total\t12.00'],
    },
    { name: 'no fragments, no lines', input: [], expected: [] },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    expect(buildLines(input)).toEqual(expected);
  });
});

describe('readPdf on real invoices', () => {
  const cases = [
    {
      file: 'Facture_FA-2017-0010.pdf',
      pageCount: 1,
      lines: [/^Facture FA-2017-0010$/m, /^Total TTC\s+671,15 €$/m, /^Date de facture\s+13\/11\/2017/m, /^Solde à payer\s+470,15 €$/m],
      embedded: ['factur-x.xml'],
    },
    {
      file: 'Rechnung_471102-4.pdf',
      pageCount: 1,
      lines: [/^Rechnungssumme Brutto \(inkl\. USt\.\)\s+235,62$/m, /471102/],
      embedded: ['ZUGFeRD-invoice.xml'],
    },
    {
      file: 'Invoice_invoice_number_1.pdf',
      pageCount: 1,
      lines: [/^# invoice_number_1$/m, /^Total:\s+\$127\.50$/m, /Due Date:\s+Jan 31, 2022$/m],
      embedded: [],
    },
    {
      file: 'Devis_D-2025-021.pdf',
      pageCount: 1,
      lines: [/^DEVIS N° D-2025-021$/m, /^Total TTC : 3 120,00 €$/m],
      embedded: [],
    },
  ];
  it.each(cases)('$file: text lines and embedded XML', async ({ file, pageCount, lines, embedded }) => {
    const r = expectOk(await readPdf(fixture(file)));
    expect(r.pageCount).toBe(pageCount);
    expect(r.truncated).toBe(false);
    for (const line of lines) expect(r.text).toMatch(line);
    expect(r.embedded.map((e) => e.name)).toEqual(embedded);
    for (const e of r.embedded) expect(new TextDecoder().decode(e.bytes.subarray(0, 5))).toBe('<?xml');
  });

  it('leaves the caller’s bytes intact (pdf.js would otherwise detach the buffer)', async () => {
    const bytes = fixture('Devis_D-2025-021.pdf');
    const before = bytes.byteLength;
    expectOk(await readPdf(bytes));
    expect(bytes.byteLength).toBe(before);
    expectOk(await readPdf(bytes));
  });

  it('reads several PDFs concurrently', async () => {
    const results = await Promise.all(['Devis_D-2025-021.pdf', 'Invoice_invoice_number_1.pdf', 'Facture_FA-2017-0010.pdf'].map((f) => readPdf(fixture(f))));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
  });
});

describe('readPdf on generated PDFs', () => {
  it('rebuilds label/value lines drawn in any order', async () => {
    const pdf = makePdf({
      pages: [[
        { x: 400, y: 700, text: '471102' },
        { x: 50, y: 650, text: 'Total TTC' },
        { x: 50, y: 700, text: 'Rechnungsnummer:' },
        { x: 100, y: 650, text: '1 234,56 EUR' },
      ]],
    });
    const r = expectOk(await readPdf(pdf));
    expect(r.text).toBe('Rechnungsnummer:\t471102\nTotal TTC 1 234,56 EUR');
  });

  it('reads a landscape page drawn with rotated text line by line', async () => {
    const pdf = makePdf({
      pages: [[
        { x: 100, y: 50, text: 'Invoice number:', angle: 90 },
        { x: 100, y: 400, text: 'L-77', angle: 90 },
        { x: 130, y: 50, text: 'Amount due:', angle: 90 },
        { x: 130, y: 400, text: '12.50 USD', angle: 90 },
      ]],
    });
    expect(expectOk(await readPdf(pdf)).text).toBe('Invoice number:\tL-77\nAmount due:\t12.50 USD');
  });

  it('reads at most ten embedded files but lists them all', async () => {
    const attachments = Array.from({ length: 12 }, (_, i) => ({ name: `part-${String(i).padStart(2, '0')}.xml`, content: `<p n="${i}"/>` }));
    const r = expectOk(await readPdf(makePdf({ pages: [[{ x: 50, y: 700, text: 'x' }]], attachments })));
    expect(r.attachmentNames).toHaveLength(12);
    expect(r.embedded).toHaveLength(10);
  });

  it('joins pages with the page separator and honours maxPages', async () => {
    const pdf = makePdf({ pages: [1, 2, 3].map((n) => [{ x: 50, y: 700, text: `Page ${n}` }]) });
    const all = expectOk(await readPdf(pdf));
    expect(all.text).toBe(['Page 1', 'Page 2', 'Page 3'].join(PAGE_SEPARATOR));
    expect(all.pageCount).toBe(3);
    const firstTwo = expectOk(await readPdf(pdf, { maxPages: 2 }));
    expect(firstTwo.text).toBe(['Page 1', 'Page 2'].join(PAGE_SEPARATOR));
    expect(firstTwo.pageCount).toBe(3);
    expect(firstTwo.truncated).toBe(true);
  });

  it('cuts text at maxTextChars', async () => {
    const pdf = makePdf({ pages: [[{ x: 50, y: 700, text: 'A long line of invoice text' }]] });
    const r = expectOk(await readPdf(pdf, { maxTextChars: 6 }));
    expect(r.text).toBe('A long');
    expect(r.truncated).toBe(true);
    const exact = expectOk(await readPdf(pdf, { maxTextChars: 'A long line of invoice text'.length }));
    expect(exact.text).toBe('A long line of invoice text');
    expect(exact.truncated).toBe(false);
  });

  it('reads XML attachments by default, any attachment on request', async () => {
    const pdf = makePdf({
      pages: [[{ x: 50, y: 700, text: 'Invoice' }]],
      attachments: [{ name: 'logo.txt', content: 'not xml' }, { name: 'factur-x.xml', content: '<x/>' }],
    });
    const xmlOnly = expectOk(await readPdf(pdf));
    expect(xmlOnly.attachmentNames.sort()).toEqual(['factur-x.xml', 'logo.txt']);
    expect(xmlOnly.embedded.map((e) => [e.name, new TextDecoder().decode(e.bytes)])).toEqual([['factur-x.xml', '<x/>']]);
    const all = expectOk(await readPdf(pdf, { embeddedFiles: 'all' }));
    expect(all.embedded.map((e) => e.name).sort()).toEqual(['factur-x.xml', 'logo.txt']);
  });

  it('gives empty text, not a failure, for a page without text (a scan)', async () => {
    const r = expectOk(await readPdf(makePdf({ pages: [[]] })));
    expect(r.text).toBe('');
    expect(r.pageCount).toBe(1);
  });
});

describe('readPdf on broken input', () => {
  const real = fixture('Facture_FA-2017-0010.pdf');
  let seed = 7;
  const randomBytes = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
  const withHeader = new Uint8Array(randomBytes);
  withHeader.set(new TextEncoder().encode('%PDF-1.4\n'));
  const encrypted = makePdf({
    pages: [[{ x: 50, y: 700, text: 'secret' }]],
    // Standard security handler whose user password is not empty: pdf.js must ask for one.
    extraObjects: [`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`],
    trailerExtra: '/Encrypt 6 0 R',
  });

  const cases: Array<{ name: string; bytes: Uint8Array; opts?: Parameters<typeof readPdf>[1]; reason: string; message: RegExp }> = [
    { name: 'empty file', bytes: new Uint8Array(0), reason: 'empty', message: /empty/ },
    { name: 'random bytes', bytes: randomBytes, reason: 'malformed', message: /not a PDF/ },
    { name: 'random bytes behind a PDF header', bytes: withHeader, reason: 'malformed', message: /damaged/ },
    { name: 'header only', bytes: new TextEncoder().encode('%PDF-1.7\n'), reason: 'malformed', message: /damaged/ },
    { name: 'truncated to 30%', bytes: real.slice(0, Math.floor(real.length * 0.3)), reason: 'malformed', message: /damaged/ },
    { name: 'password-protected', bytes: encrypted, reason: 'encrypted', message: /password-protected/ },
    { name: 'over maxBytes', bytes: real, opts: { maxBytes: 1000 }, reason: 'too_large', message: /too large/ },
    { name: 'over the time budget', bytes: real, opts: { timeoutMs: 1 }, reason: 'timeout', message: /too long/ },
  ];
  it.each(cases)('$name → $reason', async ({ bytes, opts, reason, message }) => {
    const r = await readPdf(bytes, opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.message).toMatch(message);
    expect(r.message.startsWith('could not read: ')).toBe(true);
  });

  it('never throws on arbitrary bytes behind a PDF header', async () => {
    const header = new TextEncoder().encode('%PDF-1.7\n');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (tail) => {
        const bytes = new Uint8Array(header.length + tail.length);
        bytes.set(header);
        bytes.set(tail, header.length);
        const r = await readPdf(bytes, { timeoutMs: 2000 });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on cut or corrupted versions of a real invoice', async () => {
    for (let cut = 0.1; cut < 1; cut += 0.2) {
      const r = await readPdf(real.slice(0, Math.floor(real.length * cut)));
      expect(typeof r.ok).toBe('boolean');
    }
    const corrupted = new Uint8Array(real);
    for (let i = 2000; i < corrupted.length; i += 997) corrupted[i] = 0x20;
    expect(typeof (await readPdf(corrupted)).ok).toBe('boolean');
  });
});
