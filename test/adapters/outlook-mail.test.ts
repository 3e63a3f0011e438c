// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ThreadView } from '@/lib/webmail/adapter';
import { createOutlookAdapter } from '@/lib/webmail/outlook/adapter';
import type { EmailSnapshot } from '@/lib/webmail/snapshot';
import { loadFixture, sleep } from './fixture';

const NOW = new Date('2026-11-20T09:30:00.000Z');
const THREAD_URL = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjE1';
const SENT_URL = 'https://outlook.office.com/mail/sentitems/id/AAQkAGI2TSENT0001';
const INBOX_URL = 'https://outlook.office.com/mail/inbox';
const localIso = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();
const draft = { html: '<p>Hello, invoice <b>F-2026-015</b> is now overdue.</p>', text: 'Hello, invoice F-2026-015 is now overdue.' };

describe('outlook readOpenThread', () => {
  it('conversation (newest first, French dates): the client’s reply and the user’s invoice', () => {
    const view = createOutlookAdapter(loadFixture('outlook-2026-11-thread.html'), () => THREAD_URL).readOpenThread()!;
    expect(view).toMatchObject({ threadId: 'AAQkADAwATM0MDAAMS1hZjE1LTA3ZTItMDACLTAwCgAQAJg4', subject: 'Facture F-2026-015', userEmail: 'sophie.martin@example.com' });
    expect(view.messages.map((m) => [m.direction, m.from.email, m.to.map((t) => t.email), m.date])).toEqual([
      ['received', 'factures@brasserie-lemoine.example', ['sophie.martin@example.com'], localIso(2026, 11, 3, 9, 2)],
      ['sent', 'sophie.martin@example.com', ['factures@brasserie-lemoine.example'], localIso(2026, 11, 2, 10, 14)],
    ]);
    expect(view.messages[1]!.text).toBe('Bonjour, veuillez trouver ci-joint la facture F-2026-015 de 1 450,00 €, payable à 30 jours.');
    // Ids are stable across reads by different adapters (the page gives none), and distinct.
    const again = createOutlookAdapter(loadFixture('outlook-2026-11-thread.html'), () => THREAD_URL).readOpenThread()!;
    expect(again.messages.map((m) => m.messageId)).toEqual(view.messages.map((m) => m.messageId));
    expect(new Set(view.messages.map((m) => m.messageId)).size).toBe(2);
    expect(view.messages[0]!.messageId).toMatch(/^owa:[0-9a-f]{8}$/);
  });

  it('sent item: US date, recipients, the PDF with its same-origin link (the foreign one dropped)', () => {
    const view = createOutlookAdapter(loadFixture('outlook-2026-11-sent.html'), () => SENT_URL).readOpenThread()!;
    expect(view.messages).toHaveLength(1);
    expect(view.messages[0]).toMatchObject({
      webmail: 'outlook',
      threadId: 'AAQkAGI2TSENT0001',
      direction: 'sent',
      from: { email: 'sophie.martin@example.com', name: 'Sophie Martin' },
      to: [
        { email: 'billing@northwind.example', name: 'Northwind Billing' },
        { email: 'cfo@northwind.example', name: 'Ana Ruiz' },
      ],
      subject: 'Invoice F-2026-022',
      date: localIso(2026, 10, 6, 16, 45),
      text: 'Hello Ana,\nPlease find attached invoice F-2026-022 for $1,450.00, due within 30 days.\nBest,\nSophie',
      attachments: [
        { filename: 'F-2026-022.pdf', contentType: 'application/pdf', size: null, downloadUrl: 'https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=AAMkAGI2ATT001&X-OWA-CANARY=x' },
        { filename: 'terms.pdf', contentType: 'application/pdf', size: null, downloadUrl: null },
      ],
      via: 'thread',
    });
  });

  it('without the account manager: Sent Items means sent, elsewhere received; pop-out: thread id from the URL', () => {
    const mutate = (d: Document) => {
      d.querySelector('#mectrl_currentAccount_secondary')?.remove();
      d.querySelector('#MailList')?.remove();
    };
    const sent = createOutlookAdapter(loadFixture('outlook-2026-11-sent.html', { mutate }), () => SENT_URL).readOpenThread()!;
    expect(sent.messages[0]?.direction).toBe('sent');
    expect(sent.threadId).toBe('AAQkAGI2TSENT0001');
    const inbox = createOutlookAdapter(loadFixture('outlook-2026-11-sent.html', { mutate }), () => 'https://outlook.office.com/mail/inbox/id/AAQkX%2FY').readOpenThread()!;
    expect(inbox.messages[0]?.direction).toBe('received');
    expect(inbox.threadId).toBe('AAQkX/Y');
  });

  it('the draft in an inline reply is not a message of the conversation', () => {
    const view = createOutlookAdapter(loadFixture('outlook-2026-11-inline-reply.html'), () => THREAD_URL).readOpenThread()!;
    expect(view.messages.map((m) => m.text)).toEqual(['Received, thanks.']);
  });
});

describe('outlook observeMessages', () => {
  it('reports at start, once per reading-pane swap, nothing while idle', async () => {
    const doc = loadFixture('outlook-2026-11-thread.html');
    const adapter = createOutlookAdapter(doc, () => THREAD_URL);
    const seen: ThreadView[] = [];
    const controller = new AbortController();
    adapter.observeMessages((v) => seen.push(v), controller.signal);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await sleep(300);
    expect(seen).toHaveLength(1);

    // OWA swaps the pane's content for another conversation, in many mutations.
    const pane = doc.querySelector('#ReadingPaneContainerId')!;
    doc.querySelector('#MailList [aria-selected="true"]')!.setAttribute('aria-selected', 'false');
    doc.querySelectorAll('#MailList [role="option"]')[1]!.setAttribute('aria-selected', 'true');
    pane.replaceChildren();
    const heading = pane.appendChild(doc.createElement('div'));
    heading.setAttribute('role', 'heading');
    heading.setAttribute('title', 'Newsletter');
    const msg = pane.appendChild(doc.createElement('div'));
    msg.innerHTML = '<div><span>News</span> <span>&lt;news@letters.example&gt;</span></div><div id="UniqueMessageBody_9">Hello</div>';
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    await sleep(300);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ threadId: 'AAQkADAwATM0MDAAMS1hZjE1LTA3ZTItMDACLTAwCgAQAJg5', subject: 'Newsletter' });
    expect(seen[1]!.messages[0]).toMatchObject({ from: { email: 'news@letters.example', name: 'News' }, direction: 'received', text: 'Hello' });
    controller.abort();
  });
});

describe('outlook observeSends', () => {
  function watch(fixture: string, url: string) {
    const doc = loadFixture(fixture);
    const sent: EmailSnapshot[] = [];
    createOutlookAdapter(doc, () => url, { now: () => NOW }).observeSends((s) => sent.push(s), new AbortController().signal);
    return { doc, sent };
  }
  const ctrlEnter = (el: Element) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));

  it.each([
    ['click on Send (inner span)', (d: Document) => d.querySelector<HTMLElement>('[data-testid="ComposeSendButton"] span')!.click()],
    ['Ctrl+Enter in the body', (d: Document) => ctrlEnter(d.querySelector('[aria-multiline="true"]')!)],
  ])('new message, %s: snapshot before OWA removes the form', (_n, send) => {
    const { doc, sent } = watch('outlook-2026-11-compose.html', INBOX_URL);
    send(doc);
    expect(doc.querySelector('[data-app-section="Form_Content"]')).toBeNull();
    expect(sent).toEqual([
      {
        webmail: 'outlook',
        messageId: null,
        threadId: null,
        direction: 'sent',
        from: { email: 'sophie.martin@example.com', name: '' },
        to: [
          { email: 'billing@northwind.example', name: 'Northwind Billing' },
          { email: 'cfo@northwind.example', name: 'Ana Ruiz' },
        ],
        cc: [],
        subject: 'Invoice F-2026-031',
        date: NOW.toISOString(),
        text: 'Hello Ana,\nPlease find attached invoice F-2026-031 for $2,000.00, payable net 30.\nBest,\nSophie',
        attachments: [{ filename: 'F-2026-031.pdf', contentType: 'application/pdf', size: null, downloadUrl: null }],
        via: 'send',
      },
    ]);
  });

  it('inline reply: the conversation id and subject, the chip, the PDF card', () => {
    const { doc, sent } = watch('outlook-2026-11-inline-reply.html', THREAD_URL);
    doc.querySelector<HTMLElement>('[data-testid="ComposeSendButton"]')!.click();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      threadId: 'AAQkAGI2TINLINE0001',
      subject: 'Invoice F-2026-015',
      to: [{ email: 'factures@brasserie-lemoine.example', name: 'Brasserie Lemoine' }],
      attachments: [{ filename: 'F-2026-015.pdf', downloadUrl: null }],
    });
    expect(sent[0]!.text.startsWith('Hello, a friendly reminder about invoice F-2026-015.')).toBe(true);
  });

  it('clicks elsewhere report nothing', () => {
    const { doc, sent } = watch('outlook-2026-11-thread.html', THREAD_URL);
    doc.querySelector<HTMLElement>('#MailList [role="option"]')!.click();
    expect(sent).toEqual([]);
  });
});

describe('outlook openReply / openCompose / insertDraft (Roosterjs)', () => {
  it('opens the reply to a given message and pastes the draft into the editor’s model, undoable', async () => {
    const doc = loadFixture('outlook-2026-11-thread.html');
    const adapter = createOutlookAdapter(doc, () => THREAD_URL);
    const threadId = 'AAQkADAwATM0MDAAMS1hZjE1LTA3ZTItMDACLTAwCgAQAJg4';
    const reply = adapter.readOpenThread()!.messages[0]!;
    const editor = await adapter.openReply({ threadId, messageId: reply.messageId });
    expect(editor).toMatchObject({ kind: 'reply', threadId });
    const el = editor!.element;
    const quoteBefore = el.querySelector('#divRplyFwdMsg')!.textContent;

    expect(await adapter.insertDraft(editor!, draft)).toEqual({ ok: true, method: 'paste' });
    expect(el.getAttribute('data-undo-depth')).toBe('1');
    expect(el.firstElementChild!.tagName).toBe('P');
    expect(el.firstElementChild!.textContent).toBe(draft.text);
    expect(el.querySelector('#divRplyFwdMsg')!.textContent).toBe(quoteBefore);
    const range = doc.getSelection()!.getRangeAt(0);
    expect(range.startContainer).toBe(el);
    expect(range.startOffset).toBe(1);

    // Ctrl+Z in the editor: Roosterjs's undo removes the draft.
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(el.textContent).not.toContain(draft.text);
    expect(el.getAttribute('data-undo-depth')).toBe('0');
  });

  it('an editor that ignores paste gets the Range fallback with an input event', async () => {
    const doc = loadFixture('outlook-2026-11-inline-reply.html', { runScripts: false });
    const adapter = createOutlookAdapter(doc, () => THREAD_URL);
    const editor = (await adapter.openReply({ threadId: 'AAQkAGI2TINLINE0001' }))!;
    const onInput = vi.fn();
    editor.element.addEventListener('input', onInput);
    expect(await adapter.insertDraft(editor, draft)).toEqual({ ok: true, method: 'range' });
    expect(onInput).toHaveBeenCalledTimes(1);
    expect(editor.element.firstElementChild!.textContent).toBe(draft.text);
  });

  it('openCompose: New mail, recipient typed into a chip, draft pasted', async () => {
    const doc = loadFixture('outlook-2026-11-inbox.html');
    const adapter = createOutlookAdapter(doc, () => INBOX_URL);
    expect(await adapter.openReply({ threadId: null })).toBeNull();
    const editor = await adapter.openCompose({ email: 'factures@brasserie-lemoine.example', name: 'Brasserie Lemoine' });
    expect(editor).toMatchObject({ kind: 'compose', threadId: null });
    expect(doc.querySelector('[data-app-section="Form_Content"] [role="listitem"]')?.getAttribute('title')).toBe('factures@brasserie-lemoine.example');
    expect(await adapter.insertDraft(editor!, draft)).toEqual({ ok: true, method: 'paste' });
  });
});
