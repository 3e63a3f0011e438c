/**
 * Acting on the page the way a user does, and waiting for the page's answer without polling.
 */

/**
 * A user's press on a webmail control: Gmail's div buttons act on mousedown/mouseup, OWA's real buttons on click.
 * Synthetic events are enough for both (they do not check isTrusted for these controls).
 */
export function pressControl(el: Element): void {
  const win = el.ownerDocument.defaultView;
  if (!win) return;
  const init = { bubbles: true, cancelable: true, view: win, button: 0 };
  el.dispatchEvent(new win.MouseEvent('mousedown', init));
  el.dispatchEvent(new win.MouseEvent('mouseup', init));
  el.dispatchEvent(new win.MouseEvent('click', init));
}

/**
 * Resolves with `find()`'s first non-null answer: now, or after a DOM change under `root`, or null after
 * `timeoutMs`. One MutationObserver, disconnected as soon as it settles.
 */
export function waitForElement<T>(root: Node, find: () => T | null, timeoutMs: number): Promise<T | null> {
  const safeFind = (): T | null => {
    try {
      return find();
    } catch {
      return null;
    }
  };
  const now = safeFind();
  const win = (root.ownerDocument ?? (root as Document)).defaultView;
  if (now !== null || !win) return Promise.resolve(now);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: T | null) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      win.clearTimeout(timer);
      resolve(value);
    };
    const observer = new win.MutationObserver(() => {
      const found = safeFind();
      if (found !== null) settle(found);
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'hidden', 'style'] });
    const timer = win.setTimeout(() => settle(null), timeoutMs);
  });
}
