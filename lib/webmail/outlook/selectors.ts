/**
 * Outlook on the web hooks, layout 2026-11 (outlook.live.com, outlook.office.com, outlook.office365.com,
 * outlook.cloud.microsoft). Each constant names the fixture (test/fixtures/webmail/) that proves it, tested in
 * test/adapters/outlook*.test.ts. OWA's class names are build hashes that change every release, and its aria-labels
 * are translated: the hooks are ids, roles, data-* attributes, Fluent icon names, `title` attributes and the
 * "Name <address>" text form, none of which depend on the UI language. Alternatives are tried in order.
 * Hooks marked "modelled" are not in the public libraries' lists (DESIGN.md §3): our fixtures model them, and
 * they degrade to null (never to a wrong value) when the real page differs.
 */

/** The reading pane (the open conversation). The MutationObserver watches only this. Layout 2026-11, outlook-2026-11-thread.html. */
export const READING_PANE = ['#ReadingPaneContainerId', '[data-app-section="MailReadCompose"]', 'div[role="main"]'] as const;

/** Where the reading pane appears and is replaced: the app body below the suite header. */
export const APP_ROOT = ['#app', '#appRoot', 'body'] as const;

/** The conversation subject, present only when a conversation is open (title holds the full subject). Layout 2026-11, outlook-2026-11-thread.html. */
export const SUBJECT_HEADING = 'div[role="heading"][title]';

/** The selected row of the message list, carrying the conversation id. Layout 2026-11, outlook-2026-11-thread.html. */
export const SELECTED_CONVERSATION = ['#MailList [aria-selected="true"][data-convid]', '[role="option"][aria-selected="true"][data-convid]'] as const;

/** The message list (inbox and folders). Layout 2026-11, outlook-2026-11-inbox.html. */
export const MAIL_LIST = ['#MailList'] as const;

/** One message body in the reading pane; its message is the largest ancestor holding no other body. Layout 2026-11, outlook-2026-11-thread.html. */
export const MESSAGE_BODY = '[id^="UniqueMessageBody_"]';

/** Message bodies and compose editors: mail content, never read as a party of the conversation. */
export const NOT_A_HEADER = ['[id^="UniqueMessageBody_"]', '[contenteditable="true"]', SUBJECT_HEADING] as const;

/** A person shown by name, with the address in its tooltip (recipients, and senders in contacts). Layout 2026-11, outlook-2026-11-thread.html. */
export const PERSON_WITH_TITLE = 'span[title*="@"], div[title*="@"], button[title*="@"]';

/** A sender shown as "Name <address>": the address is its own span, the name the element just before it. Layout 2026-11, outlook-2026-11-thread.html. */
export const ADDRESS_SPAN = 'span';

/** A message's date; `datetime` when present, else the displayed text. Modelled. Layout 2026-11, outlook-2026-11-thread.html. */
export const MESSAGE_DATE = ['[data-testid="SentReceivedSavedTime"]', 'time[datetime]'] as const;

/**
 * Attachment cards of a message or a compose: options of a listbox inside the reading pane, file name in `title`,
 * optional same-origin link inside. Modelled. Layout 2026-11, outlook-2026-11-sent.html, outlook-2026-11-compose.html.
 */
export const ATTACHMENT_ITEM = ['[role="listbox"] [role="option"][title]'] as const;

/** The Fluent reply icon of a message; its closest button is Reply. Layout 2026-11, outlook-2026-11-thread.html. */
export const REPLY_ICON = ['[data-icon-name="ArrowReplyRegular"]'] as const;

/** The Fluent compose icon of the New mail button; its closest button opens a new message. Modelled. Layout 2026-11, outlook-2026-11-inbox.html. */
export const NEW_MAIL_ICON = ['[data-icon-name="ComposeRegular"]'] as const;

/**
 * The compose body (Roosterjs): contenteditable AND multiline, inside the main area or the compose form — the
 * read-mode body also carries an aria-label, hence both conditions. Layout 2026-11, outlook-2026-11-compose.html.
 */
export const COMPOSE_BODY = [
  '[role="main"] [contenteditable="true"][aria-multiline="true"]',
  '[data-app-section="Form_Content"] [contenteditable="true"][aria-multiline="true"]',
] as const;

/** The Send button of a compose. Layout 2026-11, outlook-2026-11-compose.html, outlook-2026-11-inline-reply.html. */
export const COMPOSE_SEND_BUTTON = '[data-testid="ComposeSendButton"]';

/** Recipient persona chips in the To/Cc wells, address in `title`. Modelled. Layout 2026-11, outlook-2026-11-compose.html. */
export const COMPOSE_RECIPIENT = ['[role="listitem"][title*="@"]', 'span[title*="@"]', 'div[title*="@"]'] as const;

/** The subject input of a new message (an inline reply has none). Layout 2026-11, outlook-2026-11-compose.html. */
export const COMPOSE_SUBJECT = ['input[type="text"]:not([role="combobox"])', 'input:not([type]):not([role="combobox"])'] as const;

/** The To well's text entry, for a new message. Modelled. Layout 2026-11, outlook-2026-11-inbox.html. */
export const COMPOSE_TO_INPUT = ['input[role="combobox"]', '[role="combobox"] input'] as const;

/** The signed-in account, from Microsoft's account manager (MeControl) which every OWA host embeds. Layout 2026-11, outlook-2026-11-thread.html. */
export const ACCOUNT_ADDRESS = ['#mectrl_currentAccount_secondary'] as const;
