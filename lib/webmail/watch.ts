import { batched, observeArea, safely, type ThreadView } from './adapter';
import type { EmailSnapshot } from './snapshot';

/**
 * The two long-lived watchers every adapter needs, written once: rendered messages of the open thread, and the
 * send gesture in a compose. Both are passive (no polling, no timers while idle) and never throw into the page.
 */

/** What identifies "the same thread with the same rendered messages": a change of it is worth reporting. */
function threadKey(view: ThreadView): string {
  return `${view.threadId ?? ''}|${view.subject}|${view.messages.map((m) => `${m.messageId ?? ''}:${m.text.length}:${m.attachments.length}`).join(',')}`;
}

export interface MessageWatch {
  findArea: () => Element | null;
  readThread: () => ThreadView | null;
  /** Window events that mean navigation (Gmail: hashchange; OWA: popstate). */
  navigationEvents: readonly ('hashchange' | 'popstate')[];
}

/**
 * Calls `onMessages` once per burst of changes in the thread area, and only when the open thread or its rendered
 * messages differ from what was last reported (a re-render of the same messages is not news). Reports the open
 * thread once at start.
 */
export function watchThreadMessages(doc: Document, watch: MessageWatch, onMessages: (view: ThreadView) => void, signal: AbortSignal): void {
  const win = doc.defaultView;
  if (!win || signal.aborted) return;
  let lastKey: string | null = null;
  const report = () => {
    const view = safely(watch.readThread, null);
    const key = view ? threadKey(view) : null;
    if (key === lastKey) return;
    lastKey = key;
    if (view && view.messages.length > 0) safely(() => onMessages(view), undefined);
  };
  const notify = batched(report, 120, signal, win);
  for (const type of watch.navigationEvents) win.addEventListener(type, notify, { signal });
  observeArea(doc, watch.findArea, notify, signal);
  notify();
}

export interface SendWatch {
  /** The compose (dialog or inline reply) holding `target`, or null when `target` is not in one. */
  composeOf: (target: Element) => Element | null;
  /** Whether `target` is (inside) the send button of `compose`. */
  isSendButton: (target: Element, compose: Element) => boolean;
  snapshot: (compose: Element) => EmailSnapshot | null;
}

/**
 * Listens in the capture phase, before the webmail's own handlers run and clear the compose: a click on the send
 * button, Enter/Space on the focused send button, or Ctrl/Cmd+Enter anywhere in the compose. Never prevents or
 * delays the send. One snapshot per compose and content (a keydown followed by a click reports once).
 */
export function watchSends(doc: Document, watch: SendWatch, onSend: (snap: EmailSnapshot) => void, signal: AbortSignal): void {
  const win = doc.defaultView;
  if (!win || signal.aborted) return;
  const lastReported = new WeakMap<Element, string>();
  const capture = (target: EventTarget | null, viaShortcut: boolean) => {
    if (!target || !(target instanceof win.Element)) return;
    const compose = watch.composeOf(target);
    if (!compose) return;
    if (!viaShortcut && !watch.isSendButton(target, compose)) return;
    const snap = watch.snapshot(compose);
    if (!snap) return;
    const key = JSON.stringify(snap);
    if (lastReported.get(compose) === key) return;
    lastReported.set(compose, key);
    onSend(snap);
  };
  const onClick = (e: Event) => safely(() => capture(e.target, false), undefined);
  const onKeydown = (e: Event) =>
    safely(() => {
      const key = e as KeyboardEvent;
      if (key.key !== 'Enter' && key.key !== ' ') return;
      if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) capture(key.target, true);
      else if (!key.ctrlKey && !key.metaKey && !key.altKey) capture(key.target, false);
    }, undefined);
  doc.addEventListener('click', onClick, { capture: true, signal });
  doc.addEventListener('keydown', onKeydown, { capture: true, signal });
}
