import type { EmailSnapshot, SnapshotAttachment } from './snapshot';

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

/** The thread open in the page, every rendered message snapshotted (`via: 'thread'`). */
export interface ThreadView {
  /** Stable id of the conversation (Gmail `thread-f:<decimal>`, Outlook conversation id), or null when unreadable. */
  threadId: string | null;
  subject: string;
  /** Rendered messages in page order. A collapsed message is reported with the text the page shows for it. */
  messages: EmailSnapshot[];
  /** The signed-in user's address when the page shows it. */
  userEmail: string | null;
}

/** An editor the adapter found or opened: only `insertDraft` ever writes into `element`. */
export interface EditorHandle {
  /** The editable body (Gmail's `g_editable` div, OWA's Roosterjs div). */
  readonly element: HTMLElement;
  /** A reply in the open thread, or a new message. */
  readonly kind: 'reply' | 'compose';
  readonly threadId: string | null;
}

export interface DraftContent {
  /** Already escaped / safe HTML (built by lib/domain/reminders/html.ts). */
  html: string;
  text: string;
}

export interface DraftInsertResult {
  ok: boolean;
  /** The path that placed the draft (or the last one tried when `ok` is false). */
  method: 'execCommand' | 'paste' | 'range';
  error?: string;
}

export interface ReplyTarget {
  threadId: string | null;
  messageId?: string | null;
}

/**
 * What a view needed and did not find, for the options page. `censoredHtml` keeps tags and attribute NAMES only
 * (values dropped except `role`), never text: no mail content leaves the page through it.
 */
export interface Diagnostic {
  webmail: 'gmail' | 'outlook';
  view: 'thread' | 'compose' | 'list' | 'unknown';
  /** Names of the selector constants (selectors.ts) that matched nothing. */
  missed: string[];
  censoredHtml: string;
  /** ISO instant of the diagnosis. */
  at: string;
}

export interface WebmailAdapter {
  name: 'gmail' | 'outlook';
  /** The other party of the open thread (not the signed-in user), or null when no thread is open or readable. */
  currentCorrespondent(): Correspondent | null;
  /** Calls `onChange` (batched) when the open thread may have changed, until `signal` aborts. */
  observe(onChange: () => void, signal: AbortSignal): void;
  /** True when the page is a layout this adapter knows (false → the sidebar shows the degraded notice). */
  recognised(): boolean;
  /** The open thread with every rendered message, or null when no thread is open or readable. */
  readOpenThread(): ThreadView | null;
  /**
   * Calls `onMessages` (batched; once at start when a thread is open) whenever the open thread or its set of
   * rendered messages changes, until `signal` aborts. Messages already snapshotted are not read again.
   */
  observeMessages(onMessages: (thread: ThreadView) => void, signal: AbortSignal): void;
  /**
   * Calls `onSend` with a snapshot (`via: 'send'`, `messageId: null`) taken when the user clicks Send or presses
   * Ctrl/Cmd+Enter in a compose window or inline reply, before the webmail clears it. Never blocks the send.
   */
  observeSends(onSend: (snap: EmailSnapshot) => void, signal: AbortSignal): void;
  /** Opens a reply in the open thread `ref.threadId` (to `ref.messageId` when given); null when not possible. */
  openReply(ref: ReplyTarget): Promise<EditorHandle | null>;
  /** Opens a new message to `to` (recipient filled when feasible); null when not possible. */
  openCompose(to: Correspondent): Promise<EditorHandle | null>;
  /** Places the draft at the top of the editor, above quoted text, the way the editor registers typing. */
  insertDraft(editor: EditorHandle, draft: DraftContent): Promise<DraftInsertResult>;
  /** What a hook of the current view missed (censored), or null when the view reads fine. */
  diagnose(): Diagnostic | null;
  /** The bytes behind a same-origin `downloadUrl` (credentials of the page, 15 MB, 10 s), or null. */
  fetchAttachment(att: SnapshotAttachment): Promise<Uint8Array | null>;
}

/** Things tests inject instead of the page's globals. */
export interface AdapterOptions {
  /** Clock for `Diagnostic.at`. */
  now?: () => Date;
  /** The fetch used by `fetchAttachment` (default: the page window's fetch). */
  fetch?: typeof fetch;
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
