// @vitest-environment happy-dom
import { join } from 'node:path';
import { readWebmailFixture } from '../fixtures/webmail/read-fixture';
import { describe, expect, it, vi } from 'vitest';
import { createOutlookAdapter, outlookUserEmail } from '@/lib/webmail/outlook/adapter';

const FIXTURE = readWebmailFixture(join(import.meta.dirname, '../fixtures/webmail/outlook-2026-11-thread.html'));

function load(mutate?: (doc: Document) => void): Document {
  document.open();
  document.write(FIXTURE);
  document.close();
  mutate?.(document);
  return document;
}

const url = () => 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjE1';
const messages = (d: Document) => Array.from(d.querySelectorAll('#ReadingPaneContainerId > div:not([role])'));

describe('outlook adapter on outlook-2026-11-thread.html', () => {
  const cases: { name: string; mutate?: (doc: Document) => void; expected: { email: string; name: string } | null }[] = [
    {
      name: 'the sender shown as "Name <address>" who is not the user',
      expected: { email: 'factures@brasserie-lemoine.example', name: 'Brasserie Lemoine' },
    },
    {
      name: 'the user’s own sent message: the recipient from its title',
      mutate: (d) => messages(d)[0]?.remove(),
      expected: { email: 'factures@brasserie-lemoine.example', name: 'Brasserie Lemoine' },
    },
    {
      name: 'addresses inside a message body are mail content, not parties',
      mutate: (d) => {
        messages(d)[1]?.remove();
        d.querySelector('.from .addr')!.textContent = '<sophie.martin@example.com>';
      },
      expected: null,
    },
    { name: 'no conversation open (no subject heading): null', mutate: (d) => d.querySelector('[role="heading"]')?.remove(), expected: null },
    {
      name: 'the reading pane found through role=main when the id is gone',
      mutate: (d) => d.querySelector('#ReadingPaneContainerId')?.removeAttribute('id'),
      expected: { email: 'factures@brasserie-lemoine.example', name: 'Brasserie Lemoine' },
    },
    {
      name: 'without the account manager, the first party is taken',
      mutate: (d) => {
        d.querySelector('#mectrl_currentAccount_secondary')?.remove();
        messages(d)[0]?.remove();
      },
      expected: { email: 'sophie.martin@example.com', name: 'Sophie Martin' },
    },
  ];

  it.each(cases)('$name', ({ mutate, expected }) => {
    const adapter = createOutlookAdapter(load(mutate), url);
    expect(adapter.name).toBe('outlook');
    expect(adapter.currentCorrespondent()).toEqual(expected);
  });

  it('reads the user from the account manager, not from translated labels', () => {
    expect(outlookUserEmail(load())).toBe('sophie.martin@example.com');
  });

  it('reports reading-pane changes (batched) and stops when aborted', async () => {
    const doc = load();
    const adapter = createOutlookAdapter(doc, url);
    const onChange = vi.fn();
    const controller = new AbortController();
    adapter.observe(onChange, controller.signal);
    const pane = doc.querySelector('#ReadingPaneContainerId')!;
    pane.replaceChildren();
    expect(adapter.currentCorrespondent()).toBeNull();
    pane.appendChild(doc.createElement('div'));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    // The message list is outside the pane: not watched.
    doc.querySelector('#MailList')!.appendChild(doc.createElement('div'));
    await new Promise((r) => setTimeout(r, 300));
    expect(onChange).toHaveBeenCalledTimes(1);
    controller.abort();
    pane.appendChild(doc.createElement('div'));
    await new Promise((r) => setTimeout(r, 300));
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
