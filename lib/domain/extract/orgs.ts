import { foldAccents } from '../text';

/**
 * Organisation names in running text. A company legal form (GmbH, SARL, S.r.l., Ltd, B.V.…) is strong evidence
 * that a run of capitalised words is a company; a recipient's mail domain that spells the same words
 * ("kestrelclimbing.example" for "Kestrel Climbing Gym") is a second, independent hint. The sign-off marks
 * where the sender's own signature starts: a company named below it is the seller, not the buyer.
 */

/** A capitalised word (or a number inside a name: "Studio 54"). */
const CAP = String.raw`(?:\p{Lu}[\p{L}\p{M}'’\-]*\.?|\d{1,4}(?![\d.,]))`;
/** Small words that sit inside names: "Domaine des Trois Chênes", "Sol y Luna", "Weber & Kühn". */
const CONN = String.raw`(?:de|du|des|la|le|les|d'|l'|y|e|i|et|and|&|\+|und|van(?: de[nr]?)?|di|del|della|da|dos|das|il)`;
const NAME = String.raw`${CAP}(?:[ ]+(?:${CONN}[ ]+){0,2}(?:[dlDL]['’])?${CAP}){0,6}`;
/** Legal forms written after the name. */
const SUFFIX = String.raw`(?:GmbH(?:[ ]&[ ]Co\.?[ ]KG)?|gGmbH|UG(?:[ ]\(haftungsbeschr[äa]nkt\))?|AG|OHG|KG|KGaA|e\.[ ]?K\.?|e\.[ ]?V\.?|GbR|PartG|mbH|SARL|SAS|SASU|SA|SNC|SELARL|EURL|SCOP|Ltd\.?|Limited|LLC|LLP|PLC|plc|Inc\.?|Corp\.?|Co\.|S\.[ ]?L\.(?:[ ]?[PU]\.)?|SLU?|S\.[ ]?A\.(?:[ ]?S\.)?|S\.[ ]?r\.[ ]?l\.?s?|Srl|S\.[ ]?p\.[ ]?A\.?|SpA|S\.[ ]?a\.[ ]?s\.?|S\.[ ]?n\.[ ]?c\.?|B\.[ ]?V\.?|BV|N\.[ ]?V\.?|NV|VOF|Pty[ ]Ltd)`;
/** Legal forms and organisation words written before the name. */
const PREFIX = String.raw`(?:SAS|SARL|SASU|SCI|EURL|SELARL|SCP|SCM|Stichting|Association|Verein|Fondation|Fundaci[óo]n|Fondazione|Associazione|Asociaci[óo]n)`;

const SUFFIXED = new RegExp(String.raw`(${NAME}),?[ ]+(${SUFFIX})(?![\p{L}\d])`, 'gu');
const PREFIXED = new RegExp(String.raw`(?<![\p{L}])(${PREFIX})[ ]+(${NAME})`, 'gu');
const CAP_RUN = new RegExp(String.raw`(?<![\p{L}\d])${NAME}`, 'gu');

/** Leading words that start a sentence or a label rather than a name. */
const LEADING_NOISE =
  /^(?:(?:Hi|Hello|Hey|Dear|Bonjour|Salut|Hallo|Liebe[rs]?|Sehr|Guten|Hola|Estimad[oa]s?|Ciao|Buongiorno|Gentile|Beste|Hoi|Invoice|Facture|Rechnung|Factura|Fattura|Factuur|Client|Customer|Kunde|Cliente|Klant|To|For|From|Attn|An|Aan|Spett\.le|Messrs\.?|Firma|Company|Bill|Billed|The|Les?|La|Die|Der|Das|Il|El|De|Het|Im|Auftrag|Thanks?|Merci|Danke|Grazie|Gracias|Bedankt|Voici|Here|Hier|Ecco|Anbei|Bijgaand|Herr|Frau|Monsieur|Madame|Mr\.?|Mrs\.?|Ms\.?)[ ]+)+/u;

/** Sign-offs: the sender's signature (and the seller's company name) follows. */
const SIGN_OFF =
  /^\s*(?:cordialement|bien (?:cordialement|a vous|amicalement)|amicalement|bonne (?:journee|soiree|fin de journee)|a (?:tres )?bientot|merci[^\n]{0,40}|best(?: regards| wishes)?|kind regards|warm(?:est)? (?:regards|wishes)|regards|cheers|thanks?[^\n]{0,40}|thank you[^\n]{0,40}|many thanks|all the best|sincerely|yours (?:sincerely|truly)|mit (?:freundlichen|besten|kollegialen) grussen|(?:freundliche|viele|beste|liebe|herzliche|schone) grusse|gruss(?:e)?|danke[^\n]{0,30}|lg|vg|saludos[^\n]{0,20}|un (?:saludo|abrazo)|atentamente|cordiales saludos|cordiali saluti|(?:distinti )?saluti|un caro saluto|grazie[^\n]{0,40}|a presto|met vriendelijke groet(?:en)?|(?:hartelijke )?groet(?:en|jes)?|vriendelijke groet(?:en)?)[\s,.!]*$/;

/** The lines the sender wrote before signing off (all lines when no sign-off is found). */
export function beforeSignOff<T extends { folded: string }>(lines: readonly T[]): T[] {
  for (let i = 1; i < lines.length; i++) {
    if (SIGN_OFF.test(lines[i]!.folded)) return lines.slice(0, i);
  }
  return [...lines];
}

function tidy(name: string): string {
  return name.replace(LEADING_NOISE, '').replace(/[\s,;:]+$/, '').trim();
}

/** Company names that carry a legal form ("Alpwerk Treuhand AG", "SAS Brasserie du Quai"). */
export function findLegalEntities(raw: string): Array<{ name: string; index: number }> {
  const out: Array<{ name: string; index: number }> = [];
  if (raw.length > 400) return out;
  SUFFIXED.lastIndex = 0;
  for (let m = SUFFIXED.exec(raw); m; m = SUFFIXED.exec(raw)) {
    const base = tidy(m[1]!);
    if (base.length < 2 || !/\p{L}{2}/u.test(base)) continue;
    const sep = raw.slice(m.index + m[1]!.length, m.index + m[0].length - m[2]!.length);
    out.push({ name: `${base}${sep.includes(',') ? ',' : ''} ${m[2]}`, index: m.index });
  }
  PREFIXED.lastIndex = 0;
  for (let m = PREFIXED.exec(raw); m; m = PREFIXED.exec(raw)) {
    if (out.some((o) => o.index <= m!.index && m!.index < o.index + o.name.length + 2)) continue;
    out.push({ name: `${m[1]} ${m[2]!.trim()}`, index: m.index });
  }
  return out;
}

/** Capitalised runs of words: possible names, to be confirmed by other evidence. */
export function capitalisedRuns(raw: string): string[] {
  const out: string[] = [];
  if (raw.length > 400) return out;
  CAP_RUN.lastIndex = 0;
  for (let m = CAP_RUN.exec(raw); m; m = CAP_RUN.exec(raw)) {
    const t = tidy(m[0]);
    if (t.length >= 3 && /\p{L}{2}/u.test(t)) out.push(t);
  }
  return out;
}

const NAME_FILLERS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'd', 'l', 'y', 'e', 'i', 'et', 'and', 'und', 'van', 'der', 'den', 'di', 'del', 'della', 'da', 'il', 'the', 'of']);

/** Letters only, accents folded, small connecting words and legal forms dropped: "Weber & Kühn Verlag OHG" -> "weberkuhnverlag". */
export function squashName(s: string, keep: ReadonlySet<string> = new Set()): string {
  const f = foldAccents(s).replace(/[^a-z0-9]+/g, ' ');
  return f
    .split(' ')
    .filter((w) => w && (keep.has(w) || !NAME_FILLERS.has(w)))
    .join('');
}

const AND_WORDS: ReadonlySet<string> = new Set(['and', 'und']);

/** German domains spell umlauts out ("kuehn" for "Kühn"). */
function squashVariants(s: string): string[] {
  const lower = s.toLowerCase();
  const spelled = lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  const out = new Set([squashName(lower), squashName(spelled), squashName(lower.replace(/&/g, ' and '), AND_WORDS), squashName(lower.replace(/&/g, ' und '), AND_WORDS)]);
  return [...out].filter((x) => x.length > 0);
}

const WEBMAIL = /^(?:gmail|googlemail|yahoo|hotmail|outlook|live|msn|aol|icloud|me|mac|gmx|web|t-online|freenet|orange|free|sfr|laposte|wanadoo|libero|virgilio|proton|protonmail|mail|email|post|posteo|webmail|mail-perso|courriel)/i;

/** The organisation part of an address's domain ("brasserie-du-quai" of remi@brasserie-du-quai.example), or null for webmail. */
export function domainLabel(email: string | null | undefined): string | null {
  if (typeof email !== 'string') return null;
  const host = /@([^@\s]+)$/.exec(email)?.[1];
  if (!host) return null;
  const parts = host.toLowerCase().split('.');
  const label = parts.length >= 3 && /^(?:mail|mx|smtp|email|post)$/.test(parts[0]!) ? parts[1] : parts[0];
  if (!label || label.length < 3 || WEBMAIL.test(label)) return null;
  return label;
}

/**
 * Whether a name and a domain label spell the same organisation: one squashed form starts with the other and
 * the shorter covers most of the longer ("kestrelclimbing" / "Kestrel Climbing Gym").
 */
export function matchesDomain(name: string, label: string | null): boolean {
  if (!label) return false;
  const d = squashName(label.replace(/-/g, ' '));
  if (d.length < 4) return false;
  for (const n of squashVariants(name)) {
    if (n.length < 4) continue;
    const [short, long] = n.length <= d.length ? [n, d] : [d, n];
    if (long.startsWith(short) && short.length >= long.length * 0.55) return true;
    if (long.includes(short) && short.length >= 6 && short.length >= long.length * 0.6) return true;
  }
  return false;
}
