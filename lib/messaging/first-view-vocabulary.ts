/**
 * The vocabulary of the sidebar's first view (lib/messaging/first-view.ts), without zod: the webmail page's renderer
 * (components/sidebar/static-dom.ts) checks every node against it again, and the content script must not bundle zod.
 */
export const STATIC_TAGS = ['section', 'div', 'span', 'strong', 'p', 'h2', 'h3', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'button', 'details', 'summary', 'fieldset', 'legend', 'label', 'input'] as const;
export type StaticTag = (typeof STATIC_TAGS)[number];

/** data-* hooks, the ARIA attributes the panel uses, and the few form ones; never on*, href, src or style. */
export const STATIC_ATTR = /^(data-[a-z][a-z-]*|aria-label|role|type|checked|open)$/;
/** Classes of relance.css only: "rl" and "rl-…". */
export const STATIC_CLASS = /^(rl|rl-[a-z0-9-]+)( (rl|rl-[a-z0-9-]+))*$/;

export interface StaticNode {
  tag: StaticTag;
  cls?: string;
  attrs?: Record<string, string>;
  /** Children in order: elements, and strings that become text nodes. */
  kids?: Array<StaticNode | string>;
}

/** The few words the page itself places (header, toggle, notices): formatted by the background with the rest. */
export const FIRST_VIEW_LABELS = ['sidebarTitle', 'sidebarOpen', 'sidebarClose', 'noThread', 'unrecognisedGmail', 'unrecognisedOutlook'] as const;
export type FirstViewLabel = (typeof FIRST_VIEW_LABELS)[number];

