import { batched, extractEmail, isInHiddenView, observeArea, queryFirst, safely, type Correspondent, type UrlGetter, type WebmailAdapter } from '../adapter';
import { ACCOUNT_ADDRESS, ADDRESS_SPAN, NOT_A_HEADER, PERSON_WITH_TITLE, READING_PANE, SUBJECT_HEADING } from './selectors';

const BRACKETED_ADDRESS = /^<\s*([^\s<>]+@[^\s<>]+)\s*>$/;

/** The signed-in user's address, from the account manager; null when it is not in the page. */
export function outlookUserEmail(doc: Document): string | null {
  const el = queryFirst(doc, ACCOUNT_ADDRESS);
  return extractEmail(el?.textContent);
}

function readingPane(doc: Document): Element | null {
  for (const sel of READING_PANE) {
    for (const el of doc.querySelectorAll(sel)) if (!isInHiddenView(el)) return el;
  }
  return null;
}

function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A name that is only an address (or empty) tells nothing more than the address. */
function cleanName(name: string, email: string): string {
  const n = name.replace(/[<>]/g, '').trim();
  return n.toLowerCase() === email || extractEmail(n) === n.toLowerCase() ? '' : n;
}

/** Every party shown in the message headers of the reading pane, in document order. */
export function outlookParties(pane: Element): Correspondent[] {
  const out: Correspondent[] = [];
  const candidates = pane.querySelectorAll(`${PERSON_WITH_TITLE}, ${ADDRESS_SPAN}`);
  for (const el of candidates) {
    if (NOT_A_HEADER.some((sel) => el.closest(sel)) || isInHiddenView(el)) continue;
    const titled = extractEmail(el.getAttribute('title'));
    if (titled) {
      out.push({ email: titled, name: cleanName(textOf(el), titled) });
      continue;
    }
    // "Name <address>": only a span whose whole text is the bracketed address.
    const m = BRACKETED_ADDRESS.exec(textOf(el));
    const email = extractEmail(m?.[1]);
    if (email) out.push({ email, name: cleanName(textOf(el.previousElementSibling), email) });
  }
  return out;
}

/** The open conversation's correspondent: the first party in the reading pane who is not the user. */
export function outlookCorrespondent(doc: Document): Correspondent | null {
  const pane = readingPane(doc);
  if (!pane || !pane.querySelector(SUBJECT_HEADING)) return null;
  const me = outlookUserEmail(doc);
  return outlookParties(pane).find((p) => p.email !== me) ?? null;
}

/** `_getUrl` is part of the factory contract; the open conversation is read from the DOM. */
export function createOutlookAdapter(doc: Document, _getUrl: UrlGetter): WebmailAdapter {
  return {
    name: 'outlook',
    currentCorrespondent: () => safely(() => outlookCorrespondent(doc), null),
    observe(onChange, signal) {
      const win = doc.defaultView;
      if (!win) return;
      const notify = batched(onChange, 200, signal, win);
      // OWA navigates with pushState (no event) and replaces the pane's content: the pane's mutations are the
      // signal; popstate covers the back button.
      win.addEventListener('popstate', notify, { signal });
      observeArea(doc, () => readingPane(doc), notify, signal);
    },
  };
}
