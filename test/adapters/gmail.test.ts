// @vitest-environment happy-dom
import { join } from 'node:path';
import { readWebmailFixture } from '../fixtures/webmail/read-fixture';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createGmailAdapter, gmailUserEmail } from '@/lib/webmail/gmail/adapter';

const FIXTURE = readWebmailFixture(join(import.meta.dirname, '../fixtures/webmail/gmail-2026-11-thread.html'));

function load(mutate?: (doc: Document) => void): Document {
  document.open();
  document.write(FIXTURE);
  document.close();
  mutate?.(document);
  return document;
}

const url = () => 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz';

describe('gmail adapter on gmail-2026-11-thread.html', () => {
  beforeEach(() => {
    vi.useRealTimers();
  });

  const cases: { name: string; mutate?: (doc: Document) => void; expected: { email: string; name: string } | null }[] = [
    { name: 'the first sender who is not the user (lower-cased)', expected: { email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' } },
    {
      name: 'a thread of one sent message: its recipient',
      mutate: (d) => d.querySelectorAll('.adn')[1]?.remove(),
      expected: { email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' },
    },
    {
      name: 'no open thread (list view): null',
      mutate: (d) => d.querySelector('.ha')?.remove(),
      expected: null,
    },
    {
      name: 'a hidden previous view is ignored',
      mutate: (d) => d.querySelector('div[role="main"]')?.setAttribute('style', 'display: none'),
      expected: null,
    },
    {
      name: 'user found from the account button when the title has no address',
      mutate: (d) => {
        d.title = 'Inbox - Gmail';
        d.querySelectorAll('.adn')[1]?.remove();
      },
      expected: { email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' },
    },
    {
      name: 'a thread only with the user: null',
      mutate: (d) => {
        d.querySelectorAll('.adn')[1]?.remove();
        d.querySelector('span.g2')?.setAttribute('email', 'sophie.martin@example.com');
      },
      expected: null,
    },
    { name: 'no main area at all: null', mutate: (d) => d.querySelector('div[role="main"]')?.remove(), expected: null },
  ];

  it.each(cases)('$name', ({ mutate, expected }) => {
    const adapter = createGmailAdapter(load(mutate), url);
    expect(adapter.name).toBe('gmail');
    expect(adapter.currentCorrespondent()).toEqual(expected);
  });

  it.each([
    ['Invoice F-2026-014 - sophie.martin@example.com - Gmail', 'sophie.martin@example.com'],
    ['Re: from a@b.example - Sophie@Example.com - Gmail', 'sophie@example.com'],
  ])('user address from the title %s', (title, expected) => {
    const doc = load((d) => {
      d.title = title;
    });
    expect(gmailUserEmail(doc)).toBe(expected);
  });

  it('reports navigation (hashchange) and thread rendering, batched, until aborted', async () => {
    const doc = load();
    const adapter = createGmailAdapter(doc, url);
    const onChange = vi.fn();
    const controller = new AbortController();
    adapter.observe(onChange, controller.signal);

    // A burst of mutations in the main area plus a hash change: one call.
    const main = doc.querySelector('div[role="main"]')!;
    for (let i = 0; i < 5; i++) main.appendChild(doc.createElement('div'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(onChange).toHaveBeenCalledTimes(1);

    // A mutation outside the main area is not watched.
    doc.querySelector('header')!.appendChild(doc.createElement('span'));
    await new Promise((r) => setTimeout(r, 300));
    expect(onChange).toHaveBeenCalledTimes(1);

    controller.abort();
    main.appendChild(doc.createElement('div'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await new Promise((r) => setTimeout(r, 300));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('starts on the body before the main area exists, then sees the thread appear', async () => {
    const main = load().querySelector('div[role="main"]')!;
    main.remove();
    const adapter = createGmailAdapter(document, url);
    const onChange = vi.fn();
    const controller = new AbortController();
    adapter.observe(onChange, controller.signal);
    expect(adapter.currentCorrespondent()).toBeNull();
    document.querySelector('.nH.bkK')!.appendChild(main);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(adapter.currentCorrespondent()?.email).toBe('compta@atelier-dupont.example');
    controller.abort();
  });
});
