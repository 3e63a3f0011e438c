/**
 * Reading mail content out of the page as plain text: never innerHTML, and the layout's line breaks kept so that
 * lib/ sees "Invoice F-1\nTotal 120 €" rather than "Invoice F-1Total 120 €".
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const CELL_TAGS = new Set(['TD', 'TH']);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'svg', 'SVG']);

export const MAX_TEXT_CHARS = 500_000;

/**
 * The text of `root`, with block elements and <br> turned into line breaks and table cells into tabs.
 * Iterative (no recursion limit on deeply nested mail), capped at MAX_TEXT_CHARS.
 */
export function elementText(root: Element | null, maxChars = MAX_TEXT_CHARS): string {
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  let endsWithBreak = true;
  const push = (s: string) => {
    if (s.length === 0) return;
    parts.push(s);
    length += s.length;
    // Trailing spaces after a break (source indentation) do not start a new line.
    if (/\S|\n/.test(s)) endsWithBreak = /\n[ \t]*$/.test(s);
  };
  // A block boundary is one line break, however many block edges meet there (</tr><tr>, </div><div>).
  const BLOCK_EDGE = '\u0000';
  // Stack of nodes to visit; a string entry is text to emit when an element closes.
  const stack: (Node | string)[] = [root];
  while (stack.length > 0 && length < maxChars) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      if (item !== BLOCK_EDGE) push(item);
      else if (!endsWithBreak) push('\n');
      continue;
    }
    if (item.nodeType === 3) {
      push((item.nodeValue ?? '').replace(/[ \t\f\r\u00a0]+/g, ' '));
      continue;
    }
    if (item.nodeType !== 1) continue;
    const tag = (item as Element).tagName;
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      push('\n');
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block && !endsWithBreak) push('\n');
    if (block) stack.push(BLOCK_EDGE);
    else if (CELL_TAGS.has(tag)) stack.push('\t');
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts
    .join('')
    .slice(0, maxChars)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, (m) => (m.includes('\t') ? '\t' : ' ')).trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whitespace-collapsed one-line text, for names, subjects and chips. */
export function lineText(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

// Month names by their first three letters (accents removed), in the languages webmails are most used in.
const MONTHS: Record<string, number> = {
  jan: 0, gen: 0, ene: 0, janv: 0,
  feb: 1, fev: 1, fen: 1,
  mar: 2, maa: 2,
  apr: 3, avr: 3, abr: 3,
  may: 4, mai: 4, mag: 4, mei: 4,
  jun: 5, jui: 5, giu: 5,
  jul: 6, lug: 6,
  aug: 7, aou: 7, ago: 7,
  sep: 8, set: 8,
  oct: 9, okt: 9, out: 9, ott: 9,
  nov: 10,
  dec: 11, dez: 11, dic: 11,
};

function monthIndex(word: string): number | null {
  const w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  // French "juin" / "juil." share "jui": the fourth letter decides.
  if (w.startsWith('juil')) return 6;
  if (w.startsWith('juin')) return 5;
  return MONTHS[w.slice(0, 3)] ?? null;
}

function localIso(y: number, m: number, d: number, rest: string): string | null {
  if (d < 1 || d > 31 || y < 1970 || y > 2200) return null;
  let h = 0;
  let min = 0;
  const t = /(\d{1,2})[:h.](\d{2})(?:\s*([ap])\.?\s?m\b)?/i.exec(rest);
  if (t) {
    h = Number(t[1]);
    min = Number(t[2]);
    const ampm = t[3]?.toLowerCase();
    if (ampm === 'p' && h < 12) h += 12;
    if (ampm === 'a' && h === 12) h = 0;
    if (h > 23 || min > 59) return null;
  }
  // The page renders dates in the browser's time zone, which `new Date(y, m, d, …)` also uses.
  const date = new Date(y, m, d, h, min);
  if (date.getDate() !== d) return null;
  return date.toISOString();
}

/**
 * A date as a webmail displays it ("Mon, Nov 2, 2026, 10:14 AM", "lun. 2 nov. 2026, 10:14", "2026-11-02T10:14:00Z",
 * "Mon 11/2/2026 10:14 AM") → ISO instant, or null when unparseable. `monthFirst` resolves numeric dates.
 */
export function parseDisplayDate(raw: string | null | undefined, monthFirst = true): string | null {
  if (!raw) return null;
  const s = raw.slice(0, 200);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s.trim())) {
    const ms = Date.parse(s.trim());
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const dmy = /(\d{1,2})\.?\s+([\p{L}]{3,})\.?,?\s+(\d{4})/u.exec(s);
  if (dmy) {
    const m = monthIndex(dmy[2]!);
    if (m !== null) return localIso(Number(dmy[3]), m, Number(dmy[1]), s.slice(dmy.index + dmy[0].length));
  }
  const mdy = /([\p{L}]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})/u.exec(s);
  if (mdy) {
    const m = monthIndex(mdy[1]!);
    if (m !== null) return localIso(Number(mdy[3]), m, Number(mdy[2]), s.slice(mdy.index + mdy[0].length));
  }
  const num = /(\d{1,2})[/.](\d{1,2})[/.](\d{4})/.exec(s);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    const [month, day] = monthFirst ? [a, b] : [b, a];
    if (month >= 1 && month <= 12) return localIso(Number(num[3]), month - 1, day, s.slice(num.index + num[0].length));
  }
  return null;
}
