import type { Candidate, FieldSource, Line } from './candidates';
import { foldAccents } from '../text';
import { findLegalEntities } from './orgs';

/**
 * The buyer. Labels first ("Client :", "Bill to", "Rechnungsempfänger", "Käufer"); the value is what follows
 * the label on its line, or the first line below a label that stands alone (address blocks in PDFs).
 * The name is cut before the address: at ", <digit>", " – ", " (", " | ", "Attn".
 */

const LABEL =
  /^\s*(?:client name|customer name|bill(?:ed)? to address|bill(?:ed)? to|billing address|invoice to|invoiced to|sold to|clients?|cliente|customer|factur(?:e|ee) a|adresse de facturation|destinataire|acheteur|rechnungsempfanger|rechnungsadresse|empfanger|kunde(?:\/leistungsempfanger)?|kaufer(?:\/leistungsempfanger)?|leistungsempfanger|facturar a|facturado a|intestatario|destinatario|klant|factuuradres|to|an|aan|auftraggeber(?:in)?|opdrachtgever|committente|a l'attention de|attn|attention|for the attention of)(?![a-z\-/])[ ]*(?::[ ]*|(?=\t|$))/;
/** Labels that name someone else: never the buyer. */
const NOT_BUYER = /^\s*(?:(?:client|customer|kunden?)\s*(?:vat|tva|ust|reference|ref|account|number|no|id|code)\b|client(?:s)? (?:id|no|number|n[°o]|code)|customer (?:id|no|number|code)|kundennummer|kunden-?nr|id\.? ?client|n[°o] client)\b/;
const ATTN = /^\s*(?:attn|attention|z\.? ?hd\.?|a l'attention de|c\/o)\s*[:.]?\s*/i;
const CUT = /\s*(?:\s[-–—|·]\s|\(|\s{2,}|\t|;|\bP\.?IVA\b|\b(?:CIF|NIF|VAT|TVA|SIRET)\b).*$/i;
/** Legal forms that may follow a comma inside a company name ("Pinecone Analytics, Inc."). */
const LEGAL_FORM = /^\s*(?:inc|ltd|llc|llp|plc|corp|co|gmbh|ag|kg|sa|sas|sarl|s\.?l|s\.?l\.?p|s\.?r\.?l|s\.?p\.?a|s\.?a\.?s|b\.?v|n\.?v)\.?\s*$/i;
const ADDRESS_LIKE = /\b(?:total|amount|due|montant|betrage?|summe|date|datum)\b|betr(?:a|ä)ge\b|^\s*(?:\d|[a-z]{1,3}[- ]?\d|\+|tel|phone|fax|e-?mail|www\.|http)|@|\b(?:rue|street|strasse|straße|str\.|road|avenue|impasse|allee|platz)\b/i;
const NOT_A_NAME = /^(?:address|adresse|anschrift|date|datum|n[°o]|number|nummer|globale nummer|tva|vat|siret|iban|gln|kundennummer|kunden-?nr|customer (?:no|number|id)|account|page|seite)\b/i;

/** An address block's salutation line ("Herrn", "Madame"): the name follows. */
const SALUTATION_ONLY = /^\s*(?:herrn?|frau|firma|monsieur|madame|m\.|mme|mr\.?|mrs\.?|ms\.?|sr\.?|sra\.?|sig\.?(?:ra)?)\s*$/;

/** Departments and roles written before the company ("Accounts Payable, Fernhill Brewing"). */
const ROLE = /^\s*(?:accounts? payable|accounts?|accounting|finance|billing|purchasing|procurement|comptabilite|service comptab\w*|facturation|buchhaltung|rechnungswesen|einkauf|contabilidad|administracion|amministrazione|contabilita|boekhouding|administratie|crediteurenadministratie)\s*$/i;

export function cleanName(s: string): string | null {
  let v = s.replace(ATTN, '').replace(CUT, '').trim();
  // Keep the name, drop the address after the first comma (but keep ", Inc." and other legal forms).
  const parts = v.split(',');
  let first = 0;
  if (parts.length > 1 && ROLE.test(foldAccents(parts[0] ?? ''))) first = 1;
  // "Nathalie Roux, Épicerie Bio du Rhône SAS": the part carrying a legal form is the company.
  if (parts.length > 1 && findLegalEntities(parts[first]!).length === 0) {
    for (let i = first + 1; i < parts.length && i <= first + 2; i++) {
      if (findLegalEntities(parts[i]!).length > 0 && !/\d/.test(parts[i]!)) {
        first = i;
        break;
      }
    }
  }
  let kept = parts[first] ?? '';
  for (let i = first + 1; i < parts.length && LEGAL_FORM.test(parts[i]!); i++) kept += `,${parts[i]}`;
  v = kept.trim();
  v = v.replace(/[,:;.\s]+$/, (m) => (/\.$/.test(m) && /\b(?:inc|ltd|co|corp|s\.?a|s\.?l|s\.?r\.?l|gmbh|llc|bv|ag|kg|sas|sarl)\.$/i.test(v) ? '.' : '')).trim();
  if (v.length < 2 || v.length > 80) return null;
  if (!/\p{L}{2}/u.test(v) || ADDRESS_LIKE.test(v) || NOT_A_NAME.test(v)) return null;
  // A single word with digits is an identifier (customer number), not a name.
  if (/\d/.test(v) && !/\s/.test(v)) return null;
  return v;
}

export function findClients(lines: readonly Line[], source: FieldSource, base: number): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  for (let i = 0; i < lines.length && out.length < 4; i++) {
    const line = lines[i]!;
    if (line.folded.length === 0 || line.folded.length > 200) continue;
    const fcells = line.folded.split('\t');
    const rcells = line.raw.split('\t');
    for (let column = 0; column < fcells.length; column++) {
      const f = fcells[column]!;
      if (NOT_BUYER.test(f)) continue;
      const m = LABEL.exec(f);
      if (!m) continue;
      const rest = (rcells[column] ?? '').slice(m[0].length);
      const same = rest.trim() ? cleanName(rest) : null;
      if (same) {
        out.push({ value: same, source, score: base });
        break;
      }
      if (rest.trim() !== '' && !NOT_A_NAME.test(rest.trim())) continue;
      // Label alone (or followed by an identifier): the value is in the next cell, or in the same column
      // below, after identifier lines (GLN, customer number); "Name: X" gives X.
      const nextCell = rcells[column + 1];
      const inRow = nextCell && !LABEL.test(foldAccents(nextCell)) ? cleanName(nextCell) : null;
      if (inRow && nextCell && !/:/.test(nextCell)) {
        out.push({ value: inRow, source, score: base * 0.9 });
        break;
      }
      const below = nameBelow(lines, i, column);
      if (below) out.push({ value: below, source, score: base * 0.9 });
      break;
    }
  }
  return out;
}

function nameBelow(lines: readonly Line[], i: number, column: number): string | null {
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const cells = lines[j]!.raw.split('\t');
    let cell = (cells.length > column ? cells[column] : cells[0]) ?? '';
    // "Name:<tab>Kunden AG" rows of e-invoice viewers.
    if (/^\s*(?:name|nom|firma|company|raison sociale)\s*:?\s*$/i.test(cell)) cell = cells[column + 1] ?? '';
    const fcell = foldAccents(cell).trim();
    if (fcell === '' || NOT_A_NAME.test(fcell) || SALUTATION_ONLY.test(fcell)) continue;
    // Another label/value row ("Payment Terms: Net 30"): the name is further down.
    if (/:/.test(fcell) && !/^\s*(?:name|nom|firma|company|attn|attention)\s*:/.test(fcell)) continue;
    const name = cleanName(cell.replace(/^\s*(?:name|nom|firma|company)\s*:\s*/i, ''));
    if (name) return name;
  }
  return null;
}

/** Mailboxes named after a role or department, not after the buyer. */
const ROLE_MAILBOX =
  /^(?:service|accounts?|accounting|compta\w*|billing|facturation|buchhaltung|info|contact|admin\w*|office|reception|empfang|lektorat|rechnungseingang|rechnungswesen|einkauf|reservas|reservations?|amministrazione|contabilidad|boekhouding|administratie|team|hello|support|ap|finance)\b/i;
/** Honorifics that make a display name a person's ("Herr Richter", "Mme Durand"). */
const HONORIFIC = /^(?:herrn?|frau|dr\.?|mr\.?|mrs\.?|ms\.?|m\.|mme|monsieur|madame|sr\.?|sra\.?|sig\.?(?:ra)?|dhr\.?|mevr\.?)\s/i;

/** Whether a display name is a person rather than an organisation ("Claire Vidal" <claire.vidal@…>). */
export function looksLikePerson(name: string, email: string): boolean {
  if (HONORIFIC.test(name)) return true;
  if (findLegalEntities(name).length > 0) return false;
  const words = name.trim().split(/\s+/);
  if (words.length < 1 || words.length > 4) return false;
  const local = foldAccents((email.split('@')[0] ?? '').replace(/[^a-zA-Z]/g, ''));
  return words.some((w) => {
    const f = foldAccents(w).replace(/[^a-z]/g, '');
    return f.length >= 3 && local.includes(f);
  });
}

/** The recipient as a last resort: display name, else the company part of the domain. */
export function clientFromRecipient(to: ReadonlyArray<{ name?: string | null; email: string }>): { name: string; person: boolean } | null {
  const first = to[0];
  if (!first || typeof first.email !== 'string') return null;
  const name = first.name?.trim();
  if (name && !/@/.test(name) && !ROLE_MAILBOX.test(foldAccents(name))) {
    return { name, person: looksLikePerson(name, first.email) };
  }
  const domain = /@([^.@]+)\./.exec(first.email)?.[1];
  if (!domain || /^(?:gmail|yahoo|hotmail|outlook|mail|post|orange|free|gmx|web|icloud|live|laposte|mail-perso)/i.test(domain)) {
    return name ? { name, person: false } : null;
  }
  return { name: domain.replace(/[-_]+/g, ' '), person: false };
}
