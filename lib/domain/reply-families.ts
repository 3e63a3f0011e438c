import { build, S, type Cue, type ReplyIntent } from './reply-lexicon';

/**
 * Intent cues made of word families that must meet in one sentence, rather than fixed phrases: a writer who
 * says "the money went out of our account yesterday" or "te hago la transferencia el lunes" uses words of a
 * few families (a payment word, a completion verb, a time of the past or the future, a request, "again"…)
 * in an order and with fillers no phrase list can foresee. Each family lists the stems of fr/en/de/it/es/nl
 * on accent-folded text. `near(a, b)` matches a and b in either order within one sentence.
 *
 * Flags are those of reply-lexicon.ts, plus `s`: the cue is dropped in a question ("has it been paid?").
 */

const alt = (words: readonly string[]): string => `(?:${words.join('|')})`;

/** a and b in the same sentence, at most `gap` characters apart, in either order. */
function near(a: string, b: string, gap = 60): string {
  return String.raw`\b${a}\b${S}{0,${gap}}?\b${b}\b|\b${b}\b${S}{0,${gap}}?\b${a}\b`;
}

/** Words for the money itself or its transfer (not the invoice: "I sent the invoice" is not a payment). */
const PAY_NOUN = alt([
  'payments?', 'transfers?', 'wires?', 'funds', 'money', 'cheques?', 'checks?', 'remittance', 'bacs', 'ach', 'e-transfer',
  'virements?', 'paiements?', 'reglements?', 'versements?', 'argent', 'fonds', 'sous',
  'zahlung(?:en)?', 'uberweisung(?:en)?', 'geld', 'scheck', 'betrag',
  'pagamento', 'bonifico', 'versamento', 'soldi', 'assegno',
  'pago', 'transferencia', 'ingreso', 'dinero',
  'betaling', 'overboeking', 'geld',
]);

/** Past participles and past forms that only fit a payment made. */
const PAID_VERB = alt([
  '(?<!(?:i|we|i was|we were|i get|we get|i got|we got|get|got|be|been|being) )paid', 'settled', 'transferred', 'wired', 'remitted',
  'went (?:out|through|across)', 'gone (?:out|through)', 'left (?:our|my|the) (?:account|bank)',
  '(?<!(?:je|on|il|elle|tu|ca|qui)(?: vous| te| lui| leur| la| le| l\'| les)? )(?:regle|paye|vire|verse|acquitte)(?:e|s|es)?',
  'uberwiesen', 'bezahlt', 'beglichen', 'gezahlt', 'ausgelost', 'angewiesen', 'rausgegangen', 'abgebucht',
  'pagat[oaie]', 'saldat[oaie]', 'bonificat[oaie]',
  'pagad[oa]s?', 'abonad[oa]s?', 'transferid[oa]s?', 'saldad[oa]s?',
  'betaald', 'overgemaakt', 'overgeboekt', 'voldaan',
]);

/** Completion verbs that need a payment noun to mean a payment ("sent", "effectué", "eseguito"). */
const DONE_VERB = alt([
  'sent', 'made', 'executed', 'initiated', 'processed', 'released', 'actioned', 'posted', 'mailed', 'done', 'submitted',
  'envoye(?:e|s)?', 'effectue(?:e|s)?', '(?:a ete|est|ai|avons|a) (?:bien )?fait', 'parti(?:e|s)?', 'passe(?:e|s)?', 'emis(?:e)?', 'execute(?:e|s)?', 'lance(?:e|s)?', 'poste(?:e|s)?', 'ordonne(?:e|s)?',
  'ausgefuhrt', 'getatigt', 'erledigt', 'veranlasst', 'abgeschickt', 'unterwegs', 'durchgefuhrt', 'rausgeschickt',
  'effettuat[oa]', 'eseguit[oa]', 'dispost[oa]', 'inviat[oa]', 'partit[oa]', 'fatto',
  'realizad[oa]', 'efectuad[oa]', 'enviad[oa]', 'hech[oa]', 'ordenad[oa]', 'salido',
  'verstuurd', 'gedaan', 'uitgevoerd', 'verzonden',
]);

/** A time already past, or "already". */
const PAST_TIME = alt([
  'yesterday', 'this morning', 'earlier today', 'last (?:night|week|friday|thursday|wednesday|tuesday|monday)', 'already', 'just now', 'a moment ago',
  'hier', 'ce matin', 'tout a l\'heure', 'a l\'instant', 'deja', 'avant-hier',
  'gestern', 'heute (?:morgen|fruh|vormittag)', 'vorhin', 'soeben', 'bereits', 'schon', 'vorgestern',
  'ieri', 'stamattina', 'poco fa', 'gia', 'l\'altro ieri',
  'ayer', 'esta manana', 'hace un rato', 'ya', 'anteayer',
  'gisteren', 'vanochtend', 'vanmorgen', 'zojuist',
]);

/** Verbs of paying, any form (and French/German/Italian/Spanish/Dutch nouns that carry the act). */
const PAY_ACTION = alt([
  'pay', 'paying', 'settle', 'settling', 'transfer', 'transferring', 'wire', 'wiring', 'remit', 'clear (?:the|this|your) (?:invoice|balance|bill)',
  'send (?:you )?(?:the |a )?(?:payment|money|funds|transfer|balance|cheque|check|wire)', 'release (?:the )?(?:payment|funds)', 'cut (?:a|the|you a) (?:cheque|check)',
  'pa[iy]e\\w*', 'paier\\w*', 'regl\\w*', 'vire\\w*', 'virer\\w*', 'virons', 'verse\\w*', 'verser\\w*', 'solder\\w*', 'virement', 'paiement', 'reglement', 'cheque', 'versement',
  'zahl\\w*', 'uberweis\\w*', 'begleich\\w*', 'bezahl\\w*', 'anweis\\w*', 'uberweisung', 'zahlung',
  'pag[aho]\\w*', 'sald[aeio]\\w*', 'bonifico', 'versa\\w*',
  'abon(?:ar|are|aremos|amos|o|ado)', 'transferencia', 'ingres\\w*',
  'betal\\w*', 'overmak\\w*', 'maak\\w* (?:het )?over', 'overboek\\w*', 'voldo\\w*',
]);

/** Future, commitment or plan markers. */
const FUTURE = alt([
  'will', '\'ll', 'shall', 'should', 'going to', 'gonna', 'plan to', 'intend to', 'aim to', 'expect to', 'promise to',
  'vais', 'allons', 'va', 'vont', 'comptons', 'prevois', 'prevoyons', 'ferai', 'ferons', 'enverr(?:ai|ons)', 'effectuer(?:ai|ons)', 'lancer(?:ai|ons)', 'procederai', 'procederons',
  'werde', 'werden', 'wird',
  'faro', 'faremo', 'procedero', 'procederemo', 'provvedero', 'provvederemo', 'effettuero', 'effettueremo', 'disporro', 'disporremo', 'sto per', 'stiamo per',
  'voy a', 'vamos a', 'hare', 'haremos', 'realizare', 'realizaremos', 'enviare', 'enviaremos',
  'zal', 'zullen', 'ga', 'gaan',
]);

/** A day or period still to come. */
const FUTURE_TIME = alt([
  'tomorrow', 'today', 'tonight', 'this (?:afternoon|evening|week|friday|thursday|wednesday|tuesday|monday)', 'next (?:week|month|\\w+day)', 'first thing',
  '(?:by|on|until|before) (?:the )?\\d{1,2}(?:st|nd|rd|th)?', '(?:by|on|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'end of (?:the |this |next )?(?:week|month)', 'in (?:\\d+|a few|a couple of|two|three) (?:days|weeks)',
  'at the latest', 'asap', 'shortly', 'later today', 'without fail',
  'demain', 'aujourd\'hui', 'ce soir', 'prochaine?', 'd\'ici', 'au plus tard', 'sans faute', 'fin (?:de|du) (?:la )?(?:mois|semaine)', 'debut (?:de|du) (?:la )?(?:mois|semaine)',
  'cette semaine', '(?:sous|dans) (?:\\d+|quelques|deux|trois) (?:jours|semaines)', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi',
  'morgen', 'ubermorgen', 'heute', 'nachste[nr]?', 'bis (?:zum|spatestens|ende|morgen|montag|dienstag|mittwoch|donnerstag|freitag)', 'spatestens', 'diese woche',
  'ende (?:der|des|dieser|nachster)', 'anfang (?:der|des|nachster)', 'in (?:\\d+|zwei|drei|ein paar) (?:tagen|wochen)', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag',
  'domani', 'oggi', 'prossim[oa]', 'entro', 'questa settimana', 'fine (?:mese|settimana)', 'lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi',
  'manana', 'hoy', 'proxim[oa]', 'esta semana', 'antes del?', 'a mas tardar', 'sin falta', 'el (?:lunes|martes|miercoles|jueves|viernes)',
  'vandaag', 'volgende', 'deze week', 'uiterlijk', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag',
  '\\d{1,2}[./]\\d{1,2}(?![\\d,])', '\\d{1,2}(?:er)? (?:jan\\w*|feb\\w*|fev\\w*|mar\\w*|apr\\w*|avr\\w*|ma[iy]\\w*|jun\\w*|juin|jul\\w*|juil\\w*|aug\\w*|aou\\w*|sep\\w*|oct\\w*|okt\\w*|nov\\w*|dec\\w*|dez\\w*)',
]);

/** Asking leave: the writer proposes rather than commits. */
const PERMISSION = alt([
  'can (?:we|i)', 'could (?:we|i)', 'may (?:we|i)', 'would it be (?:ok|okay|possible|alright|fine)', 'is (?:it|that) (?:ok|okay|alright|fine)', 'would you (?:mind|accept|agree|be (?:ok|okay|alright|happy|fine))', '(?:are|would) you (?:ok|okay|happy|fine) with', 'would (?:that|it) work', 'any chance',
  'pourrions-nous', 'pouvons-nous', 'pourrait-on', 'peut-on', 'puis-je', 'pourrais-je', '(?:est|serait)-il possible', 'accepteriez', 'est-ce que (?:je|nous|on) (?:peux|pouvons|peut|pourrais|pourrions)',
  'konnen wir', 'konnten wir', 'durfen wir', 'kann ich', 'konnte ich', '(?:ware|ist) es (?:moglich|ok|in ordnung)',
  'possiamo', 'potremmo', 'posso', 'sarebbe possibile', 'e possibile',
  'podemos', 'podriamos', 'puedo', 'seria posible', 'es posible', 'te parece',
  'kunnen (?:we|wij)', 'mogen (?:we|wij)', 'is het goed', 'zou het kunnen',
]);

/** Verbs of sending a document again, and the words that make it a resend. */
const SEND = alt([
  'send', 'resend', 'forward', 'e-?mail', 'mail', 'pop', 'share', 're-?send',
  'envoy\\w*', 'renvoy\\w*', 'transmet\\w*', 'transmis', 'faire (?:parvenir|suivre)',
  'schick\\w*', 'zuschick\\w*', 'send\\w*', 'zusend\\w*', 'ubermitt\\w*', 'mail\\w*',
  'invia\\w*', 'inviar\\w*', 'mand\\w*', 'trasmett\\w*', 'inoltr\\w*',
  'envi\\w*', 'reenvi\\w*', 'mand\\w*',
  'stuur\\w*', 'zend\\w*', 'toestur\\w*',
]);
const AGAIN = alt([
  'again', 'once more', 'one more time', '(?:another|a) copy', 'the original',
  'a nouveau', 'de nouveau', 'une nouvelle fois', 'une copie', 'un duplicata', 'un double',
  'erneut', 'nochmal\\w*', 'noch (?:ein)?mal', 'eine kopie', 'ein duplikat',
  'di nuovo', 'nuovamente', 'una copia', 'de nuevo', 'otra vez', 'nuevamente',
  'opnieuw', 'nog (?:een keer|eens)', 'nogmaals', 'een kopie',
]);
const REQUEST = alt([
  '(?:could|can|would|will) you', 'please', 'kindly', 'mind',
  'pourriez-vous', 'pouvez-vous', 'peux-tu', 'pourrais-tu', 'merci de', 'veuillez',
  'konnen sie', 'konnten sie', 'kannst du', 'bitte',
  'puo', 'potrebbe', 'potete', 'puoi', 'potresti', 'la prego',
  'puede', 'podria', 'puedes', 'podrias', 'por favor',
  'kun je', 'kunt u', 'zou je', 'zou u', 'graag',
]);
const INVOICE = alt(['invoice', 'bill', 'it', 'facture', 'rechnung', 'fattura', 'factura', 'factuur', 'copy', 'copie', 'kopie', 'copia']);

/** Something does not match what was agreed. */
const MISMATCH = alt([
  '(?:doesn\'t|does not|don\'t|do not) (?:match|correspond|reflect|tally|add up|line up)', 'not (?:what|as) (?:we |was )?(?:agreed|quoted|discussed)', 'differs? from', 'inconsistent with',
  'ne (?:correspond|correspondent) pas', 'ne correspond en rien', 'different (?:de|du)', 'pas ce qui (?:etait|avait ete) (?:prevu|convenu)',
  'entspricht nicht', 'entsprechen nicht', 'stimmt nicht', 'stimmen nicht', 'weicht\\w*', 'nicht (?:wie )?(?:vereinbart|besprochen|abgesprochen)',
  'non corrispond\\w*', 'diverso da', 'no corresponde\\w*', 'distint[oa] de', 'komt niet overeen', 'klopt niet',
]);
const AGREED = alt([
  'agreed', 'quoted', 'quote', 'estimate', 'contract', 'proposal', 'offer',
  'convenu\\w*', 'devis', 'contrat', 'accord', 'entendus?',
  'vereinbart\\w*', 'abgesprochen\\w*', 'angebot', 'vertrag', 'besprochen\\w*',
  'concordat\\w*', 'preventivo', 'contratto', 'pattuit\\w*',
  'acordad\\w*', 'presupuesto', 'contrato', 'pactad\\w*',
  'afgesproken', 'offerte', 'contract',
]);
const CORRECT = alt([
  'correct(?:ed)?', 'amend(?:ed)?', 'revise[d]?', 'adjust(?:ed)?', 'credit note', 'taken off', 'cancel(?:led)?',
  'corrig\\w*', 'rectifi\\w*', 'revoir', 'un avoir', 'annul\\w*',
  'korrigier\\w*', 'berichtig\\w*', 'streichen', 'stornier\\w*', 'gutschrift',
  'corregg\\w*', 'rettific\\w*', 'nota di credito', 'stornar\\w*',
  'correg\\w*', 'rectific\\w*', 'anul\\w*', 'nota de credito',
  'corrigeren', 'aanpassen', 'creditnota',
]);
const NUMBER_OF = alt(['\\d+', 'two', 'three', 'four', 'several', 'multiple', 'monthly', 'deux', 'trois', 'quatre', 'plusieurs', 'zwei', 'drei', 'vier', 'mehrere', 'monatliche\\w*', 'due', 'tre', 'quattro', 'piu', 'dos', 'tres', 'cuatro', 'varios', 'varias', 'twee', 'drie', 'vier', 'meerdere']);
const PART = alt(['instal?l?ments?', 'payments', 'parts', 'tranches', 'chunks', 'fois', 'mensualites', 'versements', 'echeances', 'raten', 'teilbetrage\\w*', 'teilzahlungen', 'betragen', 'rate', 'plazos', 'cuotas', 'pagos', 'termijnen', 'delen', 'keer']);

export const FAMILY_CUES: Partial<Record<Exclude<ReplyIntent, 'none'>, Cue[]>> = {
  paid: build([
    [near(PAID_VERB, alt([PAY_NOUN, PAST_TIME, 'it', 'this', 'that', 'invoice', 'bill', 'balance', 'amount', 'facture', 'solde', 'montant', 'rechnung', 'fattura', 'factura', 'factuur']), 50), 2.5, 'aps'],
    [near(DONE_VERB, PAY_NOUN, 40), 2, 'aps'],
  ]),
  promise: build([
    // "funds should reach you Friday": the money as subject of a future verb.
    [String.raw`\b${PAY_NOUN}\b (?:${FUTURE}) (?:\w+ )?(?:reach|arrive|land|hit|be|go|clear|leave|show)\b`, 2, 'as'],
    [near(FUTURE, PAY_ACTION, 40), 2, 'as'],
    [near(PAY_ACTION, FUTURE_TIME, 50), 2, 'as'],
  ]),
  // Asking leave to pay ("could we settle on the 30th?"): the permission comes first, the payment verb soon after.
  delay_request: build([[String.raw`\b${PERMISSION}\b${S}{0,25}?\b${PAY_ACTION}\b`, 2]]),
  lost_invoice: build([
    [near(SEND, AGAIN, 40), 3],
    [String.raw`\b${REQUEST}\b${S}{0,25}?\b${SEND}\b${S}{0,30}?\b${INVOICE}\b`, 2],
    [String.raw`\b(?:don't|do not|didn't|did not) (?:have|see|find) (?:it|this|that|the invoice|any invoice|a copy|one|your invoice)\b|\b(?:no|nessuna|aucune|keine|ninguna|geen) (?:trace|traccia|spur|constancia|spoor|record)\b|\bfirst (?:i've|we've|i have|we have|time (?:i've|we've)) heard\b|\bnicht (?:im system )?(?:erfasst|gespeichert|vorhanden)\b|\bnot (?:in|on) (?:our|the) (?:system|records?|files?)\b`, 3],
  ]),
  dispute: build([
    [String.raw`\b(?:not|n't|won't|will not|refuse to) (?:be )?pay(?:ing)? (?:the full|in full|the whole|for (?:that|this|work|something|what))\b|\bincomplete\b|\b(?:a |an )?(?:reduction|discount|partial refund)\b|\binachev\w*|\bunvollstandig\b|\bincomplet[oa]\b|\bnon (?:e|sono) (?:quello|quanto|cio che) (?:previsto|concordato|pattuito|richiesto)\b|\bnot (?:the|what) (?:was )?(?:quoted|agreed|estimated|ordered)\b|\bpas (?:celui|ce qui est) (?:prevu|convenu)\b|\bfattura corretta\b`, 2.5],
    [String.raw`\b${MISMATCH}\b`, 2.5],
    [near(CORRECT, alt(['invoice', 'this', 'it', 'amount', 'bill', 'facture', 'montant', 'rechnung', 'betrag', 'fassung', 'fattura', 'importo', 'factura', 'importe', 'factuur', 'bedrag']), 30), 1.5],
    [String.raw`\bcharged (?:us |me )?(?:for|twice)\b|\b(?:includes?|included|covered|part of) (?:in )?(?:the|our|your) (?:contract|quote|price|package|retainer|scope|estimate)\b|\b(?:never|didn't|did not) (?:sign(?:ed)? off|authori[sz]e[d]?|order(?:ed)?|commission(?:ed)?|agree(?:d)? to|request(?:ed)?)\b|\b(?:not|isn't|is not) (?:payable|owed|due)\b|\b(?:don't|do not) owe\b|\b(?:des|les|aux) reserves\b|\b(?:toujours pas|pas encore) (?:receptionne|livre|installe|conforme)\w*|\b(?:ne|n') ?(?:reglerons|paierons|reglerai|paierai|payerons|verserons)\b${S}{0,10}\bqu'apres\b|\b(?:danneggiat|difettos|rott)[oaie]\b|\b(?:beschadigt|kapot|defect)\b|\b(?:damaged|defective|faulty)\b`, 2.5],
  ]),
  financial_difficulty: build([
    [String.raw`\bcash (?:crunch|crisis|squeeze)\b|\bcrunch\b|\b(?:customer|client)s? (?:has |have )?defaulted\b|\b(?:half|part|some) now(?: and| ,)? (?:half|the rest|the remainder|the balance)\b|\bla moitie (?:maintenant|tout de suite)\b|\b(?:die )?halfte (?:jetzt|sofort)\b|\bmeta (?:ora|subito)\b|\b(?:la )?mitad ahora\b|\bde helft nu\b`, 2.5],
    [String.raw`\b(?:terrible|awful|horrible|disastrous|weak|poor|dreadful|tough|bad) (?:quarter|month|year|season|trading|summer|winter)\b`, 2],
    [String.raw`\b(?:in|en|a|im|into|over|auf|op)\s${NUMBER_OF}\s(?:\w+\s)?${PART}\b`, 3],
    [String.raw`\b(?:payroll|salaries|wages|rent|taxes|staff) (?:has|have|must|needs? to) (?:to )?(?:come|go) first\b|\bprioriti[sz]\w* (?:payroll|salaries|wages|rent|tax\w*)\b|\b(?:passe|periode|moment) (?:difficile|compliquee?|creuse?|tendue?)\b|\bmauvaise passe\b|\bklamm\b|\bpleite\b|\bgeldsorgen\b|\bmal momento\b|\b(?:client|kunde|auftraggeber|cliente|klant|customer)\w*\b${S}{0,30}\b(?:ne (?:nous |m')?a pas (?:paye|regle)s?|n'a pas paye|hasn't paid|has not paid|didn't pay|did not pay|hat nicht (?:bezahlt|gezahlt)|non ha pagato|no ha pagado|heeft niet betaald|abgesprungen|weggebrochen|pleite|insolvent)`, 2.5],
  ]),
  other_company: build([
    [String.raw`\b(?:make|made|write|written|issue|issued) (?:it|this|them|the invoice|invoices|future invoices) out to\b`, 2.5],
    [String.raw`\b(?:billed|invoiced|addressed|issued|made out|charged) to\b${S}{0,40}?\b(?:rather than|instead of|not)\b|\b(?:rather than|instead of|not) (?:to )?(?:me|us|myself) (?:personally|privately)\b|\ba titre (?:personnel|prive)\b|\bauf mich (?:privat|personlich)\b`, 2.5],
    [String.raw`\bwrong (?:legal )?(?:entity|company|name|customer|client|recipient|addressee|business)\b|\bmauvaise? (?:entite|societe|raison sociale|destinataire)\b|\bfalsche[nrs]? (?:firma|gesellschaft|empfanger|rechnungsempfanger|rechnungsadresse)\b|\b(?:soggetto|intestatario|destinatario) sbagliat[oa]\b|\b(?:empresa|entidad|razon social) (?:equivocada|incorrecta)\b|\b(?:nouveau nom|nouvelle (?:denomination|raison sociale))\b|\b(?:raise|issue|address|make out|redo|send|reissue|re-issue) (?:the |this |a new )?invoice (?:to|against|for) (?:them|it)\b|\bintestat[ao] a(?:l|lla|llo|d)?\b|\bcapogruppo\b`, 2.5],
    [String.raw`\briemett\w*|\breissue\b|\bre-issue\b`, 1],
  ]),
  acknowledgement: build([
    [String.raw`\b(?:we|i) (?:have|'ve got|got) it\b|\bin (?:the|our) (?:queue|approval queue|workflow|system|pipeline)\b|\b(?:goed )?aangekomen\b|\bdoorgezet\b|\b(?:naar|aan) de (?:administratie|boekhouding)\b|\bconfermo (?:la )?ricezione\b`, 2.5, 'a'],
    [String.raw`\b(?:has|have|'s) been (?:logged|registered|recorded|entered|booked|received|filed|forwarded|passed on)\b|\b(?:normal|usual|standard|regular) (?:approval |payment )?(?:process|cycle|workflow|procedure)\b|\baccusons reception\b|\ball received\b|\b(?:ist|sind) (?:bei uns )?(?:eingegangen|angekommen)\b|\bwird bearbeitet\b|\b(?:la )?hemos recibido\b|\b(?:ya )?esta en contabilidad\b|\btransmise? pour (?:validation|traitement|paiement)\b`, 2.5, 'a'],
  ]),
};
