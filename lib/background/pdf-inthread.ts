import { decodeBase64, MAX_PDF_BYTES, PDF_READ_TIMEOUT_MS, toPdfTextResult, type PdfReader } from './pdf-reader';

/**
 * Reads PDFs in the calling context, importing pdf.js on first use. For Firefox's background (an event page, where
 * `import()` is allowed) and for tests in Node. Never used by Chrome's service worker (see pdf-offscreen.ts).
 * lib/pdf bounds the read in size and time and turns every failure into a value.
 */
export function createInThreadPdfReader(opts: { timeoutMs?: number } = {}): PdfReader {
  return {
    async read(base64) {
      const bytes = decodeBase64(base64);
      if (!bytes) return { ok: false, reason: 'malformed', message: 'could not read: the attachment is not valid base64' };
      const { readInvoicePdf } = await import('../pdf/index');
      const r = await readInvoicePdf(bytes, { maxBytes: MAX_PDF_BYTES, timeoutMs: opts.timeoutMs ?? PDF_READ_TIMEOUT_MS - 1000 });
      return toPdfTextResult(r);
    },
  };
}
