import { readInvoicePdf } from '@/lib/pdf/index';
import { MAX_PDF_BYTES, PDF_READ_TIMEOUT_MS, PDF_WORKER_CHANNEL, toPdfTextResult, unavailable, type PdfTextResult } from '@/lib/background/pdf-reader';

/**
 * The dedicated Worker that runs pdf.js for the offscreen document: it receives one PDF's bytes, answers its text
 * and e-invoice XML data, and can be terminated by the document when a hostile file makes pdf.js hang.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const answer = (result: PdfTextResult) => scope.postMessage({ channel: PDF_WORKER_CHANNEL, result });

scope.onmessage = (event) => {
  const data = event.data as { channel?: unknown; bytes?: unknown } | null;
  // pdf.js's own worker plumbing listens here too: only our tagged requests are answered.
  if (data?.channel !== PDF_WORKER_CHANNEL) return;
  if (!(data.bytes instanceof Uint8Array)) {
    answer(unavailable('could not read: no PDF bytes received'));
    return;
  }
  readInvoicePdf(data.bytes, { maxBytes: MAX_PDF_BYTES, timeoutMs: PDF_READ_TIMEOUT_MS - 1500 })
    .then((r) => answer(toPdfTextResult(r)))
    .catch((err: unknown) => answer(unavailable(`could not read: ${err instanceof Error ? err.name : 'error'}`)));
};
