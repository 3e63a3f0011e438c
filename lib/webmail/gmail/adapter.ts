import { batched, extractEmail, isInHiddenView, observeArea, queryFirst, safely, type Correspondent, type UrlGetter, type WebmailAdapter } from '../adapter';
import { ACCOUNT_LINK, MAIN_AREA, MESSAGE_RECIPIENT, MESSAGE_SENDER, OPEN_THREAD } from './selectors';

/** The signed-in user's address: from the title ("… - me@x.com - Gmail"), else the account button. */
export function gmailUserEmail(doc: Document): string | null {
  const title = /([^\s]+@[^\s]+)\s+-\s+[^-]*$/.exec(doc.title);
  const fromTitle = extractEmail(title?.[1]);
  if (fromTitle) return fromTitle;
  const account = queryFirst(doc, ACCOUNT_LINK);
  return extractEmail(account?.getAttribute('aria-label'));
}

function visibleMain(doc: Document): Element | null {
  for (const el of doc.querySelectorAll(MAIN_AREA.join(','))) if (!isInHiddenView(el)) return el;
  return null;
}

function personOf(el: Element): Correspondent | null {
  const email = extractEmail(el.getAttribute('email'));
  if (!email) return null;
  const name = (el.getAttribute('name') ?? el.textContent ?? '').trim();
  // Gmail labels the user "me" in recipients; a name equal to the address adds nothing.
  return { email, name: name.toLowerCase() === email ? '' : name };
}

/**
 * The open thread's correspondent: the first message sender that is not the user, else the first recipient that
 * is not the user (a thread of one sent invoice).
 */
export function gmailCorrespondent(doc: Document): Correspondent | null {
  const main = visibleMain(doc);
  if (!main || !queryFirst(main, OPEN_THREAD)) return null;
  const me = gmailUserEmail(doc);
  const others = (sel: string) =>
    Array.from(main.querySelectorAll(sel))
      .filter((el) => !isInHiddenView(el))
      .map(personOf)
      .filter((p): p is Correspondent => p !== null && p.email !== me);
  return others(MESSAGE_SENDER)[0] ?? others(MESSAGE_RECIPIENT)[0] ?? null;
}

/** `_getUrl` is part of the factory contract; Gmail's thread state is read from the DOM, which the hash change precedes. */
export function createGmailAdapter(doc: Document, _getUrl: UrlGetter): WebmailAdapter {
  return {
    name: 'gmail',
    currentCorrespondent: () => safely(() => gmailCorrespondent(doc), null),
    observe(onChange, signal) {
      const win = doc.defaultView;
      if (!win) return;
      const notify = batched(onChange, 200, signal, win);
      // Gmail navigates by hash (#inbox, #inbox/<id>, #sent/<id>): that is the cheap, reliable signal.
      win.addEventListener('hashchange', notify, { signal });
      // Threads render after the hash changes, and replies arrive in place: watch the main area only.
      observeArea(doc, () => visibleMain(doc), notify, signal);
    },
  };
}
