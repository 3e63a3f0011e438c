import type { IsoDate, Lang } from './types';
import { foldAligned } from './text';
import { detectLanguage } from './language';
import { forwardedBody, stripQuoted } from './quoted';
import { resolvePaymentDate } from './relative-dates';
import { FAMILY_CUES } from './reply-families';
import {
  AUTO_REPLY_BODY,
  AUTO_REPLY_SUBJECT,
  LEXICON,
  NEGATION,
  NOT_YET,
  type Cue,
  type ReplyIntent,
} from './reply-lexicon';

export type { ReplyIntent } from './reply-lexicon';

/**
 * What a client's reply to an invoice or reminder says: its intent and, when the client commits to or
 * proposes a payment date, that date.
 *
 * Only the client's own words are read: quoted history and signatures are stripped first (quoted.ts), so the
 * freelancer's reminder below the reply (with its "paid", amounts and due dates) cannot drive the result.
 * A subject is read only when the client wrote it (no "Re:"/"AW:" prefix).
 *
 * Cues are fixed phrases (reply-lexicon.ts) and word families that must meet in one sentence
 * (reply-families.ts: a payment word next to a completion verb, a future marker or day next to a payment
 * verb, a request next to "again"…), so that wordings nobody listed still count. A question never states
 * that a payment was made.
 *
 * Decision: cues add weights per intent. An intent is "strong" at STRONG or more. Among
 * strong intents the first in PRECEDENCE wins; without a strong one, the highest score wins; no cue = none.
 * The precedence puts the facts that change what the freelancer should do first:
 * - an automatic reply (out of office) says nothing: none, whatever else it contains;
 * - other_company: the invoice itself must be reissued before anything else can happen;
 * - financial_difficulty: cash trouble or insolvency outweighs any promise made next to it;
 * - dispute: a contested invoice is not going to be paid as is, even if "happy to pay once fixed";
 * - paid: once the money has left, an earlier excuse (misfiled invoice, delay) is history;
 * - lost_invoice, then delay_request (asking for time with a non-financial reason), then promise;
 * - acknowledgement (receipt only) comes last: any other signal says more.
 */
export interface ReplyUnderstanding {
  intent: ReplyIntent;
  confidence: number;
  promisedDate: IsoDate | null;
  evidence: Array<{ text: string; weight: number }>;
  language: Lang;
  /** The stripped reply text the decision was made on. */
  reply: string;
}

export interface ReplyInput {
  subject?: string;
  text: string;
  /** ISO instant of the reply; relative dates ("vendredi") are resolved against its UTC calendar day. */
  date: string;
  lang?: Lang;
}

const PRECEDENCE: readonly Exclude<ReplyIntent, 'none'>[] = [
  'other_company',
  'financial_difficulty',
  'dispute',
  'paid',
  'lost_invoice',
  'delay_request',
  'promise',
  'acknowledgement',
];
const STRONG = 2;
/** Reasons for a delay (accountant away, approval…) add up to at most this much without a request. */
const DELAY_REASON_CAP = 1.5;
/** Intents for which a payment date the client states is recorded. */
const DATED_INTENTS: ReadonlySet<ReplyIntent> = new Set([
  'promise',
  'delay_request',
  'financial_difficulty',
  'lost_invoice',
  'other_company',
]);
const REPLY_PREFIX = /^\s*(?:re|aw|antw|antwort|sv|r|rif|rv|ref|réf|odp|vs)\s*(?:\[\d+\])?\s*:/i;
const MAX_TEXT = 20_000;

interface Hit {
  intent: Exclude<ReplyIntent, 'none'>;
  text: string;
  weight: number;
  reason: boolean;
}

/** The clause before `index` (back to the last , ; . ! ? or line break), at most `span` characters. */
function clauseBefore(folded: string, index: number, span = 40): string {
  const start = Math.max(0, index - span);
  const before = folded.slice(start, index);
  const cut = Math.max(...[',', ';', '.', '!', '?', '\n', ' but ', ' mais ', ' aber '].map((s) => before.lastIndexOf(s)));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** Whether the sentence holding `index` ends with a question mark. */
function inQuestion(folded: string, index: number): boolean {
  const end = /[.!?\n]/.exec(folded.slice(index, index + 300));
  return end?.[0] === '?';
}

function cueHolds(cue: Cue, folded: string, index: number): boolean {
  if (cue.statement && inQuestion(folded, index)) return false;
  if (!cue.affirmative && !cue.past) return true;
  const before = clauseBefore(folded, index);
  if (cue.affirmative && NEGATION.test(before)) return false;
  if (cue.past && NOT_YET.test(before)) return false;
  return true;
}

/** Also checks the words right after the cue ("paid? not yet", "reçu ? non"). */
function negatedAfter(folded: string, end: number): boolean {
  return /^\s*(?:yet\b|not yet|pas encore|noch nicht)/.test(folded.slice(end, end + 20));
}

function collectHits(folded: string): Hit[] {
  const hits: Hit[] = [];
  for (const intent of PRECEDENCE) {
    for (const cue of [...LEXICON[intent], ...(FAMILY_CUES[intent] ?? [])]) {
      cue.re.lastIndex = 0;
      for (let m = cue.re.exec(folded); m; m = cue.re.exec(folded)) {
        if (m[0].length === 0) {
          cue.re.lastIndex++;
          continue;
        }
        if (!cueHolds(cue, folded, m.index)) continue;
        // A question about a payment ("has it been sent?") never states that it was made.
        if (intent === 'paid' && cue.past && inQuestion(folded, m.index)) continue;
        // Wide patterns ("haben … überwiesen") can hold the negation inside them: "haben noch nicht überwiesen".
        if (cue.affirmative && (negatedAfter(folded, m.index + m[0].length) || NEGATION.test(m[0]))) continue;
        hits.push({ intent, text: m[0], weight: cue.weight, reason: intent === 'delay_request' && cue.weight < STRONG });
      }
    }
  }
  return hits;
}

function autoReplyScore(subjectFolded: string, folded: string): number {
  let score = AUTO_REPLY_SUBJECT.test(subjectFolded) ? 5 : 0;
  for (const cue of AUTO_REPLY_BODY) {
    cue.re.lastIndex = 0;
    if (cue.re.test(folded)) score += cue.weight;
  }
  return score;
}

function scoreIntents(hits: readonly Hit[]): Map<Exclude<ReplyIntent, 'none'>, number> {
  const scores = new Map<Exclude<ReplyIntent, 'none'>, number>();
  let reasons = 0;
  for (const h of hits) {
    if (h.reason) reasons += h.weight;
    else scores.set(h.intent, (scores.get(h.intent) ?? 0) + h.weight);
  }
  if (reasons > 0) scores.set('delay_request', (scores.get('delay_request') ?? 0) + Math.min(reasons, DELAY_REASON_CAP));
  return scores;
}

function decide(scores: Map<Exclude<ReplyIntent, 'none'>, number>): { intent: ReplyIntent; score: number; rival: number } {
  const strong = PRECEDENCE.filter((i) => (scores.get(i) ?? 0) >= STRONG);
  let intent: ReplyIntent = 'none';
  let score = 0;
  if (strong.length > 0) {
    intent = strong[0]!;
    score = scores.get(strong[0]!)!;
  } else {
    for (const i of PRECEDENCE) {
      const s = scores.get(i) ?? 0;
      if (s > score) {
        intent = i;
        score = s;
      }
    }
  }
  let rival = 0;
  for (const [i, s] of scores) if (i !== intent) rival = Math.max(rival, s);
  return { intent, score, rival };
}

function refDay(date: string): IsoDate | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(typeof date === 'string' ? date : '');
  if (!m) return null;
  const d = new Date(date);
  // An instant with a time zone is read as its UTC calendar day; a bare date as written.
  return Number.isNaN(d.getTime()) || date.length <= 10 ? m[1]! : d.toISOString().slice(0, 10);
}

/** Classifies one received reply. Never throws: unusable input gives intent "none" with confidence 0. */
export function classifyReply(input: ReplyInput): ReplyUnderstanding {
  try {
    return classifyUnsafe(input);
  } catch {
    return { intent: 'none', confidence: 0, promisedDate: null, evidence: [], language: input?.lang ?? 'en', reply: '' };
  }
}

function classifyUnsafe(input: ReplyInput): ReplyUnderstanding {
  const text = typeof input.text === 'string' ? input.text.slice(0, MAX_TEXT * 5) : '';
  const subject = typeof input.subject === 'string' ? input.subject.slice(0, 500) : '';
  const stripped = stripQuoted(text);
  let reply = stripped.reply;
  // A forward with nothing written above it: the forwarded mail is what the client is sending us.
  if (reply.trim() === '' && stripped.forwarded) reply = forwardedBody(stripped.quoted);
  reply = reply.slice(0, MAX_TEXT);
  const ownSubject = REPLY_PREFIX.test(subject) ? '' : subject;
  const analysed = ownSubject ? `${ownSubject}.\n${reply}` : reply;
  const folded = foldAligned(analysed);
  const language = detectLanguage(reply || subject, input.lang);

  const auto = autoReplyScore(foldAligned(subject), folded);
  if (auto >= 4) {
    return {
      intent: 'none',
      confidence: Math.min(0.95, 0.6 + auto * 0.05),
      promisedDate: null,
      evidence: [{ text: 'automatic reply', weight: auto }],
      language,
      reply,
    };
  }

  const hits = collectHits(folded);
  const { intent, score, rival } = decide(scoreIntents(hits));
  const evidence = hits
    .filter((h) => h.intent === intent)
    .map((h) => ({ text: h.text.trim(), weight: h.weight }));
  let promisedDate: IsoDate | null = null;
  const ref = refDay(input.date);
  if (ref && DATED_INTENTS.has(intent)) promisedDate = resolvePaymentDate(reply, ref, language, { aboutPayment: true })?.date ?? null;
  const confidence =
    intent === 'none' ? (hits.length === 0 ? 0.6 : 0.4) : Math.max(0.3, Math.min(0.95, 0.45 + 0.12 * score - 0.08 * rival));
  return { intent, confidence: Math.round(confidence * 100) / 100, promisedDate, evidence, language, reply };
}
