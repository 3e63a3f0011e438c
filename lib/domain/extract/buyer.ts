import type { Candidate, FieldSource, Line } from './candidates';
import { cleanName } from './parties';
import { beforeSignOff, capitalisedRuns, findLegalEntities, matchesDomain } from './orgs';

/**
 * The buyer when no "Client:" label names it: a company with a legal form in the mail, the name standing
 * alone under the document heading ("FACTURE 2025/114 — 07/04/2025" then "Domaine des Trois Chênes"), or the
 * organisation a sentence bills ("for Ostara Dental Group", "pour la SAS …", "für die … UG", "im Auftrag der …").
 * Names spelled like the recipient's mail domain are confirmed; names spelled like the sender's are the seller.
 */

export interface BuyerContext {
  /** Organisation label of the recipient's domain ("kestrelclimbing"), null for webmail. */
  recipientDomain: string | null;
  /** The sender's domain label and display name: their company is never the buyer. */
  senderDomain: string | null;
  senderName: string | null;
}

/** A line where the document names itself with a number or a date: the buyer's name often follows. */
const HEADING =
  /(?:facture|invoice|rechnung|factura|fattura|factuur|honorarnote|note d'honoraires|n[°o.º]|nr\.|#)[^\n]{0,40}\d|^\s*(?:date|datum|fecha|data)\b[^\n]{0,20}\d/;
/** "for X", "pour la SAS X", "für die X", "im Auftrag der X", "per X", "para X", "voor X", "provided to X". */
const BILLED_FOR =
  /(?:^|[\s(])(?:for|pour|für|fur|per|para|voor|provided to|billed to|facturee? a|im auftrag (?:der|des|von)|au nom de|a l'attention de|de la|comptabilite de|pour le compte de|stelle (?:ich|wir) (?:der|dem|den))\s+(?:(?:la|le|l'|les|the|die|der|das|dem|den|il|lo|la|el|los|de|het|team at|folks at|people at)\s+)?$/i;
const NAME_START = /^\s*(\p{Lu}[\p{L}\p{M}'’&.\- ]{1,60})/u;
const NOT_ORG_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Janvier|Fevrier|Mars|Avril|Mai|Juin|Juillet|Aout|Septembre|Octobre|Novembre|Decembre|Januar|Februar|Marz|Juni|Juli|Oktober|Dezember|Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Gennaio|Febbraio|Aprile|Maggio|Giugno|Luglio|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|VAT|TVA|IVA|BTW|MwSt|USt|Total|Invoice|Facture|Rechnung|Factura|Fattura|Factuur)\b/i;
/** Words that make a capitalised run an organisation ("Quiet Fox Studio", "Kestrel Climbing Gym"). */
const ORG_WORD =
  /\b(?:studio|studios|group|groupe|gruppe|grupo|gruppo|company|compagnie|co|gym|cafe|café|restaurant|hotel|hôtel|hostal|brasserie|boulangerie|atelier|garage|cabinet|agence|agency|association|club|school|academy|academia|accademia|ecole|école|schule|verlag|praxis|kanzlei|bau|partners?|partner|associates|associés|consulting|services|solutions|labs?|media|design|events|foundation|stichting|verein|stiftung|fondation|fundación|fondazione|clinic|clinique|klinik|dental|farm|farms|ferme|domaine|winery|brewery|brewing|bakery|bakkerij|theatre|theater|théâtre|teatro|museum|musée|museo|library|librairie|bibliothek|shop|store|boutique|market|marché|markt|industries|logistics|logistik|immobilier|immobilien|realty|estates?|trust|treuhand|holding|ventures|capital|bank|network|systems|technologies|tech|software|digital|productions?|records|press|publishing|editions|éditions|edizioni|ediciones|uitgeverij|restaurante|ristorante|trattoria|osteria|agriturismo|cantina|bodega|taller|talleres|officina|werkstatt|apotheke|pharmacie|farmacia|apotheek|tandarts|huisartsen|mairie|commune|gemeinde|gemeente|comune|ayuntamiento)\b/i;
const GREETING = /^\s*(?:hi|hello|hey|dear|bonjour|bonsoir|salut|coucou|hallo|liebe[rs]?|sehr geehrte[rs]?|guten tag|gruezi|grüezi|servus|moin|hola|estimad[oa]s?|buenos dias|ciao|buongiorno|gentile|egregio|beste|hoi|goedemiddag|goedemorgen)\b/i;

function isSeller(name: string, ctx: BuyerContext): boolean {
  if (ctx.senderDomain && matchesDomain(name, ctx.senderDomain)) return true;
  if (ctx.senderName && name.toLowerCase().includes(ctx.senderName.toLowerCase())) return true;
  return false;
}

/** The name that opens `rest` ("Ostara Dental Group, March 2025" -> "Ostara Dental Group"). */
function leadingName(rest: string): string | null {
  const m = NAME_START.exec(rest);
  if (!m) return null;
  let name = m[1]!.replace(/\s+(?:is|est|ist|es|è|for|pour|für|on|le|du|vom|del|van|last|this|next)\b.*$/i, '');
  // Stop at a lower-case word that is not part of a name ("Quiet Fox Studio is below").
  const words = name.trim().split(/\s+/);
  const kept: string[] = [];
  for (const w of words) {
    if (/^\p{Ll}/u.test(w) && !/^(?:de|du|des|la|le|les|y|e|i|et|and|und|van|der|di|del|della|da|il|&)$/.test(w)) break;
    kept.push(w);
  }
  while (kept.length > 0 && /^(?:de|du|des|la|le|les|y|e|i|et|and|und|van|der|di|del|della|da|il|&)$/.test(kept[kept.length - 1]!)) kept.pop();
  name = kept.join(' ').replace(/[.,:;]+$/, '');
  if (name.length < 3 || NOT_ORG_WORD.test(name)) return null;
  return name;
}

function nameLike(raw: string): boolean {
  const t = raw.trim();
  if (t.length < 3 || t.length > 80 || !/^\p{Lu}/u.test(t)) return false;
  if (/[:=€$£@]|\.{3}|\d[.,]\d{2}\b/.test(t) || GREETING.test(t)) return false;
  const head = t.split(',')[0]!;
  if (/\d/.test(head)) return false;
  const words = head.split(/\s+/);
  return words.length <= 8 && !NOT_ORG_WORD.test(head);
}

export function findBuyerInText(lines: readonly Line[], source: FieldSource, base: number, ctx: BuyerContext): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  const own = beforeSignOff(lines);
  const push = (name: string | null, score: number) => {
    if (!name || isSeller(name, ctx)) return;
    out.push({ value: name, source, score });
    if (matchesDomain(name, ctx.recipientDomain)) out.push({ value: name, source, score: base * 0.6 });
  };
  let domainSeen = false;
  for (let i = 0; i < own.length && i < 80; i++) {
    const line = own[i]!;
    const raw = line.raw;
    if (raw.trim() === '' || raw.length > 300) continue;
    for (const e of findLegalEntities(raw)) push(cleanName(e.name) ?? e.name, base * 0.9);
    // A name standing alone under the heading.
    const prev = own[i - 1];
    const prev2 = own[i - 2];
    if (nameLike(raw) && ((prev && HEADING.test(prev.folded)) || (prev2 && prev && HEADING.test(prev2.folded) && HEADING.test(prev.folded)))) {
      push(cleanName(raw), base * 0.8);
    }
    // "… for Hudson & Pike Realty is below", "pour la SAS Brasserie du Quai :".
    const f = line.folded;
    for (let at = raw.search(/\p{Lu}/u); at >= 0 && at < raw.length; ) {
      if (BILLED_FOR.test(f.slice(Math.max(0, at - 40), at))) {
        const name = leadingName(raw.slice(at));
        // Capitalised nouns follow "für" in German all the time: unconfirmed names stay below the recipient.
        if (name) push(name, ORG_WORD.test(name) || matchesDomain(name, ctx.recipientDomain) ? base * 0.5 : base * 0.08);
      }
      const next = raw.slice(at + 1).search(/(?<=\s)\p{Lu}/u);
      at = next < 0 ? -1 : at + 1 + next;
    }
    if (ctx.recipientDomain && !domainSeen) {
      for (const run of capitalisedRuns(raw)) {
        if (matchesDomain(run, ctx.recipientDomain) && !isSeller(run, ctx)) {
          out.push({ value: cleanName(run) ?? run, source, score: base * 0.7 });
          domainSeen = true;
          break;
        }
      }
    }
  }
  return out;
}
