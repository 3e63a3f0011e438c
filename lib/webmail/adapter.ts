/**
 * What the content scripts need from a webmail page, whatever the webmail. One implementation per webmail,
 * built by a factory that receives the document and a URL getter so it runs under a DOM fixture in tests.
 * Adapters only read the page: they never throw into it, and return null when a hook misses.
 */
export interface Correspondent {
  /** Lower-cased email address. */
  email: string;
  /** Display name as the webmail shows it, or '' when none. */
  name: string;
}

export interface WebmailAdapter {
  name: 'gmail' | 'outlook';
  /** The other party of the open thread (not the signed-in user), or null when no thread is open or readable. */
  currentCorrespondent(): Correspondent | null;
  /** Calls `onChange` (batched) when the open thread may have changed, until `signal` aborts. */
  observe(onChange: () => void, signal: AbortSignal): void;
}

export type UrlGetter = () => string;

const EMAIL_RE = /[^\s@<>()",;:'[\]]+@[^\s@<>()",;:'[\]]+\.[^\s@<>()",;:'[\]]+/;

/** The first email address in a string, lower-cased, or null. */
export function extractEmail(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = EMAIL_RE.exec(s);
  return m ? m[0].toLowerCase() : null;
}

/** The first element matching any of the alternatives, in the order given. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/** Webmails keep previous views in the DOM, hidden: ignore what sits under a hidden ancestor. */
export function isInHiddenView(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"], [style*="display: none"], [style*="display:none"]') !== null;
}

/**
 * A batched change signal: many DOM mutations in one burst produce one call, after `delayMs` of the first.
 * Cleans up its timer when the signal aborts.
 */
export function batched(fn: () => void, delayMs: number, signal: AbortSignal, win: Pick<Window, 'setTimeout' | 'clearTimeout'>): () => void {
  let timer: number | null = null;
  signal.addEventListener('abort', () => {
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
  });
  return () => {
    if (timer !== null || signal.aborted) return;
    timer = win.setTimeout(() => {
      timer = null;
      if (!signal.aborted) fn();
    }, delayMs);
  };
}

/** Never let a webmail quirk throw into the page: a failed read is "no correspondent". */
export function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * One narrow MutationObserver: on the area that holds the open thread (and its parent's direct children, in case
 * the area is replaced), or on the body until that area first appears. Mutations are reported through `notify`,
 * which the caller batches.
 */
export function observeArea(doc: Document, findArea: () => Element | null, notify: () => void, signal: AbortSignal): void {
  const win = doc.defaultView;
  if (!win || signal.aborted) return;
  let observed: Element | null = null;
  const attach = (area: Element) => {
    observer.disconnect();
    observed = area;
    observer.observe(area, { childList: true, subtree: true });
    if (area.parentElement) observer.observe(area.parentElement, { childList: true });
  };
  const observer = new win.MutationObserver(() => {
    const area = safely(findArea, null);
    if (area && area !== observed) attach(area);
    notify();
  });
  const area = safely(findArea, null);
  if (area) attach(area);
  else if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}
