/**
 * Gmail hooks, layout 2026-11. Every hook is proven by test/fixtures/webmail/gmail-2026-11-thread.html
 * (test/adapters/gmail.test.ts). Alternatives are tried in order. Prefer role, data-* and structural hooks; the
 * short class names below (gD, g2) are the ones every public Gmail library has used for years (InboxSDK, gmail.js).
 * Never match aria-label TEXT (it is translated): ACCOUNT_LINK reads only the email address inside it.
 */

/** The main area that holds the list or the open thread; the MutationObserver watches only this. */
export const MAIN_AREA = ['div[role="main"]'] as const;

/** Present only when a thread is open (subject heading carries the thread ids). */
export const OPEN_THREAD = ['[data-thread-perm-id]', '[data-legacy-thread-id]'] as const;

/** Sender of each message in the open thread, with the address in the `email` attribute and the name in `name`. */
export const MESSAGE_SENDER = 'span.gD[email]';

/** Recipients of each message in the open thread (To/Cc), same attributes. */
export const MESSAGE_RECIPIENT = 'span.g2[email]';

/**
 * The signed-in account: Gmail's document title is "<view> - <address> - Gmail"; the account button links to
 * SignOutOptions and its label contains the address (we extract the address only, not the words).
 */
export const ACCOUNT_LINK = ['a[href*="accounts.google.com/SignOutOptions"][aria-label]'] as const;
