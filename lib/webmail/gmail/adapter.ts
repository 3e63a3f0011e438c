import {
  batched, isInHiddenView, observeArea, queryFirst, safely, type AdapterOptions, type Correspondent, type Diagnostic, type UrlGetter,
  type WebmailAdapter,
} from '../adapter';
import { censorHtml } from '../censor';
import { fetchSameOriginAttachment } from '../fetch-attachment';
import { insertDraftAtTop } from '../insert';
import { watchSends, watchThreadMessages } from '../watch';
import { gmailComposeOf, isGmailSendButton, openGmailCompose, openGmailReply, snapshotGmailCompose } from './compose';
import * as S from './selectors';
import { gmailUserEmail, isThreadUrl, personOf, readGmailThread, visibleMain, type GmailMessageCache } from './thread';

export { gmailUserEmail } from './thread';

/**
 * The open thread's correspondent: the first message sender that is not the user, else the first recipient that
 * is not the user (a thread of one sent invoice).
 */
export function gmailCorrespondent(doc: Document): Correspondent | null {
  const main = visibleMain(doc);
  if (!main || !queryFirst(main, S.OPEN_THREAD)) return null;
  const me = gmailUserEmail(doc);
  const others = (sel: string) =>
    Array.from(main.querySelectorAll(sel))
      .filter((el) => !isInHiddenView(el))
      .map(personOf)
      .filter((p): p is Correspondent => p !== null && p.email !== me);
  return others(S.MESSAGE_SENDER)[0] ?? others(S.MESSAGE_RECIPIENT)[0] ?? null;
}

/** Which hooks the current view needs and misses (names of selectors.ts constants); the subtree to censor. */
export function gmailDiagnosis(doc: Document, pageUrl: string): Pick<Diagnostic, 'view' | 'missed'> & { root: Element | null } | null {
  const main = visibleMain(doc);
  if (!main) return { view: 'unknown', missed: ['MAIN_AREA'], root: doc.body };
  const composes = Array.from(doc.querySelectorAll(`${S.INLINE_REPLY}, ${S.COMPOSE_DIALOG}`)).filter((c) => !isInHiddenView(c) && (c.matches(S.INLINE_REPLY) || c.querySelector(S.COMPOSE_FORM)));
  for (const compose of composes) {
    const missed: string[] = [];
    if (!queryFirst(compose, S.COMPOSE_BODY)) missed.push('COMPOSE_BODY');
    if (!queryFirst(compose, S.COMPOSE_SEND_BUTTON)) missed.push('COMPOSE_SEND_BUTTON');
    if (missed.length > 0) return { view: 'compose', missed, root: compose };
  }
  const threadEl = queryFirst(main, S.OPEN_THREAD);
  if (!threadEl && !isThreadUrl(pageUrl)) return null;
  const missed: string[] = [];
  if (!threadEl) missed.push('OPEN_THREAD');
  if (!queryFirst(main, S.THREAD_SUBJECT)) missed.push('THREAD_SUBJECT');
  if (!queryFirst(main, S.MESSAGE_CONTAINER)) missed.push('MESSAGE_CONTAINER');
  if (!main.querySelector(S.MESSAGE_SENDER)) missed.push('MESSAGE_SENDER');
  if (!queryFirst(main, S.MESSAGE_BODY)) missed.push('MESSAGE_BODY');
  return missed.length > 0 ? { view: 'thread', missed, root: main } : null;
}

export function createGmailAdapter(doc: Document, getUrl: UrlGetter, options: AdapterOptions = {}): WebmailAdapter {
  const now = options.now ?? (() => new Date());
  const cache: GmailMessageCache = new WeakMap();
  const readThread = () => readGmailThread(doc, getUrl, cache);
  const win = doc.defaultView;
  return {
    name: 'gmail',
    currentCorrespondent: () => safely(() => gmailCorrespondent(doc), null),
    observe(onChange, signal) {
      if (!win) return;
      const notify = batched(onChange, 200, signal, win);
      // Gmail navigates by hash (#inbox, #inbox/<id>, #sent/<id>): that is the cheap, reliable signal.
      win.addEventListener('hashchange', notify, { signal });
      // Threads render after the hash changes, and replies arrive in place: watch the main area only.
      observeArea(doc, () => visibleMain(doc), notify, signal);
    },
    recognised: () => safely(() => visibleMain(doc) !== null && gmailDiagnosis(doc, getUrl()) === null, false),
    readOpenThread: () => safely(readThread, null),
    observeMessages(onMessages, signal) {
      safely(() => watchThreadMessages(doc, { findArea: () => visibleMain(doc), readThread, navigationEvents: ['hashchange'] }, onMessages, signal), undefined);
    },
    observeSends(onSend, signal) {
      const snapshot = (compose: Element) =>
        safely(
          () =>
            snapshotGmailCompose(compose, {
              doc,
              pageUrl: getUrl(),
              now: now(),
              threadSubject: safely(() => readThread()?.subject ?? '', ''),
              fallbackTo: gmailCorrespondent(doc),
            }),
          null,
        );
      safely(() => watchSends(doc, { composeOf: gmailComposeOf, isSendButton: isGmailSendButton, snapshot }, (snap) => safely(() => onSend(snap), undefined), signal), undefined);
    },
    openReply: (ref) => openGmailReply(doc, ref).catch(() => null),
    openCompose: (to) => openGmailCompose(doc, to).catch(() => null),
    // execCommand gives Gmail's editor real input events and native undo; Range insertion is the fallback.
    insertDraft: (editor, draft) => insertDraftAtTop(editor.element, draft, ['execCommand', 'range']),
    diagnose: () =>
      safely(() => {
        const found = gmailDiagnosis(doc, getUrl());
        if (!found) return null;
        return { webmail: 'gmail', view: found.view, missed: found.missed, censoredHtml: censorHtml(found.root), at: now().toISOString() } satisfies Diagnostic;
      }, null),
    fetchAttachment: (att) => {
      const fetchImpl = options.fetch ?? win?.fetch.bind(win);
      return fetchImpl ? fetchSameOriginAttachment(att, getUrl(), fetchImpl) : Promise.resolve(null);
    },
  };
}
