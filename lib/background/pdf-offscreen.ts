import { parsePdfTextResult, PDF_READ_TIMEOUT_MS, unavailable, type OffscreenPdfRequest, type PdfReader, type PdfTextResult } from './pdf-reader';

/**
 * Chrome's PDF reader: the service worker may not `import()` pdf.js and should stay small, so PDFs are read in an
 * offscreen document (entrypoints/offscreen), which hands each PDF to a dedicated Worker it can terminate when a
 * hostile file hangs pdf.js. The document is created on demand and closed after IDLE_CLOSE_MS without reads, so it
 * costs nothing while the user is not sending or opening invoices.
 *
 * `OffscreenHost` is the thin layer over `chrome.offscreen` / `chrome.runtime` (entrypoints/background), so this
 * logic (on demand, idle close, bounded wait, validated answers) runs under unit tests.
 */
export interface OffscreenHost {
  /** Creates the document unless it is already open (also after the worker restarted). */
  ensureDocument(): Promise<void>;
  /** Closes the document when it is open. */
  closeDocument(): Promise<void>;
  send(message: OffscreenPdfRequest): Promise<unknown>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const IDLE_CLOSE_MS = 60_000;

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createOffscreenPdfReader(host: OffscreenHost, opts: { idleMs?: number; timeoutMs?: number; timers?: Timers } = {}): PdfReader {
  const idleMs = opts.idleMs ?? IDLE_CLOSE_MS;
  const timeoutMs = opts.timeoutMs ?? PDF_READ_TIMEOUT_MS;
  const timers = opts.timers ?? defaultTimers;
  let inFlight = 0;
  let idleTimer: unknown = null;
  let closing: Promise<void> | null = null;

  function armIdleClose(): void {
    if (idleTimer !== null) timers.clearTimeout(idleTimer);
    idleTimer = timers.setTimeout(() => {
      idleTimer = null;
      if (inFlight > 0) return;
      closing = host
        .closeDocument()
        .catch(() => undefined)
        .finally(() => {
          closing = null;
        });
    }, idleMs);
  }

  async function readOnce(base64: string): Promise<PdfTextResult> {
    if (closing) await closing;
    await host.ensureDocument();
    let timer: unknown;
    const timedOut = new Promise<PdfTextResult>((resolve) => {
      timer = timers.setTimeout(() => resolve({ ok: false, reason: 'timeout', message: 'could not read: the PDF took too long to read' }), timeoutMs);
    });
    try {
      return await Promise.race([host.send({ target: 'offscreen', command: 'pdf.read', base64 }).then(parsePdfTextResult), timedOut]);
    } finally {
      timers.clearTimeout(timer);
    }
  }

  return {
    async read(base64) {
      inFlight++;
      if (idleTimer !== null) {
        timers.clearTimeout(idleTimer);
        idleTimer = null;
      }
      try {
        return await readOnce(base64);
      } catch (err) {
        return unavailable(`could not read: the PDF reader is not available (${err instanceof Error ? err.message : 'error'})`);
      } finally {
        inFlight--;
        if (inFlight === 0) armIdleClose();
      }
    },
  };
}
