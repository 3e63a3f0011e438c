/**
 * The sidebar's shell in plain DOM: its root and the toggle, all a closed sidebar is. No React here: a closed
 * sidebar (the default) costs the page a button, and React with the panel is loaded only when the user opens it
 * (components/sidebar/panel-root.tsx). The shell owns the open state; the panel asks it to close.
 *
 * Hooks: `data-relance="sidebar"` (with `data-open`) and `data-relance="sidebar-toggle"`.
 */
export interface SidebarShellOptions {
  /** The open panel starts this far from the top, below the webmail's own top bar. */
  topInsetPx: number;
  /**
   * The toggle's names, looked up when first needed: the first i18n lookup of a page loads the extension's
   * messages (several ms), which a closed sidebar does not need at load: its visible text names it.
   */
  labels: { open: () => string; close: () => string };
  initialOpen: boolean;
  /** Called on every change of the open state (by the toggle, Escape, or the panel's close button). */
  onOpenChange: (open: boolean) => void;
}

export interface SidebarShell {
  root: HTMLElement;
  /** Where the panel renders: inside the root, after the toggle. */
  slot: HTMLElement;
  isOpen(): boolean;
  setOpen(open: boolean): void;
  /** The panel with this id exists (or not): only then does the toggle name it (a dangling reference is an a11y error). */
  setPanelId(id: string | null): void;
  /** The panel could not be loaded: a short notice in its place (the cause goes to the content script's console). */
  showFailure(text: string, cause: unknown): void;
}

export function createSidebarShell(doc: Document, container: HTMLElement, opts: SidebarShellOptions): SidebarShell {
  const root = doc.createElement('div');
  root.className = 'rl rl-sidebar';
  root.dataset.relance = 'sidebar';
  root.style.top = `${opts.topInsetPx}px`;
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.className = 'rl-toggle';
  toggle.dataset.relance = 'sidebar-toggle';
  const face = doc.createElement('span');
  toggle.append(face);
  const slot = doc.createElement('div');
  // The panel is positioned against the root: the slot must not become a box of its own.
  slot.style.display = 'contents';
  root.append(toggle, slot);
  container.append(root);

  let open = opts.initialOpen;
  let panelId: string | null = null;
  let failure: HTMLElement | null = null;
  // Closed, the toggle reads "Relance" (its accessible name, with aria-expanded=false); its tooltip waits for the
  // pointer or the focus. Open, it shows a chevron: then the label says what it does.
  let tooltipWanted = false;
  const render = () => {
    root.dataset.open = open ? 'true' : 'false';
    toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      toggle.setAttribute('aria-label', opts.labels.close());
      toggle.title = opts.labels.close();
      face.setAttribute('aria-hidden', 'true');
    } else {
      toggle.removeAttribute('aria-label');
      if (tooltipWanted) toggle.title = opts.labels.open();
      else toggle.removeAttribute('title');
      face.removeAttribute('aria-hidden');
    }
    face.className = open ? 'rl-toggle-chevron' : 'rl-toggle-label';
    face.textContent = open ? '›' : 'Relance';
    if (open && panelId) toggle.setAttribute('aria-controls', panelId);
    else toggle.removeAttribute('aria-controls');
  };
  const setOpen = (next: boolean) => {
    if (next === open) return;
    open = next;
    render();
    opts.onOpenChange(open);
    if (!open) toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(!open));
  const wantTooltip = () => {
    if (tooltipWanted) return;
    tooltipWanted = true;
    render();
  };
  toggle.addEventListener('pointerenter', wantTooltip);
  toggle.addEventListener('focus', wantTooltip);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && open) setOpen(false);
  });
  render();
  return {
    root,
    slot,
    isOpen: () => open,
    setOpen,
    setPanelId(id) {
      panelId = id;
      failure?.remove();
      failure = null;
      render();
    },
    showFailure(text, cause) {
      console.warn('[Relance] sidebar panel', cause);
      failure?.remove();
      failure = doc.createElement('p');
      failure.className = 'rl-panel-failure';
      failure.dataset.relance = 'panel-failure';
      failure.setAttribute('role', 'alert');
      failure.textContent = text;
      root.append(failure);
    },
  };
}
