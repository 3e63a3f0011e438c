import { buildContext, type DraftInput } from './context';
import { blockToText, type Block } from './document';
import { composeFor, LANGUAGE_PACKS } from './draft';
import { frenchTypography } from './format';

/**
 * The formal notice as a printable letter (A4, sent by registered post): structured blocks only; the extension page
 * lays them out and prints to PDF. The body is the same text as the formal-notice email, minus the line saying a
 * registered copy follows (this IS the registered copy), plus the parts a posted letter needs.
 */

export interface LetterParty {
  name: string;
  company?: string;
  /** Postal address, lines separated by newlines. */
  address?: string;
}

export type FormalNoticeLetterInput = DraftInput & {
  sender: LetterParty;
  recipient: { name: string; address?: string };
  /** Town written before the date ("Paris, le 15 mai 2025"). */
  place?: string;
};

export type LetterBlockKind = 'sender' | 'recipient' | 'place_date' | 'subject' | 'paragraph' | 'table' | 'signature' | 'mention';

export interface LetterBlock {
  kind: LetterBlockKind;
  /** The block as lines of text (for a table: one line per row, as in the email). */
  lines: string[];
  /** Tables only: the columns, for a real table layout. */
  head?: string[];
  rows?: string[][];
  foot?: string[][];
}

export interface FormalNoticeLetter {
  title: string;
  blocks: LetterBlock[];
}

const clean = (s: string | undefined): string => (typeof s === 'string' ? s.trim() : '');
const addressLines = (s: string | undefined): string[] =>
  clean(s)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Distinct, non-empty lines in order (a sole trader's name and company are often the same). */
function distinct(lines: string[]): string[] {
  return lines.filter((l, i) => l && lines.indexOf(l) === i);
}

function toLetterBlock(b: Block): LetterBlock {
  if (b.kind === 'table') return { kind: 'table', lines: b.text, head: b.head, rows: b.rows, foot: b.foot };
  return { kind: 'paragraph', lines: blockToText(b).split('\n') };
}

export function buildFormalNoticeLetter(input: FormalNoticeLetterInput): FormalNoticeLetter {
  const ctx = buildContext({ ...input, stage: 'formal_notice' });
  const pack = LANGUAGE_PACKS[ctx.lang];
  const c = composeFor(ctx, 'letter');
  const fix = ctx.lang === 'fr' ? frenchTypography : (s: string): string => s;
  const sender = input.sender ?? { name: '' };
  const recipientName = clean(input.recipient?.name) || ctx.clientName;
  const signature = c.signature.length ? c.signature : distinct([clean(sender.name), clean(sender.company)]);
  const registered = ctx.lang === 'fr' || ctx.jurisdiction === 'FR';

  const blocks: LetterBlock[] = [
    { kind: 'sender', lines: distinct([clean(sender.name), clean(sender.company), ...addressLines(sender.address)]) },
    { kind: 'recipient', lines: distinct([recipientName, ...addressLines(input.recipient?.address)]) },
    { kind: 'place_date', lines: [fix(pack.letter.placeDate(clean(input.place), ctx.w.date(ctx.today)))] },
    ...(registered ? [{ kind: 'mention' as const, lines: [pack.letter.registered] }] : []),
    { kind: 'subject', lines: [fix(pack.letter.subject(c.subject))] },
    { kind: 'paragraph', lines: [c.greeting] },
    ...c.blocks.map(toLetterBlock),
    { kind: 'paragraph', lines: c.closing },
    { kind: 'signature', lines: signature },
    { kind: 'mention', lines: [fix(pack.letter.enclosures(ctx))] },
  ];
  return { title: fix(pack.letter.title(ctx)), blocks: blocks.filter((b) => b.lines.length > 0) };
}
