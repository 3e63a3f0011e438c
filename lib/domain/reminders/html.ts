import type { Block, Composition, TableBlock } from './document';

/**
 * HTML for the email body. Every string that reaches the markup goes through escapeHtml: invoice numbers, client
 * names and signatures can come from mail an attacker wrote. Styles are inline because mail clients drop <style>.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"'`]/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Only http(s) URLs become links; anything else (javascript:, data:) stays plain text. */
export function isSafeUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"'`]+$/i.test(url);
}

/** Escapes a line, turning the exact occurrences of the allowed links into anchors. */
function inline(line: string, links: readonly string[]): string {
  const safe = links.filter((l) => l && isSafeUrl(l)).sort((a, b) => b.length - a.length);
  if (safe.length === 0) return escapeHtml(line);
  let out = '';
  let rest = line;
  for (;;) {
    let at = -1;
    let hit = '';
    for (const l of safe) {
      const k = rest.indexOf(l);
      if (k >= 0 && (at < 0 || k < at)) {
        at = k;
        hit = l;
      }
    }
    if (at < 0) return out + escapeHtml(rest);
    out += `${escapeHtml(rest.slice(0, at))}<a href="${escapeHtml(hit)}">${escapeHtml(hit)}</a>`;
    rest = rest.slice(at + hit.length);
  }
}

const CELL = 'padding:4px 10px;border-bottom:1px solid #ddd;';

function table(b: TableBlock, links: readonly string[]): string {
  const align = (k: number): string => (b.numeric.includes(k) ? 'text-align:right;' : 'text-align:left;');
  const row = (cells: string[], tag: 'td' | 'th', extra = ''): string =>
    `<tr>${cells.map((c, k) => `<${tag} style="${CELL}${align(k)}${extra}">${inline(c, links)}</${tag}>`).join('')}</tr>`;
  const head = `<thead>${row(b.head, 'th')}</thead>`;
  const body = `<tbody>${b.rows.map((r) => row(r, 'td')).join('')}</tbody>`;
  const foot = b.foot.length ? `<tfoot>${b.foot.map((r) => row(r, 'td', 'font-weight:bold;')).join('')}</tfoot>` : '';
  return `<table style="border-collapse:collapse;margin:8px 0;">${head}${body}${foot}</table>`;
}

export function blockToHtml(b: Block, links: readonly string[] = []): string {
  if (b.kind === 'paragraph') return `<p>${b.lines.map((l) => inline(l, links)).join('<br>')}</p>`;
  if (b.kind === 'list') return `<ul>${b.items.map((i) => `<li>${inline(i, links)}</li>`).join('')}</ul>`;
  return table(b, links);
}

/** The body of a composition as an HTML fragment (no <html>/<body>: it is inserted into a compose window). */
export function renderHtml(c: Composition, links: readonly string[] = []): string {
  const parts = [
    c.greeting ? `<p>${inline(c.greeting, links)}</p>` : '',
    ...c.blocks.map((b) => blockToHtml(b, links)),
    `<p>${[...c.closing, ...c.signature].map((l) => inline(l, links)).join('<br>')}</p>`,
  ];
  return `<div>${parts.filter(Boolean).join('')}</div>`;
}
