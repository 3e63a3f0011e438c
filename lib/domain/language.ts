import type { Lang } from './types';
import { foldAccents } from './text';

/**
 * Cheap language identification by counting frequent function words and a few invoice/payment keywords.
 * Words are compared accent-folded. Each list holds words that are common in the language and rare in the
 * other six, so a short phrase ("30 Tage netto", "Règlement à réception") is usually enough.
 */
const WORDS: Record<Lang, readonly string[]> = {
  fr: [
    'le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'dans', 'sur', 'avec', 'vous', 'nous', 'votre', 'vos',
    'pas', 'qui', 'que', 'au', 'aux', 'ce', 'cette', 'sont', 'je', 'merci', 'bonjour', 'cordialement', 'facture',
    'jours', 'reglement', 'paiement', 'echeance', 'mois', 'fin', 'acompte', 'solde', 'reception', 'avoir', 'ci', 'joint',
    'sous', 'livraison', 'commande', 'comptant', 'montant', 'tres', 'bien', 'mais', 'ou', 'il', 'elle', 'madame', 'monsieur',
  ],
  en: [
    'the', 'and', 'of', 'to', 'is', 'are', 'for', 'with', 'you', 'your', 'we', 'our', 'this', 'that', 'please', 'thanks',
    'thank', 'invoice', 'days', 'due', 'payment', 'within', 'net', 'end', 'month', 'regards', 'hi', 'hello', 'attached',
    'on', 'be', 'will', 'have', 'has', 'it', 'at', 'from', 'by', 'not', 'balance', 'deposit', 'upon', 'receipt', 'amount',
    'dear', 'best', 'find', 'would', 'could',
  ],
  de: [
    'der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sie', 'ich', 'wir', 'ihr', 'ihre', 'ihnen', 'den', 'dem', 'des',
    'ein', 'eine', 'einen', 'zu', 'zur', 'zum', 'auf', 'fur', 'von', 'bitte', 'danke', 'rechnung', 'tage', 'tagen',
    'zahlbar', 'innerhalb', 'netto', 'ohne', 'abzug', 'bis', 'sofort', 'bei', 'nach', 'gruße', 'grusse', 'freundlichen',
    'sehr', 'geehrte', 'geehrter', 'anbei', 'betrag', 'zahlung', 'lieferung', 'skonto', 'monatsende', 'auch', 'wird',
  ],
  es: [
    'el', 'los', 'las', 'del', 'y', 'es', 'una', 'por', 'para', 'con', 'que', 'su', 'sus', 'usted', 'nosotros', 'gracias',
    'hola', 'saludos', 'factura', 'dias', 'pago', 'mes', 'fin', 'entrega', 'recepcion', 'pedido', 'fecha', 'adjunto',
    'adjunta', 'le', 'lo', 'como', 'muy', 'pero', 'este', 'esta', 'estimado', 'estimada', 'atentamente', 'importe',
    'contado', 'plazos', 'cuotas', 'dentro', 'al',
  ],
  it: [
    'il', 'lo', 'gli', 'della', 'delle', 'dei', 'di', 'e', 'che', 'non', 'per', 'con', 'una', 'sono', 'grazie',
    'buongiorno', 'saluti', 'cordiali', 'fattura', 'giorni', 'pagamento', 'mese', 'fine', 'data', 'rimessa', 'diretta',
    'vista', 'alla', 'al', 'entro', 'allegato', 'allegata', 'gentile', 'importo', 'consegna', 'ordine', 'rate', 'mensili',
    'anche', 'questo', 'questa', 'nostro', 'vostro',
  ],
  nl: [
    'de', 'het', 'een', 'en', 'van', 'is', 'niet', 'met', 'voor', 'op', 'dat', 'die', 'wij', 'u', 'uw', 'ons', 'onze',
    'bedankt', 'dank', 'groet', 'groeten', 'factuur', 'dagen', 'betaling', 'binnen', 'maand', 'einde', 'bij', 'levering',
    'ontvangst', 'bestelling', 'na', 'vanaf', 'aanbetaling', 'voorschot', 'graag', 'bijlage', 'bedrag', 'termijnen',
    'vervalt', 'ook', 'worden', 'wordt', 'heeft', 'zijn', 'naar',
  ],
  pt: [
    'o', 'os', 'as', 'do', 'da', 'dos', 'das', 'e', 'um', 'uma', 'para', 'com', 'nao', 'que', 'por', 'seu', 'sua',
    'voce', 'nos', 'obrigado', 'obrigada', 'ola', 'cumprimentos', 'fatura', 'dias', 'pagamento', 'mes', 'final', 'fim',
    'entrega', 'encomenda', 'encomendar', 'apos', 'dentro', 'pronto', 'prestacoes', 'parcelas', 'restante', 'deposito',
    'vista', 'em', 'no', 'na', 'ao', 'atenciosamente', 'anexo', 'valor',
  ],
};

const LANG_ORDER: readonly Lang[] = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt'];

/** word -> languages it votes for, each vote weighted by 1 / (number of languages sharing the word). */
const INDEX: Map<string, Lang[]> = (() => {
  const index = new Map<string, Lang[]>();
  for (const lang of LANG_ORDER) {
    for (const w of WORDS[lang]) {
      const langs = index.get(w) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      index.set(w, langs);
    }
  }
  return index;
})();

/** Characters that only some languages use: a strong, cheap signal (checked on the unfolded text). */
const CHAR_HINTS: ReadonlyArray<readonly [RegExp, Lang, number]> = [
  [/[ßäöü]/i, 'de', 2],
  [/[ñ¿¡]/i, 'es', 2],
  [/[ãõç]/i, 'pt', 1.5],
  [/[èàù]/i, 'fr', 0.5],
  [/[êâîûœ]/i, 'fr', 1],
  [/ij/i, 'nl', 0.3],
];

/** Only the start of long texts is read: enough to decide, and keeps the cost per email bounded. */
const MAX_CHARS = 4000;

/**
 * The most likely language of `text` among fr, en, de, es, it, nl, pt. Ties and texts without any signal
 * fall back to `hint`, then 'en'. The hint also gets a small bonus, so a short ambiguous phrase stays in
 * the language the caller expected.
 */
export function detectLanguage(text: string, hint?: Lang): Lang {
  const sample = typeof text === 'string' ? text.slice(0, MAX_CHARS) : '';
  const scores: Record<Lang, number> = { fr: 0, en: 0, de: 0, es: 0, it: 0, nl: 0, pt: 0 };
  const words = foldAccents(sample).match(/[a-z]+/g) ?? [];
  for (const w of words) {
    const langs = INDEX.get(w);
    if (!langs) continue;
    for (const l of langs) scores[l] += 1 / langs.length;
  }
  for (const [re, lang, weight] of CHAR_HINTS) if (re.test(sample)) scores[lang] += weight;
  if (hint) scores[hint] += 0.5;
  let best: Lang = hint ?? 'en';
  let bestScore = hint ? scores[hint] : 0;
  for (const l of LANG_ORDER) {
    if (scores[l] > bestScore) {
      best = l;
      bestScore = scores[l];
    }
  }
  return best;
}
