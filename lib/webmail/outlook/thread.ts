import { pathAndHash } from '../url-parts';
import { extractEmail, isInHiddenView, queryFirst, type Correspondent, type ThreadView, type UrlGetter } from '../adapter';
import { elementText, lineText, parseDisplayDate } from '../dom-text';
import { sameOriginUrl } from '../fetch-attachment';
import type { EmailSnapshot, SnapshotAttachment } from '../snapshot';
import {
  ACCOUNT_ADDRESS, ADDRESS_SPAN, ATTACHMENT_ITEM, MESSAGE_BODY, MESSAGE_DATE, NOT_A_HEADER, PERSON_WITH_TITLE, READING_PANE,
  SELECTED_CONVERSATION, SUBJECT_HEADING,
} from './selectors';

/** Reading OWA's reading pane into plain snapshots, each message read once (see `OutlookMessageCache`). */

const BRACKETED_ADDRESS = /^<\s*([^\s<>]+@[^\s<>]+)\s*>$/;

/** The signed-in user's address, from the account manager; null when it is not in the page. */
export function outlookUserEmail(doc: Document): string | null {
  const el = queryFirst(doc, ACCOUNT_ADDRESS);
  return extractEmail(el?.textContent);
}

export function readingPane(doc: Document): Element | null {
  for (const sel of READING_PANE) {
    for (const el of doc.querySelectorAll(sel)) if (!isInHiddenView(el)) return el;
  }
  return null;
}

/** A name that is only an address (or empty) tells nothing more than the address. */
function cleanName(name: string, email: string): string {
  const n = name.replace(/[<>]/g, '').trim();
  return n.toLowerCase() === email || extractEmail(n) === n.toLowerCase() ? '' : n;
}

export interface Party extends Correspondent {
  /** "Name <address>" is how OWA shows a message's sender; a titled name is a recipient or a contact. */
  shownAs: 'bracketed' | 'titled';
}

/** Every party shown in the message headers under `root`, in document order. */
export function outlookParties(root: Element): Party[] {
  const out: Party[] = [];
  for (const el of root.querySelectorAll(`${PERSON_WITH_TITLE}, ${ADDRESS_SPAN}`)) {
    if (NOT_A_HEADER.some((sel) => el.closest(sel)) || isInHiddenView(el)) continue;
    const titled = extractEmail(el.getAttribute('title'));
    if (titled) {
      out.push({ email: titled, name: cleanName(lineText(el), titled), shownAs: 'titled' });
      continue;
    }
    // "Name <address>": only a span whose whole text is the bracketed address.
    const m = BRACKETED_ADDRESS.exec(lineText(el));
    const email = extractEmail(m?.[1]);
    if (email) out.push({ email, name: cleanName(lineText(el.previousElementSibling), email), shownAs: 'bracketed' });
  }
  return out;
}

/** `/mail/sentitems/…`: the Sent Items folder. */
export function isOutlookSentView(url: string): boolean {
  return /\/mail\/(?:\d+\/)?sentitems(?:\/|$)/i.test(pathAndHash(url).pathname);
}

/** The open conversation: the selected list row's id, else the `/id/<id>` of the URL (pop-out windows). */
export function outlookThreadId(doc: Document, url: string): string | null {
  const convid = queryFirst(doc, SELECTED_CONVERSATION)?.getAttribute('data-convid')?.trim();
  if (convid) return convid.slice(0, 300);
  const m = /\/id\/([^/?#]+)/.exec(pathAndHash(url).pathname);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!).slice(0, 300);
  } catch {
    // A malformed escape (`%E0%A4%A`) is kept as written: still this conversation's id.
    return m[1]!.slice(0, 300);
  }
}

/** Short stable hash (FNV-1a, 32 bits), to name a message OWA does not give an id to in the page. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The message element of a body: its largest ancestor below the pane that holds no other body. */
export function messageOfBody(body: Element, pane: Element): Element {
  let el = body;
  while (el.parentElement && el.parentElement !== pane && el.parentElement.querySelectorAll(MESSAGE_BODY).length === 1) el = el.parentElement;
  return el;
}

export function itemAttachments(root: Element, pageUrl: string, exclude: Element | null): SnapshotAttachment[] {
  const out: SnapshotAttachment[] = [];
  for (const item of root.querySelectorAll(ATTACHMENT_ITEM.join(','))) {
    if (exclude?.contains(item)) continue;
    const filename = (item.getAttribute('title') ?? '').trim().slice(0, 500);
    if (!filename || extractEmail(filename)) continue;
    out.push({
      filename,
      contentType: /\.pdf$/i.test(filename) ? 'application/pdf' : null,
      size: null,
      downloadUrl: sameOriginUrl(item.querySelector('a[href]')?.getAttribute('href'), pageUrl),
    });
  }
  return out.slice(0, 50);
}

interface CachedMessage {
  snap: EmailSnapshot;
  bodyNodes: number;
  context: string;
}
/** Snapshots by body element (OWA renders each message's body once per display). */
export type OutlookMessageCache = WeakMap<Element, CachedMessage>;

interface ThreadContext {
  threadId: string | null;
  subject: string;
  userEmail: string | null;
  sentView: boolean;
  pageUrl: string;
  monthFirst: boolean;
}

function readMessage(body: Element, message: Element, ctx: ThreadContext): EmailSnapshot | null {
  const parties = outlookParties(message);
  const sender = parties.find((p) => p.shownAs === 'bracketed') ?? parties[0];
  if (!sender) return null;
  const to: Correspondent[] = [];
  for (const p of parties) if (p !== sender && p.email !== sender.email && !to.some((t) => t.email === p.email)) to.push({ email: p.email, name: p.name });
  const dateEl = queryFirst(message, MESSAGE_DATE);
  const dateText = dateEl?.getAttribute('datetime') ?? dateEl?.getAttribute('title') ?? lineText(dateEl);
  const text = elementText(body);
  const fromUser = ctx.userEmail ? sender.email === ctx.userEmail : ctx.sentView;
  return {
    webmail: 'outlook',
    // OWA shows no message id in the page: the conversation, sender and date (else the text) name it stably.
    messageId: `owa:${fnv1a(`${ctx.threadId ?? ''}|${sender.email}|${dateText || text.slice(0, 500)}`)}`,
    threadId: ctx.threadId,
    direction: fromUser ? 'sent' : 'received',
    from: { email: sender.email, name: sender.name },
    to,
    cc: [],
    subject: ctx.subject,
    date: parseDisplayDate(dateText, ctx.monthFirst),
    text,
    attachments: itemAttachments(message, ctx.pageUrl, body),
    via: 'thread',
  };
}

/** The conversation open in the reading pane, or null when none is. */
export function readOutlookThread(doc: Document, getUrl: UrlGetter, cache: OutlookMessageCache): ThreadView | null {
  const pane = readingPane(doc);
  const heading = pane?.querySelector(SUBJECT_HEADING);
  if (!pane || !heading) return null;
  const pageUrl = getUrl();
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  const ctx: ThreadContext = {
    threadId: outlookThreadId(doc, pageUrl),
    subject: (heading.getAttribute('title') ?? lineText(heading)).trim().slice(0, 5000),
    userEmail: outlookUserEmail(doc),
    sentView: isOutlookSentView(pageUrl),
    pageUrl,
    monthFirst: lang === '' || lang === 'en-us' || lang === 'en',
  };
  const contextKey = `${ctx.threadId}|${ctx.subject}|${ctx.userEmail}|${ctx.sentView}`;
  const messages: EmailSnapshot[] = [];
  for (const body of pane.querySelectorAll(MESSAGE_BODY)) {
    // A body inside a compose is a draft, not a message of the conversation.
    if (body.closest('[contenteditable="true"]') || isInHiddenView(body)) continue;
    const bodyNodes = body.childNodes.length;
    const cached = cache.get(body);
    if (cached && cached.bodyNodes === bodyNodes && cached.context === contextKey) {
      messages.push(cached.snap);
      continue;
    }
    const snap = readMessage(body, messageOfBody(body, pane), ctx);
    if (!snap) continue;
    cache.set(body, { snap, bodyNodes, context: contextKey });
    messages.push(snap);
  }
  return { threadId: ctx.threadId, subject: ctx.subject, messages, userEmail: ctx.userEmail };
}
