import { batched, observeArea, queryFirst, safely, type AdapterOptions, type Correspondent, type Diagnostic, type UrlGetter, type WebmailAdapter } from '../adapter';
import { censorHtml } from '../censor';
import { fetchSameOriginAttachment } from '../fetch-attachment';
import { insertDraftAtTop } from '../insert';
import { watchSends, watchThreadMessages } from '../watch';
import { composeBodies, isOutlookSendButton, openOutlookCompose, openOutlookReply, outlookComposeOf, snapshotOutlookCompose } from './compose';
import * as S from './selectors';
import { messageOfBody, outlookParties, outlookUserEmail, readingPane, readOutlookThread, type OutlookMessageCache } from './thread';
import { pathAndHash } from '../url-parts';

export { outlookParties, outlookUserEmail } from './thread';

/** The open conversation's correspondent: the first party in the reading pane who is not the user. */
export function outlookCorrespondent(doc: Document): Correspondent | null {
  const pane = readingPane(doc);
  if (!pane || !pane.querySelector(S.SUBJECT_HEADING)) return null;
  const me = outlookUserEmail(doc);
  const other = outlookParties(pane).find((p) => p.email !== me);
  return other ? { email: other.email, name: other.name } : null;
}

/** A conversation URL (`…/id/<id>`, pop-out `…/deeplink/read/…`): a conversation should be in the pane. */
function isConversationUrl(url: string): boolean {
  return /\/(?:id|read)\/[^/]+/.test(pathAndHash(url).pathname);
}

/** Which hooks the current view needs and misses (names of selectors.ts constants); the subtree to censor. */
export function outlookDiagnosis(doc: Document, pageUrl: string): (Pick<Diagnostic, 'view' | 'missed'> & { root: Element | null }) | null {
  const pane = readingPane(doc);
  const list = queryFirst(doc, S.MAIL_LIST);
  if (!pane && !list) return { view: 'unknown', missed: ['READING_PANE', 'MAIL_LIST'], root: doc.body };
  for (const body of composeBodies(doc)) {
    let form: Element | null = null;
    for (let el = body.parentElement; el && !form; el = el.parentElement) if (el.querySelector(S.COMPOSE_SEND_BUTTON)) form = el;
    if (!form) return { view: 'compose', missed: ['COMPOSE_SEND_BUTTON'], root: body.parentElement };
  }
  if (!isConversationUrl(pageUrl)) return null;
  const missed: string[] = [];
  if (!pane) missed.push('READING_PANE');
  if (pane && !pane.querySelector(S.SUBJECT_HEADING)) missed.push('SUBJECT_HEADING');
  if (pane && !pane.querySelector(S.MESSAGE_BODY)) missed.push('MESSAGE_BODY');
  return missed.length > 0 ? { view: 'thread', missed, root: pane ?? doc.body } : null;
}

export function createOutlookAdapter(doc: Document, getUrl: UrlGetter, options: AdapterOptions = {}): WebmailAdapter {
  const now = options.now ?? (() => new Date());
  const cache: OutlookMessageCache = new WeakMap();
  const readThread = () => readOutlookThread(doc, getUrl, cache);
  const win = doc.defaultView;
  const messageElementOf = (id: string): Element | null => {
    const pane = readingPane(doc);
    if (!pane) return null;
    readThread();
    for (const body of pane.querySelectorAll(S.MESSAGE_BODY)) if (cache.get(body)?.snap.messageId === id) return messageOfBody(body, pane);
    return null;
  };
  return {
    name: 'outlook',
    currentCorrespondent: () => safely(() => outlookCorrespondent(doc), null),
    observe(onChange, signal) {
      if (!win) return;
      const notify = batched(onChange, 200, signal, win);
      // OWA navigates with pushState (no event) and replaces the pane's content: the pane's mutations are the
      // signal; popstate covers the back button.
      win.addEventListener('popstate', notify, { signal });
      observeArea(doc, () => readingPane(doc), notify, signal);
    },
    recognised: () => safely(() => (readingPane(doc) !== null || queryFirst(doc, S.MAIL_LIST) !== null) && outlookDiagnosis(doc, getUrl()) === null, false),
    readOpenThread: () => safely(readThread, null),
    observeMessages(onMessages, signal) {
      safely(() => watchThreadMessages(doc, { findArea: () => readingPane(doc), readThread, navigationEvents: ['popstate'] }, onMessages, signal), undefined);
    },
    observeSends(onSend, signal) {
      const snapshot = (form: Element) =>
        safely(
          () =>
            snapshotOutlookCompose(form, {
              doc,
              pageUrl: getUrl(),
              now: now(),
              threadSubject: safely(() => readThread()?.subject ?? '', ''),
              fallbackTo: outlookCorrespondent(doc),
            }),
          null,
        );
      safely(() => watchSends(doc, { composeOf: outlookComposeOf, isSendButton: isOutlookSendButton, snapshot }, (snap) => safely(() => onSend(snap), undefined), signal), undefined);
    },
    openReply: (ref) => openOutlookReply(doc, getUrl(), ref, messageElementOf).catch(() => null),
    openCompose: (to) => openOutlookCompose(doc, to).catch(() => null),
    // Roosterjs takes a synthetic paste into its model with undo; execCommand and Range are the fallbacks.
    insertDraft: (editor, draft) => insertDraftAtTop(editor.element, draft, ['paste', 'execCommand', 'range']),
    diagnose: () =>
      safely(() => {
        const found = outlookDiagnosis(doc, getUrl());
        if (!found) return null;
        return { webmail: 'outlook', view: found.view, missed: found.missed, censoredHtml: censorHtml(found.root), at: now().toISOString() } satisfies Diagnostic;
      }, null),
    fetchAttachment: (att) => {
      const fetchImpl = options.fetch ?? win?.fetch.bind(win);
      return fetchImpl ? fetchSameOriginAttachment(att, getUrl(), fetchImpl) : Promise.resolve(null);
    },
  };
}

