/**
 * The background's own check that a diagnostic holds no mail content, whatever the content script did: censored
 * HTML is tags with attribute names only (lib/webmail/censor.ts). Refused: any text between tags, any comment but
 * the truncation marker, and any attribute value other than a short lower-case word list (a `role`).
 */
const TAG = /<[^<>]*>/g;
const ATTRIBUTE_VALUE = /=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const ALLOWED_VALUE = /^[a-z ]{0,40}$/;
const TRUNCATED = '<!--truncated-->';

export type CensorCheck = { ok: true } | { ok: false; reason: string };

export function checkCensoredHtml(html: string): CensorCheck {
  const body = html.endsWith(TRUNCATED) ? html.slice(0, -TRUNCATED.length) : html;
  // A tag cut by the truncation is dropped with it.
  const cut = body.lastIndexOf('<') > body.lastIndexOf('>') ? body.slice(0, body.lastIndexOf('<')) : body;
  if (cut.includes('<!--')) return { ok: false, reason: 'the HTML holds a comment' };
  const between = cut.replace(TAG, '');
  if (/\S/.test(between)) return { ok: false, reason: 'the HTML holds text: diagnostics keep tags only' };
  for (const tag of cut.match(TAG) ?? []) {
    for (const m of tag.matchAll(ATTRIBUTE_VALUE)) {
      const value = m[1] ?? m[2] ?? m[3] ?? '';
      if (!ALLOWED_VALUE.test(value)) return { ok: false, reason: 'the HTML holds attribute values: diagnostics keep names only' };
    }
  }
  return { ok: true };
}
