/**
 * Outlook on the web hooks, layout 2026-11 (outlook.live.com, outlook.office.com, outlook.office365.com,
 * outlook.cloud.microsoft). Every hook is proven by test/fixtures/webmail/outlook-2026-11-thread.html
 * (test/adapters/outlook.test.ts). OWA's class names are build hashes that change every release, and its
 * aria-labels are translated: the hooks are ids, roles, `title` attributes and the "Name <address>" text form,
 * none of which depend on the UI language. Alternatives are tried in order.
 */

/** The reading pane (the open conversation). The MutationObserver watches only this, once it exists. */
export const READING_PANE = ['#ReadingPaneContainerId', '[data-app-section="MailReadCompose"]', 'div[role="main"]'] as const;

/** Where the reading pane appears and is replaced: the app body below the suite header. */
export const APP_ROOT = ['#app', '#appRoot', 'body'] as const;

/** The conversation subject, present only when a conversation is open (title holds the full subject). */
export const SUBJECT_HEADING = 'div[role="heading"][title]';

/** Message bodies and compose editors: mail content, never read as a party of the conversation. */
export const NOT_A_HEADER = ['[id^="UniqueMessageBody_"]', '[contenteditable="true"]', SUBJECT_HEADING] as const;

/** A person shown by name, with the address in its tooltip (recipients, and senders in contacts). */
export const PERSON_WITH_TITLE = 'span[title*="@"], div[title*="@"], button[title*="@"]';

/** A sender shown as "Name <address>": the address is its own span, the name the element just before it. */
export const ADDRESS_SPAN = 'span';

/** The signed-in account, from Microsoft's account manager (MeControl) which every OWA host embeds. */
export const ACCOUNT_ADDRESS = ['#mectrl_currentAccount_secondary'] as const;
