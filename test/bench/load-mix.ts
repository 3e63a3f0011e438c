import type { EmailSnapshot } from '../../lib/webmail/snapshot';

/**
 * The traffic of the `load` bench: what a webmail tab's content script sends while the user works through mail.
 * One conversation per client, in the order a content script sends it (lib/messaging/protocol.ts says which
 * commands a content script may use; all of these are allowed from a webmail tab).
 *
 * What is a "message" here? Two units are counted, and both are reported:
 * - a MAIL is one email the content script saw (one snapshot): the unit of the issue's "1,000 messages a second";
 * - a REQUEST is one runtime message (one round trip on the content script's port, lib/messaging/port-wire.ts). The content script sends the
 *   mails it saw together in one `mail.seenMany` request (lib/content/controller.ts: everything queued within its
 *   debounce window, i.e. a thread's messages as it renders, sent mail first), so a request carries one or more mails;
 *   `sidebar.load` carries none.
 *
 *   1. mail.seenMany [invoice, reply]  the thread opened: the user's sent invoice → detected, the client's reply
 *                                      with a date → reply-recorded (it must find the invoice created just before)
 *   2. sidebar.load                    the sidebar shows that client (header, invoices, risk, next step) → read
 *   3. mail.seenMany [note]            a sent non-invoice mail in its own thread → ignored, remembered in the ledger
 *   4. mail.seenMany [invoice, reply]  the thread opened again in another page session → duplicate, duplicate
 *
 * So a conversation is 5 mails in 4 requests. (Until the fifth session it also had a `status.get` after step 2, which
 * the content script never sends: `sidebar.load` carries what the sidebar shows. The popup's `status.get` runs beside
 * the tabs' traffic, in load.ts.) Steps run in order within a conversation (a reply can only be matched
 * to an invoice already recorded); many conversations run at once per tab. Texts vary (French and English
 * templates, amounts, dates, project names) so that extraction does real work; every number and message id is unique
 * to the run, so the database can be checked by count afterwards.
 */

export interface LoadOp {
  command: 'mail.seenMany' | 'sidebar.load' | 'bench.noop';
  /** The error code this op must get (the transport probe). */
  expectError?: string;
  payload: unknown;
  /** mail.seenMany: the outcomes accepted for each mail of the request, in order. */
  expect?: string[][];
  /** The ledger keys (`gmail:<id>`) its mails must have in the `messages` table afterwards. */
  ledgerKeys?: string[];
  /** The invoice numbers its mails must have created (one invoice each, one reply event each). */
  invoiceNumbers?: string[];
}

/** The mails an op carries (0 for a request that is not mail.seenMany). */
export function mailsOf(op: Pick<LoadOp, 'command' | 'payload'>): number {
  return op.command === 'mail.seenMany' ? (op.payload as { snapshots: unknown[] }).snapshots.length : 0;
}

export interface MixSpec {
  /** A tag that makes every id and invoice number unique to this run and tab. */
  tag: string;
  webmail: 'gmail' | 'outlook';
  conversations: number;
  /** The run's local civil date (YYYY-MM-DD): invoices are issued ten days before it. */
  today: string;
  user: { name: string; email: string };
}

const PROJECTS = ['la refonte du site vitrine', 'the brand identity', "l'audit SEO du trimestre", 'the mobile app sprint 3', 'la maintenance annuelle', 'the photo shoot'];
const FIRST_NAMES = ['Marc', 'Julie', 'Thomas', 'Amélie', 'Peter', 'Sarah', 'Nadia', 'Hugo'];
const COMPANIES = ['dupont-bat', 'atelier-lumen', 'cafe-des-arts', 'northwind', 'boulangerie-roux', 'studio-kappa', 'verdi-legal', 'ocean-films'];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** 1234.5 → "1 234,50" (French grouping), or "1,234.50" in English. */
function amountText(minor: number, fr: boolean): string {
  const units = Math.floor(minor / 100);
  const cents = String(minor % 100).padStart(2, '0');
  const grouped = String(units).replace(/\B(?=(\d{3})+(?!\d))/g, fr ? ' ' : ',');
  return fr ? `${grouped},${cents}` : `${grouped}.${cents}`;
}

function invoiceMail(i: number, number: string, client: { name: string; email: string }, spec: MixSpec, issue: string) {
  const fr = i % 2 === 0;
  const project = PROJECTS[i % PROJECTS.length]!;
  const minor = 45_000 + ((i * 7919) % 400_000);
  const due = addDays(issue, 30);
  const first = client.name.split(' ')[0]!;
  if (fr) {
    return {
      subject: `Facture ${number} — ${project}`,
      text: [
        `Bonjour ${first},`,
        '',
        `Veuillez trouver ci-joint la facture ${number} d'un montant de ${amountText(minor, true)} € TTC pour ${project}.`,
        `Date de facture : ${frDate(issue)}`,
        `Échéance : ${frDate(due)} (paiement à 30 jours par virement).`,
        '',
        'Cordialement,',
        spec.user.name,
      ].join('\n'),
    };
  }
  return {
    subject: `Invoice ${number} - ${project}`,
    text: [
      `Hi ${first},`,
      '',
      `Please find attached invoice ${number} for ${project}. Amount due: €${amountText(minor, false)} (EUR).`,
      `Invoice date: ${issue}. Payment terms: 30 days, due by ${due}.`,
      '',
      'Best regards,',
      spec.user.name,
    ].join('\n'),
  };
}

function replyText(i: number, number: string, promised: string, client: { name: string }): string {
  return i % 2 === 0
    ? `Bonjour,\n\nBien reçu la facture ${number}, merci. Nous procéderons au virement le ${frDate(promised)}.\n\nBien à vous,\n${client.name}`
    : `Hello,\n\nThanks for invoice ${number}. We will pay it on ${promised}.\n\nKind regards,\n${client.name}`;
}

export function buildConversations(spec: MixSpec): LoadOp[][] {
  const out: LoadOp[][] = [];
  const issue = addDays(spec.today, -10);
  for (let i = 0; i < spec.conversations; i++) {
    const company = COMPANIES[i % COMPANIES.length]!;
    const client = { name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${company.split('-')[0]!.replace(/^./, (c) => c.toUpperCase())}`, email: `compta.${spec.tag}.${i}@${company}.example` };
    const number = `F-${spec.today.slice(0, 4)}-${spec.tag}${String(i).padStart(4, '0')}`;
    const thread = `thread-${spec.tag}-${i}`;
    const ids = { invoice: `msg-${spec.tag}-${i}-a`, reply: `msg-${spec.tag}-${i}-b`, note: `msg-${spec.tag}-${i}-c` };
    const key = (id: string) => `${spec.webmail}:${id}`;
    const mail = invoiceMail(i, number, client, spec, issue);
    const base = { webmail: spec.webmail, cc: [], attachments: [], via: 'thread' as const };
    const sent: EmailSnapshot = { ...base, messageId: ids.invoice, threadId: thread, direction: 'sent', from: spec.user, to: [client], subject: mail.subject, date: `${issue}T09:15:00.000Z`, text: mail.text };
    const reply: EmailSnapshot = {
      ...base,
      messageId: ids.reply,
      threadId: thread,
      direction: 'received',
      from: client,
      to: [spec.user],
      subject: `Re: ${mail.subject}`,
      date: `${addDays(issue, 3)}T14:40:00.000Z`,
      text: replyText(i, number, addDays(issue, 25), client),
    };
    const note: EmailSnapshot = {
      ...base,
      messageId: ids.note,
      threadId: `${thread}-planning`,
      direction: 'sent',
      from: spec.user,
      to: [client],
      subject: i % 2 === 0 ? 'Planning de la semaine prochaine' : 'Next week’s schedule',
      date: `${addDays(issue, 4)}T08:00:00.000Z`,
      text: i % 2 === 0 ? 'Bonjour,\n\nJe vous propose un point mardi à 10h pour la suite du projet.\n\nBonne journée' : 'Hi,\n\nCould we meet on Tuesday at 10 to plan the next steps?\n\nThanks',
    };
    const many = (snapshots: EmailSnapshot[]) => ({ snapshots });
    out.push([
      { command: 'mail.seenMany', payload: many([sent, reply]), expect: [['detected', 'tracked'], ['reply-recorded']], ledgerKeys: [key(ids.invoice), key(ids.reply)], invoiceNumbers: [number] },
      { command: 'sidebar.load', payload: { clientEmail: client.email } },
      { command: 'mail.seenMany', payload: many([note]), expect: [['ignored']], ledgerKeys: [key(ids.note)] },
      { command: 'mail.seenMany', payload: many([sent, reply]), expect: [['duplicate'], ['duplicate']] },
    ]);
  }
  return out;
}

/**
 * The transport's ceiling: the same number of round trips with no work behind them. The command is unknown, so the
 * background's listener answers at once (`invalid_request`, expected): messaging and the envelope check, nothing else.
 */
export function buildTransportConversations(conversations: number, requestsPerConversation: number): LoadOp[][] {
  return Array.from({ length: conversations }, () =>
    Array.from({ length: requestsPerConversation }, () => ({ command: 'bench.noop' as const, payload: {}, expectError: 'invalid_request' })),
  );
}
