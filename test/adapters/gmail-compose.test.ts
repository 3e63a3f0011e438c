// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createGmailAdapter } from '@/lib/webmail/gmail/adapter';
import type { EmailSnapshot } from '@/lib/webmail/snapshot';
import { loadFixture, sleep } from './fixture';

const NOW = new Date('2026-11-20T09:30:00.000Z');
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyzKLMNOPQ';
const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';

function watchSends(fixture: string, url: string) {
  const doc = loadFixture(fixture);
  const adapter = createGmailAdapter(doc, () => url, { now: () => NOW });
  const sent: EmailSnapshot[] = [];
  const controller = new AbortController();
  adapter.observeSends((snap) => sent.push(snap), controller.signal);
  return { doc, adapter, sent, controller };
}

const ctrlEnter = (target: Element, meta = false) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: !meta, metaKey: meta, bubbles: true, cancelable: true }));

describe('gmail observeSends: compose window', () => {
  const expected = {
    webmail: 'gmail',
    messageId: null,
    threadId: null,
    direction: 'sent',
    from: { email: 'sophie.martin@example.com', name: '' },
    to: [
      { email: 'factures@brasserie-lemoine.example', name: 'Brasserie Lemoine' },
      { email: 'paul@brasserie-lemoine.example', name: 'Paul Lemoine' },
    ],
    cc: [],
    subject: 'Facture F-2026-030',
    date: NOW.toISOString(),
    text: 'Bonjour,\nVeuillez trouver ci-joint la facture F-2026-030 de 3 600,00 €, payable à 45 jours fin de mois.\nCordialement,\nSophie',
    attachments: [{ filename: 'F-2026-030.pdf', contentType: 'application/pdf', size: 84 * 1024, downloadUrl: null }],
    via: 'send',
  } satisfies EmailSnapshot;

  const gestures: { name: string; send: (doc: Document) => void }[] = [
    { name: 'click on Send', send: (d) => d.querySelector<HTMLElement>('.IZ .Up div > div[role="button"]')!.click() },
    { name: 'Ctrl+Enter in the body', send: (d) => ctrlEnter(d.querySelector('[g_editable="true"]')!) },
    { name: 'Cmd+Enter in the subject', send: (d) => ctrlEnter(d.querySelector('input[name="subjectbox"]')!, true) },
    { name: 'Enter on the focused Send button', send: (d) => d.querySelector('div.T-I-atl')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })) },
  ];
  it.each(gestures)('$name: one snapshot, taken before Gmail removes the compose', ({ send }) => {
    const { doc, sent, controller } = watchSends('gmail-2026-11-compose.html', INBOX_URL);
    send(doc);
    // The fixture (like Gmail) removed the dialog in its own handler, after ours.
    expect(doc.querySelector('[role="dialog"]')).toBeNull();
    expect(sent).toEqual([expected]);
    controller.abort();
  });

  it('the classic send button class pair is enough when the structure changes', () => {
    const { doc, sent } = watchSends('gmail-2026-11-compose.html', INBOX_URL);
    const button = doc.querySelector('div.T-I-atl')!;
    doc.querySelector('form')!.appendChild(button);
    doc.querySelector('.IZ')!.remove();
    (button as HTMLElement).click();
    expect(sent).toHaveLength(1);
  });

  it('other clicks and keys, and anything after abort, report nothing', () => {
    const { doc, sent, controller } = watchSends('gmail-2026-11-compose.html', INBOX_URL);
    doc.querySelector<HTMLElement>('[g_editable="true"]')!.click();
    doc.querySelector('[g_editable="true"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    doc.querySelector<HTMLElement>('div[gh="cm"]')!.click();
    expect(sent).toEqual([]);
    controller.abort();
    doc.querySelector<HTMLElement>('div.T-I-atl')!.click();
    expect(sent).toEqual([]);
  });

  it('a throwing callback never breaks the send', () => {
    const doc = loadFixture('gmail-2026-11-compose.html');
    createGmailAdapter(doc, () => INBOX_URL).observeSends(() => {
      throw new Error('listener bug');
    }, new AbortController().signal);
    expect(() => doc.querySelector<HTMLElement>('div.T-I-atl')!.click()).not.toThrow();
    expect(doc.querySelector('[role="dialog"]')).toBeNull();
  });
});

describe('gmail observeSends: inline reply', () => {
  it.each([
    ['click on Send', (d: Document) => d.querySelector<HTMLElement>('.M9 div[role="button"]')!.click()],
    ['Ctrl+Enter', (d: Document) => ctrlEnter(d.querySelector('.M9 [g_editable="true"]')!)],
  ])('%s: the thread id, chips, the subject, the text above and with the quote, the card', (_name, send) => {
    const { doc, sent } = watchSends('gmail-2026-11-inline-reply.html', THREAD_URL);
    send(doc);
    expect(doc.querySelector('.M9')).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      messageId: null,
      threadId: 'thread-f:1812345678901234567',
      direction: 'sent',
      to: [{ email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' }],
      subject: 'Re: Invoice F-2026-014',
      attachments: [{ filename: 'F-2026-014.pdf', contentType: 'application/pdf', size: 120 * 1024, downloadUrl: null }],
      via: 'send',
    });
    expect(sent[0]!.text.split('\n')[0]).toBe('Hello, a reminder about invoice F-2026-014, due on December 2.');
  });

  it('recipients collapsed into a summary: the thread’s correspondent and subject', () => {
    const { doc, sent } = watchSends('gmail-2026-11-inline-reply.html', THREAD_URL);
    doc.querySelector('.M9 [role="listbox"]')!.remove();
    doc.querySelector('.M9 input[name="subjectbox"]')!.remove();
    doc.querySelector<HTMLElement>('.M9 div[role="button"]')!.click();
    expect(sent[0]).toMatchObject({ to: [{ email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' }], subject: 'Invoice F-2026-014' });
  });
});

describe('gmail openReply / openCompose / insertDraft', () => {
  const draft = { html: '<p>Hello, invoice <b>F-2026-014</b> is now overdue.</p>', text: 'Hello, invoice F-2026-014 is now overdue.' };

  it('opens the inline reply (rendered later by Gmail) and inserts above the quote, registered by autosave', async () => {
    const doc = loadFixture('gmail-2026-11-thread.html');
    const adapter = createGmailAdapter(doc, () => THREAD_URL);
    expect(doc.querySelector('.M9')).toBeNull();
    const editor = await adapter.openReply({ threadId: 'thread-f:1812345678901234567', messageId: 'msg-f:1812345678901299999' });
    expect(editor).not.toBeNull();
    expect(editor!.kind).toBe('reply');
    expect(editor!.threadId).toBe('thread-f:1812345678901234567');
    expect(editor!.element.closest('.M9')).not.toBeNull();

    const inputs = vi.fn();
    editor!.element.addEventListener('input', (e) => inputs((e as InputEvent).inputType));
    const result = await adapter.insertDraft(editor!, draft);
    // happy-dom has no execCommand: the Range fallback (the E2E check covers execCommand in Chromium).
    expect(result).toEqual({ ok: true, method: 'range' });
    expect(inputs).toHaveBeenCalledWith('insertFromPaste');
    const first = editor!.element.firstElementChild!;
    expect(first.tagName).toBe('P');
    expect(first.textContent).toBe(draft.text);
    expect(editor!.element.querySelector('.gmail_quote')!.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(editor!.element.getAttribute('data-saved')).toBe('true');
    expect(editor!.element.getAttribute('data-events')).toBe('input keyup');
    // The caret ends right after the draft.
    const range = doc.getSelection()!.getRangeAt(0);
    expect(range.collapsed).toBe(true);
    expect(range.startContainer).toBe(editor!.element);
    expect(range.startOffset).toBe(1);
    // The subject of the reply is untouched.
    expect(doc.querySelector<HTMLInputElement>('.M9 input[name="subjectbox"]')!.value).toBe('Re: Invoice F-2026-014');
  });

  it('uses execCommand when the page has it (mocked here; real Chromium in the E2E check)', async () => {
    const doc = loadFixture('gmail-2026-11-inline-reply.html');
    const adapter = createGmailAdapter(doc, () => THREAD_URL);
    const editor = (await adapter.openReply({ threadId: null }))!;
    const exec = vi.fn((command: string, _ui: boolean, html: string) => {
      const range = doc.getSelection()!.getRangeAt(0);
      const holder = doc.createElement('div');
      holder.innerHTML = html;
      range.insertNode(holder.firstChild!);
      return command === 'insertHTML';
    });
    Object.defineProperty(doc, 'execCommand', { value: exec, configurable: true });
    const result = await adapter.insertDraft(editor, draft);
    expect(result).toEqual({ ok: true, method: 'execCommand' });
    expect(exec).toHaveBeenCalledWith('insertHTML', false, draft.html);
    expect(editor.element.firstElementChild!.textContent).toBe(draft.text);
    delete (doc as { execCommand?: unknown }).execCommand;
  });

  it('an execCommand that reports success but inserts nothing falls back to Range, once', async () => {
    const doc = loadFixture('gmail-2026-11-inline-reply.html');
    const adapter = createGmailAdapter(doc, () => THREAD_URL);
    const editor = (await adapter.openReply({ threadId: null }))!;
    Object.defineProperty(doc, 'execCommand', { value: () => true, configurable: true });
    expect(await adapter.insertDraft(editor, draft)).toEqual({ ok: true, method: 'range' });
    expect(editor.element.textContent!.split(draft.text)).toHaveLength(2);
    delete (doc as { execCommand?: unknown }).execCommand;
  });

  it('the draft\'s active content is dropped on the Range path', async () => {
    const doc = loadFixture('gmail-2026-11-inline-reply.html');
    const adapter = createGmailAdapter(doc, () => THREAD_URL);
    const editor = (await adapter.openReply({ threadId: null }))!;
    await adapter.insertDraft(editor, { html: '<p onclick="x()">Hi <a href="javascript:alert(1)">there</a><script>bad()</script></p>', text: 'Hi there' });
    const p = editor.element.firstElementChild!;
    expect(p.getAttribute('onclick')).toBeNull();
    expect(p.querySelector('a')!.getAttribute('href')).toBeNull();
    expect(p.querySelector('script')).toBeNull();
  });

  it.each([
    ['another thread than the open one', { threadId: 'thread-f:1' }, 'gmail-2026-11-thread.html'],
    ['no thread open', { threadId: null }, 'gmail-2026-11-inbox.html'],
  ] as const)('openReply returns null for %s', async (_name, ref, fixture) => {
    const adapter = createGmailAdapter(loadFixture(fixture), () => THREAD_URL);
    expect(await adapter.openReply(ref)).toBeNull();
  });

  it('openReply gives up after its timeout when no editor appears', async () => {
    const adapter = createGmailAdapter(loadFixture('gmail-2026-11-thread.html', { runScripts: false }), () => THREAD_URL);
    vi.useFakeTimers();
    const pending = adapter.openReply({ threadId: null });
    await vi.advanceTimersByTimeAsync(3100);
    expect(await pending).toBeNull();
    vi.useRealTimers();
  });

  it('openCompose opens a new message with the recipient as a chip, and the draft goes in', async () => {
    const doc = loadFixture('gmail-2026-11-inbox.html');
    const adapter = createGmailAdapter(doc, () => INBOX_URL);
    const editor = await adapter.openCompose({ email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' });
    expect(editor).toMatchObject({ kind: 'compose', threadId: null });
    const chip = doc.querySelector('[role="dialog"] [role="option"]');
    expect(chip?.getAttribute('data-hovercard-id')).toBe('compta@atelier-dupont.example');
    expect((await adapter.insertDraft(editor!, draft)).ok).toBe(true);
    expect(editor!.element.getAttribute('data-saved')).toBe('true');
  });

  it('openCompose without a Compose button: null; insertDraft into a removed editor: a clear error', async () => {
    const doc = loadFixture('gmail-2026-11-thread.html');
    const adapter = createGmailAdapter(doc, () => THREAD_URL);
    expect(await adapter.openCompose({ email: 'a@b.example', name: '' })).toBeNull();
    const editor = (await adapter.openReply({ threadId: null }))!;
    editor.element.remove();
    const result = await adapter.insertDraft(editor, draft);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/no longer editable/);
    await sleep(0);
  });
});
