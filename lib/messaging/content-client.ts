import { browser } from 'wxt/browser';
import type { CommandName, RelanceErrorShape, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { isPortId, RELANCE_PORT, RESEND_SAFE, type PortRequest } from '@/lib/messaging/port-wire';

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

/** The part of `runtime.Port` the bridge uses (a fake one in tests). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

const RESTARTING = 'Relance is restarting. Try again in a moment.';

interface Pending {
  command: string;
  payload: unknown;
  resolve: (raw: unknown) => void;
  reject: (err: BridgeError) => void;
  /** The port it went out on (null before it did). */
  port: PortLike | null;
  resent: boolean;
}

/**
 * Requests over one long-lived port (lib/messaging/port-wire.ts says why and what travels), opened at the first
 * request and closed by the client after `idleMs` with nothing pending, so that it never keeps the worker awake.
 * When the port closes under pending requests (the worker stopped, the extension was reloaded), the ones
 * RESEND_SAFE lists go out once more on a new port; the others fail with "unavailable", as a lost sendMessage did.
 */
export function createPortAsk(connect: () => PortLike, opts: { idleMs?: number } = {}): Ask {
  const idleMs = opts.idleMs ?? 10_000;
  const pending = new Map<number, Pending>();
  const dead = new WeakSet<PortLike>();
  let port: PortLike | null = null;
  let lastId = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  function open(): PortLike {
    const p = connect();
    p.onMessage.addListener((message) => {
      if (!isObject(message) || message.relance !== 1 || !Array.isArray(message.replies)) return;
      for (const answer of message.replies as unknown[]) {
        if (!isObject(answer) || !isPortId(answer.id)) continue;
        const req = pending.get(answer.id);
        if (!req || req.port !== p) continue;
        pending.delete(answer.id);
        req.resolve(answer.reply);
      }
      if (pending.size === 0) armIdle();
    });
    p.onDisconnect.addListener(() => drop(p));
    return p;
  }

  function armIdle(): void {
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (pending.size > 0 || !port) return;
      const p = port;
      port = null;
      dead.add(p);
      try {
        p.disconnect();
      } catch {
        // Already closed from the other side.
      }
    }, idleMs);
  }

  function post(id: number, req: Pending): void {
    let p: PortLike;
    try {
      p = port ??= open();
    } catch {
      // runtime.connect throws once the extension was reloaded or removed under this page.
      pending.delete(id);
      req.reject(new BridgeError('unavailable', RESTARTING));
      return;
    }
    req.port = p;
    try {
      p.postMessage({ relance: 1, id, command: req.command, payload: req.payload } satisfies PortRequest);
    } catch {
      drop(p);
    }
  }

  /** The port closed: what it carried goes again once when that is safe, or fails clearly. */
  function drop(p: PortLike): void {
    if (dead.has(p)) return;
    dead.add(p);
    if (port === p) port = null;
    for (const [id, req] of [...pending]) {
      if (req.port !== p) continue;
      if (!req.resent && RESEND_SAFE.has(req.command)) {
        req.resent = true;
        post(id, req);
      } else {
        pending.delete(id);
        req.reject(new BridgeError('unavailable', RESTARTING));
      }
    }
  }

  return <C extends CommandName>(command: C, payload: RequestOf<C>) =>
    new Promise<unknown>((resolve, reject) => {
      if (idleTimer !== null) {
        clearTimeout(idleTimer);
        idleTimer = null;
      }
      const id = ++lastId;
      const req: Pending = { command, payload, resolve, reject, port: null, resent: false };
      pending.set(id, req);
      post(id, req);
    }).then((raw) => readReply<ResponseOf<C>>(raw));
}

export const ask: Ask = createPortAsk(() => browser.runtime.connect({ name: RELANCE_PORT }));
