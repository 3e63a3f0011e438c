/**
 * Entry point of PDF reading: text layer plus, for e-invoices (Factur-X, ZUGFeRD, XRechnung),
 * the structured data of the embedded XML.
 */
import { findInvoiceXml, parseInvoiceXml, type InvoiceXmlData } from './facturx';
import { readPdf, type PdfReadResult, type ReadPdfOptions } from './read';

export { readPdf, PAGE_SEPARATOR, type PdfReadResult, type ReadPdfOptions, type EmbeddedFile, type PdfFailureReason } from './read';
export { findInvoiceXml, parseInvoiceXml, type InvoiceXmlData } from './facturx';

export interface InvoicePdfResult {
  pdf: PdfReadResult;
  /** Data of the embedded invoice XML; null when there is none or it could not be used. */
  xml: InvoiceXmlData | null;
  /** Why an embedded invoice XML was found but not used. */
  xmlError?: string;
  /** Attachment name the XML came from. */
  xmlName?: string;
}

export async function readInvoicePdf(bytes: Uint8Array, opts: ReadPdfOptions = {}): Promise<InvoicePdfResult> {
  const pdf = await readPdf(bytes, opts);
  if (!pdf.ok) return { pdf, xml: null };
  const found = findInvoiceXml(pdf.embedded);
  if (!found) return { pdf, xml: null };
  const parsed = parseInvoiceXml(found.xml);
  if ('error' in parsed) return { pdf, xml: null, xmlError: `${found.name}: ${parsed.error}`, xmlName: found.name };
  return { pdf, xml: parsed, xmlName: found.name };
}
