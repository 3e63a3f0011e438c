// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { elementText, parseDisplayDate } from '@/lib/webmail/dom-text';
import { fetchSameOriginAttachment, sameOriginUrl } from '@/lib/webmail/fetch-attachment';
import type { SnapshotAttachment } from '@/lib/webmail/snapshot';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

describe('parseDisplayDate', () => {
  it.each([
    ['Mon, Nov 2, 2026, 10:14 AM', true, local(2026, 11, 2, 10, 14)],
    ['Tue, Nov 3, 2026, 12:05 PM', true, local(2026, 11, 3, 12, 5)],
    ['Tue, Nov 3, 2026, 12:05 AM', true, local(2026, 11, 3, 0, 5)],
    ['lun. 2 nov. 2026, 10:14', true, local(2026, 11, 2, 10, 14)],
    ['mar. 3 nov. 2026 09:02', true, local(2026, 11, 3, 9, 2)],
    ['Di., 3. Nov. 2026, 09:02', true, local(2026, 11, 3, 9, 2)],
    ['3 juil. 2026 à 18h30', true, local(2026, 7, 3, 18, 30)],
    ['3 juin 2026', true, local(2026, 6, 3)],
    ['Tue 10/6/2026 4:45 PM', true, local(2026, 10, 6, 16, 45)],
    ['mar. 03/11/2026 09:02', false, local(2026, 11, 3, 9, 2)],
    ['2026-11-02T10:14:00Z', true, '2026-11-02T10:14:00.000Z'],
    ['Feb 30, 2026', true, null],
    ['13/13/2026', true, null],
    ['Nov 2', true, null],
    ['yesterday', true, null],
    ['', true, null],
  ] as const)('%j → %j', (raw, monthFirst, expected) => {
    expect(parseDisplayDate(raw, monthFirst)).toBe(expected);
  });
});

describe('elementText', () => {
  const html = (s: string) => {
    const div = document.createElement('div');
    div.innerHTML = s;
    return div;
  };
  it.each([
    ['<div>a</div><div>b</div>', 'a\nb'],
    ['<p>a<br>b</p><p>c</p>', 'a\nb\nc'],
    ['<div>a</div><div><br></div><div>b</div>', 'a\n\nb'],
    ['<table><tr><td>Total</td><td>120 €</td></tr><tr><td>Due</td><td>May 1</td></tr></table>', 'Total\t120 €\nDue\tMay 1'],
    ['x<script>alert(1)</script><style>p{}</style>y', 'xy'],
    ['  lots   of\u00a0 space  ', 'lots of space'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
  ])('%j → %j', (input, expected) => {
    expect(elementText(html(input))).toBe(expected);
  });
  it('caps its output and survives deep nesting', () => {
    expect(elementText(html('<div>'.repeat(5000) + 'deep' + '</div>'.repeat(5000)))).toBe('deep');
    expect(elementText(html('x'.repeat(1000)), 100)).toHaveLength(100);
    expect(elementText(null)).toBe('');
  });
});

describe('fetchAttachment (same origin only, capped, timed)', () => {
  const PAGE = 'https://mail.google.com/mail/u/0/#inbox/abc';
  const att = (downloadUrl: string | null): SnapshotAttachment => ({ filename: 'F.pdf', contentType: 'application/pdf', size: null, downloadUrl });
  const bytes = (n: number) => new Uint8Array(n).fill(7);

  it.each([
    ['https://mail.google.com/mail/u/0?attid=0.1', 'https://mail.google.com/mail/u/0?attid=0.1'],
    ['/mail/u/0?attid=0.1', 'https://mail.google.com/mail/u/0?attid=0.1'],
    ['https://mail.google.com.attacker.example/x', null],
    ['http://mail.google.com/x', null],
    ['javascript:alert(1)', null],
    ['data:application/pdf;base64,AAAA', null],
    ['not a url at all %%%', 'https://mail.google.com/mail/u/0/not%20a%20url%20at%20all%20%%%'],
    [null, null],
  ])('sameOriginUrl(%j) = %j', (raw, expected) => {
    expect(sameOriginUrl(raw, PAGE)).toBe(expected);
  });

  it('fetches with the page credentials and returns the bytes', async () => {
    const fetchImpl = vi.fn(async () => new Response(bytes(10), { status: 200 }));
    const out = await fetchSameOriginAttachment(att('https://mail.google.com/a?attid=1'), PAGE, fetchImpl as unknown as typeof fetch);
    expect(out).toEqual(bytes(10));
    expect(fetchImpl).toHaveBeenCalledWith('https://mail.google.com/a?attid=1', expect.objectContaining({ credentials: 'include' }));
  });

  it('refuses other origins without any request', async () => {
    const fetchImpl = vi.fn();
    expect(await fetchSameOriginAttachment(att('https://evil.example/a.pdf'), PAGE, fetchImpl as unknown as typeof fetch)).toBeNull();
    expect(await fetchSameOriginAttachment(att(null), PAGE, fetchImpl as unknown as typeof fetch)).toBeNull();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it.each([
    ['HTTP error', () => new Response('no', { status: 403 })],
    ['declared too large', () => new Response(bytes(10), { headers: { 'content-length': String(50) } })],
    ['streams past the cap', () => new Response(new ReadableStream({ start(c) { c.enqueue(bytes(30)); c.enqueue(bytes(30)); c.close(); } }))],
    ['network failure', () => { throw new TypeError('failed'); }],
  ])('%s: null', async (_name, respond) => {
    const fetchImpl = vi.fn(async () => respond());
    expect(await fetchSameOriginAttachment(att('/a?attid=1'), PAGE, fetchImpl as unknown as typeof fetch, { maxBytes: 40 })).toBeNull();
  });

  it('a redirect to another origin is not the attachment', async () => {
    const response = new Response(bytes(5));
    Object.defineProperty(response, 'url', { value: 'https://accounts.google.com/signin' });
    expect(await fetchSameOriginAttachment(att('/a'), PAGE, (async () => response) as unknown as typeof fetch)).toBeNull();
  });

  it('times out: aborts the request and returns null', async () => {
    const fetchImpl = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted')))));
    expect(await fetchSameOriginAttachment(att('/a'), PAGE, fetchImpl as unknown as typeof fetch, { timeoutMs: 20 })).toBeNull();
  });
});
