import type { Lang } from './types';
import type { InvoiceXmlData } from '../pdf/facturx';
import { foldAccents, normalizeText } from './text';
import { stripQuoted } from './quoted';

/**
 * Decides what an outgoing email is: an invoice, another commercial document, or ordinary mail.
 *
 * Every clue becomes a piece of weighted evidence for one kind (or against the invoice reading), so the
 * decision can be shown to the user. Single words are never enough for "invoice": the word must sit where a
 * document names itself (subject, a heading line, a "please find attached" phrase, the file name, the PDF
 * title, the e-invoice XML) and the mail must carry invoice structure (a number, an amount, terms, a PDF).
 * Ordinary mail mentions invoices all the time; precision matters more than recall.
 */

export type DocKind = 'invoice' | 'credit_note' | 'reminder' | 'quote' | 'order' | 'receipt' | 'none';
export type EvidenceSource = 'subject' | 'body' | 'attachment_name' | 'pdf_text' | 'xml';

export interface Evidence {
  source: EvidenceSource;
  text: string;
  weight: number;
  kind: DocKind;
}

export interface Classification {
  kind: DocKind;
  confidence: number;
  evidence: Evidence[];
}

export interface ClassifyAttachment {
  filename: string;
  text?: string | null;
  xml?: InvoiceXmlData | null;
}

export interface ClassifyInput {
  subject: string;
  text: string;
  attachments: ClassifyAttachment[];
  lang?: Lang;
}

/** Long bodies (quoted threads, logs) are cut: document clues sit near the top. */
const MAX_BODY = 12000;
const MAX_PDF = 20000;

type SpecificKind = Exclude<DocKind, 'invoice' | 'none'>;

// --- vocabulary (accent-folded, lower case) -----------------------------------------------------------

/** A document calling itself an invoice, singular. German compounds (Schlussrechnung, Handelsrechnung) count. */
const INVOICE_WORD = /\b(?:facture|invoice|[a-z]*rechnung|factura|fattura|factuur|fatura|honorarnote|note d'honoraires|nota de honorarios|notula)\b/;
const INVOICE_WORD_G = new RegExp(INVOICE_WORD.source, 'g');

const KIND_WORDS: Record<SpecificKind, RegExp> = {
  credit_note:
    /\b(?:avoir|facture d'avoir|credit note|credit memo|creditnota|gutschrift|rechnungskorrektur|nota de credito|nota di credito|factura rectificativa)\b/,
  quote:
    /\b(?:devis|quote|quotation|estimate|angebot|kostenvoranschlag|pro ?-?forma|proforma|presupuesto|preventivo|offerte|offerta|cotizacion)\b/,
  order:
    /\b(?:bon de commande|purchase order|order confirmation|confirmation de commande|bestellung|auftragsbestatigung|bestellbestatigung|orden de compra|ordine d'acquisto|conferma d'ordine|inkooporder|orderbevestiging)\b/,
  receipt:
    /\b(?:receipt|recu de paiement|facture acquittee|paid in full|quittung|zahlungsbestatigung|zahlungseingang|payment received|payment confirmation|recibo|ricevuta|kwitantie|betalingsbevestiging)\b/,
  reminder:
    /\b(?:relance|rappel|reminder|overdue|past due|zahlungserinnerung|mahnung|mise en demeure|sollecito|recordatorio|herinnering|betalingsherinnering|final notice|final demand)\b/,
};

/** Phrases that on their own say what the mail does, wherever they appear in the body. */
const KIND_PHRASES: Record<SpecificKind, RegExp> = {
  reminder:
    /\b(?:is now \d+ days? overdue|(?:still|remains?) (?:unpaid|outstanding)|has not (?:yet )?been (?:paid|settled)|not yet received (?:your )?payment|n'a pas (?:encore )?ete (?:reglee?|payee?)|demeure impayee|reste impayee|restent impayees|impayee?s?|sauf erreur (?:ou omission )?de (?:ma|notre) part|(?:war|waren) am [0-9.]+ (?:\d{4} )?fallig|noch (?:nicht|offen)|uberfallig|zahlung .{0,40}uberschnitten|(?:aun|todavia) no (?:hemos recibido|ha sido pagada)|non (?:ancora )?(?:e stata )?(?:pagata|saldata)|nog niet (?:betaald|ontvangen)|vous mettons en demeure|in zahlungsverzug|(?:circling back|following up|just checking in|checking in|a (?:quick|gentle|friendly) nudge)\b[^.\n]{0,30}\b(?:invoice|payment|bill)|(?:was|were) due (?:on|last|yesterday|\d)|any (?:idea|update|news) (?:on )?when|when (?:can i|can we|should i|may i) expect (?:the )?payment|when (?:the )?payment (?:is|will be) (?:scheduled|made|sent)|toujours en attente (?:de|du|de votre) (?:votre )?(?:reglement|paiement)|je me permets de revenir vers vous|n'avons pas (?:encore )?recu (?:votre|le) (?:reglement|paiement)|(?:ich )?wollte (?:kurz )?(?:nachfragen|nachhaken)|(?:keinen|noch keinen|bisher keinen) zahlungseingang|offene[nr]? (?:betrag|rechnung|posten)|staat (?:bij ons )?nog open|nog (?:steeds )?openstaand|even checken|volevo ricordar\w*|ti ricordo|le ricordo|te recuerdo|le recuerdo|seguimos pendientes)\b/,
  receipt:
    /\b(?:(?:we|i) (?:have )?received your payment|(?:thank you|thanks) (?:so much )?for your (?:prompt )?payment|this email serves as your receipt|(?:nous accusons|j'accuse) reception de votre (?:reglement|paiement|virement|cheque)|votre compte est solde|nous avons (?:bien )?recu votre (?:reglement|paiement|virement)|j'ai (?:bien )?recu votre (?:reglement|paiement|virement)|merci pour votre (?:reglement|paiement)|(?:wir haben|ich habe) ihre zahlung (?:.{0,20})?erhalten|vielen dank fur ihre zahlung|zahlung (?:ist )?(?:dankend )?eingegangen|hemos recibido (?:su|tu) pago|abbiamo ricevuto il (?:suo |vostro )?pagamento|wij hebben uw betaling ontvangen|balance remaining:? \$?0(?:[.,]00)?\b|(?:j'ai|nous avons) (?:bien )?recu votre (?:cheque|versement|virement|reglement|paiement)|(?:solde restant|reste a payer|remaining balance|balance due|restbetrag|saldo pendiente|saldo residuo|openstaand bedrag)\s*:?\s*[€$£]?\s*0[.,]00\b|(?:your|the) (?:payment|transfer|cheque|check|wire)\b[^.\n]{0,50}\b(?:arrived|came through|has cleared|cleared|was received|has been received)|you(?:'re| are) all (?:square|paid up|settled)|(?:ihre|deine) (?:zahlung|uberweisung)\b[^.\n]{0,60}\b(?:ist|wurde) (?:heute |gestern )?(?:bei uns )?(?:eingegangen|gutgeschrieben)|uw betaling is (?:in goede orde )?ontvangen)/,
  quote:
    /\b(?:valid for \d+ days|valable (?:jusqu'au|\d+ jours|pendant)|gultig bis|gultig fur \d+|bon pour accord|(?:here is|here's|voici) (?:my|our|mon|notre|ma) (?:quote|estimate|devis|proposition)|proposition (?:chiffree|commerciale)|sans valeur comptable|la facture definitive sera|valido (?:hasta|fino)|geldig tot)\b/,
  order:
    /\b(?:passer (?:une )?commande|je (?:souhaite|voudrais) commander|(?:we|i) would like to order|i'd like to order|(?:ich|wir) mochten (?:gerne )?(?:folgendes )?bestellen|ich mochte (?:gerne )?(?:folgendes )?bestellen|hiermit bestellen (?:wir|ich)|quisiera (?:hacer un )?pedido|vorrei ordinare|vorremmo ordinare|wij willen graag (?:het volgende )?bestellen|thanks? (?:you )?for your order|merci (?:pour|de) votre commande|vielen dank fur ihre bestellung|(?:please|kindly) (?:confirm|reference) (?:availability|po|the po|our po)|prendre en compte la commande|accuse de reception de commande)\b/,
  credit_note:
    /\b(?:(?:un|l'|cet|votre|notre) avoir (?:n[o°]|de|d'un|av|sur)|(?:issued|issue) (?:a )?credit note|eine gutschrift|nota di credito|nota de credito)\b/,
};

/** The mail says it is not an invoice, or is a document that is never one. */
const NOT_INVOICE =
  /\b(?:keine rechnung|kein rechnungsdokument|(?:this|it) is not an invoice|(?:ceci |ce document )?n'est pas une facture|not a valid invoice|buchungshilfe|bulletin de (?:salaire|paie)|fiche de paie|payslip|pay slip|salary slip|lohnabrechnung|gehaltsabrechnung|entgeltabrechnung|busta paga|nomina mensual|loonstrook)\b/;

/** A shop's shipping notice: it mentions an order and its total but is neither an order nor an invoice. */
const SHIPPING =
  /\b(?:ist unterwegs|wurde (?:heute )?(?:an [a-z]+ )?(?:ubergeben|versandt|verschickt)|has (?:been )?shipped|is on (?:its|the) way|has been dispatched|a ete expediee?|est en route|sendungsnummer|tracking number|numero de suivi|track your (?:order|package|parcel)|ha sido enviad[oa]|e stato spedit[oa]|is verzonden|track ?& ?trace)\b/;

const CONTRACT = /\b(?:contrat|contract|vertrag|contrato|contratto|overeenkomst|agreement)\b/;

/** Marks of bulk and list mail: freelancers' invoices never carry them. */
const BULK_MAIL =
  /\b(?:unsubscribe|desinscri|abmelden|newsletter|mailing list|list-?(?:id|unsubscribe)|view (?:this email )?in (?:your )?browser|all rights reserved|privacy policy|you are receiving this|you received this|subscribers|digest)\b/;
const LIST_SUBJECT = /^\s*(?:re:\s*)?\[[^\]]{2,40}\]/;
const FORWARD_SUBJECT = /^\s*(?:fwd?|tr|wg|fw|rv|i)\s*:/;
const REPLY_SUBJECT = /^\s*(?:re|aw|sv|antw)\s*(?:\[\d+\])?\s*:/;

/** A line where a document names itself: optional sender prefix, then the type word and a number or date. */
const HEADING_NUMBER =
  /^(?:[^\n]{0,50}?\s[-|:]\s+)?(facture|invoice|[a-z]*rechnung|factura|fattura|factuur|fatura|honorarnote|note d'honoraires|avoir|credit note|gutschrift|devis|quote|quotation|estimate|angebot|purchase order|bon de commande|receipt|recu|quittung)(?: (?:pro ?-?forma))?\s*(?:(?:n[°o.º]+|nr\.?|no\.?|nummer|number|num(?:ero)?|#)\s*)?(?:[:.]\s*)?#?\s*([a-z0-9][a-z0-9\-/_.]*\d[a-z0-9\-/_.]*)/;
const LABEL_NUMBER =
  /^(?:invoice (?:no|number|#)|rechnungs-?(?:nummer|nr)|numero de facture|n[°o] de facture|facture n[°o]|factuurnummer|numero (?:de )?factura|numero (?:di )?fattura)\b/;

/** "Please find attached the invoice", "anbei die Rechnung", "voici la facture"... */
const DELIVERY_BEFORE =
  /\b(?:ci-?jointe?|veuillez trouver|vous trouverez|voici|voila|je vous (?:adresse|envoie|transmets|fais parvenir)|en piece jointe|attached(?: is| you'll find| please find)?|please find|here is|here's|enclosed|i'?ve attached|i am sending|sending you|see (?:my|our)|anbei|im anhang|hier kommt|hiermit (?:erhalten|senden)|beigefugt|(?:sende|schicke) ich (?:ihnen|dir)|adjunto|te adjunto|le adjunto|adjuntamos|le envio|ecco|in allegato|allego|vi invio|ti invio|bijgaand|hierbij|in de bijlage|bijgevoegd)\b[^.!?\n]{0,45}?\b(?:(?:la|ma|notre|votre|the|my|our|your|die|unsere|meine|ihre|la|mi|nuestra|tu|su|de|mijn|onze)\s+)?(?:[a-z]+\s+)?(facture|invoice|[a-z]*rechnung|factura|fattura|factuur|honorarnote|avoir|credit note|gutschrift|devis|quote|estimate|angebot|receipt)\b(?!s)/;
const DELIVERY_AFTER =
  /\b(facture|invoice|[a-z]*rechnung|factura|fattura|factuur)\b[^.!?\n]{0,60}?\b(?:is below|below|ci-dessous|attached|ci-jointe?|hangt (?:dran|an)|im anhang|in allegato|adjunta|en bijlage)\b/;

/** Structure: amounts with a currency, total lines, terms, bank details. */
const AMOUNT_WITH_CURRENCY =
  /(?:[€$£]|\b(?:eur|usd|gbp|chf|cad|aud|nzd|hkd|sgd|mxn|inr|rs\.?)\b)\s?-?\d|\d(?:[\d.,' ]{0,12}\d)?\s?(?:[€$£]|\b(?:eur|euro|euros|usd|gbp|chf|cad|aud|nzd|hkd|sgd|mxn|dollars?)\b)/;
const TOTAL_LINE =
  /\b(?:total(?:e)?(?: ttc| due| amount| factura| fattura| facture| a payer| general)?|montant ttc|net a payer|reste a payer|amount (?:due|payable)|balance due|gesamtbetrag|rechnungsbetrag|bruttosumme|zahlbetrag|endbetrag|totaal|importe total|grand total)\b/;
const TERMS =
  /\b(?:net \d{1,3}|due date|payment (?:is )?due|payable|please pay by|pay(?:ment)? within|echeance|a regler|reglement a|payable a|au plus tard le|zahlbar|zahlungsziel|fallig(?:keit)?|bitte uberweisen|vencimiento|a \d+ (?:giorni|dias)|scadenza|betaaltermijn|te betalen)\b/;
const BANK = /\b(?:iban|bic|swift|sort code|routing|rib|paypal|zelle|interac|bankverbindung|kontoinhaber)\b/;
const INVOICE_LABEL_NUMBER =
  /\b(?:facture|invoice|rechnung|factura|fattura|factuur|honorarnote)\s*(?:n[°o.º]+|nr\.?|no\.?|#|number|nummer)?\s*[:.]?\s*#?\s*[a-z]{0,6}[-/_.]?\d[a-z0-9\-/_.]*/;

/**
 * The sender presents an invoice of their own by its number, in running text ("hier meine Rechnung Nr. 2025-044
 * vom 07.07.2025 …", "voici ma facture F-12", "our invoice #88"). Group 1 is the determiner: a possessive or
 * demonstrative ("my", "meine", "cette") says more than an article ("the", "la", "die").
 */
const OWN_INVOICE =
  /\b(my|our|this|meine?|unsere?|diese|ma|notre|cette|mi|nuestra|esta|mia|nostra|questa|mijn|onze|deze|the|die|la|il|el|de|het)\s+(?:invoice|[a-z]*rechnung|facture|factura|fattura|factuur)\s*(?:n[°o.º]+|nr\.?|no\.?|#|number|nummer|numero)?\s*[:.]?\s*#?\s*[a-z]{0,6}[-/_.]?\d[a-z0-9\-/_.]*/;
/** A date (numeric or with a month name) in running text. */
const ANY_DATE =
  /\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.?\s+(?:janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep|marz|okt|dez|ene|abr|ago|dic|gen|mag|giu|lug|ott|mei|okt)[a-z]*\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}\b/;
/** Tax wording: a rate, an exemption, a tax number. */
const TAX_MENTION =
  /\b(?:tva|vat|ust|ustg|mwst|umsatzsteuer|mehrwertsteuer|kleinunternehmer\w*|iva|btw|gst|hst|tps|tvq|sales tax|tax|taxes|steuer\w*|ttc|ht|brutto|netto|auto-?entrepreneur|293 b)\b/;

/**
 * Mail about invoicing that is not an invoice: templates and examples, how-to questions, an invoice promised
 * for later. Each language's future ("I'll send", "je vous enverrai", "ich schicke … morgen").
 */
const ABOUT_INVOICING =
  /\b(?:(?:invoice|facture|rechnung|factura|fattura|factuur)[- ]?(?:template|sample|example|vorlage|muster|sjabloon|voorbeeld)s?|(?:template|sample|example|modele|plantilla|ejemplo|modello|esempio|fac-?simile|vorlage|muster|sjabloon|voorbeeld)s? (?:de |di |d'|for (?:an? |my |the |your )?|voor (?:een )?|per (?:la |una )?|fur (?:eine )?|einer )?(?:facture|invoice|rechnung|factura|fattura|factuur)|rechnungsvorlage|musterrechnung|rechnungsmuster|factuursjabloon|how (?:to|do i|do you|should i|would you) (?:write|make|create|send|issue|format|word|structure)(?: an?| my| the| your)? invoices?|comment (?:faire|rediger|etablir|emettre|presenter) (?:une|ma|mes|les) factures?|wie (?:schreibe|erstelle|stelle) ich (?:eine |meine )?rechnung|como (?:hago|hacer|emitir|emito) (?:una )?factura|come (?:faccio|fare|emettere) (?:una )?fattura|hoe (?:maak|schrijf|stuur) ik (?:een )?factuur|(?:i'll|i will|we'll|we will|i'm going to|i am going to|we're going to) (?:send|get|issue|prepare|email|forward|draw up)(?: you| over| it)?(?: the| my| our| an?| your)? (?:final |updated |corrected )?invoice|je (?:vous|te|t') ?(?:enverrai|ferai parvenir|transmettrai|adresserai|envoie|envoyer(?:ai)?) (?:la|ma|une|notre) facture (?:demain|la semaine prochaine|plus tard|des que|en fin de|a la fin)|je (?:vous|t') ?(?:enverrai|ferai parvenir|transmettrai|adresserai) (?:la|ma|une|notre) facture|(?:ich|wir) (?:schicke|sende|schicken|senden) (?:ihnen|dir|euch) (?:die|meine|unsere|eine) rechnung (?:morgen|spater|nachste woche|in den nachsten tagen|bis|am)|(?:ich|wir) (?:werde|werden) (?:ihnen|dir|euch) (?:die|meine|unsere|eine) rechnung|(?:te|le|les|os) (?:enviare|mandare|hare llegar) (?:la|mi|una) factura|(?:ti|le|vi) (?:inviero|mandero|faro avere) (?:la|una) fattura|ik (?:stuur|zend) (?:je|jou|u) (?:de|mijn|een) factuur (?:morgen|later|volgende week)|(?:ik|wij|we) (?:zal|zullen) (?:je|u|jou) (?:de|een|mijn) factuur)/;

/** Weights: strong placements ~3, supporting mentions ~0.5-1. */
const W = {
  subject: 3,
  subjectNumber: 1,
  heading: 3,
  delivery: 2.5,
  attachmentName: 2.5,
  pdfTitle: 3,
  pdfMention: 1,
  xml: 10,
  phrase: 2.5,
  bodyMention: 0.5,
  /** Own invoice by number + amount + date/terms/tax, in the sender's own text (a one-paragraph invoice). */
  ownInvoice: 4,
  aboutInvoicing: 3,
} as const;

const XML_KIND: Record<string, DocKind> = {
  '380': 'invoice', '384': 'invoice', '389': 'invoice', '204': 'invoice', '387': 'invoice', '575': 'invoice',
  '326': 'invoice', '386': 'invoice', '393': 'invoice', '875': 'invoice', '876': 'invoice', '877': 'invoice',
  '381': 'credit_note', '261': 'credit_note', '262': 'credit_note', '396': 'credit_note', '532': 'credit_note',
  '751': 'none', '220': 'order', '221': 'order', '231': 'order', '310': 'quote', '325': 'quote',
};

function fold(s: string): string {
  return foldAccents(normalizeText(s));
}

function wordKind(w: string): DocKind {
  if (/^(?:avoir|credit note|gutschrift)$/.test(w)) return 'credit_note';
  if (/^(?:devis|quote|quotation|estimate|angebot)$/.test(w)) return 'quote';
  if (/^(?:purchase order|bon de commande)$/.test(w)) return 'order';
  if (/^(?:receipt|recu|quittung)$/.test(w)) return 'receipt';
  return 'invoice';
}

function quote(s: string): string {
  const t = s.trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

class Scorer {
  readonly evidence: Evidence[] = [];
  readonly score: Record<DocKind, number> = {
    invoice: 0, credit_note: 0, reminder: 0, quote: 0, order: 0, receipt: 0, none: 0,
  };
  add(kind: DocKind, source: EvidenceSource, text: string, weight: number): void {
    this.evidence.push({ kind, source, text, weight });
    this.score[kind] += weight;
  }
}

/** Lines that look like a document heading ("FACTURE N° 2025-0007", "Acme – Invoice INV-9"). */
function scanHeadings(lines: readonly string[], source: EvidenceSource, s: Scorer, weight: number): number {
  let found = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0 || line.length > 120) continue;
    const m = HEADING_NUMBER.exec(line);
    // A heading is short: "Factuur 2025-12 van juli staat nog open, wil je kijken?" is a sentence about it.
    if (m && m[1] && line.length - m[0].length <= 45) {
      const kind = /pro ?-?forma/.test(line.slice(0, 40)) ? 'quote' : wordKind(m[1]);
      s.add(kind, source, `heading "${quote(line)}"`, weight);
      found++;
      if (found >= 2) break;
    } else if (LABEL_NUMBER.test(line)) {
      s.add('invoice', source, `label "${quote(line)}"`, weight * 0.8);
      found++;
      if (found >= 2) break;
    }
  }
  return found;
}

function scanSpecific(text: string, source: EvidenceSource, s: Scorer, words: boolean, weight: number): void {
  for (const kind of Object.keys(KIND_PHRASES) as SpecificKind[]) {
    const p = KIND_PHRASES[kind].exec(text);
    if (p) s.add(kind, source, `${source} says "${quote(p[0])}"`, W.phrase * weight);
    // A second, different reminder phrase later on ("circling back on the invoice … it was due last Friday").
    const again = p && kind === 'reminder' ? KIND_PHRASES[kind].exec(text.slice(p.index + p[0].length)) : null;
    if (again) s.add(kind, source, `${source} also says "${quote(again[0])}"`, W.phrase * weight * 0.6);
    if (words && kind !== 'credit_note') {
      const m = KIND_WORDS[kind].exec(text);
      if (m) s.add(kind, source, `${source} mentions "${m[0]}"`, W.bodyMention * 2 * weight);
    }
  }
}

export function classifyEmail(input: ClassifyInput): Classification {
  const s = new Scorer();
  const subjectRaw = typeof input?.subject === 'string' ? input.subject : '';
  const textRaw = typeof input?.text === 'string' ? input.text : '';
  const attachments = Array.isArray(input?.attachments) ? input.attachments : [];
  const subject = fold(subjectRaw.slice(0, 500));
  const rawBody = textRaw.slice(0, MAX_BODY);
  const body = fold(rawBody);
  const bodyTop = fold(ownPart(rawBody));

  // 1. The e-invoice XML is exact about the document type.
  let xmlKind: DocKind | null = null;
  for (const a of attachments) {
    const code = a?.xml?.typeCode;
    if (!code) continue;
    let kind = XML_KIND[code] ?? 'invoice';
    if (kind === 'invoice' && code === '380' && typeof a.xml?.grandTotalMinor === 'number' && a.xml.grandTotalMinor < 0) {
      const title = fold(a.text ?? '').slice(0, 2000);
      if (/\b(?:avoir|gutschrift|credit note)\b/.test(title)) kind = 'credit_note';
    }
    xmlKind = kind;
    s.add(kind, 'xml', `XML type code ${code}`, W.xml);
  }

  // 2. Subject.
  const subj = subject.replace(FORWARD_SUBJECT, '').replace(REPLY_SUBJECT, '');
  const subjectInvoice = INVOICE_WORD.exec(subj);
  if (subjectInvoice) {
    s.add('invoice', 'subject', `subject says "${subjectInvoice[0]}"`, W.subject);
    if (INVOICE_LABEL_NUMBER.test(subj)) s.add('invoice', 'subject', 'subject gives a number', W.subjectNumber);
  }
  for (const kind of Object.keys(KIND_WORDS) as SpecificKind[]) {
    const m = KIND_WORDS[kind].exec(subj);
    // "avoir" is also the French verb "to have": in a subject it must lead or be followed by a number.
    if (m && (kind !== 'credit_note' || m.index < 3 || /avoir\s+(?:n[°o]\s*)?[a-z]*-?\d/.test(subj))) {
      s.add(kind, 'subject', `subject says "${m[0]}"`, W.subject + 0.5);
    }
  }
  if (/^recu\b/.test(subj.trim())) s.add('receipt', 'subject', 'subject says "reçu"', W.subject + 0.5);
  if (/\b(?:factures|invoices|rechnungen|facturas|fatture|facturen)\b/.test(subj) && !subjectInvoice) {
    s.add('none', 'subject', 'subject speaks of invoices in the plural', 1);
  }

  // 3. Body: headings, delivery phrases, phrases specific to other kinds.
  const bodyLines = bodyTop.split('\n');
  scanHeadings(bodyLines, 'body', s, W.heading);
  const del = DELIVERY_BEFORE.exec(bodyTop) ?? DELIVERY_AFTER.exec(bodyTop);
  if (del && del[1]) s.add(wordKind(del[1]), 'body', `body says "${quote(del[0])}"`, W.delivery);
  scanSpecific(bodyTop, 'body', s, true, 1);
  const own = ownInvoiceInText(bodyTop);
  if (own) s.add('invoice', 'body', `body presents an invoice: "${quote(own.text)}" with amount and ${own.with}`, own.weight);
  const about = ABOUT_INVOICING.exec(`${subj}\n${bodyTop}`);
  // Against the invoice reading only: an order confirmation may well promise the invoice for later.
  if (about) s.add('invoice', 'body', `talks about invoicing ("${quote(about[0])}")`, -W.aboutInvoicing);

  // 4. Attachments: file names and PDF text.
  let pdfCount = 0;
  let pdfText = '';
  for (const a of attachments) {
    const name = fold(String(a?.filename ?? '')).replace(/[_\-.]+/g, ' ');
    const isPdf = /\bpdf$/.test(name);
    if (isPdf) pdfCount++;
    const mInv = INVOICE_WORD.exec(name);
    if (mInv) s.add('invoice', 'attachment_name', `file name says "${mInv[0]}"`, W.attachmentName);
    for (const kind of Object.keys(KIND_WORDS) as SpecificKind[]) {
      const m = KIND_WORDS[kind].exec(name);
      if (m) s.add(kind, 'attachment_name', `file name says "${m[0]}"`, W.attachmentName + 0.5);
    }
    if (NOT_INVOICE.test(name)) s.add('none', 'attachment_name', 'file name names a non-invoice document', 4);
    if (CONTRACT.test(name)) s.add('none', 'attachment_name', 'file name names a contract', 3);
    if (a?.text) pdfText += `${fold(a.text.slice(0, MAX_PDF))}\n`;
  }
  if (pdfText) {
    const pdfLines = pdfText.split('\n');
    const titleLines = pdfLines.slice(0, 40);
    let titled = scanHeadings(titleLines, 'pdf_text', s, W.pdfTitle);
    if (titled === 0) {
      for (const line of titleLines) {
        const t = line.trim().replace(/[.:]+$/, '');
        if (/^(?:facture|invoice|rechnung|factura|fattura|factuur|tax invoice|[a-z]+ invoice)$/.test(t)) {
          s.add('invoice', 'pdf_text', `PDF title "${quote(line)}"`, W.pdfTitle);
          titled++;
          break;
        }
      }
    }
    if (titled === 0 && INVOICE_WORD.test(pdfText)) s.add('invoice', 'pdf_text', 'PDF mentions an invoice', W.pdfMention);
    scanSpecific(pdfText.slice(0, 4000), 'pdf_text', s, false, 0.8);
  }

  // 5. Things that are never invoices.
  const all = `${subj}\n${bodyTop}\n${pdfText}`;
  const not = NOT_INVOICE.exec(all);
  if (not) s.add('none', not.index < subj.length ? 'subject' : 'body', `says "${not[0]}"`, 6);
  if (CONTRACT.test(subj)) s.add('none', 'subject', 'subject names a contract', 3);
  const bulk = BULK_MAIL.exec(body);
  if (bulk || LIST_SUBJECT.test(subject)) s.add('none', 'body', `bulk/list mail (${bulk ? bulk[0] : 'list subject'})`, 4);
  if (FORWARD_SUBJECT.test(subject)) s.add('none', 'subject', 'forwarded mail', 2);
  const ship = SHIPPING.exec(`${subj}\n${bodyTop}`);
  if (ship) s.add('none', 'body', `shipping notice ("${ship[0]}")`, 4);
  const plural = (body.match(INVOICE_WORD_G) ?? []).length;
  if (plural > 6) s.add('none', 'body', 'talks about invoices at length', 1.5);

  // 6. Invoice structure.
  const docText = `${bodyTop}\n${pdfText}`;
  const structure: string[] = [];
  if (AMOUNT_WITH_CURRENCY.test(docText)) structure.push('amount');
  if (hasTotalWithAmount(docText)) structure.push('total line');
  if (TERMS.test(docText)) structure.push('terms');
  if (BANK.test(docText)) structure.push('bank details');
  if (INVOICE_LABEL_NUMBER.test(`${subj}\n${docText}`)) structure.push('number');
  if (pdfCount > 0) structure.push('pdf');
  const support = structure.length;
  // No price anywhere and no document attached: whatever the words, nothing is being billed.
  const billable = structure.includes('amount') || pdfCount > 0 || attachments.some((a) => Boolean(a?.xml));
  if (support > 0) s.add('invoice', 'body', `invoice structure: ${structure.join(', ')}`, Math.min(support, 4) * 0.5);

  // Quotes and orders are documents: a price, a number or a file. "Tax estimate" alone or a link "valable
  // 7 jours" is not one. Reminders are about an invoice: "Rappel : déclaration de TVA" is not one.
  const docLike = structure.includes('amount') || structure.includes('pdf') || HEADING_NUMBER.test(`${subj}\n${bodyTop}`) || /\d{3,}/.test(subj);
  const aboutInvoice = INVOICE_WORD.test(subj) || INVOICE_WORD.test(bodyTop);
  return decide(s, xmlKind, support, { docLike, aboutInvoice, billable, orderPhrase: KIND_PHRASES.order.test(bodyTop) });
}

/**
 * A one-paragraph invoice: the sender's own invoice named by number, an amount with a currency, and a date,
 * terms or a tax mention, all in the text they wrote now. Reminder and receipt wording rule it out (those talk
 * about an invoice already sent).
 */
function ownInvoiceInText(text: string): { text: string; with: string; weight: number } | null {
  const m = OWN_INVOICE.exec(text);
  if (!m || !AMOUNT_WITH_CURRENCY.test(text)) return null;
  if (KIND_PHRASES.reminder.test(text) || KIND_PHRASES.receipt.test(text)) return null;
  const withWhat = ANY_DATE.test(text) ? 'a date' : TERMS.test(text) ? 'terms' : TAX_MENTION.test(text) ? 'tax' : null;
  if (!withWhat) return null;
  const article = /^(?:the|die|la|il|el|de|het)$/.test(m[1]!);
  return { text: m[0], with: withWhat, weight: article ? W.ownInvoice - 1 : W.ownInvoice };
}

function hasTotalWithAmount(text: string): boolean {
  for (const line of text.split('\n')) {
    if (line.length < 200 && TOTAL_LINE.test(line) && /\d/.test(line)) return true;
  }
  return false;
}

/**
 * The part of the body the sender wrote now: a quoted or forwarded earlier message (cut where quoted.ts
 * finds its header) must not drive the decision. Signatures are kept: bank details live there.
 */
export function ownPart(body: string): string {
  const { quoted } = stripQuoted(body);
  let top = body;
  if (quoted && body.endsWith(quoted)) top = body.slice(0, body.length - quoted.length);
  else if (quoted) {
    const first = quoted.split('\n')[0] ?? '';
    const at = first ? body.lastIndexOf(first) : -1;
    if (at > 0) top = body.slice(0, at);
  }
  return top
    .split('\n')
    .filter((l) => !/^\s*>/.test(l))
    .join('\n');
}

const INVOICE_THRESHOLD = 5;
const SPECIFIC_THRESHOLD = 2.5;

function decide(s: Scorer, xmlKind: DocKind | null, support: number, ctx: { docLike: boolean; aboutInvoice: boolean; billable: boolean; orderPhrase: boolean }): Classification {
  const sc = s.score;
  const specific: SpecificKind[] = (['reminder', 'receipt', 'credit_note', 'quote', 'order'] as SpecificKind[]).filter(
    (k) => (k !== 'quote' || ctx.docLike) && (k !== 'order' || ctx.docLike || ctx.orderPhrase) && (k !== 'reminder' || ctx.aboutInvoice),
  );
  let bestSpecific: SpecificKind | null = null;
  for (const k of specific) if (!bestSpecific || sc[k] > sc[bestSpecific]) bestSpecific = k;
  const specScore = bestSpecific ? sc[bestSpecific] : 0;

  let kind: DocKind = 'none';
  let margin = 0;
  if (xmlKind && xmlKind !== 'invoice') {
    kind = xmlKind;
    margin = 5;
  } else if (bestSpecific && specScore >= SPECIFIC_THRESHOLD && specScore + (xmlKind ? -8 : 0) >= sc.invoice * 0.5 - 0.5) {
    // Other documents always talk about invoices (a reminder quotes one, a quote announces one): their own
    // vocabulary wins unless the invoice reading is clearly stronger.
    kind = bestSpecific;
    margin = specScore - sc.none;
    if (margin < 1) kind = 'none';
  } else {
    const inv = sc.invoice - sc.none;
    if (xmlKind === 'invoice' && sc.none < 6) {
      kind = 'invoice';
      margin = inv;
    } else if (inv >= INVOICE_THRESHOLD && support >= 2 && ctx.billable) {
      kind = 'invoice';
      margin = inv - INVOICE_THRESHOLD;
    } else if (inv >= INVOICE_THRESHOLD && !ctx.billable) {
      s.add('none', 'body', 'no amount with a currency and no PDF: nothing is billed', 0);
      margin = 1;
    } else {
      margin = INVOICE_THRESHOLD - inv;
    }
  }
  const confidence = kind === 'none' ? squash(margin, 0.55) : squash(margin, 0.6);
  return {
    kind,
    confidence: Math.round(confidence * 1000) / 1000,
    evidence: s.evidence.sort((a, b) => b.weight - a.weight).slice(0, 12),
  };
}

/** Maps a score margin to 0..1, `base` at margin 0. */
function squash(margin: number, base: number): number {
  const m = Math.max(0, margin);
  return Math.min(0.99, base + (1 - base) * (1 - Math.exp(-m / 4)));
}
