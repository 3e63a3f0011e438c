// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ThreadView } from '@/lib/webmail/adapter';
import { createGmailAdapter } from '@/lib/webmail/gmail/adapter';
import { normaliseGmailId } from '@/lib/webmail/gmail/thread';
import { loadFixture, sleep } from './fixture';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyzKLMNOPQ';
const SENT_URL = 'https://mail.google.com/mail/u/0/#sent/FMfcgzQXJWxyzKLMNOPQ';
const localIso = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

describe('gmail readOpenThread', () => {
  it('thread: the user’s invoice with its PDF (same-origin URL only) and the client’s reply', () => {
    const view = createGmailAdapter(loadFixture('gmail-2026-11-thread.html'), () => THREAD_URL).readOpenThread()!;
    expect(view.threadId).toBe('thread-f:1812345678901234567');
    expect(view.subject).toBe('Invoice F-2026-014');
    expect(view.userEmail).toBe('sophie.martin@example.com');
    expect(view.messages).toHaveLength(2);
    const [sent, reply] = view.messages;
    expect(sent).toMatchObject({
      webmail: 'gmail',
      messageId: 'msg-f:1812345678901234567',
      threadId: 'thread-f:1812345678901234567',
      direction: 'sent',
      from: { email: 'sophie.martin@example.com', name: 'Sophie Martin' },
      to: [{ email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' }],
      subject: 'Invoice F-2026-014',
      date: localIso(2026, 11, 2, 10, 14),
      via: 'thread',
    });
    expect(sent!.text).toBe('Hello,\nPlease find attached invoice F-2026-014 for 2 880,00 EUR, payable within 30 days.\nBest regards,\nSophie');
    expect(sent!.attachments).toEqual([
      {
        filename: 'F-2026-014.pdf',
        contentType: 'application/pdf',
        size: null,
        downloadUrl: 'https://mail.google.com/mail/u/0?ui=2&ik=4f2a&attid=0.1&permmsgid=msg-f:1812345678901234567&th=1926becaf11f4b87&view=att&disp=safe',
      },
      // Its download_url points to another origin: kept as a name, never as a URL.
      { filename: 'conditions.pdf', contentType: 'application/pdf', size: null, downloadUrl: null },
    ]);
    expect(reply).toMatchObject({
      messageId: 'msg-f:1812345678901299999',
      direction: 'received',
      from: { email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' },
      // Gmail's "me" label for the user is not a name.
      to: [{ email: 'sophie.martin@example.com', name: '' }],
      date: localIso(2026, 11, 3, 9, 2),
      text: 'Thank you, received. We will pay at the end of the month.',
      attachments: [],
    });
  });

  it('sent folder: user from the account button, block layout read as lines, PDF link', () => {
    const view = createGmailAdapter(loadFixture('gmail-2026-11-sent.html'), () => SENT_URL).readOpenThread()!;
    expect(view.userEmail).toBe('sophie.martin@example.com');
    expect(view.messages).toHaveLength(1);
    expect(view.messages[0]).toMatchObject({
      messageId: 'msg-f:1813000000000000001',
      threadId: 'thread-f:1813000000000000001',
      direction: 'sent',
      to: [
        { email: 'billing@northwind.example', name: 'Northwind Billing' },
        { email: 'cfo@northwind.example', name: 'Ana Ruiz' },
      ],
      date: localIso(2026, 10, 6, 16, 45),
      text: 'Dear Ana,\n\nPlease find attached invoice F-2026-021.\nTotal\t1,200.00 USD\nDue\tNovember 5, 2026\nKind regards,\nSophie',
    });
    expect(view.messages[0]!.attachments[0]?.downloadUrl).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/0\?ui=2&ik=4f2a&attid=0\.1/);
  });

  const directionCases = [
    { name: 'user unknown, Sent view: the user sent it', url: SENT_URL, expected: 'sent' },
    { name: 'user unknown, inbox view: received', url: THREAD_URL, expected: 'received' },
  ] as const;
  it.each(directionCases)('$name', ({ url, expected }) => {
    const doc = loadFixture('gmail-2026-11-sent.html', { mutate: (d) => d.querySelector('header')?.remove() });
    const view = createGmailAdapter(doc, () => url).readOpenThread()!;
    expect(view.userEmail).toBeNull();
    expect(view.messages[0]?.direction).toBe(expected);
  });

  it('no thread open (inbox list): null', () => {
    expect(createGmailAdapter(loadFixture('gmail-2026-11-inbox.html'), () => 'https://mail.google.com/mail/u/0/#inbox').readOpenThread()).toBeNull();
  });

  it('a message just sent (only data-message-id, msg-a) is read with that id; a message without a sender is skipped', () => {
    const doc = loadFixture('gmail-2026-11-thread.html');
    const main = doc.querySelector('div[role="main"]')!;
    const fresh = doc.createElement('div');
    fresh.setAttribute('data-message-id', '#msg-a:r-77');
    fresh.innerHTML = '<span class="gD" email="sophie.martin@example.com">Sophie</span><div class="a3s">New text</div>';
    const broken = doc.createElement('div');
    broken.setAttribute('data-legacy-message-id', 'ffff0000ffff0000');
    broken.innerHTML = '<div class="a3s">no sender</div>';
    main.append(fresh, broken);
    const view = createGmailAdapter(doc, () => THREAD_URL).readOpenThread()!;
    expect(view.messages.map((m) => m.messageId)).toEqual(['msg-f:1812345678901234567', 'msg-f:1812345678901299999', 'msg-a:r-77']);
    expect(view.messages[2]).toMatchObject({ direction: 'sent', text: 'New text', date: null });
  });

  it.each([
    ['#msg-f:1812345678901234567', 'msg', 'msg-f:1812345678901234567'],
    ['1926becaf11f4b87', 'msg', 'msg-f:1812345678901234567'],
    ['1926becaf11f4b87', 'thread', 'thread-f:1812345678901234567'],
    ['thread-f:1812345678901234567', 'thread', 'thread-f:1812345678901234567'],
    ['#msg-a:r-4242', 'msg', 'msg-a:r-4242'],
    ['', 'msg', null],
    [null, 'thread', null],
  ] as const)('normaliseGmailId(%j, %s) = %j', (raw, kind, expected) => {
    expect(normaliseGmailId(raw, kind)).toBe(expected);
  });
});

describe('gmail per-message cache', () => {
  it('reads a message once; re-reads it only when its body is filled; reads a new message alone', () => {
    const doc = loadFixture('gmail-2026-11-thread.html');
    const adapter = createGmailAdapter(doc, () => THREAD_URL);
    const first = adapter.readOpenThread()!;
    const again = adapter.readOpenThread()!;
    expect(again.messages[0]).toBe(first.messages[0]);
    expect(again.messages[1]).toBe(first.messages[1]);

    // Gmail fills a lazily loaded body in place.
    doc.querySelectorAll('div.a3s')[1]!.appendChild(doc.createElement('div')).textContent = 'PS: paid Friday.';
    const expanded = adapter.readOpenThread()!;
    expect(expanded.messages[0]).toBe(first.messages[0]);
    expect(expanded.messages[1]).not.toBe(first.messages[1]);
    expect(expanded.messages[1]!.text).toContain('PS: paid Friday.');
  });
});

describe('gmail observeMessages', () => {
  it('reports at start, once per burst, nothing while idle, then new messages and thread switches', async () => {
    const doc = loadFixture('gmail-2026-11-thread.html');
    let url = THREAD_URL;
    const adapter = createGmailAdapter(doc, () => url);
    const seen: ThreadView[] = [];
    const controller = new AbortController();
    adapter.observeMessages((view) => seen.push(view), controller.signal);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.messages).toHaveLength(2);

    // Idle, and re-renders that change nothing: no call.
    const main = doc.querySelector('div[role="main"]')!;
    main.appendChild(doc.createElement('span'));
    await sleep(300);
    expect(seen).toHaveLength(1);

    // A burst: the reply editor opens and the sent message renders (fixture's emulation): one call.
    doc.querySelector<HTMLElement>('span.ams.bkH')!.click();
    await sleep(100);
    doc.querySelector<HTMLElement>('.M9 div[role="button"].T-I-atl')!.click();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    await sleep(300);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.messages.map((m) => m.messageId)).toEqual(['msg-f:1812345678901234567', 'msg-f:1812345678901299999', 'msg-a:r-4242']);

    // Another thread replaces the view (hash navigation + new subject heading).
    const heading = doc.querySelector('h2.hP')!;
    heading.setAttribute('data-thread-perm-id', 'thread-f:99');
    heading.textContent = 'Other thread';
    url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyzOTHER0000';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen[2]!.threadId).toBe('thread-f:99');

    controller.abort();
    main.appendChild(doc.createElement('div')).setAttribute('data-message-id', '#msg-f:5');
    await sleep(300);
    expect(seen).toHaveLength(3);
  });
});
