/**
 * Where "Open the thread" goes. Relance stores the webmail and the thread id it saw an invoice in; without a
 * thread (an imported or hand-entered invoice) the webmail's search for the client's address is the next best.
 * The Outlook host an invoice was seen on is not stored: outlook.office.com redirects personal accounts.
 */
const GMAIL = 'https://mail.google.com/mail/u/0/';
const OUTLOOK = 'https://outlook.office.com/mail/';

/** Gmail's URL wants the hex legacy id; the adapter stores "thread-f:<decimal>" (see normaliseGmailId). */
function gmailThreadPart(threadId: string): string {
  const m = /^thread-f:(\d{1,30})$/.exec(threadId);
  if (m) {
    try {
      return BigInt(m[1]!).toString(16);
    } catch {
      return encodeURIComponent(threadId);
    }
  }
  return encodeURIComponent(threadId);
}

export function threadUrl(inv: { webmail: 'gmail' | 'outlook' | null; threadId: string | null; clientEmail: string }): string {
  if (inv.threadId && inv.webmail === 'gmail') return `${GMAIL}#all/${gmailThreadPart(inv.threadId)}`;
  if (inv.threadId && inv.webmail === 'outlook') return `${OUTLOOK}deeplink/read/${encodeURIComponent(inv.threadId)}`;
  const query = encodeURIComponent(inv.clientEmail);
  if (inv.webmail === 'outlook') return `${OUTLOOK}search?q=${query}`;
  return `${GMAIL}#search/${query}`;
}
