// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createSidebarBus } from '@/components/sidebar/bus';
import type { SidebarLoad } from '@/components/sidebar/prefetch';
import { SidebarPanel } from '@/components/sidebar/SidebarPanel';
import { renderStaticNode } from '@/components/sidebar/static-dom';
import { actionTargetOf, buildStaticPanel, createStaticPanel, findActionTarget, type LoadedFirstView } from '@/components/sidebar/static-panel';
import { statusText } from '@/components/ui/status-text';
import type { Ask } from '@/lib/messaging/content-client';
import { FirstViewSchema, isStaticTree, type StaticNode } from '@/lib/messaging/first-view';
import type { Correspondent, WebmailAdapter } from '@/lib/webmail/adapter';
import { CLIENT, receivedSnapshot, sentSnapshot, setup } from '../background/mail';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_NUMBER = '<script>alert(1)</script>F-666';

afterEach(() => document.body.replaceChildren());

describe('the first view renderer: text is never parsed, the vocabulary is closed', () => {
  const cases: { name: string; node: StaticNode; check: (el: Node | null) => void }[] = [
    {
      name: 'a client name made of markup is text',
      node: { tag: 'div', kids: [HOSTILE_NAME] },
      check: (el) => {
        expect((el as HTMLElement).textContent).toBe(HOSTILE_NAME);
        expect((el as HTMLElement).querySelector('img')).toBeNull();
        expect((el as HTMLElement).innerHTML).toBe('&lt;img src=x onerror=alert(1)&gt;');
      },
    },
    {
      name: 'markup in an attribute value stays a value',
      node: { tag: 'li', attrs: { 'data-invoice-number': HOSTILE_NUMBER }, kids: [HOSTILE_NUMBER] },
      check: (el) => {
        expect((el as HTMLElement).getAttribute('data-invoice-number')).toBe(HOSTILE_NUMBER);
        expect((el as HTMLElement).querySelector('script')).toBeNull();
      },
    },
    {
      name: 'event handlers, links, styles and sources are dropped',
      node: { tag: 'button', attrs: { onclick: 'alert(1)', href: 'javascript:alert(1)', style: 'color:red', src: 'x', 'data-relance': 'mark-paid', type: 'button' } },
      check: (el) => expect(Array.from((el as HTMLElement).attributes).map((a) => a.name).sort()).toEqual(['data-relance', 'type']),
    },
    { name: 'a tag outside the vocabulary is left out with its subtree', node: { tag: 'script' as StaticNode['tag'], kids: ['alert(1)'] }, check: (el) => expect(el).toBeNull() },
    { name: 'an image is left out', node: { tag: 'img' as StaticNode['tag'], attrs: { src: 'x' } }, check: (el) => expect(el).toBeNull() },
    {
      name: 'a nested unknown tag is left out, its siblings kept',
      node: { tag: 'ul', kids: [{ tag: 'iframe' as StaticNode['tag'] }, { tag: 'li', kids: ['kept'] }] },
      check: (el) => expect((el as HTMLElement).innerHTML).toBe('<li>kept</li>'),
    },
    { name: 'a class outside the stylesheet is dropped', node: { tag: 'div', cls: 'evil" onclick="x' }, check: (el) => expect((el as HTMLElement).hasAttribute('class')).toBe(false) },
    { name: 'a class of the stylesheet is kept', node: { tag: 'span', cls: 'rl-status rl-status-overdue' }, check: (el) => expect((el as HTMLElement).className).toBe('rl-status rl-status-overdue') },
    { name: 'a text field is never painted', node: { tag: 'input', attrs: { type: 'text', name: 'iban' } }, check: (el) => expect(el).toBeNull() },
    { name: 'an input without a type is never painted', node: { tag: 'input' }, check: (el) => expect(el).toBeNull() },
    {
      name: 'a checkbox keeps its hook and state',
      node: { tag: 'input', attrs: { type: 'checkbox', 'data-relance': 'client-flag', 'data-flag': 'otherCompany', checked: '' } },
      check: (el) => {
        expect((el as HTMLInputElement).checked).toBe(true);
        expect((el as HTMLInputElement).dataset.flag).toBe('otherCompany');
      },
    },
    { name: 'a submit button loses its type', node: { tag: 'button', attrs: { type: 'submit' } }, check: (el) => expect((el as HTMLElement).hasAttribute('type')).toBe(false) },
  ];
  it.each(cases)('$name', ({ node, check }) => check(renderStaticNode(document, node)));
});

describe('the first view\'s schema (the background\'s answer is checked against the vocabulary)', () => {
  const cyclic: Record<string, unknown> = { tag: 'div', kids: [] };
  (cyclic['kids'] as unknown[]).push(cyclic);
  const cases: { name: string; node: unknown; ok: boolean }[] = [
    { name: 'a row with hooks, classes and text', node: { tag: 'li', cls: 'rl-invoice', attrs: { 'data-relance': 'invoice', 'data-invoice-number': HOSTILE_NUMBER }, kids: [HOSTILE_NAME, { tag: 'span', kids: ['x'] }] }, ok: true },
    { name: 'an unknown tag', node: { tag: 'script', kids: ['alert(1)'] }, ok: false },
    { name: 'an unknown tag deep down', node: { tag: 'ul', kids: [{ tag: 'li', kids: [{ tag: 'iframe' }] }] }, ok: false },
    { name: 'an event handler', node: { tag: 'button', attrs: { onclick: 'x' } }, ok: false },
    { name: 'a style attribute', node: { tag: 'div', attrs: { style: 'x' } }, ok: false },
    { name: 'a class outside the stylesheet', node: { tag: 'div', cls: 'evil' }, ok: false },
    { name: 'a key the renderer does not know (html)', node: { tag: 'div', html: '<b>x</b>' }, ok: false },
    { name: 'a number as text', node: { tag: 'div', kids: [42] }, ok: false },
    { name: 'kids that are not a list', node: { tag: 'div', kids: 'x' }, ok: false },
    { name: 'a cyclic tree', node: cyclic, ok: false },
  ];
  it.each(cases)('$name', ({ node, ok }) => {
    expect(isStaticTree(node)).toBe(ok);
    expect(FirstViewSchema.safeParse({ labels: { sidebarTitle: '', sidebarOpen: '', sidebarClose: '', noThread: '', unrecognisedGmail: '', unrecognisedOutlook: '' }, who: [], body: [node] }).success).toBe(ok);
  });
});

/** Data as the background answers it, through the router (its zod response schema included). */
async function answers() {
  const s = setup({ now: '2025-07-20T10:00:00Z' });
  // A detection waiting for review (sent invoice caught at send), a reply promising payment, two invoices by hand.
  await s.ok('mail.seen', { snapshot: sentSnapshot() });
  await s.ok('mail.seen', { snapshot: receivedSnapshot() });
  await s.ok('invoice.create', { invoice: { clientEmail: CLIENT.email, clientName: HOSTILE_NAME, number: HOSTILE_NUMBER, amountMinor: 120_050, currency: 'EUR', issueDate: '2025-05-01', dueDate: '2025-06-01' } }, undefined);
  const paid = await s.ok<{ id: string }>('invoice.create', { invoice: { clientEmail: CLIENT.email, clientName: 'Marc', number: 'F-2025-002', amountMinor: 50_000, currency: 'USD', issueDate: '2025-04-01', dueDate: '2025-05-01' } });
  await s.ok('invoice.markPaid', { id: paid.id, date: '2025-05-10' });
  await s.ok('client.flags', { clientEmail: CLIENT.email, flags: { otherCompany: true } });
  const load = (clientEmail: string | null) => s.ok<SidebarLoad>('sidebar.load', { clientEmail, firstView: true });
  return { s, load };
}

interface Scenario {
  name: string;
  who: Correspondent | null;
}
const SCENARIOS: Scenario[] = [
  { name: 'a client with a detection, an overdue invoice, a paid one, a reply and a flag', who: { email: CLIENT.email, name: HOSTILE_NAME } },
  { name: 'no thread open', who: null },
  { name: 'a correspondent Relance has never seen', who: { email: 'nobody@unknown.example', name: '' } },
  { name: 'a look-alike address (Cyrillic а)', who: { email: 'billing@pаypаl.example', name: 'PayPal' } },
];

function fakeAdapter(who: Correspondent | null): WebmailAdapter {
  return { name: 'gmail', currentCorrespondent: () => who, observe: () => undefined, readOpenThread: () => null } as unknown as WebmailAdapter;
}

/** The React panel's first render with the same data, as mount.ts hands it over. */
async function renderReact(who: Correspondent | null, data: SidebarLoad): Promise<{ section: HTMLElement; unmount: () => void }> {
  const slot = document.createElement('div');
  document.body.append(slot);
  const root = createRoot(slot);
  const ask = (() => new Promise(() => undefined)) as unknown as Ask;
  await act(async () => {
    root.render(
      createElement(SidebarPanel, {
        id: 'relance-panel',
        adapter: fakeAdapter(who),
        ask,
        bus: createSidebarBus(),
        host: { openLetter: () => undefined, download: () => undefined },
        signal: new AbortController().signal,
        open: true,
        pinned: null,
        setPinned: () => undefined,
        onClose: () => undefined,
        initialLoad: { clientEmail: who?.email ?? null, data },
      }),
    );
  });
  return { section: slot.querySelector('section')!, unmount: () => act(() => root.unmount()) };
}

/** Elements, their classes and attributes, the checked state, and text: what a user and the hooks see. */
function shape(node: Node): unknown {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  const el = node as HTMLElement;
  const attrs = Object.fromEntries(
    Array.from(el.attributes)
      .filter((a) => a.name !== 'checked' && a.name !== 'value')
      .map((a) => [a.name, a.value]),
  );
  const kids: unknown[] = [];
  // Adjacent text nodes (React writes "⚠ " and a label as two) read as one text.
  for (const k of Array.from(el.childNodes)) {
    const s = shape(k);
    if (typeof s === 'string' && typeof kids.at(-1) === 'string') kids[kids.length - 1] = `${kids.at(-1) as string}${s}`;
    else if (s !== '') kids.push(s);
  }
  return { tag: el.tagName.toLowerCase(), attrs, ...(el instanceof HTMLInputElement ? { checked: el.checked } : {}), kids };
}

describe('sidebar.load and the first view (through the router)', () => {
  it.each([
    { name: 'asked: answered with the data and the first view', payload: { clientEmail: CLIENT.email, firstView: true }, ok: true, firstView: true },
    { name: 'not asked (the panel\'s own reloads): no first view, no cost', payload: { clientEmail: CLIENT.email }, ok: true, firstView: false },
    { name: 'asked with false', payload: { clientEmail: null, firstView: false }, ok: true, firstView: false },
    { name: 'a flag that is not a boolean is refused', payload: { clientEmail: null, firstView: 'yes' }, ok: false, firstView: false },
  ])('$name', async ({ payload, ok, firstView }) => {
    const { s } = await answers();
    const r = await s.call<SidebarLoad>('sidebar.load', payload);
    expect(r.ok).toBe(ok);
    if (r.ok) {
      expect(r.data.firstView !== undefined).toBe(firstView);
      expect(r.data.settings).toBeDefined();
    } else expect(r.error.code).toBe('invalid_request');
  });
});

describe('the first view is the React panel\'s first render (same elements, hooks, words)', () => {
  it.each(SCENARIOS)('$name', async ({ who }) => {
    const { load } = await answers();
    const data = await load(who?.email ?? null);
    expect(data.firstView).toBeDefined();
    const painted = buildStaticPanel(document, 'relance-panel', { who, data: data as LoadedFirstView, unrecognisedOn: null });
    const react = await renderReact(who, data);
    expect(shape(painted)).toEqual(shape(react.section));
    react.unmount();
  });

  it('shows the client\'s open invoices, the detection, the next step, the risk and the history, with their hooks', async () => {
    const { load } = await answers();
    const who = SCENARIOS[0]!.who;
    const data = (await load(CLIENT.email)) as LoadedFirstView;
    const painted = buildStaticPanel(document, 'relance-panel', { who, data, unrecognisedOn: 'outlook' });
    const hooks = Array.from(painted.querySelectorAll('[data-relance]')).map((e) => e.getAttribute('data-relance'));
    for (const hook of ['correspondent-name', 'correspondent-email', 'unrecognised-page', 'detected-invoice', 'detected-due', 'confirm-invoice', 'edit-invoice', 'dismiss-invoice', 'add-invoice', 'invoice', 'mark-paid', 'insert-reminder', 'next-step', 'draft', 'insert-next-step', 'risk', 'client-flag', 'timeline', 'event']) {
      expect(hooks, hook).toContain(hook);
    }
    const name = painted.querySelector('[data-relance="correspondent-name"]')!;
    expect(name.textContent).toBe(HOSTILE_NAME);
    expect(painted.querySelector('img, script')).toBeNull();
    const row = Array.from(painted.querySelectorAll('[data-relance="invoice"]')).find((r) => r.getAttribute('data-invoice-number') === HOSTILE_NUMBER)!;
    expect(row.getAttribute('data-status')).toBe('overdue');
    expect(row.textContent).toContain(HOSTILE_NUMBER);
    expect(painted.querySelector('[data-flag="otherCompany"]')).toHaveProperty('checked', true);
  });
});

describe('a click in the first view is found again in the React panel', () => {
  it('maps every actionable element to the same hook and row on the other side', async () => {
    const { load } = await answers();
    const who = SCENARIOS[0]!.who;
    const data = await load(CLIENT.email);
    const painted = buildStaticPanel(document, 'relance-panel', { who, data: data as LoadedFirstView, unrecognisedOn: null });
    document.body.append(painted);
    const react = await renderReact(who, data);
    const actionable = Array.from(painted.querySelectorAll<HTMLElement>('button, input'));
    expect(actionable.length).toBeGreaterThan(10);
    for (const el of actionable) {
      const target = actionTargetOf(painted, el.firstChild ?? el);
      if (el.classList.contains('rl-close')) {
        expect(target).toBe('close');
        continue;
      }
      expect(target).not.toBeNull();
      const found = findActionTarget(react.section, target as Exclude<typeof target, 'close' | null>);
      expect(found?.dataset.relance).toBe(el.dataset.relance);
      expect(found?.closest('[data-invoice-number]')?.getAttribute('data-invoice-number') ?? null).toBe(el.closest('[data-invoice-number]')?.getAttribute('data-invoice-number') ?? null);
      expect(found?.dataset.flag).toBe(el.dataset.flag);
    }
    react.unmount();
  });

  it('does not click another row when the React panel lists other invoices', () => {
    const section = document.createElement('section');
    section.innerHTML = '<ul><li data-relance="invoice" data-invoice-number="F-2"><button data-relance="mark-paid"></button></li></ul>';
    expect(findActionTarget(section, { hook: 'mark-paid', index: 0, row: 'F-1', focused: false })).toBeNull();
    expect(findActionTarget(section, { hook: 'mark-paid', index: 1, row: 'F-2', focused: false })).toBeNull();
    expect(findActionTarget(section, { hook: 'mark-paid', index: 0, row: 'F-2', focused: false })).not.toBeNull();
  });
});

describe('the first view in the page (createStaticPanel)', () => {
  async function mounted(opts: { who?: Correspondent | null } = {}) {
    const { load } = await answers();
    const who = opts.who === undefined ? { email: CLIENT.email, name: 'Marc' } : opts.who;
    const data = (await load(who?.email ?? null)) as LoadedFirstView;
    const slot = document.createElement('div');
    document.body.append(slot);
    const bus = createSidebarBus();
    const log: string[] = [];
    const handed: unknown[] = [];
    let current = who;
    let onPageChange: (() => void) | null = null;
    const adapter = { currentCorrespondent: () => current, observe: (cb: () => void) => (onPageChange = cb) };
    const panel = createStaticPanel({
      doc: document,
      slot,
      id: 'relance-panel',
      adapter,
      bus,
      signal: new AbortController().signal,
      first: { who, data },
      load: (email) => (log.push(`load ${email}`), load(email)),
      onClose: () => log.push('close'),
      onWarm: () => log.push('warm'),
      onHandOver: (t) => handed.push(t),
    });
    const navigate = (next: Correspondent | null) => {
      current = next;
      onPageChange?.();
    };
    return { slot, bus, log, handed, panel, navigate };
  }
  const settle = () => new Promise((r) => setTimeout(r, 50));

  it.each([
    { hook: 'mark-paid', row: HOSTILE_NUMBER },
    { hook: 'insert-reminder', row: HOSTILE_NUMBER },
    { hook: 'confirm-invoice', row: 'F-2025-014' },
    { hook: 'add-invoice', row: null },
    { hook: 'insert-next-step', row: null },
  ])('a click on $hook is handed over, not performed', async ({ hook, row }) => {
    const m = await mounted();
    const el = Array.from(m.slot.querySelectorAll<HTMLElement>(`[data-relance="${hook}"]`)).find((e) => (e.closest('[data-invoice-number]')?.getAttribute('data-invoice-number') ?? null) === row)!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    el.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(m.handed).toEqual([expect.objectContaining({ hook, row })]);
  });

  it('a flag checkbox is not toggled by the first view: the React panel toggles it', async () => {
    const m = await mounted();
    const box = m.slot.querySelector<HTMLInputElement>('[data-flag="depositRefused"]')!;
    box.click();
    expect(box.checked).toBe(false);
    expect(m.handed).toEqual([expect.objectContaining({ hook: 'client-flag', row: null })]);
  });

  it('the close button closes without loading anything; text and the pointer only warm up', async () => {
    const m = await mounted();
    m.slot.querySelector<HTMLElement>('.rl-close')!.click();
    m.slot.querySelector<HTMLElement>('[data-relance="correspondent-email"]')!.click();
    m.slot.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(m.log).toEqual(['close', 'warm']);
    expect(m.handed).toEqual([]);
  });

  it('follows the background\'s writes and the thread shown, and stops once handed over', async () => {
    const m = await mounted();
    m.bus.dataChanged();
    await settle();
    m.navigate({ email: 'nobody@unknown.example', name: 'Nobody' });
    await settle();
    expect(m.log).toEqual([`load ${CLIENT.email}`, 'load nobody@unknown.example']);
    expect(m.slot.querySelector('[data-relance="correspondent-email"]')?.textContent).toBe('nobody@unknown.example');
    expect(m.slot.querySelectorAll('[data-relance="invoice"]').length).toBe(0);
    expect(m.panel.current().who?.email).toBe('nobody@unknown.example');
    m.slot.querySelector<HTMLElement>('[data-relance="add-invoice"]')!.click();
    m.bus.dataChanged();
    await settle();
    expect(m.log).toHaveLength(2);
    expect(m.slot.querySelectorAll('section').length).toBe(1);
    m.panel.remove();
    expect(m.slot.querySelector('section')).toBeNull();
  });

  it('shows the unrecognised-page notice the controller reports', async () => {
    const m = await mounted({ who: null });
    expect(m.slot.querySelector('[data-relance="unrecognised-page"]')).toBeNull();
    m.bus.setPage({ webmail: 'gmail', recognised: false });
    expect(m.slot.querySelector('[data-relance="unrecognised-page"]')).not.toBeNull();
    expect(m.slot.querySelector('[data-relance="correspondent-email"]')).toBeNull();
  });
});

// The unit tests' i18n answers the message key: which message each status picks.
describe('the status words (shared by the invoice row and the first view)', () => {
  it.each([
    [{ status: 'open', dueDate: '2025-07-20' }, 'statusDueToday'],
    [{ status: 'open', dueDate: '2025-07-21' }, 'statusDueInOne'],
    [{ status: 'open', dueDate: '2025-07-30' }, 'statusDueInDays'],
    [{ status: 'open', dueDate: '2025-07-19' }, 'statusOverdueOne'],
    [{ status: 'open', dueDate: '2025-06-01' }, 'statusOverdueDays'],
    [{ status: 'paid', dueDate: '2025-06-01' }, 'statusPaid'],
    [{ status: 'partially_paid', dueDate: '2025-06-01' }, 'statusOverdueDays'],
  ] as const)('%j → %s', (inv, words) => {
    expect(statusText(inv as never, '2025-07-20')).toBe(words);
  });
});
