import { isPdfAttachment } from '../domain/attachment';
import type { ClassifyAttachment } from '../domain/classify';
import type { AttachmentReport } from '../domain/understand';
import type { EmailSnapshot } from '../webmail/snapshot';
import { base64ByteLength, MAX_PDF_BYTES, PDF_READ_TIMEOUT_MS, unavailable, type PdfReader, type PdfTextResult } from './pdf-reader';

/**
 * The snapshot's attachments as extraction wants them: PDFs read through the PdfReader (text + e-invoice XML), the
 * others by name only. Every PDF gets a report the sidebar can show ("PDF could not be read: password-protected —
 * fields taken from the body").
 */
export interface ProvidedAttachment {
  filename: string;
  base64: string;
}

export interface ReadAttachments {
  attachments: ClassifyAttachment[];
  reports: AttachmentReport[];
  /** A PDF was missing or the reader failed for a passing reason (time, reader unavailable): worth another look. */
  retry: boolean;
}


const FALLBACK = 'fields taken from the body';

export async function readSnapshotAttachments(
  snap: EmailSnapshot,
  provided: readonly ProvidedAttachment[],
  reader: PdfReader,
): Promise<ReadAttachments> {
  const attachments: ClassifyAttachment[] = [];
  const reports: AttachmentReport[] = [];
  const used = new Set<ProvidedAttachment>();
  let retry = false;
  for (const a of snap.attachments) {
    if (!isPdfAttachment(a)) {
      attachments.push({ filename: a.filename });
      continue;
    }
    const content = provided.find((p) => p.filename === a.filename && !used.has(p));
    if (!content) {
      reports.push({ filename: a.filename, status: 'missing', message: `PDF not available — ${FALLBACK}` });
      retry = true;
      attachments.push({ filename: a.filename });
      continue;
    }
    used.add(content);
    const r = await readOne(reader, content.base64);
    if (r.ok) {
      reports.push({ filename: a.filename, status: 'read', ...(r.xmlError ? { message: r.xmlError } : {}) });
      attachments.push({ filename: a.filename, text: r.text, xml: r.xml });
    } else {
      if (r.reason === 'timeout' || r.reason === 'unavailable') retry = true;
      const why = r.message.replace(/^could not read:\s*/, '');
      reports.push({ filename: a.filename, status: 'unreadable', message: `PDF could not be read: ${why} — ${FALLBACK}` });
      attachments.push({ filename: a.filename });
    }
  }
  return { attachments, reports, retry };
}

/** Bounded and never throwing, whatever the reader does. */
async function readOne(reader: PdfReader, base64: string): Promise<PdfTextResult> {
  if (base64ByteLength(base64) > MAX_PDF_BYTES) return { ok: false, reason: 'too_large', message: 'could not read: the PDF is too large' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<PdfTextResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'timeout', message: 'could not read: the PDF took too long to read' }), PDF_READ_TIMEOUT_MS + 2000);
  });
  try {
    return await Promise.race([reader.read(base64), timeout]);
  } catch (err) {
    return unavailable(`could not read: ${err instanceof Error ? err.message : 'the PDF reader failed'}`);
  } finally {
    clearTimeout(timer);
  }
}
