/**
 * The wire of the content script's long-lived port to the background (lib/messaging/content-client.ts opens it,
 * lib/messaging/router.ts `servePort` answers on it). No zod here: the content script bundles this file.
 *
 * Why a port and not one `runtime.sendMessage` per request: each sendMessage opens a channel, sends, answers and
 * closes it again, in the browser process and in both renderers. On the bench machine a port carries about four
 * times as many round trips per second (README › Performance, `load` › transport), and a webmail tab opening
 * threads quickly, or several tabs at once, are exactly the traffic that pays for it.
 *
 *   request  { relance: 1, id, command, payload }   id: a positive safe integer, unique per port
 *   replies  { relance: 1, replies: [{ id, reply }] } reply: the router's `{ok, data} | {ok: false, error}`
 *
 * The answers that are ready in the same task of the worker go out together, in one message: under load a write batch
 * answers the mails of many requests at once (lib/background/write-batch.ts), and each message is a serialisation and
 * a hop through the browser's IO thread to the tab.
 */
export const RELANCE_PORT = 'relance';

export interface PortRequest {
  relance: 1;
  id: number;
  command: string;
  payload: unknown;
}

export interface PortReplies {
  relance: 1;
  replies: Array<{ id: number; reply: unknown }>;
}

export function isPortId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

/**
 * Commands the client may send again on a new port when the old one closed before their answer came (only content
 * scripts use the port, so only their commands are listed): they only read, or (mail.seen, mail.seenMany) the
 * background's ledger makes a second report of the same mail a no-op ("duplicate"). Any other write is failed with
 * "Relance is restarting", as a lost sendMessage was: the worker may have done it before it stopped, and doing it
 * twice (a second invoice) would be worse than asking the user.
 */
export const RESEND_SAFE: ReadonlySet<string> = new Set(['client.view', 'client.followup', 'mail.seen', 'mail.seenMany', 'settings.get', 'sidebar.load', 'status.get']);
