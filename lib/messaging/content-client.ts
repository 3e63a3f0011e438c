import { browser } from 'wxt/browser';
import type { CommandName, RelanceErrorShape, RequestOf, ResponseOf } from '@/lib/messaging/protocol';

/**
 * The content script's way to ask the background. Same envelope and replies as lib/messaging/client.ts, but
 * without the zod schemas: zod alone is ~26 KB gzip, a fifth of the content-script budget, and the background
 * validates every request anyway (the page is untrusted; it is the boundary that counts). Types come from the
 * protocol at compile time only (`import type`), so nothing of it is bundled here.
 */
export class BridgeError extends Error {
  constructor(
    readonly code: RelanceErrorShape['code'] | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }

  /**
   * The sidebar's panel is a separate script (entrypoints/sidebar-panel.ts) with its own copy of this class, while
   * the requests it shows errors of may come from the content script's copy: recognise either by name.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'BridgeError';
  }
}

export type Ask = <C extends CommandName>(command: C, payload: RequestOf<C>) => Promise<ResponseOf<C>>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Reads the `{ok, data} | {ok:false, error}` reply; anything else is "Relance did not answer". */
export function readReply<T>(raw: unknown): T {
  if (!isObject(raw) || typeof raw.ok !== 'boolean') throw new BridgeError('internal', 'Relance did not answer.');
  if (raw.ok) return raw.data as T;
  const error = isObject(raw.error) ? raw.error : {};
  const message = typeof error.message === 'string' ? error.message : 'Relance could not do that.';
  const code = typeof error.code === 'string' ? (error.code as RelanceErrorShape['code']) : 'internal';
  throw new BridgeError(code, message);
}

export const ask: Ask = async (command, payload) => {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ relance: 1, command, payload });
  } catch {
    // The extension was reloaded or its worker is starting: the message never reached it.
    throw new BridgeError('unavailable', 'Relance is restarting. Try again in a moment.');
  }
  return readReply(raw);
};
