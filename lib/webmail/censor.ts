/**
 * Censored HTML for diagnostics (the InboxSDK practice): the shape of the page where a hook missed, with every
 * tag and attribute NAME kept and every text node and attribute value dropped, so that no mail content, address,
 * id or URL ever reaches a log. Only `role` keeps its value: it is a fixed vocabulary and tells most about layout.
 */

const KEPT_VALUE_ATTRIBUTES = new Set(['role']);
const ROLE_VALUE = /^[a-z ]{1,40}$/;
const TAG_NAME = /^[a-z][a-z0-9-]{0,40}$/;
const ATTRIBUTE_NAME = /^[a-z_:][a-z0-9_:.-]{0,60}$/;

export const MAX_CENSORED_CHARS = 20_000;

/**
 * `root` serialised as tags only. Names that are not plain identifiers are replaced (a hostile page could put text
 * in a custom attribute name). Stops at `maxChars` with a closing marker.
 */
export function censorHtml(root: Element | null, maxChars = MAX_CENSORED_CHARS): string {
  if (!root) return '';
  let out = '';
  const stack: (Element | string)[] = [root];
  while (stack.length > 0) {
    if (out.length >= maxChars) return `${out.slice(0, maxChars)}<!--truncated-->`;
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    const rawTag = item.tagName.toLowerCase();
    const tag = TAG_NAME.test(rawTag) ? rawTag : 'x-tag';
    let open = `<${tag}`;
    for (const attr of Array.from(item.attributes)) {
      const name = attr.name.toLowerCase();
      if (!ATTRIBUTE_NAME.test(name)) {
        open += ' x-attr=""';
        continue;
      }
      const value = KEPT_VALUE_ATTRIBUTES.has(name) && ROLE_VALUE.test(attr.value) ? attr.value : '';
      open += ` ${name}="${value}"`;
    }
    out += `${open}>`;
    stack.push(`</${tag}>`);
    const children = item.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
      stack.push(child);
    }
  }
  return out;
}
