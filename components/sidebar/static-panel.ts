import type { PageState } from '@/lib/content/controller';
import type { FirstView } from '@/lib/messaging/first-view';
import type { Correspondent, WebmailAdapter } from '@/lib/webmail/adapter';
import type { SidebarBus } from './bus';
import type { SidebarLoad } from './prefetch';
import { renderStaticNodes } from './static-dom';

/**
 * The open sidebar's first view without React (a sidebar left open, at page load): the panel's header, built here
 * from the page's correspondent, and its body as the background formatted it (sidebar.load with `firstView`, see
 * components/sidebar/first-view-tree.ts). It follows what the React panel follows (another thread, the background's
 * writes, coming back to the tab) by asking for a new first view. It does not act: a click on anything actionable
 * is handed over (`onHandOver`), and mount.ts mounts the React panel with the same data and replays the click on
 * the same element there. A failed refresh is handed over too: the React panel shows the error and retries.
 */

export type LoadedFirstView = SidebarLoad & { firstView: FirstView };

/** An actionable element of the first view, found again in the React panel by its hook and rank among that hook. */
export interface ActionTarget {
  hook: string;
  index: number;
  /** The invoice row it belongs to, checked on the other side (a different row is not clicked). */
  row: string | null;
  /** It had the keyboard focus: the React panel's element gets it. */
  focused: boolean;
}

export interface StaticPanelState {
  who: Correspondent | null;
  data: LoadedFirstView;
  /** The webmail whose layout the adapter did not recognise, or null. */
  unrecognisedOn: PageState['webmail'] | null;
}

const ACTIONABLE = 'button, input';

/** The panel's section for this state: the same elements, classes and hooks as SidebarPanel.tsx's first render. */
export function buildStaticPanel(doc: Document, id: string, state: StaticPanelState): HTMLElement {
  const fv = state.data.firstView;
  const div = (cls: string, text?: string, hook?: string) => {
    const d = doc.createElement('div');
    d.className = cls;
    if (hook) d.dataset.relance = hook;
    if (text !== undefined) d.textContent = text;
    return d;
  };
  const section = doc.createElement('section');
  section.className = 'rl-panel';
  section.id = id;
  section.setAttribute('aria-label', fv.labels.sidebarTitle);
  const header = doc.createElement('header');
  header.className = 'rl-panel-header';
  const who = div('rl-who');
  who.append(div('rl-brand', 'Relance'));
  if (state.who) {
    // The page's own text, shown as text (never parsed), in blocks of their own as the React panel shows it.
    who.append(div('rl-who-name', state.who.name || state.who.email, 'correspondent-name'), div('rl-who-email', state.who.email, 'correspondent-email'));
    who.append(...renderStaticNodes(doc, fv.who));
  } else {
    who.append(div('rl-who-email', fv.labels.noThread));
  }
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'rl-close';
  close.setAttribute('aria-label', fv.labels.sidebarClose);
  close.textContent = '×';
  header.append(who, close);
  const body = div('rl-panel-body');
  if (state.unrecognisedOn) {
    const notice = doc.createElement('p');
    notice.className = 'rl-degraded';
    notice.setAttribute('role', 'status');
    notice.dataset.relance = 'unrecognised-page';
    notice.textContent = state.unrecognisedOn === 'gmail' ? fv.labels.unrecognisedGmail : fv.labels.unrecognisedOutlook;
    body.append(notice);
  }
  body.append(...renderStaticNodes(doc, fv.body));
  section.append(header, body);
  return section;
}

const withHook = (scope: ParentNode, hook: string): HTMLElement[] => Array.from(scope.querySelectorAll<HTMLElement>('[data-relance]')).filter((e) => e.dataset.relance === hook);
const rowOf = (el: Element): string | null => el.closest('[data-invoice-number]')?.getAttribute('data-invoice-number') ?? null;

/** What a click on `target` asks for: the panel's close button, an actionable element, or nothing (text, a summary). */
export function actionTargetOf(section: HTMLElement, target: EventTarget | null): ActionTarget | 'close' | null {
  const start = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const el = start?.closest<HTMLElement>(ACTIONABLE);
  if (!el || !section.contains(el)) return null;
  if (el.classList.contains('rl-close')) return 'close';
  const hook = el.dataset.relance;
  if (!hook) return null;
  const root = el.getRootNode() as Document | ShadowRoot;
  return { hook, index: withHook(section, hook).indexOf(el), row: rowOf(el), focused: root.activeElement === el };
}

/** The element of the React panel (under `scope`) that `target` names, or null when that panel shows another one. */
export function findActionTarget(scope: ParentNode, target: ActionTarget): HTMLElement | null {
  const el = withHook(scope, target.hook)[target.index];
  return el && rowOf(el) === target.row ? el : null;
}

export interface StaticPanelOptions {
  doc: Document;
  slot: HTMLElement;
  id: string;
  adapter: Pick<WebmailAdapter, 'currentCorrespondent' | 'observe'>;
  bus: SidebarBus;
  signal: AbortSignal;
  first: { who: Correspondent | null; data: LoadedFirstView };
  /** sidebar.load with `firstView: true` for this client. */
  load(clientEmail: string | null): Promise<SidebarLoad>;
  onClose(): void;
  /** The pointer or the focus came in: the React panel may soon be needed (its script can start loading). */
  onWarm(): void;
  /**
   * The first view cannot go on: a click to replay (or null: a failed refresh). Once handed over, the first view
   * stays painted until `remove` and stops following the page; a later click there is handed over again (the
   * latest is the one to replay) and is not performed by the static element.
   */
  onHandOver(target: ActionTarget | null): void;
}

export interface StaticPanel {
  /** What is painted: the React panel starts from it, so that the replayed click meets the same element. */
  current(): { who: Correspondent | null; data: LoadedFirstView };
  /** Stops following the page (the React panel takes over); what is painted stays until `remove`. */
  stop(): void;
  remove(): void;
}

const sameWho = (a: Correspondent | null, b: Correspondent | null) => a?.email === b?.email && a?.name === b?.name;
const unrecognised = (page: PageState | null) => (page?.recognised === false ? page.webmail : null);

export function createStaticPanel(opts: StaticPanelOptions): StaticPanel {
  const { doc, bus } = opts;
  // `following`: refreshes (until the hand-over); `alive`: the click and warm-up listeners (until removed).
  const stopped = new AbortController();
  const removed = new AbortController();
  const signal = AbortSignal.any([stopped.signal, removed.signal, opts.signal]);
  const alive = AbortSignal.any([removed.signal, opts.signal]);
  let state: StaticPanelState = { ...opts.first, unrecognisedOn: unrecognised(bus.get().page) };
  let section = buildStaticPanel(doc, opts.id, state);
  opts.slot.append(section);
  let handedOver = false;
  let warmed = false;
  let ticket = 0;

  const paint = () => {
    const next = buildStaticPanel(doc, opts.id, state);
    section.replaceWith(next);
    section = next;
  };
  const handOver = (target: ActionTarget | null) => {
    if (handedOver && !target) return;
    handedOver = true;
    stopped.abort();
    opts.onHandOver(target);
  };
  const whoNow = () => opts.adapter.currentCorrespondent() ?? bus.get().sentTo;
  const refresh = () => {
    const mine = ++ticket;
    const who = whoNow();
    opts
      .load(who?.email ?? null)
      .then((data) => {
        if (mine !== ticket || signal.aborted) return;
        if (!data.firstView) return handOver(null);
        state = { ...state, who, data: data as LoadedFirstView };
        paint();
      })
      .catch(() => {
        if (mine === ticket && !signal.aborted) handOver(null);
      });
  };

  // Listeners on the slot, which outlives each painted section.
  opts.slot.addEventListener(
    'click',
    (e) => {
      const target = actionTargetOf(section, e.target);
      if (!target) return;
      // The static element does nothing itself (a checkbox is not toggled here): the React panel's element will.
      e.preventDefault();
      e.stopPropagation();
      if (target === 'close') opts.onClose();
      else handOver(target);
    },
    { capture: true, signal: alive },
  );
  const warm = () => {
    if (warmed) return;
    warmed = true;
    opts.onWarm();
  };
  opts.slot.addEventListener('pointerover', warm, { signal: alive });
  opts.slot.addEventListener('focusin', warm, { signal: alive });

  let signals = bus.get();
  const unsubscribe = bus.subscribe(() => {
    const next = bus.get();
    const before = signals;
    signals = next;
    if (next.dataVersion !== before.dataVersion || (next.sentTo !== before.sentTo && !opts.adapter.currentCorrespondent())) return refresh();
    const on = unrecognised(next.page);
    if (on !== state.unrecognisedOn) {
      state = { ...state, unrecognisedOn: on };
      paint();
    }
  });
  signal.addEventListener('abort', unsubscribe);
  opts.adapter.observe(() => {
    if (!sameWho(whoNow(), state.who)) refresh();
  }, signal);
  doc.addEventListener(
    'visibilitychange',
    () => {
      if (doc.visibilityState === 'visible') refresh();
    },
    { signal },
  );
  // The thread may have changed between the request and now.
  if (!sameWho(whoNow(), state.who)) refresh();

  return {
    current: () => ({ who: state.who, data: state.data }),
    stop: () => stopped.abort(),
    remove() {
      removed.abort();
      section.remove();
    },
  };
}
