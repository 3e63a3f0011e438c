import { pathAndHash } from '../url-parts';
import { extractEmail, isInHiddenView, queryFirst, type Correspondent, type ThreadView, type UrlGetter } from '../adapter';
import { elementText, lineText, parseDisplayDate } from '../dom-text';
import { sameOriginUrl } from '../fetch-attachment';
import type { EmailSnapshot, SnapshotAttachment } from '../snapshot';
import {
  ACCOUNT_LINK, ATTACHMENT_CHIP, ATTACHMENT_LINK, ATTACHMENT_NAME, MAIN_AREA, MESSAGE_BODY, MESSAGE_CONTAINER, MESSAGE_DATE,
  MESSAGE_RECIPIENT, MESSAGE_SENDER, OPEN_THREAD, THREAD_SUBJECT,
} from './selectors';

/** Reading Gmail's open thread into plain snapshots, each message read once (see `GmailMessageCache`). */

/** The signed-in user's address: from the title ("… - me@x.com - Gmail"), else the account button. */
export function gmailUserEmail(doc: Document): string | null {
  const title = /([^\s]+@[^\s]+)\s+-\s+[^-]*$/.exec(doc.title);
  const fromTitle = extractEmail(title?.[1]);
  if (fromTitle) return fromTitle;
  const account = queryFirst(doc, ACCOUNT_LINK);
  return extractEmail(account?.getAttribute('aria-label'));
}

export function visibleMain(doc: Document): Element | null {
  for (const el of doc.querySelectorAll(MAIN_AREA.join(','))) if (!isInHiddenView(el)) return el;
  return null;
}

export function personOf(el: Element): Correspondent | null {
  const email = extractEmail(el.getAttribute('email'));
  if (!email) return null;
  const name = (el.getAttribute('name') ?? el.textContent ?? '').trim();
  // Gmail labels the user "me" in recipients; a name equal to the address adds nothing.
  return { email, name: name.toLowerCase() === email ? '' : name };
}

/** `#inbox/<id>`, `#sent/<id>`, `#label/x/<id>`: a thread is open in this view. */
export function isThreadUrl(url: string): boolean {
  const hash = safeHash(url);
  const parts = hash.replace(/^#/, '').split('/');
  return parts.length >= 2 && /^[A-Za-z0-9_-]{16,}$/.test(parts[parts.length - 1] ?? '');
}

export function isSentView(url: string): boolean {
  return safeHash(url).startsWith('#sent/');
}

function safeHash(url: string): string {
  return pathAndHash(url).hash;
}

/**
 * Gmail's ids in one form whatever attribute they came from: `thread-f:<decimal>` / `msg-f:<decimal>`; the legacy
 * hex id is the same number in base 16, so a message seen through either attribute gets the same id.
 */
export function normaliseGmailId(raw: string | null, kind: 'thread' | 'msg'): string | null {
  if (!raw) return null;
  const v = raw.trim().replace(/^#/, '');
  if (/^(thread|msg)-[a-z]:[\w-]+$/.test(v)) return v;
  if (/^[0-9a-f]{8,16}$/i.test(v)) return `${kind}-f:${BigInt(`0x${v}`).toString()}`;
  return v.length > 0 && v.length <= 200 ? v : null;
}

export function openThreadId(threadEl: Element): string | null {
  return normaliseGmailId(threadEl.getAttribute('data-thread-perm-id'), 'thread') ?? normaliseGmailId(threadEl.getAttribute('data-legacy-thread-id'), 'thread');
}

export function messageIdOf(container: Element): string | null {
  return normaliseGmailId(container.getAttribute('data-message-id'), 'msg') ?? normaliseGmailId(container.getAttribute('data-legacy-message-id'), 'msg');
}

const PDF_NAME = /\.pdf$/i;

/** "application/pdf:F-1.pdf:https://mail.google.com/…" → its three parts. */
function parseDownloadSpec(spec: string | null): { mime: string; filename: string; url: string } | null {
  if (!spec) return null;
  const m = /^([^:]{1,200}):(.{1,500}?):(https?:\/\/.+)$/s.exec(spec.trim());
  return m ? { mime: m[1]!, filename: m[2]!, url: m[3]! } : null;
}

export function chipAttachment(chip: Element, pageUrl: string): SnapshotAttachment | null {
  const spec = parseDownloadSpec(chip.getAttribute('download_url') ?? chip.querySelector('[download_url]')?.getAttribute('download_url') ?? null);
  const nameEl = queryFirst(chip, ATTACHMENT_NAME);
  const filename = (spec?.filename ?? (lineText(nameEl) || nameEl?.getAttribute('download') || chip.getAttribute('title') || lineText(chip))).slice(0, 500);
  if (!filename) return null;
  const link = queryFirst(chip, ATTACHMENT_LINK)?.getAttribute('href') ?? null;
  return {
    filename,
    contentType: spec?.mime ?? (PDF_NAME.test(filename) ? 'application/pdf' : null),
    size: null,
    downloadUrl: sameOriginUrl(spec?.url ?? link, pageUrl),
  };
}

/** Elements under `container` that belong to it and not to a message nested inside it. */
function own(container: Element, selector: string): Element[] {
  const nestedSel = MESSAGE_CONTAINER.join(',');
  return Array.from(container.querySelectorAll(selector)).filter((el) => el.parentElement?.closest(nestedSel) === container);
}

interface CachedMessage {
  snap: EmailSnapshot;
  body: Element | null;
  /** Child count of the body: Gmail fills a lazily loaded body in place. */
  bodyNodes: number;
  chips: number;
  context: string;
}

/**
 * Snapshots by message element: a message is read once, and again only when its body or attachments appear (a
 * collapsed message expanded) or the context (user, view) changes. Work per newly rendered message is O(message).
 */
export type GmailMessageCache = WeakMap<Element, CachedMessage>;

interface ThreadContext {
  threadId: string | null;
  subject: string;
  userEmail: string | null;
  sentView: boolean;
  pageUrl: string;
}

function readMessage(container: Element, body: Element | null, chips: Element[], ctx: ThreadContext): EmailSnapshot | null {
  const senderEl = own(container, MESSAGE_SENDER)[0];
  const from = senderEl ? personOf(senderEl) : null;
  if (!from) return null;
  const to: Correspondent[] = [];
  for (const el of own(container, MESSAGE_RECIPIENT)) {
    if (body?.contains(el)) continue;
    const p = personOf(el);
    // Gmail names the user "me" (translated) among recipients: that label is not a name.
    if (p && p.email === ctx.userEmail) p.name = '';
    if (p && !to.some((t) => t.email === p.email)) to.push(p);
  }
  const dateEl = MESSAGE_DATE.map((sel) => own(container, sel)[0]).find((el) => el !== undefined);
  const date = parseDisplayDate(dateEl?.getAttribute('datetime') ?? dateEl?.getAttribute('title'));
  const fromUser = ctx.userEmail ? from.email === ctx.userEmail : ctx.sentView;
  return {
    webmail: 'gmail',
    messageId: messageIdOf(container),
    threadId: ctx.threadId,
    direction: fromUser ? 'sent' : 'received',
    from,
    to,
    cc: [],
    subject: ctx.subject,
    date,
    text: elementText(body),
    attachments: chips.map((chip) => chipAttachment(chip, ctx.pageUrl)).filter((a): a is SnapshotAttachment => a !== null).slice(0, 50),
    via: 'thread',
  };
}

/** The open thread, or null when none is open in the visible main area. */
export function readGmailThread(doc: Document, getUrl: UrlGetter, cache: GmailMessageCache): ThreadView | null {
  const main = visibleMain(doc);
  const threadEl = main ? queryFirst(main, OPEN_THREAD) : null;
  if (!main || !threadEl) return null;
  const pageUrl = getUrl();
  const ctx: ThreadContext = {
    threadId: openThreadId(threadEl),
    subject: lineText(queryFirst(main, THREAD_SUBJECT) ?? threadEl),
    userEmail: gmailUserEmail(doc),
    sentView: isSentView(pageUrl),
    pageUrl,
  };
  const contextKey = `${ctx.threadId}|${ctx.subject}|${ctx.userEmail}|${ctx.sentView}`;
  const messages: EmailSnapshot[] = [];
  const containerSel = MESSAGE_CONTAINER.join(',');
  for (const container of main.querySelectorAll(containerSel)) {
    if (container.parentElement?.closest(containerSel) || isInHiddenView(container)) continue;
    const body = MESSAGE_BODY.map((sel) => own(container, sel)[0]).find((el) => el !== undefined) ?? null;
    const chips = own(container, ATTACHMENT_CHIP);
    const cached = cache.get(container);
    const bodyNodes = body ? body.childNodes.length : -1;
    if (cached && cached.body === body && cached.bodyNodes === bodyNodes && cached.chips === chips.length && cached.context === contextKey) {
      messages.push(cached.snap);
      continue;
    }
    const snap = readMessage(container, body, chips, ctx);
    if (!snap) continue;
    cache.set(container, { snap, body, bodyNodes, chips: chips.length, context: contextKey });
    messages.push(snap);
  }
  return { threadId: ctx.threadId, subject: ctx.subject, messages, userEmail: ctx.userEmail };
}
