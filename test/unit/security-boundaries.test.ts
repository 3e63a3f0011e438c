import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { COMMANDS, MAX_MAILS_PER_REQUEST, type CommandName } from '@/lib/messaging/protocol';
import { createRouter, WEBMAIL_ORIGINS, type Handlers, type SenderInfo } from '@/lib/messaging/router';
import { freshStore } from '../background/helpers';

/**
 * The trust boundaries between contexts (SECURITY.md §Boundaries): every command says who may send it, content
 * scripts (which live in pages that display attacker-controlled mail) cannot reach the extension-only commands,
 * the background refuses a malformed payload of every command before any handler runs, and no code listens to
 * window messages from the page.
 */

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPopup: SenderInfo = { id: EXT_ID, url: `chrome-extension://${EXT_ID}/popup.html` };
const fromGmail: SenderInfo = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox' } };

/** A router whose handlers count their calls: a refused request must never reach one. */
function setup() {
  const { store } = freshStore();
  const real = createHandlers(store, { now: () => new Date('2025-06-15T10:00:00Z'), afterWrite: async () => undefined });
  const calls: string[] = [];
  const counted = Object.fromEntries(
    Object.entries(real).map(([name, fn]) => [name, (...args: unknown[]) => (calls.push(name), (fn as (...a: unknown[]) => unknown)(...args))]),
  ) as unknown as Handlers;
  const route = createRouter(counted, { extensionId: EXT_ID, extensionOrigin: `chrome-extension://${EXT_ID}/`, webmailOrigins: WEBMAIL_ORIGINS });
  return { route, calls };
}

/**
 * The commands the sidebar may use from a webmail page. Adding one is a security decision: this list must be
 * changed on purpose (and SECURITY.md with it).
 */
const CONTENT_COMMANDS: readonly CommandName[] = [
  'invoice.create', 'invoice.markPaid', 'client.view', 'status.get', 'settings.get', 'mail.seen', 'mail.seenMany', 'invoice.confirm',
  'invoice.dismiss', 'invoice.update', 'event.record', 'diagnostic.report', 'invoice.snooze', 'invoice.pause',
  'client.pause', 'client.followup', 'client.flags', 'dossier.export', 'sidebar.load',
];

const long = (n: number) => 'x'.repeat(n);
/**
 * For each command, payloads of the right outer shape that are wrong inside (a missing field, a wrong type, an
 * oversize string, an injected key in a strict object). Commands that take `{}` have only shape errors. The table
 * must name every command: a new command without a row fails the test below.
 */
const WRONG_PAYLOADS: Record<CommandName, unknown[]> = {
  'invoice.create': [{}, { invoice: { clientEmail: 'not-an-address', number: 'F1', amountMinor: 100, currency: 'EUR', issueDate: '2025-01-01', dueDate: '2025-01-31' } },
    { invoice: { clientEmail: 'a@b.example', number: 'F1', amountMinor: 1.5, currency: 'EUR', issueDate: '2025-01-01', dueDate: '2025-01-31' } },
    { invoice: { clientEmail: 'a@b.example', number: long(101), amountMinor: 100, currency: 'EUR', issueDate: '2025-01-01', dueDate: '2025-01-31' } }],
  'invoice.markPaid': [{}, { id: '' }, { id: 'x', date: '2025-02-30' }, { id: 'x', amountMinor: -5 }],
  'client.view': [{}, { clientEmail: 'a' }, { clientEmail: long(400) }],
  'invoice.list': [],
  'status.get': [],
  'settings.get': [],
  'settings.update': [{}, { patch: { jurisdiction: 'XX' } }],
  'data.export': [],
  'data.import': [{}, { text: 42 }],
  'mail.seen': [{}, { snapshot: { subject: 1 } }, { snapshot: null }],
  // A burst of mails: none, too many (refused before any is read), one malformed, too long together.
  'mail.seenMany': [{}, { snapshots: [] }, { snapshots: Array.from({ length: MAX_MAILS_PER_REQUEST + 1 }, () => null) }, { snapshots: [{ subject: 1 }] },
    { snapshots: Array.from({ length: 3 }, (_, i) => ({ webmail: 'gmail', messageId: `m${i}`, threadId: 't', direction: 'sent', from: { email: 'a@b.example', name: 'A' }, to: [], cc: [], subject: 's', date: null, text: long(400_000), attachments: [], via: 'thread' })) }],
  'invoice.confirm': [{}, { id: long(65) }, { id: 'x', edits: { amountMinor: 'lots' } }],
  'invoice.dismiss': [{}, { id: '' }],
  'invoice.update': [{}, { id: 'x' }, { id: 'x', patch: { dueDate: 'tomorrow' } }],
  'event.record': [{}, { invoiceIds: [], type: 'note' }, { invoiceIds: ['a'], type: 'payment-recorded' }, { invoiceIds: ['a'], type: 'note', payload: { big: long(5000) } }],
  'diagnostic.report': [{}, { diagnostic: { webmail: 'yahoo', view: 'thread', missed: [], censoredHtml: '', at: '' } },
    { diagnostic: { webmail: 'gmail', view: 'thread', missed: ['<script>'], censoredHtml: '', at: '' } }],
  'diagnostic.list': [],
  'csv.preview': [{}, { text: 5 }],
  'csv.check': [{}, { text: 'a,b', mapping: 'all' }],
  'csv.import': [{}, { text: 'a,b', mapping: { number: -1 } }, { text: 'a,b', mapping: { script: 0 } }],
  'data.exportCsv': [],
  'data.deleteAll': [{}, { confirm: 'yes' }],
  'invoice.snooze': [{}, { id: 'x' }, { id: 'x', until: '31/12/2025' }],
  'invoice.pause': [{}, { id: 'x', paused: 'yes' }],
  'client.pause': [{}, { clientEmail: 'a@b.example' }],
  'client.followup': [{}, { clientEmail: 1 }],
  'client.flags': [{}, { clientEmail: 'a@b.example', flags: { isAdmin: true } }],
  'letter.get': [{}, { clientEmail: null }],
  'dossier.export': [{}, { clientEmail: ['a@b.example'] }],
  'popup.list': [],
  'popup.page': [{ groups: 0 }, { groups: 501 }, { groups: 2.5 }, { after: { dueDate: '31/12/2025', id: 'x' } }, { after: { dueDate: '2025-12-31', id: '' } }, { after: 'next' }],
  'sidebar.load': [{}, { clientEmail: 'a' }, { clientEmail: 42 }, { clientEmail: long(400) }, { clientEmail: null, firstView: 'yes' }],
  'client.update': [{}, { clientEmail: 'a@b.example' }, { clientEmail: 'a@b.example', patch: 'all' }],
  'plans.get': [],
  'storage.status': [],
  'plans.update': [{ plans: 'standard' }, { defaultPlanId: 5 }, { plans: Array.from({ length: 21 }, () => ({})) }],
};
/** Not an object at all: refused by every command's schema. */
const NOT_OBJECTS = [null, 42, 'payload', [], true];

describe('every command declares who may send it', () => {
  it.each(Object.entries(COMMANDS))('%s has a non-empty `from` list of known senders', (_name, spec) => {
    expect(spec.from.length).toBeGreaterThan(0);
    for (const s of spec.from) expect(['content', 'extension']).toContain(s);
  });

  it('content scripts get exactly the sidebar commands, nothing more', () => {
    const fromContent = Object.entries(COMMANDS).filter(([, s]) => (s.from as readonly string[]).includes('content')).map(([n]) => n);
    expect(fromContent.sort()).toEqual([...CONTENT_COMMANDS].sort());
    for (const extensionOnly of ['data.export', 'data.import', 'data.deleteAll', 'settings.update', 'csv.import', 'invoice.list', 'letter.get']) {
      expect(fromContent).not.toContain(extensionOnly);
    }
  });

  it.each(Object.keys(COMMANDS).filter((n) => !CONTENT_COMMANDS.includes(n as CommandName)))(
    'a content script calling %s is refused before validation or any handler',
    async (name) => {
      const { route, calls } = setup();
      const r = await route({ relance: 1, command: name, payload: {} }, fromGmail);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(calls).toEqual([]);
    },
  );
});

describe('the background validates every payload (the content bridge validates nothing)', () => {
  it('the wrong-payload table names every command', () => {
    expect(Object.keys(WRONG_PAYLOADS).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  const cases = (Object.keys(COMMANDS) as CommandName[]).flatMap((name) =>
    [...NOT_OBJECTS, ...WRONG_PAYLOADS[name]].map((payload, i) => [name, i, payload] as const),
  );
  it.each(cases)('%s refuses wrong payload #%i with invalid_request and runs no handler', async (name, _i, payload) => {
    const { route, calls } = setup();
    const r = await route({ relance: 1, command: name, payload }, fromPopup);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['no envelope', 'hello'],
    ['a wrong protocol version', { relance: 2, command: 'status.get', payload: {} }],
    ['an unknown command', { relance: 1, command: 'eval', payload: {} }],
    ['a prototype key as command', { relance: 1, command: '__proto__', payload: {} }],
    ['a constructor key as command', { relance: 1, command: 'constructor', payload: {} }],
  ])('refuses %s', async (_n, message) => {
    const { route, calls } = setup();
    expect(await route(message, fromPopup)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(calls).toEqual([]);
  });
});

const ROOT = resolve(__dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry) ? [path] : [];
  });
}

/**
 * Window messages can be posted by the webmail page, its iframes and other extensions' content scripts: none is
 * trusted. The only message listeners allowed are the offscreen document's link to the dedicated PDF worker it
 * started itself (a Worker's messages cannot come from a page), listed here with the reason.
 */
const ALLOWED_MESSAGE_LISTENERS: Record<string, string> = {
  'entrypoints/offscreen/main.ts': 'answers from the PDF worker this document created (worker.onmessage), tagged with PDF_WORKER_CHANNEL',
  'entrypoints/offscreen/pdf-worker.ts': 'the dedicated PDF worker: only its creator (the offscreen document) can post to it',
};

describe('window.postMessage is never trusted', () => {
  const files = ['lib', 'components', 'entrypoints'].flatMap((d) => sources(join(ROOT, d)));

  it('no code listens to message events except the documented worker channel', () => {
    const listening = files
      .filter((f) => /addEventListener\(\s*['"`]message['"`]|\bonmessage\s*=|onmessageerror/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(listening.sort()).toEqual(Object.keys(ALLOWED_MESSAGE_LISTENERS).sort());
  });

  it('no code posts to the page window or opens a port to other extensions', () => {
    const offenders = files.filter((f) => {
      const src = readFileSync(f, 'utf8');
      return /window\.(top|parent|opener)?\.?postMessage\(|runtime\.onMessageExternal|runtime\.onConnectExternal|\.connect\(\s*['"`][a-p]{32}/.test(src);
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the content bridge sends only our envelope and ships no schema (the background is the boundary)', () => {
    const bridge = readFileSync(join(ROOT, 'lib/messaging/content-client.ts'), 'utf8');
    expect(bridge).toMatch(/postMessage\(\{ relance: 1, id, command: req\.command, payload: req\.payload \} satisfies PortRequest\)/);
    expect(bridge).toMatch(/runtime\.connect\(\{ name: RELANCE_PORT \}\)/);
    expect(bridge).not.toMatch(/^import (?!type)[^;]*from ['"](zod|@\/lib\/messaging\/protocol)['"]/m);
  });
});
