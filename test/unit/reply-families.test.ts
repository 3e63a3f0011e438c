import { describe, expect, it } from 'vitest';
import { classifyReply, type ReplyIntent } from '../../lib/domain/replies';
import { resolvePaymentDate } from '../../lib/domain/relative-dates';

/**
 * Word-family cues (reply-families.ts) and the phrase families added with them. Every reply here was written
 * for this test, dated Wednesday 14 May 2025, to check that a family covers phrasings beyond one wording.
 */
const DATE = '2025-05-14T09:00:00Z';
type Row = [intent: ReplyIntent, text: string, promisedDate?: string | null];

const rows: Record<string, Row[]> = {
  'paid: completion verb near the money, any order, any language': [
    ['paid', 'The money left our account on Monday, so it should be with you by now.'],
    ['paid', 'Funds were released to you yesterday via ACH.'],
    ['paid', 'Le montant de 1 180 € a été viré ce matin sur votre compte.'],
    ['paid', 'Das Geld ist vorgestern rausgegangen.'],
    ['paid', 'Il saldo è stato pagato ieri con bonifico.'],
    ['paid', 'La transferencia fue realizada esta mañana.'],
    ['paid', 'Ik heb gisteren alles betaald.'],
  ],
  'promise: a future marker or a future day next to a payment verb': [
    ['promise', 'We should be able to settle by the 20th.', '2025-05-20'],
    ['promise', 'Money should land in your account Friday.', '2025-05-16'],
    ['promise', 'Je vous vire le solde demain.', '2025-05-15'],
    ['promise', 'Nächste Woche Dienstag zahlen wir den offenen Betrag.', '2025-05-20'],
    ['promise', 'Ti faccio il bonifico domani.', '2025-05-15'],
    ['promise', 'Te pago el viernes sin falta.', '2025-05-16'],
    ['promise', 'We betalen morgen.', '2025-05-15'],
  ],
  'delay_request: asking leave to pay later': [
    ['delay_request', 'Could we pay on 6 June instead? Our controller is on leave.', '2025-06-06'],
    ['delay_request', 'Would you be okay with us settling at the end of the month when our director is back?', '2025-05-31'],
    ['delay_request', 'Pourrions-nous régler début juin ? Notre comptable est absente.'],
    ['delay_request', 'Dürften wir erst Anfang Juni überweisen?'],
    ['delay_request', 'Possiamo pagare a fine giugno?'],
  ],
  'dispute: mismatch with what was agreed, conditions on a fix, refusals': [
    ['dispute', 'The rate on the invoice does not match the one in our contract.'],
    ['dispute', 'We will pay as soon as the faulty hinges are repaired.'],
    ['dispute', 'Sorry, but we are not paying for work that was never ordered.'],
    ['dispute', 'Les heures facturées ne correspondent pas à notre accord.'],
    ['dispute', 'Die abgerechnete Menge entspricht nicht der Bestellung.'],
    ['dispute', 'Il prezzo non corrisponde all’offerta: ci serve una nota di credito.'],
    ['dispute', 'El importe no corresponde al presupuesto.'],
  ],
  'financial_difficulty: instalments counted in any language, bank trouble, failing customers': [
    ['financial_difficulty', 'Would it be possible to pay this in four monthly instalments?'],
    ['financial_difficulty', 'Our bank has pulled our credit line and we cannot pay anything at the moment.'],
    ['financial_difficulty', 'Est-ce que je peux payer en deux fois ?'],
    ['financial_difficulty', 'Können wir das in drei Teilzahlungen begleichen?'],
    ['financial_difficulty', 'Possiamo pagare in tre rate?'],
    ['financial_difficulty', 'Un cliente importante no nos ha pagado y estamos en un mal momento.'],
    ['financial_difficulty', 'The company is in a cash crunch since our main customer defaulted.'],
  ],
  'lost_invoice: send again, no trace, a file that will not open': [
    ['lost_invoice', 'Could you shoot it over once more? It never reached my inbox.'],
    ['lost_invoice', 'Pourriez-vous me transmettre une copie ?'],
    ['lost_invoice', 'Könnten Sie die Rechnung bitte nochmals schicken?'],
    ['lost_invoice', 'Può inviarmi di nuovo la fattura?'],
    ['lost_invoice', '¿Me la puedes enviar otra vez?'],
    ['lost_invoice', 'Kun je de factuur nog eens sturen?'],
    ['lost_invoice', 'The attachment is corrupted on our side, it will not open.'],
  ],
  'other_company: a different entity, wrong name, group company': [
    ['other_company', 'Please make it out to our parent, Redwood Group plc, not to the studio.'],
    ['other_company', 'The invoice was addressed to the wrong entity.'],
    ['other_company', 'La facture doit être établie à l’ordre de notre maison-mère.'],
    ['other_company', 'Bitte stellen Sie die Rechnung auf unsere Betriebsgesellschaft aus.'],
    ['other_company', 'La fattura va intestata alla nostra controllata.'],
  ],
  'acknowledgement: received, logged, passed on': [
    ['acknowledgement', 'Thanks, this has been logged and passed on to payables.'],
    ['acknowledgement', 'Nous accusons réception de votre facture.'],
    ['acknowledgement', 'Danke, die Rechnung haben wir erhalten und weitergereicht.'],
    ['acknowledgement', 'Grazie, confermo la ricezione.'],
    ['acknowledgement', 'Bedankt, de factuur is goed aangekomen.'],
  ],
};

describe('reply intent families', () => {
  for (const [family, list] of Object.entries(rows)) {
    it.each(list)(`${family}: %s ← %s`, (intent, text, promisedDate) => {
      const r = classifyReply({ text, date: DATE });
      expect(r.intent).toBe(intent);
      if (promisedDate !== undefined) expect(r.promisedDate).toBe(promisedDate);
    });
  }

  it.each<[string, ReplyIntent]>([
    // A question about the payment is not a payment made.
    ['Has the transfer been sent already?', 'none'],
    // French present tense ("je règle") folds like the participle, and must not read as "paid".
    ['Je règle la facture vendredi.', 'promise'],
    // "she pays the bills" describes who pays, it does not say anything was paid.
    ['Notre comptable est en congés et c’est elle qui fait les virements. Pourriez-vous patienter ?', 'delay_request'],
    // A refusal is not a commitment.
    ['No vamos a pagar ese cargo.', 'dispute'],
    // "will be processed according to terms" confirms receipt, it commits to no date.
    ['We have received your invoice; it will be processed according to our usual terms.', 'acknowledgement'],
  ])('precision: %s → %s', (text, intent) => {
    expect(classifyReply({ text, date: DATE }).intent).toBe(intent);
  });
});

describe('payment date details', () => {
  it.each<[string, string | null]>([
    // A full date wins over the bare day of month that starts it.
    ["Pourriez-vous nous laisser jusqu'au 15 juin pour le paiement ?", '2025-06-15'],
    ['We will pay on the 3rd of June.', '2025-06-03'],
    // A "when…" clause holds the return, the main clause the payment date.
    ['Could we pay at the end of the month when our manager is back?', '2025-05-31'],
  ])('%s → %s', (text, date) => {
    expect(resolvePaymentDate(text, '2025-05-14', 'en')?.date ?? null).toBe(date);
  });

  it('stays fast on long adversarial input', () => {
    const text = 'payment '.repeat(2000) + 'will '.repeat(2000) + 'a'.repeat(20000);
    const started = performance.now();
    classifyReply({ text, date: DATE });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
