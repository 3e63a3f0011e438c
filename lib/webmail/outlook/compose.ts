import { extractEmail, isInHiddenView, queryFirst, type Correspondent, type EditorHandle, type ReplyTarget } from '../adapter';
import { pressControl, waitForElement } from '../dom-actions';
import { elementText } from '../dom-text';
import type { EmailSnapshot } from '../snapshot';
import { COMPOSE_BODY, COMPOSE_RECIPIENT, COMPOSE_SEND_BUTTON, COMPOSE_SUBJECT, COMPOSE_TO_INPUT, MESSAGE_BODY, NEW_MAIL_ICON, REPLY_ICON } from './selectors';
import { itemAttachments, outlookThreadId, outlookUserEmail, readingPane } from './thread';

/** OWA compose forms (full, inline in the reading pane, pop-out): what is being sent; opening an editor. */

export const EDITOR_WAIT_MS = 3000;

/** Every visible compose body of the page (Roosterjs editors). */
export function composeBodies(doc: Document): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const sel of COMPOSE_BODY) {
    for (const el of doc.querySelectorAll(sel)) if (!isInHiddenView(el) && !out.includes(el as HTMLElement)) out.push(el as HTMLElement);
  }
  return out;
}

/** The compose form around a body: its nearest ancestor that also holds a Send button. */
function formOfBody(body: Element): Element | null {
  for (let el = body.parentElement; el; el = el.parentElement) if (el.querySelector(COMPOSE_SEND_BUTTON)) return el;
  return null;
}

/** The compose form holding `target` (its body, its Send button, its wells), or null. */
export function outlookComposeOf(target: Element): Element | null {
  const doc = target.ownerDocument;
  for (const body of composeBodies(doc)) {
    const form = formOfBody(body);
    if (form && form.contains(target)) return form;
  }
  return null;
}

export function isOutlookSendButton(target: Element, compose: Element): boolean {
  const button = target.closest(COMPOSE_SEND_BUTTON);
  return button !== null && compose.contains(button);
}

function bodyOfForm(form: Element): HTMLElement | null {
  for (const sel of COMPOSE_BODY) {
    // The selectors are scoped by an ancestor that may sit above the form: match them from the document.
    for (const el of form.ownerDocument.querySelectorAll(sel)) if (form.contains(el)) return el as HTMLElement;
  }
  return null;
}

/** The compose form is inline in the reading pane when the pane holds it and a conversation is open. */
function isInlineReply(form: Element): boolean {
  const pane = readingPane(form.ownerDocument);
  return pane !== null && pane.contains(form) && pane.querySelector(MESSAGE_BODY) !== null;
}

export function snapshotOutlookCompose(
  form: Element,
  ctx: { doc: Document; pageUrl: string; now: Date; threadSubject: string; fallbackTo: Correspondent | null },
): EmailSnapshot | null {
  const body = bodyOfForm(form);
  if (!body) return null;
  const inline = isInlineReply(form);
  const to: Correspondent[] = [];
  for (const sel of COMPOSE_RECIPIENT) {
    for (const el of form.querySelectorAll(sel)) {
      if (body.contains(el)) continue;
      const email = extractEmail(el.getAttribute('title'));
      const name = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (email && !to.some((t) => t.email === email)) to.push({ email, name: name.toLowerCase() === email || extractEmail(name) ? '' : name });
    }
    if (to.length > 0) break;
  }
  if (to.length === 0 && inline && ctx.fallbackTo) to.push(ctx.fallbackTo);
  const subjectInput = queryFirst(form, COMPOSE_SUBJECT) as HTMLInputElement | null;
  return {
    webmail: 'outlook',
    messageId: null,
    threadId: inline ? outlookThreadId(ctx.doc, ctx.pageUrl) : null,
    direction: 'sent',
    from: { email: outlookUserEmail(ctx.doc) ?? '', name: '' },
    to: to.slice(0, 500),
    cc: [],
    subject: (subjectInput?.value.trim() || (inline ? ctx.threadSubject : '')).slice(0, 5000),
    date: ctx.now.toISOString(),
    text: elementText(body),
    attachments: itemAttachments(form, ctx.pageUrl, body),
    via: 'send',
  };
}

function paneEditor(doc: Document): HTMLElement | null {
  const pane = readingPane(doc);
  return composeBodies(doc).find((b) => pane?.contains(b) && formOfBody(b) !== null) ?? null;
}

/** Opens (or finds) the reply form of the open conversation and resolves with its editor. */
export async function openOutlookReply(doc: Document, pageUrl: string, ref: ReplyTarget, messageElementOf: (id: string) => Element | null): Promise<EditorHandle | null> {
  const pane = readingPane(doc);
  if (!pane || !pane.querySelector(MESSAGE_BODY)) return null;
  const threadId = outlookThreadId(doc, pageUrl);
  if (ref.threadId !== null && ref.threadId !== threadId) return null;
  const handle = (element: HTMLElement): EditorHandle => ({ element, kind: 'reply', threadId });
  const existing = paneEditor(doc);
  if (existing) return handle(existing);
  const target = ref.messageId ? messageElementOf(ref.messageId) : null;
  const icon = (target ? queryFirst(target, REPLY_ICON) : null) ?? queryFirst(pane, REPLY_ICON);
  const button = icon?.closest('button') ?? icon;
  if (!button) return null;
  pressControl(button);
  const editor = await waitForElement(doc.body ?? doc, () => paneEditor(doc), EDITOR_WAIT_MS);
  return editor ? handle(editor) : null;
}

/**
 * Types the address into the To well's input (value, input event, Enter to resolve it into a chip). Best effort:
 * when OWA does not take it, the compose opens without a recipient and the user adds it.
 */
function fillRecipient(form: Element, to: Correspondent): void {
  const input = queryFirst(form, COMPOSE_TO_INPUT) as HTMLInputElement | null;
  const win = form.ownerDocument.defaultView;
  if (!input || !win || input.tagName !== 'INPUT') return;
  input.focus();
  input.value = to.email;
  input.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: to.email }));
  input.dispatchEvent(new win.KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter' }));
}

export async function openOutlookCompose(doc: Document, to: Correspondent): Promise<EditorHandle | null> {
  const icon = queryFirst(doc, NEW_MAIL_ICON);
  const button = icon?.closest('button') ?? icon;
  if (!button) return null;
  const before = new Set(composeBodies(doc));
  pressControl(button);
  const editor = await waitForElement(doc.body ?? doc, () => composeBodies(doc).find((b) => !before.has(b) && formOfBody(b) !== null) ?? null, EDITOR_WAIT_MS);
  if (!editor) return null;
  const form = formOfBody(editor);
  if (form) fillRecipient(form, to);
  return { element: editor, kind: 'compose', threadId: null };
}

