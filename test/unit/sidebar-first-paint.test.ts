// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { withPrefetch } from '@/components/sidebar/prefetch';
import { createShadowHost } from '@/components/sidebar/shadow-host';
import { loadSidebarOpen, saveSidebarOpen, SIDEBAR_OPEN_KEY } from '@/lib/webmail/sidebar-state';
import { BridgeError, type Ask } from '@/lib/messaging/content-client';

const flush = () => new Promise((r) => setTimeout(r, 0));

function base(fail = false) {
  const calls: string[] = [];
  const ask = ((command: string) => {
    calls.push(command);
    return fail ? Promise.reject(new BridgeError('unavailable', 'Relance is restarting.')) : Promise.resolve({ n: calls.length });
  }) as unknown as Ask;
  return { ask, calls };
}

describe('the prefetched answer as the first view (take)', () => {
  const cases: { name: string; fail?: boolean; settle: boolean; askFor: string | null; at: number; expected: unknown }[] = [
    { name: 'arrived, same client, fresh: handed over', settle: true, askFor: 'a@x.example', at: 100, expected: { clientEmail: 'a@x.example', data: { n: 1 } } },
    { name: 'not arrived yet: nothing', settle: false, askFor: 'a@x.example', at: 100, expected: null },
    { name: 'another client: nothing', settle: true, askFor: 'b@x.example', at: 100, expected: null },
    { name: 'stale: nothing', settle: true, askFor: 'a@x.example', at: 10_000, expected: null },
    { name: 'failed: nothing', fail: true, settle: true, askFor: 'a@x.example', at: 100, expected: null },
  ];
  it.each(cases)('$name', async ({ fail, settle, askFor, at, expected }) => {
    const b = base(fail);
    let now = 0;
    const p = withPrefetch(b.ask, () => now);
    p.prefetch('a@x.example');
    if (settle) await flush();
    now = at;
    expect(p.take(askFor)).toEqual(expected);
  });

  it('is handed over once: the next sidebar.load asks the background again', async () => {
    const b = base();
    const p = withPrefetch(b.ask, () => 0);
    p.prefetch(null);
    await flush();
    expect(p.take(null)).toEqual({ clientEmail: null, data: { n: 1 } });
    expect(p.take(null)).toBeNull();
    expect(await p.ask('sidebar.load', { clientEmail: null })).toEqual({ n: 2 });
  });

  it('a data change drops it: neither take nor the first sidebar.load uses it', async () => {
    const b = base();
    const p = withPrefetch(b.ask, () => 0);
    p.prefetch('a@x.example');
    await flush();
    p.invalidate();
    expect(p.take('a@x.example')).toBeNull();
    expect(await p.ask('sidebar.load', { clientEmail: 'a@x.example' })).toEqual({ n: 2 });
  });
});

describe('the shadow host', () => {
  it('is a <relance-sidebar> at the end of the body with an open shadow root: html > head(style) + body', () => {
    document.body.replaceChildren(document.createElement('main'));
    const ui = createShadowHost(document, { name: 'relance-sidebar', css: '.rl{color:red}', zIndex: 2147483000 });
    expect(document.body.lastElementChild).toBe(ui.host);
    expect(ui.host.tagName.toLowerCase()).toBe('relance-sidebar');
    expect(ui.host.shadowRoot).toBe(ui.shadow);
    const style = ui.shadow.querySelector('html > head > style');
    expect(style?.textContent).toContain(':host{all:initial !important;}');
    expect(style?.textContent).toContain('.rl{color:red}');
    expect(ui.container.tagName.toLowerCase()).toBe('body');
    expect(ui.host.style.zIndex).toBe('2147483000');
    ui.remove();
    expect(document.querySelector('relance-sidebar')).toBeNull();
  });

  it.each(['keydown', 'keyup', 'keypress'])('stops %s at the shadow root (no webmail shortcut fires); clicks pass', (type) => {
    document.body.replaceChildren();
    const ui = createShadowHost(document, { name: 'relance-sidebar', css: '', zIndex: 1 });
    const input = document.createElement('input');
    ui.container.append(input);
    const seen: string[] = [];
    document.addEventListener(type, () => seen.push(type));
    document.addEventListener('click', () => seen.push('click'));
    input.dispatchEvent(new KeyboardEvent(type, { key: 'c', bubbles: true, composed: true }));
    input.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(seen).toEqual(['click']);
    ui.remove();
  });
});

describe('the remembered open state', () => {
  function area(stored: Record<string, unknown>, fail = false) {
    return {
      stored,
      get: async (key: string) => {
        if (fail) throw new Error('Extension context invalidated.');
        return { [key]: stored[key] };
      },
      set: async (items: Record<string, unknown>) => {
        if (fail) throw new Error('Extension context invalidated.');
        Object.assign(stored, items);
      },
    };
  }
  const reads: { name: string; value: unknown; fail?: boolean; expected: boolean }[] = [
    { name: 'true', value: true, expected: true },
    { name: 'false', value: false, expected: false },
    { name: 'never saved', value: undefined, expected: false },
    { name: 'not a boolean', value: 'true', expected: false },
    { name: 'storage failing', value: true, fail: true, expected: false },
  ];
  it.each(reads)('reads $name as $expected', async ({ value, fail, expected }) => {
    const a = area(value === undefined ? {} : { [SIDEBAR_OPEN_KEY]: value }, fail);
    expect(await loadSidebarOpen(a as never)).toBe(expected);
  });

  it('saves under the key the earlier helper used, and never throws', async () => {
    expect(SIDEBAR_OPEN_KEY).toBe('relance.sidebarOpen');
    const a = area({});
    await saveSidebarOpen(true, a as never);
    expect(a.stored).toEqual({ 'relance.sidebarOpen': true });
    expect(await loadSidebarOpen(a as never)).toBe(true);
    await expect(saveSidebarOpen(false, area({}, true) as never)).resolves.toBeUndefined();
  });
});
