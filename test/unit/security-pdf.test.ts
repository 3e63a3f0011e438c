import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInvoicePdf, readPdf } from '@/lib/pdf';
import { checkEmbeddedFileSizes } from '@/lib/pdf/embedded-guard';
import { MAX_EMBEDDED_FILE_BYTES } from '@/lib/pdf/read';
import { parseXmlSafely } from '@/lib/pdf/xml';
import { makePdf } from '../fixtures/pdf/make-pdf';
import { cyclicPagesPdf, deflateBombPdf, manyPagesPdf, xmlAttachmentPdf } from '../fixtures/hostile/make-hostile-pdf';

/**
 * Hostile PDFs (SECURITY.md §Hostile PDFs): each one gets an answer — a clear "could not read" or a bounded partial
 * read — within the time bound, without an exception, and without unbounded memory.
 */

const TIME_BOUND_MS = 5000;
const MB = 1024 * 1024;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

function heapAndBuffers(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const REAL = readFileSync(join(__dirname, '../fixtures/pdf/Facture_FA-2017-0010.pdf'));

describe('a deflate bomb in an embedded file', () => {
  it('is refused before pdf.js inflates it: the text is still read, no XML is taken, memory stays bounded', async () => {
    // 200 MB of XML-looking bytes compress to about 200 KB.
    const bomb = deflateBombPdf(200 * MB);
    expect(bomb.byteLength).toBeLessThan(400 * 1024);
    const before = heapAndBuffers();
    const { value: r, ms } = await timed(() => readInvoicePdf(bomb));
    const grown = heapAndBuffers() - before;
    expect(ms).toBeLessThan(TIME_BOUND_MS);
    expect(r.pdf.ok).toBe(true);
    if (!r.pdf.ok) return;
    expect(r.pdf.text).toContain('Invoice with an attachment');
    expect(r.pdf.attachmentNames).toEqual(['factur-x.xml']);
    expect(r.pdf.embedded).toEqual([]);
    expect(r.xml).toBeNull();
    // Without the guard pdf.js allocates the whole 200 MB (and more while its buffer doubles).
    expect(grown).toBeLessThan(60 * MB);
  });

  it.each([
    ['declares a size over the limit', deflateBombPdf(1024, { declaredSize: 50 * MB }), /declares/],
    ['inflates past the limit without declaring it', deflateBombPdf(MAX_EMBEDDED_FILE_BYTES + 1024), /inflates to more/],
  ])('the guard answers for a file that %s', async (_n, pdf, message) => {
    const r = await checkEmbeddedFileSizes(pdf, MAX_EMBEDDED_FILE_BYTES);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });

  it('lets a normal embedded invoice XML through (compressed or not)', async () => {
    expect(await checkEmbeddedFileSizes(deflateBombPdf(20_000), MAX_EMBEDDED_FILE_BYTES)).toEqual({ ok: true });
    expect(await checkEmbeddedFileSizes(xmlAttachmentPdf('<a>1</a>'), MAX_EMBEDDED_FILE_BYTES)).toEqual({ ok: true });
    const real = await readPdf(deflateBombPdf(20_000));
    expect(real.ok && real.embedded.map((e) => e.bytes.byteLength)).toEqual([20_000]);
  });
});

describe('broken and oversized PDFs answer "could not read" in time, never throw', () => {
  const truncations = [0.05, 0.3, 0.6, 0.9, 0.99].map((f) => [`the real invoice cut at ${f * 100}%`, REAL.subarray(0, Math.floor(REAL.byteLength * f))] as const);
  const encrypted = makePdf({
    pages: [[{ x: 72, y: 720, text: 'secret' }]],
    extraObjects: ['<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> >>'],
    trailerExtra: '/Encrypt 5 0 R',
  });
  it.each<readonly [string, Uint8Array]>([
    ...truncations,
    ['an encrypted PDF', encrypted],
    ['a page tree that loops on itself', cyclicPagesPdf()],
    ['only a header', new TextEncoder().encode('%PDF-1.7\n')],
    ['a header then garbage', Uint8Array.from({ length: 50_000 }, (_, i) => (i < 9 ? '%PDF-1.4\n'.charCodeAt(i) : (i * 7919) % 256))],
  ])('%s', async (_n, bytes) => {
    const { value: r, ms } = await timed(() => readInvoicePdf(new Uint8Array(bytes)));
    expect(ms).toBeLessThan(TIME_BOUND_MS + 500);
    if (!r.pdf.ok) expect(r.pdf.message).toMatch(/^could not read: /);
    else expect(typeof r.pdf.text).toBe('string');
  });

  it('an encrypted PDF says it is password-protected', async () => {
    const r = await readPdf(encrypted);
    // pdf.js opens RC4 files with an empty user password when it can: then the text is read; else a clear refusal.
    if (!r.ok) expect(r).toMatchObject({ reason: expect.stringMatching(/encrypted|malformed/), message: expect.stringMatching(/^could not read/) });
  });

  it('3,000 pages: only maxPages are read, the rest is counted, within the time bound', async () => {
    const pdf = manyPagesPdf(3000);
    const { value: r, ms } = await timed(() => readPdf(pdf, { maxPages: 30 }));
    expect(ms).toBeLessThan(TIME_BOUND_MS);
    expect(r).toMatchObject({ ok: true, pageCount: 3000, truncated: true });
    if (r.ok) expect(r.text.split('\n\f\n')).toHaveLength(30);
  });

  it('a file over the size limit is refused before parsing', async () => {
    const big = new Uint8Array(16 * MB);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const { value: r, ms } = await timed(() => readPdf(big));
    expect(ms).toBeLessThan(100);
    expect(r).toMatchObject({ ok: false, reason: 'too_large', message: expect.stringMatching(/^could not read: the PDF is too large/) });
  });
});

describe('malformed invoice XML inside a PDF', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
    `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rsm:CrossIndustryInvoice xmlns:rsm="urn:x"><a>&lol3;</a></rsm:CrossIndustryInvoice>`;
  const external = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rsm:CrossIndustryInvoice xmlns:rsm="urn:x"><a>&xxe;</a></rsm:CrossIndustryInvoice>`;
  const undeclared = '<rsm:CrossIndustryInvoice xmlns:rsm="urn:x"><a>&xxe;&lol9;</a></rsm:CrossIndustryInvoice>';
  const deep = `<rsm:CrossIndustryInvoice xmlns:rsm="urn:x">${'<a>'.repeat(20_000)}x${'</a>'.repeat(20_000)}</rsm:CrossIndustryInvoice>`;
  const unclosed = '<rsm:CrossIndustryInvoice xmlns:rsm="urn:x"><a>';

  it.each([
    ['entity expansion (billion laughs)', laughs, /DOCTYPE/],
    ['an external entity', external, /DOCTYPE/],
  ])('%s is refused with a reason, nothing expanded or fetched', async (_n, xml, why) => {
    expect(parseXmlSafely(xml)).toEqual({ error: expect.stringMatching(why) });
    const { value: r, ms } = await timed(() => readInvoicePdf(xmlAttachmentPdf(xml)));
    expect(ms).toBeLessThan(TIME_BOUND_MS);
    expect(r.xml).toBeNull();
    expect(r.xmlError).toMatch(/DOCTYPE/);
  });

  it.each([
    ['undeclared entities stay text', undeclared],
    ['20,000 nested elements', deep],
    ['an unclosed element', unclosed],
  ])('%s: an answer, never an exception', async (_n, xml) => {
    const { value: r, ms } = await timed(() => readInvoicePdf(xmlAttachmentPdf(xml)));
    expect(ms).toBeLessThan(TIME_BOUND_MS);
    expect(r.pdf.ok).toBe(true);
    const text = JSON.stringify(r.xml ?? {});
    expect(text).not.toContain('root:');
  });
});
