import { describeZodError } from '../db/backup';
import { StoreError } from '../db/store';
import { isPortId, RELANCE_PORT, type PortReplies } from './port-wire';
import { COMMANDS, EnvelopeSchema, isCommandName, type CommandName, type ParsedRequestOf, type Reply, type ResponseOf } from './protocol';

/** Dexie's names for a database that could not be opened or upgraded. */
const DB_OPEN_FAILURES = new Set(['DatabaseClosedError', 'OpenFailedError', 'UpgradeError', 'VersionError']);

export type SenderKind = 'content' | 'extension';

/** What the router knows of a sender, taken from `runtime.MessageSender`. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type Handlers = {
  [C in CommandName]: (req: ParsedRequestOf<C>, ctx: { sender: SenderKind; tabId?: number }) => Promise<ResponseOf<C>>;
};

export interface RouterOptions {
  extensionId: string;
  /** The extension's own origin, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
  /** Origins of the webmails where content scripts run. */
  webmailOrigins: readonly string[];
  onError?: (command: string, err: unknown) => void;
}

export const WEBMAIL_ORIGINS = [
  'https://mail.google.com',
  'https://outlook.live.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
] as const;

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    // URL.origin is "null" for non-special schemes (chrome-extension:, moz-extension:) in some runtimes.
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

/**
 * Who is asking? Only this extension's own pages and its content scripts in a webmail tab.
 * A message is not trusted because of where it seems to come from: the id must be ours, and a
 * content script's tab must be on one of the webmail origins.
 */
export function classifySender(sender: SenderInfo, opts: RouterOptions): SenderKind | null {
  if (sender.id !== opts.extensionId) return null;
  const origin = originOf(sender.url);
  if (origin && origin === originOf(opts.extensionOrigin)) return 'extension';
  const tabOrigin = originOf(sender.tab?.url ?? sender.url);
  if (tabOrigin && opts.webmailOrigins.includes(tabOrigin)) return 'content';
  return null;
}

/** Build the background's message handler: validate, authorise, dispatch, validate the answer; never throw. */
export function createRouter(handlers: Handlers, opts: RouterOptions) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    const env = EnvelopeSchema.safeParse(message);
    if (!env.success) return { ok: false, error: { code: 'invalid_request', message: 'Not a Relance message.' } };
    const name = env.data.command;
    if (!isCommandName(name)) return { ok: false, error: { code: 'invalid_request', message: `Unknown command "${name}".` } };
    const kind = classifySender(sender, opts);
    const spec = COMMANDS[name];
    if (!kind || !(spec.from as readonly string[]).includes(kind)) {
      return { ok: false, error: { code: 'forbidden', message: `"${name}" is not allowed from here.` } };
    }
    const req = spec.request.safeParse(env.data.payload);
    if (!req.success) return { ok: false, error: { code: 'invalid_request', message: describeZodError(req.error) } };
    try {
      const handler = handlers[name] as (r: unknown, c: { sender: SenderKind; tabId?: number }) => Promise<unknown>;
      const data = await handler(req.data, { sender: kind, ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}) });
      const res = spec.response.safeParse(data);
      if (!res.success) {
        opts.onError?.(name, res.error);
        return { ok: false, error: { code: 'internal', message: 'Relance produced an invalid answer.' } };
      }
      return { ok: true, data: res.data };
    } catch (err) {
      if (err instanceof StoreError) return { ok: false, error: { code: err.code, message: err.message } };
      if (err instanceof Error && (err.name === 'QuotaExceededError' || err.name === 'DatabaseClosedError' && /quota/i.test(err.message))) {
        return { ok: false, error: { code: 'quota', message: 'The browser has no storage space left for Relance. Free some space, then try again.' } };
      }
      // The database could not be opened (an upgrade that failed leaves the previous version whole): say so, with
      // Dexie's reason, rather than a generic failure that reads as if the action itself were wrong.
      if (err instanceof Error && DB_OPEN_FAILURES.has(err.name)) {
        opts.onError?.(name, err);
        return { ok: false, error: { code: 'internal', message: `Relance could not open its stored data (${err.message.replace(/\s+/g, ' ').trim().slice(0, 200)}). Nothing was deleted. Restart the browser; if this message stays, report it with the words in brackets.` } };
      }
      opts.onError?.(name, err);
      return { ok: false, error: { code: 'internal', message: 'Relance could not complete this action.' } };
    }
  };
}

/** A Relance envelope (`{relance: 1, …}`), before any other check: anything else is left to other listeners. */
export function isRelanceEnvelope(message: unknown): message is { relance: 1 } {
  return typeof message === 'object' && message !== null && (message as { relance?: unknown }).relance === 1;
}

/** The part of `runtime.Port` the background uses (a fake one in tests). */
export interface ServedPort {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Answers requests on a content script's or extension page's port (lib/messaging/port-wire.ts), each through the
 * same `route` as a sendMessage: envelope, command, sender and payload checked per request. The sender is checked
 * once more at connection: a port from anyone else is closed at once. A request without a usable id cannot be
 * answered and breaks the protocol: the port is closed (the client fails what it had pending, clearly). Returns
 * whether the port was Relance's to serve.
 */
export function servePort(port: ServedPort, route: ReturnType<typeof createRouter>, opts: RouterOptions): boolean {
  if (port.name !== RELANCE_PORT) return false;
  const sender = port.sender ?? {};
  let open = true;
  const close = () => {
    open = false;
    try {
      port.disconnect();
    } catch {
      // Already closed.
    }
  };
  if (!classifySender(sender, opts)) {
    close();
    return true;
  }
  port.onDisconnect.addListener(() => {
    open = false;
  });
  // The answers made in the same task go out in one message, at the end of it (port-wire.ts).
  let outbox: PortReplies['replies'] = [];
  const sendReplies = () => {
    const replies = outbox;
    outbox = [];
    if (!open) return;
    try {
      port.postMessage({ relance: 1, replies } satisfies PortReplies);
    } catch {
      // The tab went away while the answers were being made.
      open = false;
    }
  };
  port.onMessage.addListener((message: unknown) => {
    if (!open) return;
    if (!isRelanceEnvelope(message)) return;
    const id = (message as { id?: unknown }).id;
    if (!isPortId(id)) {
      close();
      return;
    }
    void route(message, sender).then((reply) => {
      if (!open) return;
      if (outbox.length === 0) setTimeout(sendReplies, 0);
      outbox.push({ id, reply });
    });
  });
  return true;
}
