/**
 * Gmail hooks, layout 2026-11. Each constant names the fixture (test/fixtures/webmail/) that proves it, tested in
 * test/adapters/gmail*.test.ts. Alternatives are tried in order. Prefer role, data-* and structural hooks; the short
 * class names below (gD, g2, a3s, aZo, M9…) are the ones public Gmail libraries have relied on for years (InboxSDK,
 * gmail.js, FlowCrypt). Never match aria-label TEXT (it is translated): ACCOUNT_LINK reads only the address in it.
 */

/** The main area that holds the list or the open thread; the MutationObserver watches only this. Layout 2026-11, all fixtures. */
export const MAIN_AREA = ['div[role="main"]'] as const;

/** Present only when a thread is open: the subject heading carries the thread ids. Layout 2026-11, gmail-2026-11-thread.html. */
export const OPEN_THREAD = ['[data-thread-perm-id]', '[data-legacy-thread-id]'] as const;

/** The thread's subject heading. Layout 2026-11, gmail-2026-11-thread.html. */
export const THREAD_SUBJECT = ['.ha h2', 'h2.hP'] as const;

/**
 * One rendered message of the open thread (`#msg-f:<decimal>`, legacy hex id; a message just sent has only the
 * first). Layout 2026-11, gmail-2026-11-thread.html, gmail-2026-11-sent.html.
 */
export const MESSAGE_CONTAINER = ['[data-message-id]', '[data-legacy-message-id]'] as const;

/** Sender of each message, with the address in the `email` attribute and the name in `name`. Layout 2026-11, gmail-2026-11-thread.html. */
export const MESSAGE_SENDER = 'span.gD[email]';

/** Recipients of each message (To/Cc), same attributes. Layout 2026-11, gmail-2026-11-thread.html. */
export const MESSAGE_RECIPIENT = 'span.g2[email]';

/** The message date: its `title` is the full local date ("Mon, Nov 2, 2026, 10:14 AM"). Layout 2026-11, gmail-2026-11-thread.html. */
export const MESSAGE_DATE = ['.g3[title]', '.g3[datetime]', 'time[datetime]'] as const;

/** The message body (rendered HTML, read as text only). Layout 2026-11, gmail-2026-11-thread.html. */
export const MESSAGE_BODY = ['div.a3s', 'div.ii.gt'] as const;

/**
 * An attachment chip of a received or sent message. Its `download_url` attribute is "mime:filename:url"; the link
 * inside points to the same download. Layout 2026-11, gmail-2026-11-thread.html, gmail-2026-11-sent.html.
 */
export const ATTACHMENT_CHIP = 'span.aZo';
/** The file name inside an attachment chip. Layout 2026-11, gmail-2026-11-thread.html. */
export const ATTACHMENT_NAME = ['.aV3', '[download]'] as const;
/** The download link inside an attachment chip. Layout 2026-11, gmail-2026-11-sent.html. */
export const ATTACHMENT_LINK = ['a[href]'] as const;

/** Per-message reply button in the message header. Layout 2026-11, gmail-2026-11-thread.html. */
export const MESSAGE_REPLY_BUTTON = ['.aaq', '.bsQ'] as const;
/** Reply / Reply all / Forward links under the last message: the first is Reply. Layout 2026-11, gmail-2026-11-thread.html. */
export const THREAD_REPLY_LINK = 'span.ams[role="link"]';

/** An inline reply open under a message. Layout 2026-11, gmail-2026-11-inline-reply.html. */
export const INLINE_REPLY = '.M9';
/** A compose window: a dialog that holds a form. Layout 2026-11, gmail-2026-11-compose.html. */
export const COMPOSE_DIALOG = '[role="dialog"]';
/** The form inside a compose (dialog or inline reply). Layout 2026-11, gmail-2026-11-compose.html. */
export const COMPOSE_FORM = 'form';
/** The compose body: Gmail's editable div (any contenteditable: the subject is an input). Layout 2026-11, gmail-2026-11-compose.html. */
export const COMPOSE_BODY = ['[g_editable="true"]', '[contenteditable="true"]'] as const;
/** The compose subject. Layout 2026-11, gmail-2026-11-compose.html. */
export const COMPOSE_SUBJECT = 'input[name="subjectbox"]';
/**
 * Recipient chips: current `[role=option]` chips (name in data-name, address in data-hovercard-id or an inner
 * [email]), older hidden inputs under `.vR`, and any `[email]` chip. Layout 2026-11, gmail-2026-11-compose.html.
 */
export const COMPOSE_RECIPIENT = ['[role="listbox"] [role="option"][data-name]', '.vR input[type="hidden"]', 'span[email]'] as const;
/** The send button: structural, then the classic class pair. Layout 2026-11, gmail-2026-11-compose.html, gmail-2026-11-inline-reply.html. */
export const COMPOSE_SEND_BUTTON = ['.IZ .Up div > div[role="button"]', 'div.T-I.T-I-atl'] as const;
/** Attachment cards in a compose: file name and size ("(120K)"). Layout 2026-11, gmail-2026-11-compose.html. */
export const COMPOSE_ATTACHMENT = '.dL';
export const COMPOSE_ATTACHMENT_NAME = ['.vI'] as const;
/** The To field's text input, for a new message. Layout 2026-11, gmail-2026-11-inbox.html (compose opened by its script). */
export const COMPOSE_TO_INPUT = ['input[name="to"]', 'textarea[name="to"]', '[role="combobox"] input', 'input[role="combobox"]'] as const;

/** The Compose button in the left column. Layout 2026-11, gmail-2026-11-inbox.html. */
export const COMPOSE_BUTTON = ['div[gh="cm"]'] as const;

/** Rows of the message list (inbox and other folders). Layout 2026-11, gmail-2026-11-inbox.html. */
export const LIST_ROW = ['tr.zA', '[role="main"] table[role="grid"] tr'] as const;

/**
 * The signed-in account: Gmail's document title is "<view> - <address> - Gmail"; the account button links to
 * SignOutOptions and its label contains the address (we extract the address only, not the words).
 * Layout 2026-11, gmail-2026-11-thread.html.
 */
export const ACCOUNT_LINK = ['a[href*="accounts.google.com/SignOutOptions"][aria-label]'] as const;
