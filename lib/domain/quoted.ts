import { foldAligned } from './text';

/**
 * Splits a received email body into what the sender just wrote and the history below it.
 *
 * Replies to an invoice nearly always carry the freelancer's own reminder underneath, with its amounts,
 * dates and payment words: anything that reads intent must only see `reply`.
 *
 * Cut points (the earliest one wins):
 * - attribution lines of Gmail/Apple Mail and friends ("On … wrote:", "Le … a écrit :", "Am … schrieb …:",
 *   "El … escribió:", "Il … ha scritto:", "Op … schreef …:"), also when the client wrapped them over two lines;
 * - Outlook header blocks ("From:/Sent:/To:/Subject:" and their fr/de/es/it/nl labels), with the
 *   "_____" rule Outlook puts above them;
 * - separators ("-----Original Message-----", "Message d'origine", "Ursprüngliche Nachricht", forwarded…).
 * Lines starting with ">" above the cut are quotes too and are dropped from the reply.
 *
 * Signatures are removed from the reply: a "-- " line and all below it, "Sent from my iPhone"-style
 * lines, and a short block (name, title, phone) after a closing such as "Cordialement," or "Best regards,".
 *
 * Work is linear in the input: each line is tested once, and the header regexes only run on short lines.
 */
export interface StrippedReply {
  /** What the sender wrote, without quoted history or signature. Trimmed. */
  reply: string;
  /** Everything from the first cut point on ("" when the message quotes nothing). */
  quoted: string;
  signatureRemoved: boolean;
  /** The cut point is a forwarded message (its body was written by someone, often the sender, earlier). */
  forwarded: boolean;
}

/** Header lines are short; longer lines are never tested, which keeps adversarial input linear. */
const MAX_HEADER_LINE = 400;

/** Lead words of attribution lines ("On", "Le", "Am", "El", "Il", "Op", "Em", "Den", "W dniu"). */
const ATTRIBUTION_LEAD = /^(?:on|le|am|el|il|op|em|den|w dniu|the)\b/;
/** Verbs of attribution lines, accent-folded. */
const ATTRIBUTION_VERB = /\b(?:wrote|a ecrit|schrieb|escribio|ha scritto|schreef|escreveu|skrev|napisal)\b/;

/** Outlook header labels, accent-folded; the "from" line opens a block. */
const OUTLOOK_FROM = /^\*?(?:from|de|von|da|van|expediteur|remitente|mittente|afzender)\s*\*?\s?:\s*\S/;
const OUTLOOK_OTHER =
  /^\*?(?:sent|date|envoye|gesendet|datum|enviado|fecha|inviato|data|verzonden|verstuurd|to|a|an|para|aan|destinataire|cc|subject|objet|betreff|asunto|oggetto|onderwerp)\s*\*?\s?:/;

/** Separator lines, accent-folded. */
const SEPARATOR =
  /^-{2,}\s*(?:original message|message d'origine|ursprungliche nachricht|mensaje original|messaggio originale|oorspronkelijk bericht|origineel bericht)\s*-*$/;
const FORWARD =
  /^(?:-{2,}\s*(?:forwarded message|message transfere|weitergeleitete nachricht|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht)\s*-*|debut du message (?:transfere|reexpedie)\s*:?|begin forwarded message\s*:?|anfang der weitergeleiteten nachricht\s*:?)$/;
const UNDERSCORE_RULE = /^_{8,}$/;

/** "Sent from my iPhone" and the like: the line alone is dropped. */
const DEVICE_SIGNATURE =
  /^(?:sent from my|sent from|envoye de mon|envoye depuis mon|envoye a partir de|von meinem \S+(?: \S+)? gesendet|gesendet von meinem|enviado desde mi|inviato da(?:l mio)?|verzonden (?:met|vanaf) mijn|verstuurd vanaf mijn|get outlook for|telecharger outlook pour|obtenir outlook pour)\b/;

/** Closing lines after which a short name/title/phone block is a signature. Matched on the whole line. */
const CLOSING =
  /^(?:(?:bien |tres )?cordialement|(?:bien |tres )?amicalement|(?:bonne|belle) (?:journee|soiree|fin de journee)|a bientot|salutations(?: distinguees)?|(?:avec )?mes (?:meilleures )?salutations(?: distinguees| les meilleures)?|bisous|merci(?: beaucoup| encore| d'avance| par avance)?|(?:best|kind|warm|many thanks and)? ?regards|best(?: wishes)?|cheers|thanks(?: again| a lot| a million)?|thank you|many thanks|sincerely|yours(?: sincerely| truly)?|all the best|(?:mit )?(?:freundlichen|besten|herzlichen|lieben|viele|beste|liebe) gru(?:ss|ß)e?n?|(?:danke und )?gru(?:ss|ß)|viele gru(?:ss|ß)e|lg|mfg|vielen dank|danke|saludos(?: cordiales)?|un (?:saludo|abrazo)|atentamente|gracias|cordiali saluti|distinti saluti|saluti|grazie|met vriendelijke groet(?:en)?|(?:hartelijke )?groet(?:en|jes)?|bedankt)[\s,.!]*$/;

/** A signature block after a closing is at most this many non-blank lines. */
const MAX_SIGNATURE_LINES = 6;

function isAttribution(folded: string): boolean {
  return ATTRIBUTION_LEAD.test(folded) && ATTRIBUTION_VERB.test(folded) && /:\s*$/.test(folded);
}

/** Strips ">" markers and leading blanks, then folds: header tests run on this form. */
function headerForm(line: string): string {
  if (line.length > MAX_HEADER_LINE) return '';
  return foldAligned(line).replace(/^[\s>]+/, '').trimEnd();
}

interface Cut {
  line: number;
  forwarded: boolean;
}

function findCut(lines: readonly string[]): Cut | null {
  for (let i = 0; i < lines.length; i++) {
    const f = headerForm(lines[i]!);
    if (f === '') continue;
    if (FORWARD.test(f)) return { line: i, forwarded: true };
    if (SEPARATOR.test(f)) return { line: i, forwarded: false };
    if (isAttribution(f)) return { line: i, forwarded: false };
    // Attribution wrapped over two lines: "On Mon, 24 Feb 2025 at 15:48, Élise Tremblay" / "<e@x.example> wrote:".
    if (ATTRIBUTION_LEAD.test(f) && /\d/.test(f) && i + 1 < lines.length) {
      const next = headerForm(lines[i + 1]!);
      if (next !== '' && isAttribution(`${f} ${next}`)) return { line: i, forwarded: false };
    }
    if (OUTLOOK_FROM.test(f) && outlookBlockFollows(lines, i)) {
      const above = i > 0 ? headerForm(lines[i - 1]!) : '';
      return { line: UNDERSCORE_RULE.test(above) ? i - 1 : i, forwarded: false };
    }
  }
  return null;
}

/** A "From:" line opens a header block when at least two other header labels follow within five lines. */
function outlookBlockFollows(lines: readonly string[], from: number): boolean {
  let labels = 0;
  for (let j = from + 1; j < lines.length && j <= from + 5; j++) {
    if (OUTLOOK_OTHER.test(headerForm(lines[j]!))) labels++;
  }
  return labels >= 2;
}

/** Removes signatures from the reply lines; returns whether anything was removed. */
function removeSignature(lines: string[]): boolean {
  let removed = false;
  for (let i = 0; i < lines.length; i++) {
    const f = headerForm(lines[i]!);
    if (f === '--' || lines[i] === '-- ') {
      lines.length = i;
      return true;
    }
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const f = headerForm(lines[i]!);
    if (DEVICE_SIGNATURE.test(f)) {
      // Mail clients append "Sent from my iPhone" possibly glued to an attachment note: drop the line.
      lines.splice(i, 1);
      removed = true;
    }
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const raw = lines[i]!;
    if (raw.length > 60) continue;
    if (!CLOSING.test(headerForm(raw))) continue;
    const after = lines.slice(i + 1).filter((l) => l.trim() !== '');
    if (after.length > MAX_SIGNATURE_LINES || after.some((l) => l.trim().length > 80)) break;
    // Only cut when something precedes the closing: a bare "Thanks!" reply stays as it is.
    if (lines.slice(0, i).some((l) => l.trim() !== '')) {
      lines.length = i;
      removed = true;
    }
    break;
  }
  return removed;
}

export function stripQuoted(text: string): StrippedReply {
  const source = typeof text === 'string' ? text.replace(/\r\n?/g, '\n') : '';
  const lines = source.split('\n');
  const cut = findCut(lines);
  const head = cut ? lines.slice(0, cut.line) : lines;
  const quoted = cut ? lines.slice(cut.line).join('\n') : '';
  // Interleaved quotes above the cut (bottom-posting, inline answers) are history too.
  const own = head.filter((l) => !/^\s*>/.test(l));
  const hadInlineQuotes = own.length !== head.length;
  const signatureRemoved = removeSignature(own);
  const reply = own.join('\n').trim();
  return {
    reply,
    quoted: hadInlineQuotes && !cut ? head.filter((l) => /^\s*>/.test(l)).join('\n') : quoted,
    signatureRemoved,
    forwarded: cut?.forwarded ?? false,
  };
}

/**
 * The body of a forwarded message, without its header lines ("From:", "Date:", "Objet:"…). Used when a
 * client forwards an earlier mail of their own (e.g. a payment proof) with nothing written above it.
 */
export function forwardedBody(quoted: string): string {
  const lines = (typeof quoted === 'string' ? quoted : '').split('\n');
  const body: string[] = [];
  let inHeader = true;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const f = headerForm(line);
    if (inHeader) {
      if (f === '' || /^[a-z\u00e0-\u00ff ]{2,20}\s?:/.test(f)) continue;
      inHeader = false;
    }
    body.push(line);
  }
  return stripQuoted(body.join('\n')).reply;
}
