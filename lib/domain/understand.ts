import { isPdfAttachment } from './attachment';
import type { AttachmentContent, EmailRecord } from '../mail/record';
import type { InvoiceXmlData } from '../pdf/facturx';
import { readInvoicePdf } from '../pdf/index';
import { classifyEmail, type ClassifyAttachment, type Classification } from './classify';
import { extractInvoice, findReferencedInvoice, type ExtractedInvoice } from './extract';
import { detectLanguage } from './language';

/**
 * The pipeline for one outgoing email: read its PDFs (text + embedded e-invoice XML), classify, and extract
 * the invoice fields when it is an invoice or credit note, or the referenced invoice for reminders/receipts.
 */

export interface AttachmentReport {
  filename: string;
  status: 'read' | 'unreadable' | 'missing';
  message?: string;
}

export interface Understanding {
  classification: Classification;
  /** For invoices and credit notes. */
  invoice: ExtractedInvoice | null;
  /** For reminders and receipts: the invoice they refer to. */
  referencedInvoiceNumber?: string;
  attachmentsRead: AttachmentReport[];
}

export interface UnderstandOptions {
  /** Limits handed to the PDF reader. */
  pdfTimeoutMs?: number;
  maxPdfBytes?: number;
}


/** Classification and extraction from what is already read; shared by the async and body-only paths. */
export function understandContent(record: EmailRecord, attachments: ClassifyAttachment[]): Omit<Understanding, 'attachmentsRead'> {
  const subject = record.subject ?? '';
  const text = record.text ?? '';
  const lang = detectLanguage(`${subject}\n${text.slice(0, 4000)}`);
  const classification = classifyEmail({ subject, text, attachments, lang });
  const kind = classification.kind;
  let invoice: ExtractedInvoice | null = null;
  let referencedInvoiceNumber: string | undefined;
  if (kind === 'invoice' || kind === 'credit_note') {
    invoice = extractInvoice({ subject, text, attachments, date: record.date, to: record.to, from: record.from, lang, kind });
  } else if (kind === 'reminder' || kind === 'receipt') {
    referencedInvoiceNumber = findReferencedInvoice(subject, text) ?? undefined;
  }
  return { classification, invoice, ...(referencedInvoiceNumber ? { referencedInvoiceNumber } : {}) };
}

/**
 * Reads the PDF attachments (others are ignored), then classifies and extracts. Never throws: an unreadable
 * PDF is reported in `attachmentsRead` and the body and file names still count.
 */
export async function understandEmail(
  record: EmailRecord,
  contents: AttachmentContent[],
  opts: UnderstandOptions = {},
): Promise<Understanding> {
  const attachmentsRead: AttachmentReport[] = [];
  const read: ClassifyAttachment[] = [];
  for (const a of record.attachments ?? []) {
    const content = contents.find((c) => c.filename === a.filename);
    if (!isPdfAttachment(a)) {
      read.push({ filename: a.filename });
      continue;
    }
    if (!content) {
      attachmentsRead.push({ filename: a.filename, status: 'missing', message: 'attachment content not provided' });
      read.push({ filename: a.filename });
      continue;
    }
    if (!content.bytes) {
      attachmentsRead.push({ filename: a.filename, status: 'unreadable', message: content.unreadable ?? 'no content' });
      read.push({ filename: a.filename });
      continue;
    }
    let text: string | null = null;
    let xml: InvoiceXmlData | null = null;
    try {
      const r = await readInvoicePdf(content.bytes, {
        ...(opts.pdfTimeoutMs ? { timeoutMs: opts.pdfTimeoutMs } : {}),
        ...(opts.maxPdfBytes ? { maxBytes: opts.maxPdfBytes } : {}),
      });
      if (r.pdf.ok) {
        text = r.pdf.text;
        xml = r.xml;
        attachmentsRead.push({ filename: a.filename, status: 'read', ...(r.xmlError ? { message: r.xmlError } : {}) });
      } else {
        attachmentsRead.push({ filename: a.filename, status: 'unreadable', message: `${r.pdf.reason}: ${r.pdf.message}` });
      }
    } catch (err) {
      attachmentsRead.push({ filename: a.filename, status: 'unreadable', message: err instanceof Error ? err.message : String(err) });
    }
    read.push({ filename: a.filename, text, xml });
  }
  return { ...understandContent(record, read), attachmentsRead };
}

/** Fast path for the content script: body, subject and file names only, no PDF. */
export function understandEmailBody(record: EmailRecord): Omit<Understanding, 'attachmentsRead'> {
  return understandContent(
    record,
    (record.attachments ?? []).map((a) => ({ filename: a.filename })),
  );
}
