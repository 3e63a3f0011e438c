/**
 * Code that runs INSIDE the webmail page for the `page` bench (serialised by Playwright: self-contained functions,
 * nothing from outside their bodies). Installed before the page's own scripts, in the page's main world, in both
 * the context with the extension and the one without, so whatever it costs is the same on both sides.
 */

export interface ProbeState {
  longTasks: { start: number; duration: number }[];
  domContentLoadedAt: number | null;
  firstContentfulPaintAt: number | null;
  /** The sidebar root `[data-relance="sidebar"]` is in the (open) shadow root. */
  sidebarAttachedAt: number | null;
  /** The frame after the root attached: the toggle (all a closed sidebar is) has been painted. */
  sidebarShellPaintedAt: number | null;
  /** The correspondent and at least one invoice row are rendered. */
  sidebarContentAt: number | null;
  /** The frame after that content: it has been painted. */
  sidebarPaintedAt: number | null;
  snapshot(): ProbeState;
  stopWatching(): void;
}

/** Init script: long tasks for the page's whole life, and the sidebar's readiness (times are performance.now()). */
export function PAGE_PROBE(): void {
  const state = {
    longTasks: [] as { start: number; duration: number }[],
    domContentLoadedAt: null as number | null,
    firstContentfulPaintAt: null as number | null,
    sidebarAttachedAt: null as number | null,
    sidebarShellPaintedAt: null as number | null,
    sidebarContentAt: null as number | null,
    sidebarPaintedAt: null as number | null,
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the count stays empty on both sides.
  }
  const observers: MutationObserver[] = [];
  const stop = () => observers.splice(0).forEach((o) => o.disconnect());
  let shadowWatched = false;
  const checkContent = (root: ShadowRoot) => {
    const sidebar = root.querySelector('[data-relance="sidebar"]');
    if (!sidebar) return;
    if (state.sidebarAttachedAt === null) {
      state.sidebarAttachedAt = performance.now();
      requestAnimationFrame(() => setTimeout(() => (state.sidebarShellPaintedAt = performance.now()), 0));
    }
    if (state.sidebarContentAt !== null) return;
    const who = sidebar.querySelector('[data-relance="correspondent-email"]');
    const rows = sidebar.querySelector('[data-relance="invoice"], [data-relance="detected-invoice"]');
    if (!who || !rows) return;
    state.sidebarContentAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => (state.sidebarPaintedAt = performance.now()), 0));
    stop();
  };
  const watchShadow = () => {
    if (shadowWatched) return;
    // WXT's shadow-root UI: a custom element named after the UI, with an open shadow root.
    const host = document.querySelector('relance-sidebar');
    const root = host?.shadowRoot;
    if (!root) return;
    shadowWatched = true;
    const o = new MutationObserver(() => checkContent(root));
    o.observe(root, { childList: true, subtree: true });
    observers.push(o);
    checkContent(root);
  };
  const docObserver = new MutationObserver(watchShadow);
  docObserver.observe(document, { childList: true, subtree: true });
  observers.push(docObserver);
  document.addEventListener('DOMContentLoaded', () => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    state.domContentLoadedAt = nav?.domContentLoadedEventEnd || performance.now();
  });
  try {
    new PerformanceObserver((list) => {
      const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
      if (fcp) state.firstContentfulPaintAt = fcp.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing: the figure is reported as null.
  }
  (window as unknown as { __relanceBench: unknown }).__relanceBench = {
    snapshot: () => JSON.parse(JSON.stringify(state)),
    stopWatching: stop,
  };
}

/**
 * Append `count` message containers to the open thread, in the fixture's own structure (a clone of the client's
 * reply, new ids, neutral text: not an invoice). `spacingMs` 0 appends all in one task; otherwise one per timer.
 * Resolves when the last one is in the page.
 */
export function APPEND_MESSAGES(args: { webmail: 'gmail' | 'outlook'; count: number; spacingMs: number; from: number }): Promise<void> {
  const { webmail, count, spacingMs, from } = args;
  const texts = ['Thanks, noted. Talk soon.', 'Merci, bien noté, à bientôt.', 'See you at the meeting on Thursday.', 'Could you resend the slides from last week?'];
  const make = (i: number): { node: Element; insert: () => void } | null => {
    if (webmail === 'gmail') {
      const messages = document.querySelectorAll('div[role="main"] .adn.ads[data-message-id]');
      const model = messages[1] ?? messages[0];
      if (!model) return null;
      const node = model.cloneNode(true) as Element;
      const id = 1900000000000000000n + BigInt(i);
      node.setAttribute('data-message-id', `#msg-f:${id}`);
      node.setAttribute('data-legacy-message-id', id.toString(16));
      const body = node.querySelector('.a3s');
      if (body) body.textContent = `${texts[i % texts.length]} (${i})`;
      const anchor = document.querySelector('div[role="main"] .amn');
      return { node, insert: () => (anchor ? anchor.before(node) : model.parentElement?.append(node)) };
    }
    const first = document.querySelector('#ReadingPaneContainerId .msg');
    if (!first) return null;
    const node = first.cloneNode(true) as Element;
    const body = node.querySelector('[id^="UniqueMessageBody_"]');
    if (body) {
      body.id = `UniqueMessageBody_${1000 + i}`;
      body.textContent = `${texts[i % texts.length]} (${i})`;
    }
    // Newest first, as OWA shows a conversation.
    return { node, insert: () => first.parentElement?.insertBefore(node, document.querySelector('#ReadingPaneContainerId .msg')) };
  };
  if (spacingMs <= 0) {
    for (let i = from; i < from + count; i++) make(i)?.insert();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    let i = from;
    const tick = () => {
      make(i)?.insert();
      i++;
      if (i < from + count) setTimeout(tick, spacingMs);
      else resolve();
    };
    tick();
  });
}

/**
 * The source of `fn` called with `arg`, runnable in the page. tsx (esbuild keepNames) wraps named inner functions
 * in `__name(...)`, a helper that exists only in Node: the page gets a no-op one.
 */
export function pageSource(fn: (...args: never[]) => unknown, arg?: unknown): string {
  return `(() => { var __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;
}
