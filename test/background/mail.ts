import { createHandlers } from '@/lib/background/handlers';
import type { PdfReader } from '@/lib/background/pdf-reader';
import { createRouter, WEBMAIL_ORIGINS, type SenderInfo } from '@/lib/messaging/router';
import type { EmailSnapshot } from '@/lib/webmail/snapshot';
import { freshStore } from './helpers';

/** Shared by the detection tests: a router over a fresh database, and snapshots as content scripts send them. */
export const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const fromPopup: SenderInfo = { id: EXT_ID, url: `chrome-extension://${EXT_ID}/options.html` };
export const fromGmail: SenderInfo = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox' } };
export const fromOutlook: SenderInfo = { id: EXT_ID, url: 'https://outlook.live.com/mail/0/', tab: { id: 8, url: 'https://outlook.live.com/mail/0/' } };

export const FREELANCER = { name: 'Claire Martin', email: 'claire@studio-martin.example' };
export const CLIENT = { name: 'Marc Dupont', email: 'marc@dupont-bat.example' };

export function setup(opts: { now?: string; pdf?: PdfReader } = {}) {
  const now = () => new Date(opts.now ?? '2025-06-02T10:00:00Z');
  const { db, store, clock } = freshStore(now);
  let current = now();
  clock.set(current.toISOString());
  let writes = 0;
  const handlers = createHandlers(store, { now: () => current, afterWrite: async () => void writes++, ...(opts.pdf ? { pdf: opts.pdf } : {}) });
  const errors: unknown[] = [];
  const route = createRouter(handlers, {
    extensionId: EXT_ID,
    extensionOrigin: `chrome-extension://${EXT_ID}/`,
    webmailOrigins: WEBMAIL_ORIGINS,
    onError: (_c, e) => errors.push(e),
  });
  const call = async <T = Record<string, unknown>>(command: string, payload: unknown, sender: SenderInfo = fromGmail) =>
    (await route({ relance: 1, command, payload }, sender)) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  /** The data of a call that must succeed. */
  const ok = async <T = Record<string, unknown>>(command: string, payload: unknown, sender: SenderInfo = fromGmail): Promise<T> => {
    const r = await call<T>(command, payload, sender);
    if (!r.ok) throw new Error(`${command} failed: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  const setNow = (iso: string) => {
    current = new Date(iso);
    clock.set(iso);
  };
  return { db, store, call, ok, setNow, writes: () => writes, errors };
}

export const INVOICE_TEXT = [
  'Bonjour Marc,',
  '',
  "Veuillez trouver ci-joint la facture F-2025-014 d'un montant de 1 800,00 € TTC pour la refonte du site.",
  'Date de facture : 02/06/2025',
  'Échéance : 02/07/2025',
  '',
  'Cordialement,',
  'Claire',
].join('\n');

/** A snapshot of a sent invoice (caught at send unless `over` says otherwise). */
export function sentSnapshot(over: Partial<EmailSnapshot> = {}): EmailSnapshot {
  return {
    webmail: 'gmail',
    messageId: null,
    threadId: null,
    direction: 'sent',
    from: FREELANCER,
    to: [CLIENT],
    cc: [],
    subject: 'Facture F-2025-014 — refonte du site',
    date: null,
    text: INVOICE_TEXT,
    attachments: [],
    via: 'send',
    ...over,
  };
}

export function receivedSnapshot(over: Partial<EmailSnapshot> = {}): EmailSnapshot {
  return {
    webmail: 'gmail',
    messageId: 'msg-f:200',
    threadId: 'thread-f:100',
    direction: 'received',
    from: CLIENT,
    to: [FREELANCER],
    cc: [],
    subject: 'Re: Facture F-2025-014 — refonte du site',
    date: '2025-07-10T08:30:00Z',
    text: 'Bonjour Claire,\n\nDésolé pour le retard, nous vous réglerons le 15 juillet.\n\nMarc',
    attachments: [],
    via: 'thread',
    ...over,
  };
}

export function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
