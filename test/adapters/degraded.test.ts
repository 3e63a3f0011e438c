// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WebmailAdapter } from '@/lib/webmail/adapter';
import { censorHtml } from '@/lib/webmail/censor';
import { createGmailAdapter } from '@/lib/webmail/gmail/adapter';
import { createOutlookAdapter } from '@/lib/webmail/outlook/adapter';
import { fixtureText, loadFixture } from './fixture';

const NOW = new Date('2026-11-20T09:30:00.000Z');
const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyzKLMNOPQ';
const OUTLOOK_THREAD = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjE1';

const unknown: { name: string; fixture: string; make: (doc: Document) => WebmailAdapter; missed: string[] }[] = [
  { name: 'gmail', fixture: 'gmail-unknown-layout.html', make: (d) => createGmailAdapter(d, () => GMAIL_THREAD, { now: () => NOW }), missed: ['OPEN_THREAD', 'THREAD_SUBJECT', 'MESSAGE_CONTAINER', 'MESSAGE_SENDER', 'MESSAGE_BODY'] },
  { name: 'outlook', fixture: 'outlook-unknown-layout.html', make: (d) => createOutlookAdapter(d, () => OUTLOOK_THREAD, { now: () => NOW }), missed: ['READING_PANE', 'MAIL_LIST'] },
];

describe('unknown layouts degrade visibly and leak nothing', () => {
  it.each(unknown)('$name: null reads, not recognised, a censored diagnostic', async ({ fixture, make, missed }) => {
    const adapter = make(loadFixture(fixture));
    expect(adapter.recognised()).toBe(false);
    expect(adapter.readOpenThread()).toBeNull();
    expect(adapter.currentCorrespondent()).toBeNull();
    expect(await adapter.openReply({ threadId: null })).toBeNull();
    expect(await adapter.openCompose({ email: 'a@b.example', name: '' })).toBeNull();
    const diagnostic = adapter.diagnose()!;
    expect(diagnostic).toMatchObject({ webmail: adapter.name, missed, at: NOW.toISOString() });
    // Tags and attribute names are kept, every text and value is gone (role excepted).
    expect(diagnostic.censoredHtml).toMatch(/<div class="">/);
    expect(diagnostic.censoredHtml).not.toMatch(/SECRET|@|example|Invoice|9 999|https?:/i);
    expect(diagnostic.censoredHtml.replace(/role="[a-z ]+"/g, '')).not.toMatch(/="[^"]/);
  });

  it('gmail without a main area: MAIN_AREA missed, view unknown', () => {
    const adapter = createGmailAdapter(loadFixture('gmail-unknown-layout.html', { mutate: (d) => d.querySelector('[role="main"]')!.removeAttribute('role') }), () => GMAIL_THREAD);
    expect(adapter.diagnose()).toMatchObject({ view: 'unknown', missed: ['MAIN_AREA'] });
  });

  it.each([
    ['gmail thread', () => createGmailAdapter(loadFixture('gmail-2026-11-thread.html'), () => GMAIL_THREAD)],
    ['gmail compose', () => createGmailAdapter(loadFixture('gmail-2026-11-compose.html'), () => 'https://mail.google.com/mail/u/0/#inbox')],
    ['gmail inline reply', () => createGmailAdapter(loadFixture('gmail-2026-11-inline-reply.html'), () => GMAIL_THREAD)],
    ['gmail inbox', () => createGmailAdapter(loadFixture('gmail-2026-11-inbox.html'), () => 'https://mail.google.com/mail/u/0/#inbox')],
    ['outlook thread', () => createOutlookAdapter(loadFixture('outlook-2026-11-thread.html'), () => OUTLOOK_THREAD)],
    ['outlook compose', () => createOutlookAdapter(loadFixture('outlook-2026-11-compose.html'), () => 'https://outlook.office.com/mail/inbox')],
    ['outlook inbox', () => createOutlookAdapter(loadFixture('outlook-2026-11-inbox.html'), () => 'https://outlook.office.com/mail/inbox')],
  ])('%s: recognised, no diagnostic', (_name, make) => {
    const adapter = make();
    expect(adapter.recognised()).toBe(true);
    expect(adapter.diagnose()).toBeNull();
  });

  it.each([
    ['gmail compose without a send button', 'gmail-2026-11-compose.html', (d: Document) => d.querySelector('.IZ')!.remove(), 'compose', ['COMPOSE_SEND_BUTTON']],
    ['gmail thread whose bodies are renamed', 'gmail-2026-11-thread.html', (d: Document) => d.querySelectorAll('.a3s').forEach((b) => (b.className = 'zz')), 'thread', ['MESSAGE_BODY']],
  ] as const)('%s', (_name, fixture, mutate, view, missed) => {
    const adapter = createGmailAdapter(loadFixture(fixture, { mutate }), () => GMAIL_THREAD);
    expect(adapter.recognised()).toBe(false);
    expect(adapter.diagnose()).toMatchObject({ view, missed });
  });

  it('outlook conversation URL with a pane but no body: MESSAGE_BODY missed', () => {
    const doc = loadFixture('outlook-2026-11-thread.html', { mutate: (d) => d.querySelectorAll('[id^="UniqueMessageBody_"]').forEach((b) => b.removeAttribute('id')) });
    expect(createOutlookAdapter(doc, () => OUTLOOK_THREAD).diagnose()).toMatchObject({ view: 'thread', missed: ['MESSAGE_BODY'] });
  });

  it('censorHtml caps its output and neutralises odd names', () => {
    const doc = loadFixture('gmail-unknown-layout.html');
    const big = doc.createElement('div');
    for (let i = 0; i < 3000; i++) big.appendChild(doc.createElement('span')).setAttribute('data-x', 'secret');
    expect(censorHtml(big, 1000).length).toBeLessThanOrEqual(1000 + '<!--truncated-->'.length);
    expect(censorHtml(big, 1000)).toMatch(/truncated-->$/);
    const role = doc.createElement('div');
    role.setAttribute('role', 'button');
    role.setAttribute('aria-label', 'Send to secret@example.com');
    expect(censorHtml(role)).toBe('<div role="button" aria-label=""></div>');
  });
});

describe('nothing throws on malformed markup', () => {
  const pieces = fc.constantFrom(
    '<div role="main">', '</div>', '<h2 data-thread-perm-id="thread-f:1">', '<div data-message-id="#msg-f:1">', '<div data-legacy-message-id="zz">',
    '<span class="gD" email="a@b.example">', '<span class="g2" email="">', '<span class="g3" title="Feb 31, 2026, 99:99 PM">', '<div class="a3s">',
    '<span class="aZo" download_url="::">', '<span class="aZo" download_url="application/pdf:x.pdf:https://mail.google.com/a">', '<a href="javascript:1">',
    '<div id="ReadingPaneContainerId">', '<div role="heading" title="">', '<div id="UniqueMessageBody_1">', '<span title="@">', '<span>&lt;x@y.z&gt;</span>',
    '<table><tr><td>', '<br>', 'text', '<!--', '<script>', '<div class="M9"><form><div contenteditable="true" aria-multiline="true">', '<template>',
  );
  it('readOpenThread, currentCorrespondent, diagnose and recognised on random page soups', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 40 }), (parts) => {
        document.body.innerHTML = parts.join('');
        for (const adapter of [createGmailAdapter(document, () => GMAIL_THREAD), createOutlookAdapter(document, () => OUTLOOK_THREAD)]) {
          const view = adapter.readOpenThread();
          if (view) expect(Array.isArray(view.messages)).toBe(true);
          adapter.currentCorrespondent();
          adapter.recognised();
          const d = adapter.diagnose();
          if (d) expect(d.censoredHtml).not.toMatch(/@/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the fixtures carry their licence note', () => {
    for (const name of ['gmail-2026-11-compose.html', 'outlook-2026-11-compose.html', 'gmail-unknown-layout.html']) expect(fixtureText(name)).toMatch(/Licence: written for this project/);
  });
});
