/**
 * The sidebar's place in the webmail page: a `<relance-sidebar>` element at the end of the body, with an open
 * shadow root holding `<html><head><style/></head><body/></html>` (styles isolated both ways; open so tests and
 * assistive tech can reach it). The same structure WXT's shadow-root UI builds, in a few lines: that helper, with
 * the element-waiting and CSS-splitting code it brings, cost every page load a tenth of the content script's code
 * for options the sidebar does not use.
 *
 * Positioned as an overlay at the top right, above the webmail's own layers. Key events are stopped at the body
 * of the shadow root, so typing in the sidebar's form never triggers the webmail's shortcuts.
 */
export interface ShadowHostOptions {
  /** The custom element's name (two words, kebab-case): `relance-sidebar`. */
  name: string;
  /** The shadow root's styles (bundled text: nothing is fetched). */
  css: string;
  zIndex: number;
}

export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the UI goes: the shadow root's `<body>`. */
  container: HTMLElement;
  /** Takes the element out of the page. */
  remove(): void;
}

// Inherited page styles (fonts, colours, line height) stop at the host: the sidebar looks the same in every webmail.
const HOST_RESET = ':host{all:initial !important;}';
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export function createShadowHost(doc: Document, opts: ShadowHostOptions): ShadowHost {
  const host = doc.createElement(opts.name);
  const shadow = host.attachShadow({ mode: 'open' });
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const body = doc.createElement('body');
  const style = doc.createElement('style');
  style.textContent = `${HOST_RESET}\n${opts.css}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  for (const type of ISOLATED_EVENTS) body.addEventListener(type, (e) => e.stopPropagation());

  // A zero-size box in the page's flow; the UI overflows it, anchored at the top right.
  Object.assign(host.style, { zIndex: String(opts.zIndex), overflow: 'visible', position: 'relative', width: '0', height: '0', display: 'block' });
  Object.assign(html.style, { position: 'absolute', top: '0', right: '0' });
  (doc.body ?? doc.documentElement).append(host);
  return { host, shadow, container: body, remove: () => host.remove() };
}
