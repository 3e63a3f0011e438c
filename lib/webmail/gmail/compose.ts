import { extractEmail, isInHiddenView, queryFirst, type Correspondent, type EditorHandle, type ReplyTarget } from '../adapter';
import { pressControl, waitForElement } from '../dom-actions';
import { elementText, lineText } from '../dom-text';
import { sameOriginUrl } from '../fetch-attachment';
import type { EmailSnapshot, SnapshotAttachment } from '../snapshot';
import {
  COMPOSE_ATTACHMENT, COMPOSE_ATTACHMENT_NAME, COMPOSE_BODY, COMPOSE_BUTTON, COMPOSE_DIALOG, COMPOSE_FORM, COMPOSE_RECIPIENT,
  COMPOSE_SEND_BUTTON, COMPOSE_SUBJECT, COMPOSE_TO_INPUT, INLINE_REPLY, MESSAGE_CONTAINER, MESSAGE_REPLY_BUTTON, OPEN_THREAD,
  THREAD_REPLY_LINK,
} from './selectors';
import { gmailUserEmail, messageIdOf, openThreadId, visibleMain } from './thread';

/** Gmail compose windows and inline replies: what is being sent, and opening an editor for a draft. */

export const EDITOR_WAIT_MS = 3000;

/** The compose (inline reply, or dialog holding a form) that contains `target`. */
export function gmailComposeOf(target: Element): Element | null {
  const inline = target.closest(INLINE_REPLY);
  if (inline) return inline;
  const dialog = target.closest(COMPOSE_DIALOG);
  return dialog && dialog.querySelector(COMPOSE_FORM) ? dialog : null;
}

export function composeBody(compose: Element): HTMLElement | null {
  for (const sel of COMPOSE_BODY) {
    for (const el of compose.querySelectorAll(sel)) {
      if (el.getAttribute('contenteditable') === 'true' && !isInHiddenView(el)) return el as HTMLElement;
    }
  }
  return null;
}

export function isGmailSendButton(target: Element, compose: Element): boolean {
  return COMPOSE_SEND_BUTTON.some((sel) => {
    const button = target.closest(sel);
    return button !== null && compose.contains(button);
  });
}

/** "Name <a@b.example>" or a bare address. */
function parseAddressText(s: string): Correspondent | null {
  const email = extractEmail(s);
  if (!email) return null;
  const name = s.replace(/<[^>]*>/, '').replace(email, '').replace(/["']/g, '').trim();
  return { email, name: name.toLowerCase() === email ? '' : name };
}

function recipientOf(el: Element): Correspondent | null {
  if (el.tagName === 'INPUT') return parseAddressText((el as HTMLInputElement).value);
  const email =
    extractEmail(el.getAttribute('data-hovercard-id')) ?? extractEmail(el.getAttribute('email')) ?? extractEmail(el.querySelector('[email]')?.getAttribute('email')) ?? extractEmail(el.textContent);
  if (!email) return null;
  const name = (el.getAttribute('data-name') ?? el.getAttribute('name') ?? '').trim();
  return { email, name: name.toLowerCase() === email ? '' : name };
}

function composeRecipients(compose: Element, body: Element | null): Correspondent[] {
  const out: Correspondent[] = [];
  for (const sel of COMPOSE_RECIPIENT) {
    for (const el of compose.querySelectorAll(sel)) {
      if (body?.contains(el)) continue;
      const p = recipientOf(el);
      if (p && !out.some((o) => o.email === p.email)) out.push(p);
    }
    // The alternatives describe the same chips in different layouts: the first that matches is the layout.
    if (out.length > 0) break;
  }
  return out;
}

/** "(120K)", "1.2 MB" → bytes, approximately; null when absent. */
function parseSize(s: string): number | null {
  const m = /(\d+(?:[.,]\d+)?)\s*([KMG]?)B?\b/i.exec(s);
  if (!m) return null;
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase()] ?? 1;
  return Math.round(Number(m[1]!.replace(',', '.')) * unit);
}

function composeAttachments(compose: Element, pageUrl: string): SnapshotAttachment[] {
  const out: SnapshotAttachment[] = [];
  for (const card of compose.querySelectorAll(COMPOSE_ATTACHMENT)) {
    const nameEl = queryFirst(card, COMPOSE_ATTACHMENT_NAME);
    const filename = lineText(nameEl).slice(0, 500);
    if (!filename) continue;
    const rest = lineText(card).replace(filename, '');
    out.push({
      filename,
      contentType: /\.pdf$/i.test(filename) ? 'application/pdf' : null,
      size: parseSize(rest),
      downloadUrl: sameOriginUrl(card.querySelector('a[href]')?.getAttribute('href'), pageUrl),
    });
  }
  return out.slice(0, 50);
}

/**
 * What the compose is about to send. An inline reply whose recipients are collapsed into a summary falls back to
 * `fallbackTo` (the thread's correspondent) and to the thread's subject.
 */
export function snapshotGmailCompose(
  compose: Element,
  ctx: { doc: Document; pageUrl: string; now: Date; threadSubject: string; fallbackTo: Correspondent | null },
): EmailSnapshot | null {
  const body = composeBody(compose);
  if (!body) return null;
  const inline = compose.matches(INLINE_REPLY);
  const main = inline ? visibleMain(ctx.doc) : null;
  const threadEl = main ? queryFirst(main, OPEN_THREAD) : null;
  const user = gmailUserEmail(ctx.doc);
  const fromInput = extractEmail((compose.querySelector('input[name="from"]') as HTMLInputElement | null)?.value);
  let to = composeRecipients(compose, body);
  if (to.length === 0 && inline && ctx.fallbackTo) to = [ctx.fallbackTo];
  const subjectInput = compose.querySelector(COMPOSE_SUBJECT) as HTMLInputElement | null;
  return {
    webmail: 'gmail',
    messageId: null,
    threadId: threadEl ? openThreadId(threadEl) : null,
    direction: 'sent',
    from: { email: fromInput ?? user ?? '', name: '' },
    to: to.slice(0, 500),
    cc: [],
    subject: (subjectInput?.value.trim() || (inline ? ctx.threadSubject : '')).slice(0, 5000),
    date: ctx.now.toISOString(),
    text: elementText(body),
    attachments: composeAttachments(compose, ctx.pageUrl),
    via: 'send',
  };
}

/** The editor of the inline reply open in the visible thread. */
function openInlineEditor(doc: Document): HTMLElement | null {
  const main = visibleMain(doc);
  if (!main) return null;
  for (const inline of main.querySelectorAll(INLINE_REPLY)) {
    if (isInHiddenView(inline)) continue;
    const body = composeBody(inline);
    if (body) return body;
  }
  return null;
}

function replyControl(main: Element, messageId: string | null | undefined): Element | null {
  const containers = Array.from(main.querySelectorAll(MESSAGE_CONTAINER.join(','))).filter((el) => !isInHiddenView(el));
  if (messageId) {
    const target = containers.find((c) => messageIdOf(c) === messageId);
    const button = target ? queryFirst(target, MESSAGE_REPLY_BUTTON) : null;
    if (button) return button;
  }
  const bottom = main.querySelector(THREAD_REPLY_LINK);
  if (bottom) return bottom;
  const last = containers[containers.length - 1];
  return last ? queryFirst(last, MESSAGE_REPLY_BUTTON) : null;
}

/** Opens (or finds) the inline reply of the open thread `ref.threadId` and resolves with its editor. */
export async function openGmailReply(doc: Document, ref: ReplyTarget): Promise<EditorHandle | null> {
  const main = visibleMain(doc);
  const threadEl = main ? queryFirst(main, OPEN_THREAD) : null;
  if (!main || !threadEl) return null;
  const threadId = openThreadId(threadEl);
  if (ref.threadId !== null && ref.threadId !== threadId) return null;
  const handle = (element: HTMLElement): EditorHandle => ({ element, kind: 'reply', threadId });
  const existing = openInlineEditor(doc);
  if (existing) return handle(existing);
  const control = replyControl(main, ref.messageId);
  if (!control) return null;
  pressControl(control);
  const editor = await waitForElement(main, () => openInlineEditor(doc), EDITOR_WAIT_MS);
  return editor ? handle(editor) : null;
}

function newestComposeDialog(doc: Document, before: ReadonlySet<Element>): Element | null {
  const dialogs = Array.from(doc.querySelectorAll(COMPOSE_DIALOG)).filter((d) => !before.has(d) && d.querySelector(COMPOSE_FORM) && composeBody(d));
  return dialogs[dialogs.length - 1] ?? null;
}

/**
 * Types the address into the To field the way Gmail's recipient input takes it (value, input, then Enter to make
 * a chip). Best effort: the caller checks the recipients before sending.
 */
function fillRecipient(dialog: Element, to: Correspondent): void {
  const input = queryFirst(dialog, COMPOSE_TO_INPUT) as HTMLInputElement | HTMLTextAreaElement | null;
  const win = dialog.ownerDocument.defaultView;
  if (!input || !win) return;
  input.focus();
  input.value = to.email;
  input.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: to.email }));
  input.dispatchEvent(new win.KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter' }));
  input.dispatchEvent(new win.Event('change', { bubbles: true }));
}

/** Opens a new message from the Compose button, fills the recipient, and resolves with its body editor. */
export async function openGmailCompose(doc: Document, to: Correspondent): Promise<EditorHandle | null> {
  const button = queryFirst(doc, COMPOSE_BUTTON);
  if (!button) return null;
  const before = new Set(doc.querySelectorAll(COMPOSE_DIALOG));
  pressControl(button);
  const dialog = await waitForElement(doc.body ?? doc, () => newestComposeDialog(doc, before), EDITOR_WAIT_MS);
  if (!dialog) return null;
  fillRecipient(dialog, to);
  const element = composeBody(dialog);
  return element ? { element, kind: 'compose', threadId: null } : null;
}
