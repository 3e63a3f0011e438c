import { z } from 'zod';
import type { InvoicePdfResult, InvoiceXmlData } from '../pdf/index';
import { MAX_PDF_BASE64_CHARS } from './pdf-limits';

/**
 * Reading a PDF attachment's text and e-invoice XML, wherever pdf.js may run. The background never imports pdf.js
 * itself (type imports only here): Chrome forbids `import()` in a service worker and the worker must stay small, so
 * Chrome reads in an offscreen document (pdf-offscreen.ts) and Firefox, whose background is an event page, reads
 * in a lazily imported module (pdf-inthread.ts). Tests inject either, or a fake.
 *
 * Bytes travel as base64: runtime messages are JSON in Chrome, so a Uint8Array would not survive the trip.
 */
export interface PdfReader {
  read(base64: string): Promise<PdfTextResult>;
}

export const PDF_FAILURE_REASONS = ['too_large', 'encrypted', 'malformed', 'timeout', 'empty', 'unavailable'] as const;

export { MAX_PDF_BASE64_CHARS, MAX_PDF_BYTES, PDF_READ_TIMEOUT_MS } from './pdf-limits';
/** The text handed back is cut here: extraction reads far less. */
const MAX_TEXT_CHARS = 200_000;

const short = z.string().max(500);
const InvoiceXmlDataSchema = z.object({
  syntax: z.enum(['CII', 'UBL']),
  profile: short.optional(),
  typeCode: short.optional(),
  invoiceNumber: short.optional(),
  issueDate: short.optional(),
  dueDate: short.optional(),
  currency: short.optional(),
  grandTotalMinor: z.number().optional(),
  duePayableMinor: z.number().optional(),
  prepaidMinor: z.number().optional(),
  taxBasisTotalMinor: z.number().optional(),
  buyerName: short.optional(),
  sellerName: short.optional(),
  paymentTermsText: z.string().max(5000).optional(),
  notes: z.array(z.string().max(5000)).max(50).optional(),
}) satisfies z.ZodType<InvoiceXmlData>;

export const PdfTextResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), text: z.string().max(MAX_TEXT_CHARS), xml: InvoiceXmlDataSchema.nullable(), xmlError: short.optional() }),
  z.object({ ok: z.literal(false), reason: z.enum(PDF_FAILURE_REASONS), message: short }),
]);
export type PdfTextResult = z.infer<typeof PdfTextResultSchema>;

/** The message the background sends to the offscreen document, and nothing else that document answers. */
export const OffscreenPdfRequestSchema = z.object({
  target: z.literal('offscreen'),
  command: z.literal('pdf.read'),
  base64: z.string().min(1).max(MAX_PDF_BASE64_CHARS),
});
export type OffscreenPdfRequest = z.infer<typeof OffscreenPdfRequestSchema>;

/**
 * Tag of the PDF worker's answers (entrypoints/offscreen). pdf.js, when it finds itself in a worker, also talks to
 * the page that started it (a "ready" message): the document listens to tagged answers only.
 */
export const PDF_WORKER_CHANNEL = 'relance-pdf';

export function unavailable(message: string): PdfTextResult {
  return { ok: false, reason: 'unavailable', message: message.slice(0, 500) };
}

/** What crosses a message boundary: text and XML data, not the embedded files' bytes. */
export function toPdfTextResult(r: InvoicePdfResult): PdfTextResult {
  if (!r.pdf.ok) return { ok: false, reason: r.pdf.reason, message: r.pdf.message.slice(0, 500) };
  return {
    ok: true,
    text: r.pdf.text.slice(0, MAX_TEXT_CHARS),
    xml: r.xml,
    ...(r.xmlError ? { xmlError: r.xmlError.slice(0, 500) } : {}),
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes of a base64 string, or null when it is not base64 (whitespace tolerated, as in MIME). */
export function decodeBase64(base64: string): Uint8Array | null {
  const clean = base64.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) return null;
  try {
    const bin = atob(clean);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Decoded size of a base64 string without decoding it. */
export function base64ByteLength(base64: string): number {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/** Validates what a reader answered (another context's answer is data, not trusted code output). */
export function parsePdfTextResult(raw: unknown): PdfTextResult {
  const r = PdfTextResultSchema.safeParse(raw);
  return r.success ? r.data : unavailable('could not read: the PDF reader gave an unexpected answer');
}
