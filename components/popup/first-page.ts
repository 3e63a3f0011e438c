/**
 * The popup's first page is asked for before the rest of the popup's code is even parsed: this module is loaded
 * by its own small script (entrypoints/popup/first-page.ts), so it must stay free of React and zod. The answer is
 * validated later, by readPopupPage, when the popup's main script has loaded them.
 */

/** Client groups in the first page: more than the popup shows without scrolling, and a small first answer. */
export const POPUP_FIRST_PAGE_GROUPS = 10;
/** Client groups each "Show more" adds. */
export const POPUP_PAGE_GROUPS = 20;

/** The raw message of `popup.page` for the first page (the envelope the router expects, as send() builds it). */
export function askFirstPage(sendMessage: (message: unknown) => Promise<unknown>): Promise<unknown> {
  const reply = sendMessage({ relance: 1, command: 'popup.page', payload: { after: null, groups: POPUP_FIRST_PAGE_GROUPS } });
  // Read (and its failure shown) by the popup once it renders; until then a rejection is not "unhandled".
  reply.catch(() => undefined);
  return reply;
}
