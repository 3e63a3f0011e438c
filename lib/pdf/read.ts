/**
 * Reads the text layer and the embedded files of a PDF, with hard limits.
 *
 * Runs unchanged in Node, in the extension's background service worker and in a page: unpdf ships a
 * pdf.js build whose "worker" runs in the calling thread, so no Worker, DOM or canvas is needed.
 * Attachments arrive from strangers' mail, so every path is bounded (size, pages, time, output)
 * and every failure becomes a value, never an exception.
 */
import { getResolvedPDFJS } from 'unpdf';
import { checkEmbeddedFileSizes } from './embedded-guard';
import { buildLines, type PositionedText } from './lines';

export type PdfFailureReason = 'too_large' | 'encrypted' | 'malformed' | 'timeout' | 'empty';

export interface EmbeddedFile {
  name: string;
  bytes: Uint8Array;
}

export type PdfReadResult =
  | {
      ok: true;
      /** Page texts joined with PAGE_SEPARATOR; lines rebuilt by position (see lines.ts). Empty for scans. */
      text: string;
      pageCount: number;
      /** Contents of the embedded files that were read (see ReadPdfOptions.embeddedFiles). */
      embedded: EmbeddedFile[];
      /** Names of all embedded files, including those whose content was not read. */
      attachmentNames: string[];
      /** True when pages or characters were dropped because of maxPages / maxTextChars. */
      truncated: boolean;
    }
  | { ok: false; reason: PdfFailureReason; message: string };

export interface ReadPdfOptions {
  /** Larger inputs are refused before parsing. Default 15 MB. */
  maxBytes?: number;
  /** Only the first N pages' text is read. Default 30. */
  maxPages?: number;
  /** Whole read (parse, text, attachments) must finish within this. Default 5000 ms. */
  timeoutMs?: number;
  /** Text beyond this is cut. Default 500 000 characters. */
  maxTextChars?: number;
  /**
   * Which embedded files to read: 'xml' (default) reads only files named *.xml, which is all that
   * invoice extraction needs and avoids decompressing arbitrary attachments; 'all' reads any.
   */
  embeddedFiles?: 'xml' | 'all';
}

export const PAGE_SEPARATOR = '\n\f\n';
export const MAX_EMBEDDED_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_EMBEDDED_FILES = 10;

const DEFAULTS = {
  maxBytes: 15 * 1024 * 1024,
  maxPages: 30,
  timeoutMs: 5000,
  maxTextChars: 500_000,
} as const;

/** pdf.js tolerates junk before the header, but not much: beyond this it is not a PDF. */
const HEADER_SEARCH_BYTES = 1024;

const MESSAGES: Record<PdfFailureReason, string> = {
  too_large: 'could not read: the PDF is too large',
  encrypted: 'could not read: the PDF is password-protected',
  malformed: 'could not read: the file is damaged or is not a PDF',
  timeout: 'could not read: the PDF took too long to read',
  empty: 'could not read: the file is empty',
};

export async function readPdf(bytes: Uint8Array, opts: ReadPdfOptions = {}): Promise<PdfReadResult> {
  const maxBytes = positive(opts.maxBytes, DEFAULTS.maxBytes);
  const maxPages = positive(opts.maxPages, DEFAULTS.maxPages);
  const timeoutMs = positive(opts.timeoutMs, DEFAULTS.timeoutMs);
  const maxTextChars = positive(opts.maxTextChars, DEFAULTS.maxTextChars);
  const embeddedFiles = opts.embeddedFiles ?? 'xml';

  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) return fail('empty');
  if (bytes.byteLength > maxBytes) {
    return fail('too_large', `${MESSAGES.too_large} (${bytes.byteLength} bytes, limit ${maxBytes})`);
  }
  if (!hasPdfHeader(bytes)) return fail('malformed', 'could not read: the file is not a PDF (no %PDF header)');

  let loadingTask: { destroy(): Promise<void> } | undefined;
  // Set once readPdf has answered: work still running after a timeout stops at its next step.
  let finished = false;
  const stopIfFinished = (): void => {
    if (finished) throw new Error('abandoned after timeout');
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });

  const work = (async (): Promise<PdfReadResult> => {
    const pdfjs = await getResolvedPDFJS();
    stopIfFinished();
    const task = pdfjs.getDocument({
      ...SAFE_PDFJS_OPTIONS,
      // pdf.js transfers (detaches) the buffer it is given; copying keeps the caller's bytes intact
      // and turns a Node Buffer into the plain Uint8Array pdf.js insists on.
      data: new Uint8Array(bytes),
    });
    loadingTask = task;
    const doc = await task.promise;
    const pageCount = doc.numPages;
    if (pageCount === 0) return fail('empty', 'could not read: the PDF has no pages');

    const { text, truncated } = await readText(doc, Math.min(pageCount, maxPages), maxTextChars, stopIfFinished);
    const { embedded, attachmentNames } = await readAttachments(doc, embeddedFiles, () => finished, () => checkEmbeddedFileSizes(bytes, MAX_EMBEDDED_FILE_BYTES));
    return { ok: true, text, pageCount, embedded, attachmentNames, truncated: truncated || pageCount > maxPages };
  })();
  // After a timeout the work keeps failing in the background as the task is destroyed: swallow it.
  work.catch(() => undefined);

  try {
    const outcome = await Promise.race([work, timedOut]);
    if (outcome === 'timeout') return fail('timeout', `${MESSAGES.timeout} (over ${timeoutMs} ms)`);
    return outcome;
  } catch (error) {
    return classifyError(error);
  } finally {
    finished = true;
    clearTimeout(timer);
    // Destroying the loading task destroys the document and its in-thread worker: frees memory,
    // and aborts whatever is still running after a timeout.
    void loadingTask?.destroy().catch(() => undefined);
  }
}

/**
 * Options that keep pdf.js from touching the network, the DOM or eval.
 * Text extraction needs no glyph outlines, so standard-font data, CMaps, ICC profiles and wasm
 * decoders are left without URL: pdf.js then has nothing it could fetch.
 */
const SAFE_PDFJS_OPTIONS = {
  // No URL for standard fonts / CMaps / ICC / wasm: nothing to fetch (unpdf's getDocumentProxy
  // would set file:// URLs in Node, which we do not want: behaviour must match the extension).
  useWorkerFetch: false,
  useWasm: false,
  // Do not build FontFace objects (no DOM in a service worker) nor look up local system fonts.
  disableFontFace: true,
  useSystemFonts: false,
  // The extension's CSP forbids eval. pdf.js 5+ has no eval path left (the bundle contains no
  // eval/new Function) and dropped this option; it is kept for a swapped-in older pdfjs build.
  isEvalSupported: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  enableXfa: false,
  // Keep reading past recoverable errors (broken xref, bad fonts): partial text beats nothing.
  stopAtErrors: false,
  // Errors only: pdf.js warns about every oddity of real-world files.
  verbosity: 0,
};

interface PdfPageLike {
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): unknown;
}

/** Text of the first `pages` pages, stopping early once `maxChars` is reached. */
async function readText(
  doc: { getPage(n: number): Promise<PdfPageLike> },
  pages: number,
  maxChars: number,
  stopIfFinished: () => void,
): Promise<{ text: string; truncated: boolean }> {
  const pageTexts: string[] = [];
  let chars = 0;
  let truncated = false;
  for (let n = 1; n <= pages; n++) {
    stopIfFinished();
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    page.cleanup();
    const text = buildLines(content.items.flatMap(toPositioned)).join('\n');
    pageTexts.push(text);
    chars += text.length + PAGE_SEPARATOR.length;
    if (chars > maxChars) {
      truncated = n < pages;
      break;
    }
  }
  let text = pageTexts.join(PAGE_SEPARATOR);
  if (text.length > maxChars) {
    text = text.slice(0, maxChars);
    truncated = true;
  }
  return { text, truncated };
}

interface PdfDocLike {
  getAttachments(): Promise<Map<string, { filename: string }> | null>;
  getAttachmentContent(id: string): Promise<unknown>;
}

async function readAttachments(
  doc: PdfDocLike,
  which: 'xml' | 'all',
  stop: () => boolean,
  /** Checked once, before the first decompression: pdf.js inflates an attachment whole (see embedded-guard.ts). */
  withinLimits: () => Promise<{ ok: boolean }>,
): Promise<{ embedded: EmbeddedFile[]; attachmentNames: string[] }> {
  const embedded: EmbeddedFile[] = [];
  const attachmentNames: string[] = [];
  let attachments: Map<string, { filename: string }> | null;
  try {
    attachments = await doc.getAttachments();
  } catch {
    // A broken name tree must not cost us the text we already have.
    return { embedded, attachmentNames };
  }
  if (!attachments) return { embedded, attachmentNames };
  let safe: boolean | undefined;
  for (const [id, info] of attachments) {
    const name = typeof info?.filename === 'string' && info.filename !== '' ? info.filename : id;
    attachmentNames.push(name);
    if (embedded.length >= MAX_EMBEDDED_FILES || stop()) continue;
    if (which === 'xml' && !/\.xml$/i.test(name)) continue;
    safe ??= (await withinLimits()).ok;
    if (!safe) continue;
    try {
      const content = await doc.getAttachmentContent(id);
      if (content instanceof Uint8Array && content.byteLength <= MAX_EMBEDDED_FILE_BYTES) {
        embedded.push({ name, bytes: content });
      }
    } catch {
      // One unreadable attachment does not spoil the others.
    }
  }
  return { embedded, attachmentNames };
}

function toPositioned(item: unknown): PositionedText[] {
  if (typeof item !== 'object' || item === null || !('str' in item)) return [];
  const { str, transform, width } = item as { str: unknown; transform: unknown; width: unknown };
  if (typeof str !== 'string' || !Array.isArray(transform) || transform.length < 6) return [];
  const [a, b, c, d, x, y] = transform.map(Number) as [number, number, number, number, number, number];
  return [
    {
      str,
      x,
      y,
      width: typeof width === 'number' ? width : 0,
      size: Math.hypot(c, d),
      angle: (Math.atan2(b, a) * 180) / Math.PI,
    },
  ];
}

function classifyError(error: unknown): PdfReadResult {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'PasswordException') return fail('encrypted');
  return fail('malformed', `${MESSAGES.malformed} (${describe(error)})`);
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.byteLength, HEADER_SEARCH_BYTES) - 5;
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) {
      return true;
    }
  }
  return false;
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function fail(reason: PdfFailureReason, message: string = MESSAGES[reason]): PdfReadResult {
  return { ok: false, reason, message };
}
