import { foldAligned, normalizeAligned } from '../text';

/** Where a field value was read, most reliable first. */
export type FieldSource = 'xml' | 'pdf_text' | 'body' | 'attachment_name' | 'email_meta' | 'default';

export const SOURCE_RANK: Record<FieldSource, number> = {
  xml: 6, pdf_text: 5, body: 4, attachment_name: 3, email_meta: 2, default: 1,
};

/** One reading of a field, with how much it is trusted (label strength x source reliability). */
export interface Candidate<T> {
  value: T;
  source: FieldSource;
  score: number;
}

export interface FieldResult<T> {
  value: T;
  source: FieldSource;
  alternatives?: Array<{ value: T; source: FieldSource }>;
}

/**
 * Picks a value by summing the scores of candidates that agree (after `key`), so a number printed in the PDF
 * and repeated in the subject beats a stray one. Disagreeing values stay visible as alternatives.
 */
export function pickBest<T>(cands: Candidate<T>[], key: (v: T) => string = String): FieldResult<T> | null {
  if (cands.length === 0) return null;
  const groups = new Map<string, { value: T; source: FieldSource; total: number; best: number }>();
  for (const c of cands) {
    const k = key(c.value);
    const g = groups.get(k);
    if (!g) groups.set(k, { value: c.value, source: c.source, total: c.score, best: c.score });
    else {
      g.total += c.score;
      if (c.score > g.best || (c.score === g.best && SOURCE_RANK[c.source] > SOURCE_RANK[g.source])) {
        g.best = c.score;
        g.source = c.source;
        g.value = c.value;
      }
    }
  }
  const ranked = [...groups.values()].sort((a, b) => b.total - a.total || SOURCE_RANK[b.source] - SOURCE_RANK[a.source]);
  const [top, ...rest] = ranked;
  if (!top) return null;
  const result: FieldResult<T> = { value: top.value, source: top.source };
  if (rest.length > 0) result.alternatives = rest.slice(0, 3).map((g) => ({ value: g.value, source: g.source }));
  return result;
}

/** A text split into lines, with a folded (lower case, no accents) twin of each line of the same length. */
export interface Line {
  raw: string;
  folded: string;
  /** Index of the line in the text. */
  no: number;
}

/** Lines longer than this are cut: invoice fields sit on short lines, and it bounds regex work. */
const MAX_LINE = 300;
/** A paragraph longer than this is read as runs of whole sentences, each at most this long. */
const PARAGRAPH = 200;
const MAX_PIECES = 20;

/**
 * A one-paragraph invoice ("… meine Rechnung Nr. 2025-044 vom 07.07.2025 … : pauschal 780,00 €. Gemäß § 19
 * UStG … Zahlungsziel: 14 Tage.") puts every field on one long line: it is cut into runs of whole sentences
 * so that the line-based readers see each field with its own words, and nothing past MAX_LINE is lost.
 */
function splitParagraph(line: string): string[] {
  if (line.length <= PARAGRAPH) return [line];
  const out: string[] = [];
  let start = 0;
  let cut = 0;
  const re = /[.!?;](?=\s+[\p{Lu}\p{N}(«"])/gu;
  for (let m = re.exec(line); m && out.length < MAX_PIECES; m = re.exec(line)) {
    const end = m.index + 1;
    if (end - start > PARAGRAPH && cut > start) {
      out.push(line.slice(start, cut));
      start = cut;
    }
    cut = end;
  }
  if (line.length - start > PARAGRAPH && cut > start) {
    out.push(line.slice(start, cut));
    start = cut;
  }
  out.push(line.slice(start));
  return out.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function toLines(text: string, maxLines = 2000): Line[] {
  const out: Line[] = [];
  const src = typeof text === 'string' ? text : '';
  const parts = src.split('\n');
  for (let i = 0; i < parts.length && i < maxLines; i++) {
    const pieces = parts[i]!.includes('\t') ? [parts[i]!] : splitParagraph(parts[i]!);
    for (const piece of pieces.length > 0 ? pieces : ['']) {
      // Tabs separate table cells in PDF text: keep them, they bound values.
      const cells = piece.slice(0, MAX_LINE).split('\t');
      const raw = cells.map(normalizeAligned).join('\t');
      out.push({ raw, folded: cells.map(foldAligned).join('\t'), no: i });
    }
  }
  return out;
}

/** The next non-blank line after `i`, within `within` lines. */
export function nextFilled(lines: readonly Line[], i: number, within = 2): Line | null {
  for (let j = i + 1; j < lines.length && j <= i + within; j++) {
    const l = lines[j]!;
    if (l.raw.trim() !== '') return l;
  }
  return null;
}
