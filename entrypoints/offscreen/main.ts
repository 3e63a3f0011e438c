import { browser } from 'wxt/browser';
import { decodeBase64, OffscreenPdfRequestSchema, parsePdfTextResult, PDF_READ_TIMEOUT_MS, PDF_WORKER_CHANNEL, unavailable, type PdfTextResult } from '@/lib/background/pdf-reader';

/**
 * Chrome's offscreen document for PDF reading (see lib/background/pdf-offscreen.ts). It answers only the background
 * (no tab, this extension's own origin) and only `pdf.read`; each PDF is read in a fresh dedicated Worker, which is
 * terminated after the read or when it overruns, so a PDF that hangs pdf.js cannot hang anything else.
 */
const OWN_ORIGIN = browser.runtime.getURL('/');

function readInWorker(bytes: Uint8Array): Promise<PdfTextResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' });
    const done = (r: PdfTextResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, reason: 'timeout', message: 'could not read: the PDF took too long to read' }), PDF_READ_TIMEOUT_MS - 500);
    worker.onmessage = (event: MessageEvent<unknown>) => {
      // pdf.js announces itself to the page that started its worker: only our tagged answer counts.
      const data = event.data as { channel?: unknown; result?: unknown } | null;
      if (data?.channel === PDF_WORKER_CHANNEL) done(parsePdfTextResult(data.result));
    };
    worker.onerror = () => done(unavailable('could not read: the PDF reader stopped'));
    // Transferred, not copied: the document keeps no PDF in memory.
    worker.postMessage({ channel: PDF_WORKER_CHANNEL, bytes }, [bytes.buffer]);
  });
}

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (typeof message !== 'object' || message === null || (message as { target?: unknown }).target !== 'offscreen') return undefined;
  if (sender.id !== browser.runtime.id || sender.tab || !sender.url?.startsWith(OWN_ORIGIN)) return undefined;
  const req = OffscreenPdfRequestSchema.safeParse(message);
  if (!req.success) return Promise.resolve(unavailable('could not read: invalid request'));
  const bytes = decodeBase64(req.data.base64);
  if (!bytes) return Promise.resolve<PdfTextResult>({ ok: false, reason: 'malformed', message: 'could not read: the attachment is not valid base64' });
  return readInWorker(bytes);
});
