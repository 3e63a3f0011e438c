/**
 * Rebuilds visual lines from positioned text fragments (pdf.js text items).
 *
 * PDF content streams draw text in any order and often split one visual line into many fragments
 * ("Rechnungsnummer:" and "471102" are typically two fragments far apart). Invoice extraction reads
 * label and value from the same line, so we group fragments by baseline, order them left to right
 * and re-insert the spaces that the PDF only expressed as horizontal gaps.
 *
 * Output conventions (the extractor relies on them):
 * - one visual line per `\n`, top to bottom;
 * - a gap of word size becomes one space;
 * - a wide gap (a column break, e.g. between "Total TTC" and its amount at the right margin)
 *   becomes a tab, so that a number regex allowing spaces as thousands separators
 *   ("1 234,56") never glues two columns together.
 */

/** A text fragment in PDF user space: origin bottom-left, y grows upwards. */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the glyph box); 0 when unknown. */
  size: number;
  /** Direction of the text baseline in degrees, counter-clockwise (0 = normal, 90 = bottom-to-top). */
  angle?: number;
}

/** Gap (in font sizes) above which fragments are separated by a space. */
const WORD_GAP_EM = 0.12;
/** Gap (in font sizes) above which fragments are treated as different columns. */
const COLUMN_GAP_EM = 1.6;
/** Baselines closer than this (in font sizes) belong to the same line. */
const SAME_LINE_EM = 0.45;
/** Font size assumed when the PDF gives none (tiny or degenerate matrices). */
const DEFAULT_SIZE = 10;

interface Line {
  y: number;
  size: number;
  items: PositionedText[];
}

/** Baselines within this many degrees of a right angle count as that orientation. */
const ORIENTATION_TOLERANCE_DEG = 10;

/**
 * Groups fragments by orientation (landscape pages are often drawn as rotated text), rebuilds the
 * lines of each orientation in its own frame, and returns the dominant orientation first.
 * Skewed text (diagonal stamps, watermarks) comes last, in drawing order.
 */
export function buildLines(fragments: readonly PositionedText[]): string[] {
  const byOrientation = new Map<number, PositionedText[]>();
  const skewed: PositionedText[] = [];
  for (const f of fragments) {
    if (f.str.trim() === '' || !Number.isFinite(f.x) || !Number.isFinite(f.y)) continue;
    const angle = normaliseDegrees(f.angle ?? 0);
    const quadrant = normaliseDegrees(Math.round(angle / 90) * 90);
    const offBy = Math.abs(angle - quadrant);
    if (Math.min(offBy, 360 - offBy) > ORIENTATION_TOLERANCE_DEG) {
      skewed.push(f);
      continue;
    }
    const group = byOrientation.get(quadrant) ?? [];
    group.push(uprightFrame(f, quadrant));
    byOrientation.set(quadrant, group);
  }
  const groups = [...byOrientation.values()].sort((a, b) => charCount(b) - charCount(a));
  const out = groups.flatMap(linesOfUprightText);
  if (skewed.length > 0) out.push(skewed.map((f) => f.str.trim()).join(' '));
  return out.filter((l) => l.trim() !== '');
}

function linesOfUprightText(fragments: PositionedText[]): string[] {
  // Top to bottom; ties left to right so that equal baselines cluster in reading order.
  fragments.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const f of fragments) {
    const size = effectiveSize(f);
    const current = lines[lines.length - 1];
    // Compare against the line's first baseline, not its last fragment, so that a slanted run
    // of fragments cannot chain two real lines together.
    if (current && Math.abs(current.y - f.y) <= SAME_LINE_EM * Math.min(current.size, size)) {
      current.items.push(f);
    } else {
      lines.push({ y: f.y, size, items: [f] });
    }
  }
  return lines.map((line) => joinLine(line.items.sort((a, b) => a.x - b.x)));
}

/** Rotates a fragment's origin so that its baseline runs along +x. */
function uprightFrame(f: PositionedText, degrees: number): PositionedText {
  if (degrees === 0) return f;
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.round(Math.cos(rad));
  const sin = Math.round(Math.sin(rad));
  return { ...f, x: f.x * cos + f.y * sin, y: -f.x * sin + f.y * cos, angle: 0 };
}

function normaliseDegrees(d: number): number {
  const r = d % 360;
  return r < 0 ? r + 360 : r;
}

function charCount(fragments: readonly PositionedText[]): number {
  return fragments.reduce((n, f) => n + f.str.length, 0);
}

function joinLine(items: readonly PositionedText[]): string {
  let text = '';
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const size = effectiveSize(item);
    const gap = item.x - prevEnd;
    if (text !== '') {
      if (gap > COLUMN_GAP_EM * size) text = text.trimEnd() + '\t';
      else if (gap > WORD_GAP_EM * size && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    }
    text += text === '' || text.endsWith('\t') ? item.str.trimStart() : item.str;
    prevEnd = Math.max(prevEnd, item.x + Math.max(item.width, 0));
  }
  // Runs of spaces inside one fragment are how monospace generators align columns.
  return text.replace(/[ \u00a0]+$/u, '').replace(/ {3,}/g, '\t').replace(/ {2}/g, ' ');
}

function effectiveSize(f: PositionedText): number {
  return f.size > 0.5 && Number.isFinite(f.size) ? f.size : DEFAULT_SIZE;
}
