import { STATIC_ATTR, STATIC_CLASS, STATIC_TAGS, type StaticNode } from '@/lib/messaging/first-view-vocabulary';

/**
 * Paints the background's first view (lib/messaging/first-view.ts) with createElement, setAttribute and text
 * nodes: strings are always text, never parsed, so a client name `<img src=x onerror=…>` is shown as those
 * characters. The vocabulary is checked again here, whatever the background sent: an unknown tag is left out with
 * its subtree, an attribute or class outside it is dropped (the background's zod schema refuses both already).
 */
const TAGS: ReadonlySet<string> = new Set(STATIC_TAGS);
const INPUT_TYPES: ReadonlySet<string> = new Set(['checkbox']);
const BUTTON_TYPES: ReadonlySet<string> = new Set(['button']);

// The same few attribute names and class lists come back on every row: each is checked against the vocabulary once.
const checked = new Map<string, boolean>();
const inVocabulary = (pattern: RegExp, text: string): boolean => {
  const key = `${pattern === STATIC_CLASS ? 'c' : 'a'}:${text}`;
  let ok = checked.get(key);
  if (ok === undefined) {
    ok = pattern.test(text);
    // Bounded: a hostile answer cannot grow it without end.
    if (checked.size < 1000) checked.set(key, ok);
  }
  return ok;
};

function allowedAttr(tag: string, name: string, value: string): boolean {
  if (!inVocabulary(STATIC_ATTR, name)) return false;
  // A form's submit or a text field has no place in the first view: its only inputs are checkboxes.
  if (name === 'type') return (tag === 'input' ? INPUT_TYPES : BUTTON_TYPES).has(value);
  return true;
}

export function renderStaticNode(doc: Document, node: StaticNode | string): Node | null {
  if (typeof node === 'string') return doc.createTextNode(node);
  if (!TAGS.has(node.tag)) return null;
  const el = doc.createElement(node.tag);
  if (node.cls && inVocabulary(STATIC_CLASS, node.cls)) el.className = node.cls;
  for (const [name, value] of Object.entries(node.attrs ?? {})) if (allowedAttr(node.tag, name, value)) el.setAttribute(name, value);
  // An input without an allowed type would be a text field: it is not painted.
  if (node.tag === 'input' && el.getAttribute('type') !== 'checkbox') return null;
  for (const kid of node.kids ?? []) {
    const child = renderStaticNode(doc, kid);
    if (child) el.append(child);
  }
  return el;
}

export function renderStaticNodes(doc: Document, nodes: readonly (StaticNode | string)[]): Node[] {
  return nodes.map((n) => renderStaticNode(doc, n)).filter((n): n is Node => n !== null);
}
