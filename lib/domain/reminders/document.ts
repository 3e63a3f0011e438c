/**
 * The content of a reminder as structured blocks, written once by the language templates and rendered to plain
 * text (the email body), to HTML (html.ts) and to a printable letter (letter.ts). Keeping the content structured
 * is what lets the HTML escape every piece of data and show invoices as a real table.
 */

/** A paragraph; its lines are separated by line breaks, not blank lines. */
export interface ParagraphBlock {
  kind: 'paragraph';
  lines: string[];
}

/** A bullet list (attempt history, invoice list in plain text). */
export interface ListBlock {
  kind: 'list';
  items: string[];
}

/**
 * A table of invoices or amounts. `text` is how it reads in a plain-text email (one line per row), since a
 * column layout does not survive proportional fonts.
 */
export interface TableBlock {
  kind: 'table';
  head: string[];
  rows: string[][];
  foot: string[][];
  text: string[];
  /** Indices of the columns holding amounts (right-aligned in HTML). */
  numeric: number[];
}

export type Block = ParagraphBlock | ListBlock | TableBlock;

export interface Composition {
  subject: string;
  greeting: string;
  blocks: Block[];
  /** Sign-off line(s), e.g. "Bien cordialement,". */
  closing: string[];
  signature: string[];
}

export const paragraph = (...lines: Array<string | false | null | undefined>): ParagraphBlock => ({
  kind: 'paragraph',
  lines: lines.filter((l): l is string => typeof l === 'string' && l.length > 0),
});

/** Drops blocks left empty by optional content, so no blank paragraph ever reaches the output. */
export function compact(blocks: Array<Block | null | undefined | false>): Block[] {
  return blocks.filter((b): b is Block => {
    if (!b) return false;
    if (b.kind === 'paragraph') return b.lines.length > 0;
    if (b.kind === 'list') return b.items.length > 0;
    return b.rows.length > 0;
  });
}

export function blockToText(b: Block): string {
  if (b.kind === 'paragraph') return b.lines.join('\n');
  if (b.kind === 'list') return b.items.map((i) => `– ${i}`).join('\n');
  return b.text.join('\n');
}

export function renderText(c: Composition): string {
  const parts = [c.greeting, ...c.blocks.map(blockToText), [...c.closing, ...c.signature].join('\n')];
  return parts.filter((p) => p.trim().length > 0).join('\n\n');
}

/** Applies a string transformation (e.g. French typography) to every piece of text of a composition. */
export function mapText(c: Composition, f: (s: string) => string): Composition {
  const mapBlock = (b: Block): Block => {
    if (b.kind === 'paragraph') return { ...b, lines: b.lines.map(f) };
    if (b.kind === 'list') return { ...b, items: b.items.map(f) };
    const rows = (r: string[][]): string[][] => r.map((row) => row.map(f));
    return { ...b, head: b.head.map(f), rows: rows(b.rows), foot: rows(b.foot), text: b.text.map(f) };
  };
  return {
    subject: f(c.subject),
    greeting: f(c.greeting),
    blocks: c.blocks.map(mapBlock),
    closing: c.closing.map(f),
    signature: c.signature,
  };
}

/** One paragraph of running text from optional sentences (joined by spaces, not line breaks). */
export const prose = (...sentences: Array<string | false | null | undefined>): ParagraphBlock =>
  paragraph(sentences.filter((s): s is string => typeof s === 'string' && s.length > 0).join(' '));
