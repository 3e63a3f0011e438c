import type { OffscreenHost } from '@/lib/background/pdf-offscreen';
import type { OffscreenPdfRequest } from '@/lib/background/pdf-reader';

/** The part of Chrome's API the offscreen host uses (typed here: the polyfill's types predate chrome.offscreen). */
interface ChromeOffscreenApi {
  offscreen?: {
    createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
    sendMessage(message: unknown): Promise<unknown>;
  };
}

const DOCUMENT_PATH = '/offscreen.html';

/**
 * `chrome.offscreen` behind OffscreenHost, or null where it does not exist (Firefox, tests). Chrome allows one
 * offscreen document per extension: existence is asked of Chrome (the worker may have restarted since it was made),
 * and concurrent reads share one creation.
 */
export function chromeOffscreenHost(): OffscreenHost | null {
  const chrome = (globalThis as { chrome?: ChromeOffscreenApi }).chrome;
  const offscreen = chrome?.offscreen;
  if (!chrome || !offscreen) return null;
  const url = chrome.runtime.getURL(DOCUMENT_PATH);
  let creating: Promise<void> | null = null;

  async function exists(): Promise<boolean> {
    if (!chrome?.runtime.getContexts) return false;
    const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    return contexts.length > 0;
  }

  return {
    async ensureDocument() {
      if (await exists()) return;
      creating ??= offscreen
        .createDocument({
          url: DOCUMENT_PATH,
          // pdf.js runs in a dedicated Worker started by the document (a service worker cannot start one).
          reasons: ['WORKERS'],
          justification: 'Read the text of PDF invoices the user sends, in a worker, off the webmail page.',
        })
        .finally(() => {
          creating = null;
        });
      await creating;
    },
    async closeDocument() {
      if (await exists()) await offscreen.closeDocument();
    },
    send: (message: OffscreenPdfRequest) => chrome.runtime.sendMessage(message),
  };
}
