import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, createPortAsk, type PortLike } from '@/lib/messaging/content-client';
import { RESEND_SAFE } from '@/lib/messaging/port-wire';
import { COMMANDS, isCommandName } from '@/lib/messaging/protocol';
import { servePort, WEBMAIL_ORIGINS, type RouterOptions, type SenderInfo, type ServedPort } from '@/lib/messaging/router';

/**
 * The content script's port to the background (lib/messaging/port-wire.ts): answers matched by id, whatever their
 * order; a port that closes under pending requests resends only what is safe to do twice and fails the rest
 * clearly; the client closes an idle port itself; and the background serves only its own senders, each request
 * through the same router as a sendMessage.
 */

type Listener<T> = (value: T) => void;

/** One end of a fake port pair: what the content script sees. */
class FakePort implements PortLike {
  readonly sent: { id: number; command: string; payload: unknown }[] = [];
  private readonly messageListeners: Listener<unknown>[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  closedByClient = false;
  broken = false;
  postMessage(message: unknown): void {
    if (this.broken || this.closedByClient) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message as (typeof this.sent)[number]);
  }
  disconnect(): void {
    this.closedByClient = true;
  }
  onMessage = { addListener: (l: Listener<unknown>) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };
  /** The background answers request `id`. */
  answer(id: number, reply: unknown): void {
    for (const l of this.messageListeners) l({ relance: 1, replies: [{ id, reply }] });
  }
  /** The other side went away (worker stopped, extension reloaded). */
  drop(): void {
    this.broken = true;
    for (const l of this.disconnectListeners) l();
  }
}

function bridge(opts: { idleMs?: number; failConnect?: () => boolean } = {}) {
  const ports: FakePort[] = [];
  const ask = createPortAsk(() => {
    if (opts.failConnect?.()) throw new Error('Extension context invalidated.');
    const p = new FakePort();
    ports.push(p);
    return p;
  }, opts);
  return { ask, ports };
}

const flush = () => new Promise((ok) => setTimeout(ok, 0));

describe('content script bridge over a port', () => {
  it('opens one port lazily, sends the envelope with an id, and matches answers by id in any order', async () => {
    const { ask, ports } = bridge();
    expect(ports).toHaveLength(0);
    const a = ask('status.get', {});
    const b = ask('settings.get', {});
    expect(ports).toHaveLength(1);
    const [ra, rb] = ports[0]!.sent;
    expect(ra).toEqual({ relance: 1, id: 1, command: 'status.get', payload: {} });
    expect(rb).toMatchObject({ relance: 1, id: 2, command: 'settings.get' });
    ports[0]!.answer(2, { ok: true, data: { which: 'b' } });
    ports[0]!.answer(1, { ok: true, data: { which: 'a' } });
    expect(await a).toEqual({ which: 'a' });
    expect(await b).toEqual({ which: 'b' });
  });

  it('takes several answers from one message, each to its own request', async () => {
    const { ask, ports } = bridge();
    const asked = [ask('status.get', {}), ask('settings.get', {}), ask('sidebar.load', { clientEmail: 'a@b.example' })];
    for (const l of (ports[0] as unknown as { messageListeners: Listener<unknown>[] }).messageListeners) {
      l({ relance: 1, replies: [{ id: 3, reply: { ok: true, data: 'c' } }, { id: 1, reply: { ok: false, error: { code: 'invalid', message: 'Nope.' } } }, { id: 2, reply: { ok: true, data: 'b' } }] });
    }
    await expect(asked[0]).rejects.toMatchObject({ code: 'invalid', message: 'Nope.' });
    expect(await asked[1]).toBe('b');
    expect(await asked[2]).toBe('c');
  });

  it("turns the background's error answer into a BridgeError with its code", async () => {
    const { ask, ports } = bridge();
    const a = ask('invoice.dismiss', { id: 'x' });
    ports[0]!.answer(1, { ok: false, error: { code: 'not_found', message: 'No such invoice.' } });
    await expect(a).rejects.toMatchObject({ name: 'BridgeError', code: 'not_found', message: 'No such invoice.' });
  });

  it('ignores answers that are not for a pending request, or not ours', async () => {
    const { ask, ports } = bridge();
    const a = ask('status.get', {});
    const port = ports[0]!;
    port.answer(99, { ok: true, data: 'stray' });
    for (const l of (port as unknown as { messageListeners: Listener<unknown>[] }).messageListeners) {
      l(null);
      l({ replies: [{ id: 1, reply: { ok: true, data: 'no envelope' } }] });
      l({ relance: 1, replies: [{ id: '1', reply: { ok: true, data: 'string id' } }, null, 'x'] });
      l({ relance: 1, replies: 'not a list' });
      l({ relance: 1, id: 1, reply: { ok: true, data: 'not in a list' } });
    }
    port.answer(1, { ok: true, data: 'right' });
    expect(await a).toBe('right');
  });

  it('when the port closes, resends reads and mail reports once on a new port, and fails other writes clearly', async () => {
    const { ask, ports } = bridge();
    const read = ask('sidebar.load', { clientEmail: 'a@b.example' });
    const mails = ask('mail.seenMany', { snapshots: [] });
    const write = ask('invoice.create', { invoice: {} as never });
    ports[0]!.drop();
    await expect(write).rejects.toMatchObject({ code: 'unavailable', message: 'Relance is restarting. Try again in a moment.' });
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent.map((r) => r.command)).toEqual(['sidebar.load', 'mail.seenMany']);
    ports[1]!.answer(ports[1]!.sent[0]!.id, { ok: true, data: 'loaded' });
    ports[1]!.answer(ports[1]!.sent[1]!.id, { ok: true, data: { results: [] } });
    expect(await read).toBe('loaded');
    expect(await mails).toEqual({ results: [] });
    expect(RESEND_SAFE.has('invoice.create')).toBe(false);
    // Only commands a content script may send (the port's only users), and none that creates or changes a record.
    for (const c of RESEND_SAFE) expect(isCommandName(c) && (COMMANDS[c].from as readonly string[]).includes('content'), c).toBe(true);
    for (const c of ['invoice.create', 'invoice.markPaid', 'invoice.confirm', 'invoice.dismiss', 'invoice.update', 'event.record', 'client.flags', 'client.pause']) expect(RESEND_SAFE.has(c), c).toBe(false);
  });

  it('resends at most once: a second close fails the request', async () => {
    const { ask, ports } = bridge();
    const read = ask('status.get', {});
    ports[0]!.drop();
    ports[1]!.drop();
    await expect(read).rejects.toBeInstanceOf(BridgeError);
    await expect(read).rejects.toMatchObject({ code: 'unavailable' });
    expect(ports).toHaveLength(2);
  });

  it('a port found closed at send (before its disconnect event) is replaced, and the request still goes', async () => {
    const { ask, ports } = bridge();
    const first = ask('status.get', {});
    ports[0]!.answer(1, { ok: true, data: 1 });
    await first;
    ports[0]!.broken = true;
    const second = ask('status.get', {});
    expect(ports).toHaveLength(2);
    ports[1]!.answer(2, { ok: true, data: 2 });
    expect(await second).toBe(2);
  });

  it('the extension reloaded under the page: connect throws, the request fails with "unavailable"', async () => {
    const { ask } = bridge({ failConnect: () => true });
    await expect(ask('status.get', {})).rejects.toMatchObject({ name: 'BridgeError', code: 'unavailable' });
  });

  describe('idle', () => {
    beforeEach(() => void vi.useFakeTimers());
    afterEach(() => void vi.useRealTimers());

    it('closes its port after idleMs with nothing pending, never while a request waits, and reopens on demand', async () => {
      const { ask, ports } = bridge({ idleMs: 1000 });
      const a = ask('status.get', {});
      await vi.advanceTimersByTimeAsync(5000);
      expect(ports[0]!.closedByClient).toBe(false);
      ports[0]!.answer(1, { ok: true, data: 'a' });
      await a;
      await vi.advanceTimersByTimeAsync(999);
      expect(ports[0]!.closedByClient).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(ports[0]!.closedByClient).toBe(true);
      const b = ask('status.get', {});
      expect(ports).toHaveLength(2);
      ports[1]!.answer(2, { ok: true, data: 'b' });
      expect(await b).toBe('b');
    });
  });
});

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OPTS: RouterOptions = { extensionId: EXT_ID, extensionOrigin: `chrome-extension://${EXT_ID}/`, webmailOrigins: WEBMAIL_ORIGINS };
const fromGmail: SenderInfo = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox' } };

/** The background's end of a port. */
function servedPort(name: string, sender: SenderInfo | undefined) {
  const posted: unknown[] = [];
  const onMessage: Listener<unknown>[] = [];
  const onDisconnect: (() => void)[] = [];
  let disconnected = false;
  const port: ServedPort = {
    name,
    ...(sender ? { sender } : {}),
    postMessage: (m) => {
      if (disconnected) throw new Error('disconnected');
      posted.push(m);
    },
    disconnect: () => void (disconnected = true),
    onMessage: { addListener: (l) => void onMessage.push(l) },
    onDisconnect: { addListener: (l) => void onDisconnect.push(l) },
  };
  return {
    port,
    posted,
    send: (m: unknown) => onMessage.forEach((l) => l(m)),
    goAway: () => {
      disconnected = true;
      onDisconnect.forEach((l) => l());
    },
    disconnected: () => disconnected,
    listening: () => onMessage.length > 0,
  };
}

describe('servePort (background)', () => {
  const route = vi.fn(async (message: unknown, sender: SenderInfo) => ({ ok: true as const, data: { echo: (message as { command: string }).command, tab: sender.tab?.id } }));
  beforeEach(() => void route.mockClear());

  it('leaves ports that are not Relance’s alone', () => {
    const p = servedPort('someone-else', fromGmail);
    expect(servePort(p.port, route, OPTS)).toBe(false);
    expect(p.disconnected()).toBe(false);
    expect(p.listening()).toBe(false);
  });

  it.each<[string, SenderInfo | undefined]>([
    ['no sender', undefined],
    ['another extension', { ...fromGmail, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['a tab on another site', { id: EXT_ID, url: 'https://evil.example/', tab: { id: 3, url: 'https://evil.example/' } }],
  ])('closes at once a port from %s, without listening to it', (_n, sender) => {
    const p = servedPort('relance', sender);
    expect(servePort(p.port, route, OPTS)).toBe(true);
    expect(p.disconnected()).toBe(true);
    expect(p.listening()).toBe(false);
  });

  it("routes each request with the port's sender and answers with its id", async () => {
    const p = servedPort('relance', fromGmail);
    servePort(p.port, route, OPTS);
    p.send({ relance: 1, id: 5, command: 'status.get', payload: {} });
    p.send({ relance: 1, id: 6, command: 'settings.get', payload: {} });
    // Answers go out in a task after the one they were made in.
    await flush();
    await flush();
    expect(route).toHaveBeenCalledTimes(2);
    expect(route.mock.calls[0]![1]).toBe(fromGmail);
    // Ready in the same task: one message for both.
    expect(p.posted).toEqual([
      {
        relance: 1,
        replies: [
          { id: 5, reply: { ok: true, data: { echo: 'status.get', tab: 7 } } },
          { id: 6, reply: { ok: true, data: { echo: 'settings.get', tab: 7 } } },
        ],
      },
    ]);
    // Ready later: a message of its own.
    p.send({ relance: 1, id: 7, command: 'status.get', payload: {} });
    await flush();
    await flush();
    expect(p.posted).toHaveLength(2);
    expect(p.posted[1]).toEqual({ relance: 1, replies: [{ id: 7, reply: { ok: true, data: { echo: 'status.get', tab: 7 } } }] });
  });

  it('ignores messages that are not Relance envelopes, and closes the port on a request without a usable id', async () => {
    const p = servedPort('relance', fromGmail);
    servePort(p.port, route, OPTS);
    p.send('hello');
    p.send({ command: 'status.get' });
    expect(p.disconnected()).toBe(false);
    p.send({ relance: 1, id: 0, command: 'status.get', payload: {} });
    expect(p.disconnected()).toBe(true);
    p.send({ relance: 1, id: 1, command: 'status.get', payload: {} });
    await flush();
    expect(route).not.toHaveBeenCalled();
    expect(p.posted).toEqual([]);
  });

  it('an answer ready after the tab went away is dropped without an error', async () => {
    const p = servedPort('relance', fromGmail);
    servePort(p.port, route, OPTS);
    p.send({ relance: 1, id: 1, command: 'status.get', payload: {} });
    p.goAway();
    await flush();
    expect(route).toHaveBeenCalledTimes(1);
    expect(p.posted).toEqual([]);
  });
});
