// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { loadPanel, PANEL_GLOBAL, registerPanel, type MountPanel } from '@/components/sidebar/panel-contract';
import { withPrefetch } from '@/components/sidebar/prefetch';
import { createSidebarShell } from '@/components/sidebar/shell';
import { BridgeError, type Ask } from '@/lib/messaging/content-client';

function shell(initialOpen: boolean) {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const changes: boolean[] = [];
  const labels = { open: vi.fn(() => 'Open Relance'), close: vi.fn(() => 'Close Relance') };
  const s = createSidebarShell(document, container, { topInsetPx: 64, labels, initialOpen, onOpenChange: (o) => changes.push(o) });
  const toggle = container.querySelector<HTMLButtonElement>('[data-relance="sidebar-toggle"]')!;
  return { s, container, toggle, changes, labels };
}

describe('sidebar shell (plain DOM, no React at load)', () => {
  it('closed: the toggle is named by its visible text, and no message is looked up until needed', () => {
    const { s, toggle, labels } = shell(false);
    expect(s.root.dataset.relance).toBe('sidebar');
    expect(s.root.dataset.open).toBe('false');
    expect(s.root.style.top).toBe('64px');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('Relance');
    expect(toggle.hasAttribute('aria-label')).toBe(false);
    expect(labels.open).not.toHaveBeenCalled();
    expect(labels.close).not.toHaveBeenCalled();
    // The tooltip comes with the pointer or the focus.
    toggle.dispatchEvent(new Event('focus'));
    expect(toggle.title).toBe('Open Relance');
  });

  it('opens and closes by the toggle and by Escape, reporting each change once, focus back on the toggle', () => {
    const { s, toggle, changes } = shell(false);
    toggle.click();
    expect(s.isOpen()).toBe(true);
    expect(s.root.dataset.open).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Close Relance');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    s.root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(s.isOpen()).toBe(false);
    expect(document.activeElement).toBe(toggle);
    s.setOpen(false);
    expect(changes).toEqual([true, false]);
  });

  it('names the panel only while it exists (no dangling aria-controls)', () => {
    const { s, toggle } = shell(true);
    expect(toggle.hasAttribute('aria-controls')).toBe(false);
    s.setPanelId('relance-panel');
    expect(toggle.getAttribute('aria-controls')).toBe('relance-panel');
    s.setOpen(false);
    expect(toggle.hasAttribute('aria-controls')).toBe(false);
  });

  it('shows a failure as text in the panel place, cleared when a panel mounts', () => {
    const { s } = shell(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    s.showFailure('<b>not html</b>', new Error('gone'));
    const notice = s.root.querySelector('[data-relance="panel-failure"]')!;
    expect(notice.textContent).toBe('<b>not html</b>');
    expect(notice.querySelector('b')).toBeNull();
    expect(notice.getAttribute('role')).toBe('alert');
    s.setPanelId('relance-panel');
    expect(s.root.querySelector('[data-relance="panel-failure"]')).toBeNull();
    warn.mockRestore();
  });
});

describe('loading the panel script', () => {
  const mount: MountPanel = () => ({ setOpen: () => undefined, unmount: () => undefined });

  it('imports the file once, then uses what it registered', async () => {
    const world = {};
    const importModule = vi.fn(async () => registerPanel(world, mount));
    expect(await loadPanel(world, 'chrome-extension://x/sidebar-panel.js', importModule)).toBe(mount);
    expect(await loadPanel(world, 'chrome-extension://x/sidebar-panel.js', importModule)).toBe(mount);
    expect(importModule).toHaveBeenCalledTimes(1);
    expect(PANEL_GLOBAL in world).toBe(true);
  });

  it('a file that registers nothing, or fails to import, is a clear error', async () => {
    await expect(loadPanel({}, 'u.js', async () => undefined)).rejects.toThrow('The sidebar panel (u.js) did not load.');
    await expect(loadPanel({}, 'u.js', async () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow('Failed to fetch');
  });
});

describe('prefetching the sidebar data', () => {
  function base() {
    const calls: { command: string; payload: unknown }[] = [];
    const ask = ((command: string, payload: unknown) => {
      calls.push({ command, payload });
      return Promise.resolve({ n: calls.length });
    }) as unknown as Ask;
    return { ask, calls };
  }

  it("answers the panel's first matching sidebar.load with the request already in flight, once", async () => {
    const b = base();
    let now = 0;
    const p = withPrefetch(b.ask, () => now);
    p.prefetch('a@x.example');
    now = 500;
    expect(await p.ask('sidebar.load', { clientEmail: 'a@x.example' })).toEqual({ n: 1 });
    expect(await p.ask('sidebar.load', { clientEmail: 'a@x.example' })).toEqual({ n: 2 });
    expect(b.calls).toHaveLength(2);
  });

  it('asks afresh for another client, another command, or a stale prefetch', async () => {
    const b = base();
    let now = 0;
    const p = withPrefetch(b.ask, () => now);
    p.prefetch('a@x.example');
    await p.ask('sidebar.load', { clientEmail: 'b@x.example' });
    await p.ask('status.get', {});
    now = 10_000;
    await p.ask('sidebar.load', { clientEmail: 'a@x.example' });
    expect(b.calls.map((c) => c.command)).toEqual(['sidebar.load', 'sidebar.load', 'status.get', 'sidebar.load']);
  });

  it('an unused failed prefetch raises nothing; a used one reports its error', async () => {
    const failing = (() => Promise.reject(new BridgeError('unavailable', 'Relance is restarting.'))) as unknown as Ask;
    const p = withPrefetch(failing, () => 0);
    p.prefetch(null);
    await expect(p.ask('sidebar.load', { clientEmail: null })).rejects.toThrow('Relance is restarting.');
  });
});

describe('BridgeError across script copies', () => {
  it('is recognised by name, as the panel script has its own copy of the class', () => {
    const foreign = Object.assign(new Error('Nope.'), { name: 'BridgeError', code: 'duplicate' });
    expect(foreign instanceof BridgeError).toBe(true);
    expect(new BridgeError('internal', 'x') instanceof BridgeError).toBe(true);
    expect(new Error('x') instanceof BridgeError).toBe(false);
    expect({ name: 'BridgeError' } instanceof BridgeError).toBe(false);
  });
});
