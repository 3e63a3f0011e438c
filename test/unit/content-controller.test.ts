import { describe, expect, it } from 'vitest';
import { inReportOrder, isPdf, reportKey, startController, type PageState } from '@/lib/content/controller';
import { bytesToBase64 } from '@/lib/content/base64';
import type { Ask } from '@/lib/messaging/content-client';
import type { Diagnostic, ThreadView, WebmailAdapter } from '@/lib/webmail/adapter';
import type { EmailSnapshot } from '@/lib/webmail/snapshot';

function snap(over: Partial<EmailSnapshot>): EmailSnapshot {
  return {
    webmail: 'gmail', messageId: 'm1', threadId: 't1', direction: 'sent', from: { email: 'me@x.example', name: 'Me' },
    to: [{ email: 'Client@Y.example', name: 'Client' }], cc: [], subject: 'Invoice F-1', date: '2026-11-02T10:00:00Z',
    text: 'Invoice F-1', attachments: [], via: 'thread', ...over,
  };
}

/** An adapter whose page events the test fires by hand. */
function fakeAdapter(opts: { recognised: boolean; diagnostic?: Diagnostic | null; bytes?: Uint8Array | null }) {
  const listeners = { change: [] as Array<() => void>, messages: [] as Array<(t: ThreadView) => void>, sends: [] as Array<(s: EmailSnapshot) => void> };
  const fetched: string[] = [];
  const adapter = {
    name: 'gmail',
    recognised: () => opts.recognised,
    diagnose: () => opts.diagnostic ?? null,
    observe: (fn: () => void) => void listeners.change.push(fn),
    observeMessages: (fn: (t: ThreadView) => void) => void listeners.messages.push(fn),
    observeSends: (fn: (s: EmailSnapshot) => void) => void listeners.sends.push(fn),
    fetchAttachment: async (att: { filename: string }) => {
      fetched.push(att.filename);
      return opts.bytes ?? null;
    },
  } as unknown as WebmailAdapter;
  const thread = (messages: EmailSnapshot[]) => listeners.messages.forEach((l) => l({ threadId: 't1', subject: 's', messages, userEmail: null }));
  return { adapter, listeners, thread, fetched };
}

function fakeAsk(outcome = 'detected', fail = false) {
  const calls: Array<{ command: string; payload: Record<string, unknown> }> = [];
  const ask = (async (command: string, payload: Record<string, unknown>) => {
    calls.push({ command, payload });
    if (fail) throw new Error('down');
    if (command === 'mail.seenMany') return { results: (payload['snapshots'] as unknown[]).map(() => ({ outcome })) };
    return command === 'mail.seen' ? { outcome } : { stored: true };
  }) as unknown as Ask;
  return { ask, calls };
}

const DIAG: Diagnostic = { webmail: 'gmail', view: 'thread', missed: ['OPEN_THREAD'], censoredHtml: '<div></div>', at: '2026-11-22T00:00:00Z' };

describe('startController', () => {
  const idsOf = (payload: Record<string, unknown>) => (payload['snapshots'] as EmailSnapshot[]).map((m) => m.messageId);

  it('reports each message once per page session, a thread in one request, sent mail before replies, and refreshes once per batch', async () => {
    const page = fakeAdapter({ recognised: true });
    const { ask, calls } = fakeAsk('detected');
    let changed = 0;
    const ctl = startController({ adapter: page.adapter, ask, signal: new AbortController().signal, onPageState: () => undefined, onDataChanged: () => changed++, debounceMs: 1 });
    const reply = snap({ messageId: 'm2', direction: 'received', date: '2026-11-03T09:00:00Z' });
    page.thread([reply, snap({})]);
    page.thread([reply, snap({})]);
    await ctl.idle();
    expect(calls.map((c) => [c.command, idsOf(c.payload)])).toEqual([['mail.seenMany', ['m1', 'm2']]]);
    expect(changed).toBe(1);
  });

  it.each([
    ['a 120-message thread: requests of 50 at most, in order', 120, 10, [50, 50, 20]],
    ['a thread of long messages: split by their text', 4, 400_000, [2, 2]],
  ])('%s', async (_name, count, textLength, sizes) => {
    const page = fakeAdapter({ recognised: true });
    const { ask, calls } = fakeAsk('ignored');
    const ctl = startController({ adapter: page.adapter, ask, signal: new AbortController().signal, onPageState: () => undefined, onDataChanged: () => undefined, debounceMs: 1 });
    const messages = Array.from({ length: count }, (_, i) => snap({ messageId: `m${i}`, direction: 'received', date: `2026-11-03T09:00:${String(i % 60).padStart(2, '0')}Z`, text: 'x'.repeat(textLength) }));
    page.thread(messages);
    await ctl.idle();
    expect(calls.map((c) => (c.payload['snapshots'] as unknown[]).length)).toEqual(sizes);
    expect(new Set(calls.flatMap((c) => idsOf(c.payload))).size).toBe(count);
  });

  it('an answer missing for one mail of a burst: that mail alone is forgotten and retried', async () => {
    const page = fakeAdapter({ recognised: true });
    const calls: string[][] = [];
    const ask = (async (_command: string, payload: Record<string, unknown>) => {
      const ids = idsOf(payload) as string[];
      calls.push(ids);
      // A short answer: the second mail of the first request gets none.
      return { results: ids.slice(0, calls.length === 1 ? 1 : ids.length).map(() => ({ outcome: 'ignored' })) };
    }) as unknown as Ask;
    const ctl = startController({ adapter: page.adapter, ask, signal: new AbortController().signal, onPageState: () => undefined, onDataChanged: () => undefined, debounceMs: 1 });
    const second = snap({ messageId: 'm2', direction: 'received' });
    page.thread([snap({}), second]);
    await ctl.idle();
    page.thread([snap({}), second]);
    await ctl.idle();
    expect(calls).toEqual([['m1', 'm2'], ['m2']]);
  });

  // The background asks for a mail's PDFs (outcome needs-attachments) only when it will read them: a new sent mail.
  function backgroundAsking(wants: boolean) {
    const calls: Array<{ command: string; payload: Record<string, unknown> }> = [];
    const ask = (async (command: string, payload: Record<string, unknown>) => {
      calls.push({ command, payload });
      // The burst goes without PDFs; a mail asked for them comes back alone with mail.seen.
      if (command === 'mail.seenMany') return { results: (payload['snapshots'] as unknown[]).map(() => ({ outcome: wants ? 'needs-attachments' : 'detected' })) };
      return { outcome: 'detected' };
    }) as unknown as Ask;
    return { ask, calls };
  }

  it.each([
    ['a PDF with a download URL, asked for: fetched and sent as base64', true, [{ filename: 'F-1.pdf', contentType: 'application/pdf', size: null, downloadUrl: '/att' }], new Uint8Array([37, 80, 68, 70]), 1, [undefined, [{ filename: 'F-1.pdf', base64: 'JVBERg==' }]]],
    ['the same PDF, not asked for (mail handled before): never downloaded', false, [{ filename: 'F-1.pdf', contentType: 'application/pdf', size: null, downloadUrl: '/att' }], new Uint8Array([1]), 0, [undefined]],
    ['not a PDF: not fetched even when asked', true, [{ filename: 'photo.png', contentType: 'image/png', size: null, downloadUrl: '/att' }], new Uint8Array([1]), 0, [undefined, []]],
    ['fetch refused: an empty list, so the background reads the body and does not ask again', true, [{ filename: 'F-1.pdf', contentType: null, size: null, downloadUrl: '/att' }], null, 1, [undefined, []]],
  ] as const)('%s', async (_name, wants, attachments, bytes, fetches, sent) => {
    const page = fakeAdapter({ recognised: true, bytes });
    const { ask, calls } = backgroundAsking(wants);
    const ctl = startController({ adapter: page.adapter, ask, signal: new AbortController().signal, onPageState: () => undefined, onDataChanged: () => undefined, debounceMs: 1 });
    page.thread([snap({ attachments: [...attachments] })]);
    await ctl.idle();
    expect(calls.map((c) => c.command)).toEqual(sent.length === 1 ? ['mail.seenMany'] : ['mail.seenMany', 'mail.seen']);
    expect(calls.map((c) => c.payload['attachments'])).toEqual(sent);
    expect(page.fetched).toHaveLength(fetches);
  });

  it('mails left undecided after one whose PDFs were asked for go again, as one burst, once that one is settled', async () => {
    const page = fakeAdapter({ recognised: true, bytes: new Uint8Array([37, 80, 68, 70]) });
    const calls: Array<[string, unknown]> = [];
    const ask = (async (command: string, payload: Record<string, unknown>) => {
      if (command === 'mail.seen') {
        calls.push([command, (payload['snapshot'] as EmailSnapshot).messageId]);
        return { outcome: 'detected' };
      }
      const ids = idsOf(payload);
      calls.push([command, ids]);
      // The background: the first mail with a PDF needs it; every mail after it is deferred.
      return { results: ids.map((id, i) => ({ outcome: id === 'm1' ? 'needs-attachments' : i > ids.indexOf('m1') && ids.includes('m1') ? 'deferred' : 'reply-recorded' })) };
    }) as unknown as Ask;
    let changed = 0;
    const ctl = startController({ adapter: page.adapter, ask, signal: new AbortController().signal, onPageState: () => undefined, onDataChanged: () => changed++, debounceMs: 1 });
    const pdf = [{ filename: 'F-1.pdf', contentType: 'application/pdf', size: null, downloadUrl: '/att' }];
    page.thread([snap({ attachments: pdf }), snap({ messageId: 'm2', direction: 'received', date: '2026-11-03T09:00:00Z' }), snap({ messageId: 'm3', direction: 'received', date: '2026-11-04T09:00:00Z' })]);
    await ctl.idle();
    expect(calls).toEqual([
      ['mail.seenMany', ['m1', 'm2', 'm3']],
      ['mail.seen', 'm1'],
      ['mail.seenMany', ['m2', 'm3']],
    ]);
    expect(changed).toBe(1);
  });

  it('a failed report is forgotten, so the next look at the message retries it', async () => {
    const page = fakeAdapter({ recognised: true });
    const down = fakeAsk('detected', true);
    const ctl = startController({ adapter: page.adapter, ask: down.ask, signal: new AbortController().signal, onPageState: () => undefined, onDataChanged: () => undefined, debounceMs: 1 });
    page.thread([snap({})]);
    await ctl.idle();
    page.thread([snap({})]);
    await ctl.idle();
    expect(down.calls.filter((c) => c.command === 'mail.seenMany')).toHaveLength(2);
  });

  it('an unknown layout: degraded state and one diagnostic per view kind, however many changes follow', async () => {
    const page = fakeAdapter({ recognised: false, diagnostic: DIAG });
    const { ask, calls } = fakeAsk();
    const states: PageState[] = [];
    startController({ adapter: page.adapter, ask, signal: new AbortController().signal, onPageState: (s) => states.push(s), onDataChanged: () => undefined });
    page.listeners.change.forEach((l) => l());
    page.listeners.change.forEach((l) => l());
    expect(states).toEqual([{ webmail: 'gmail', recognised: false }]);
    expect(calls.filter((c) => c.command === 'diagnostic.report')).toHaveLength(1);
  });

  it('a send caught in a compose window (no message id) names its client once detected', async () => {
    const page = fakeAdapter({ recognised: true });
    const { ask } = fakeAsk('detected');
    const sentTo: string[] = [];
    const ctl = startController({ adapter: page.adapter, ask, signal: new AbortController().signal, onPageState: () => undefined, onDataChanged: () => undefined, onInvoiceSent: (c) => sentTo.push(c.email), debounceMs: 1 });
    page.listeners.sends.forEach((l) => l(snap({ messageId: null, via: 'send' })));
    await ctl.idle();
    expect(sentTo).toEqual(['client@y.example']);
  });
});

describe('controller helpers', () => {
  it.each([
    [{ filename: 'a.PDF', contentType: null }, true],
    [{ filename: 'a', contentType: 'application/pdf' }, true],
    [{ filename: 'a.pdf.exe', contentType: 'application/octet-stream' }, false],
  ])('isPdf(%j) = %s', (att, expected) => {
    expect(isPdf({ size: null, downloadUrl: null, ...att })).toBe(expected);
  });

  it('reportKey: by webmail and message id; none for a message being sent', () => {
    expect(reportKey(snap({}))).toBe('gmail:m1');
    expect(reportKey(snap({ messageId: null }))).toBeNull();
  });

  it('inReportOrder: sent first, then oldest first; undated keep page order', () => {
    const r2 = snap({ messageId: 'r2', direction: 'received', date: '2026-11-05T00:00:00Z' });
    const r1 = snap({ messageId: 'r1', direction: 'received', date: '2026-11-04T00:00:00Z' });
    const s1 = snap({ messageId: 's1', date: null });
    expect(inReportOrder([r2, r1, s1]).map((m) => m.messageId)).toEqual(['s1', 'r1', 'r2']);
  });

  it.each([
    [[], ''],
    [[0], 'AA=='],
    [[255, 254, 253], '//79'],
  ])('bytesToBase64(%j) = %j', (bytes, b64) => {
    expect(bytesToBase64(new Uint8Array(bytes))).toBe(b64);
  });

  it('bytesToBase64 handles more than one chunk', () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(Buffer.from(bytesToBase64(big), 'base64')).toEqual(Buffer.from(big));
  });
});
