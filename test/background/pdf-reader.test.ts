import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createInThreadPdfReader } from '@/lib/background/pdf-inthread';
import { createOffscreenPdfReader, type OffscreenHost, type Timers } from '@/lib/background/pdf-offscreen';
import { base64ByteLength, decodeBase64, type PdfTextResult } from '@/lib/background/pdf-reader';
import { makePdf } from '../fixtures/pdf/make-pdf';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/pdf/${name}`, import.meta.url))));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Timers the test fires by hand: the idle close and the read timeout are checked without waiting a minute. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  const fire = (ms: number) => {
    for (const [id, t] of [...pending]) {
      if (t.ms !== ms) continue;
      pending.delete(id);
      t.fn();
    }
  };
  return { timers, fire, pendingDelays: () => [...pending.values()].map((t) => t.ms) };
}

/** A host whose document reads with the real in-thread reader, and which logs what Chrome would be asked. */
function fakeHost(answer?: (base64: string) => Promise<unknown>) {
  const log: string[] = [];
  let open = false;
  const reader = createInThreadPdfReader();
  const host: OffscreenHost = {
    async ensureDocument() {
      if (!open) log.push('create');
      open = true;
    },
    async closeDocument() {
      if (open) log.push('close');
      open = false;
    },
    async send(message) {
      if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
      log.push('send');
      return answer ? answer(message.base64) : reader.read(message.base64);
    },
  };
  return { host, log, isOpen: () => open };
}

describe('offscreen PDF reader (Chrome)', () => {
  it('opens the document on demand, reads through it, and closes it after the idle delay', async () => {
    const { timers, fire } = manualTimers();
    const { host, log, isOpen } = fakeHost();
    const reader = createOffscreenPdfReader(host, { timers, idleMs: 60_000 });
    expect(log).toEqual([]);
    const r = await reader.read(b64(fixture('Facture_FA-2017-0010.pdf')));
    expect(r).toMatchObject({ ok: true, xml: { invoiceNumber: 'FA-2017-0010', syntax: 'CII' } });
    await reader.read(b64(makePdf({ pages: [[{ x: 50, y: 700, text: 'Invoice 42' }]] })));
    expect(log).toEqual(['create', 'send', 'send']);
    fire(60_000);
    await Promise.resolve();
    expect(isOpen()).toBe(false);
    expect(log.at(-1)).toBe('close');
    await reader.read(b64(makePdf({ pages: [[{ x: 50, y: 700, text: 'again' }]] })));
    expect(log.slice(-2)).toEqual(['create', 'send']);
  });

  it('gives up on a read that does not answer in time, without leaving the caller waiting', async () => {
    const { timers, fire } = manualTimers();
    const { host } = fakeHost(() => new Promise(() => undefined));
    const reader = createOffscreenPdfReader(host, { timers, timeoutMs: 8000 });
    const pending = reader.read('JVBERi0=');
    await new Promise((r) => setTimeout(r, 0));
    fire(8000);
    expect(await pending).toEqual({ ok: false, reason: 'timeout', message: 'could not read: the PDF took too long to read' });
  });

  it.each<[string, () => Promise<unknown>, Partial<PdfTextResult>]>([
    ['an answer of the wrong shape', async () => ({ ok: true, text: 42 }), { ok: false, reason: 'unavailable' }],
    ['no answer (no listener)', async () => undefined, { ok: false, reason: 'unavailable' }],
    ['a failing document', async () => Promise.reject(new Error('Receiving end does not exist')), { ok: false, reason: 'unavailable' }],
  ])('turns %s into "unavailable", never an exception', async (_n, answer, expected) => {
    const { host } = fakeHost(answer);
    const reader = createOffscreenPdfReader(host, { timers: manualTimers().timers });
    expect(await reader.read('JVBERi0=')).toMatchObject(expected);
  });

  it('reports a document that cannot be created as unavailable', async () => {
    const host: OffscreenHost = {
      ensureDocument: async () => Promise.reject(new Error('Only a single offscreen document may be created.')),
      closeDocument: async () => undefined,
      send: async () => ({}),
    };
    const r = await createOffscreenPdfReader(host, { timers: manualTimers().timers }).read('JVBERi0=');
    expect(r).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringMatching(/single offscreen document/) });
  });
});

describe('in-thread PDF reader (Firefox, tests)', () => {
  it.each<[string, string, Partial<PdfTextResult>]>([
    ['a Factur-X invoice', b64(fixture('Facture_FA-2017-0010.pdf')), { ok: true }],
    ['a plain PDF', b64(makePdf({ pages: [[{ x: 50, y: 700, text: 'Invoice 42 total 100.00' }]] })), { ok: true, xml: null }],
    ['random bytes', b64(new TextEncoder().encode('hello, not a pdf')), { ok: false, reason: 'malformed' }],
    ['text that is not base64', 'not base64!', { ok: false, reason: 'malformed' }],
  ])('%s', async (_n, base64, expected) => {
    expect(await createInThreadPdfReader().read(base64)).toMatchObject(expected);
  });
});

describe('base64 helpers', () => {
  it.each([
    ['', 0],
    ['QQ==', 1],
    ['QUI=', 2],
    ['QUJD', 3],
    ['QUJD\nREVG', 6],
  ])('%j decodes to %i bytes, and its size is known without decoding', (s, n) => {
    expect(decodeBase64(s)?.byteLength).toBe(n);
    expect(base64ByteLength(s)).toBe(n);
  });

  it.each(['QQ=', 'Q@==', '====', 'QQ==QQ=='])('refuses %j', (s) => {
    expect(decodeBase64(s)).toBeNull();
  });
});
