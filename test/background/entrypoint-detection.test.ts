import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakePorts } from './helpers';
import background from '@/entrypoints/background/index';
import { sentSnapshot } from './mail';

const i18n = fakeBrowser.i18n as unknown as { getMessage: (k: string, s?: unknown) => string };

function fromGmailTab() {
  return { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/#sent', tab: { id: 4, url: 'https://mail.google.com/mail/u/0/#sent' } } as never;
}

async function send(command: string, payload: unknown) {
  const answers = await fakeBrowser.runtime.onMessage.trigger({ relance: 1, command, payload }, fromGmailTab());
  return answers.find(Boolean) as unknown as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };
}

describe('background entrypoint: detection commands', () => {
  let ports: ReturnType<typeof installFakePorts>;
  beforeEach(() => {
    fakeBrowser.reset();
    ports = installFakePorts(fakeBrowser.runtime);
    i18n.getMessage = () => '';
    indexedDB.deleteDatabase('relance');
  });

  it('detects a sent invoice from a content script; without chrome.offscreen the PDF is reported unreadable, not fatal', async () => {
    background.main();
    const snapshot = sentSnapshot({ attachments: [{ filename: 'F-2025-014.pdf', contentType: 'application/pdf', size: 1000, downloadUrl: null }] });
    const r = await send('mail.seen', { snapshot, attachments: [{ filename: 'F-2025-014.pdf', base64: 'JVBERi0xLjQK' }] });
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({
      outcome: 'detected',
      attachmentsRead: [{ filename: 'F-2025-014.pdf', status: 'unreadable', message: expect.stringMatching(/not available .*fields taken from the body/) }],
    });
    const view = await send('client.view', { clientEmail: 'marc@dupont-bat.example' });
    expect((view.data?.['pending'] as unknown[]).length).toBe(1);
  });

  it("answers a content script's requests on its port, as on sendMessage, and refuses a port from another site", async () => {
    background.main();
    const tab = ports.connect(fromGmailTab());
    const seen = await tab.ask<{ results: { outcome: string }[] }>('mail.seenMany', { snapshots: [sentSnapshot({ messageId: 'msg-p:1', threadId: 'thread-p:1', via: 'thread' })] });
    expect(seen).toMatchObject({ ok: true, data: { results: [{ outcome: 'detected' }] } });
    const view = await tab.ask<{ view: { pending: unknown[] } }>('sidebar.load', { clientEmail: 'marc@dupont-bat.example' });
    expect(view.ok && view.data.view.pending).toHaveLength(1);
    // Extension-only commands stay refused from a webmail tab, on the port too.
    expect(await tab.ask('data.export', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(tab.isOpen()).toBe(true);

    const stranger = ports.connect({ id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' } });
    expect(stranger.isOpen()).toBe(false);
  });
});
