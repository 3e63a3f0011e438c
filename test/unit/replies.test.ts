import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyReply, type ReplyIntent } from '../../lib/domain/replies';

type Row = [intent: ReplyIntent, text: string, promisedDate?: string | null];
/** Replies written for these tests; all dated Wednesday 5 March 2025. */
const DATE = '2025-03-05T10:00:00Z';

const byIntent: Record<string, Row[]> = {
  paid: [
    ['paid', 'Hi, we wired the full amount this morning, confirmation attached.'],
    ['paid', 'Payment sent! It should land in your account in 2-3 days.'],
    ['paid', 'Bonjour, le règlement a été effectué ce jour par virement.'],
    ['paid', 'Bonsoir, je viens de faire le virement, désolée pour l’oubli !'],
    ['paid', 'Hallo, die Zahlung wurde heute angewiesen.'],
    ['paid', 'Guten Tag, wir haben die Rechnung heute beglichen.'],
    ['paid', 'Buongiorno, abbiamo effettuato il bonifico stamattina.'],
  ],
  promise: [
    ['promise', "Hi, I'll pay the invoice on Friday.", '2025-03-07'],
    ['promise', 'Je fais le virement vendredi sans faute.', '2025-03-07'],
    ['promise', 'Bonjour, nous réglerons votre facture le 20 mars.', '2025-03-20'],
    ['promise', 'Ich überweise den Betrag bis Ende der Woche.', '2025-03-07'],
    ['promise', 'The invoice has been approved and will be paid on the 30th.', '2025-03-30'],
    ['promise', 'Sorry for the delay, I am paying it this week.', null],
    ['promise', "I'll send the payment after our call on Thursday, by Friday at the latest.", '2025-03-07'],
  ],
  delay_request: [
    ['delay_request', 'Could you give us until the 25th? Our accountant is off sick.', '2025-03-25'],
    ['delay_request', 'Est-il possible de reporter le paiement au 30 avril ?', '2025-04-30'],
    ['delay_request', 'Notre comptable est en vacances jusqu’au 17 mars, pourriez-vous patienter jusqu’à son retour ?', null],
    ['delay_request', 'Wegen der Umstellung unseres ERP-Systems können wir erst Anfang April zahlen. Ist das in Ordnung?', null],
    ['delay_request', 'Would you mind if we settled this at the end of April? Our finance lead is travelling.', '2025-04-30'],
  ],
  financial_difficulty: [
    ['financial_difficulty', 'Things are hard at the moment and we are behind on our bills. Could I pay in three instalments?'],
    ['financial_difficulty', 'Nous traversons des difficultés de trésorerie, pouvons-nous échelonner le paiement ?'],
    ['financial_difficulty', 'Leider haben wir einen finanziellen Engpass. Wäre eine Ratenzahlung möglich?'],
    ['financial_difficulty', 'Our company went into administration last week.'],
    ['financial_difficulty', "Cash is tight, I promise I'll pay but can we do €300 on Friday and the rest in April?", '2025-03-07'],
  ],
  dispute: [
    ['dispute', 'The invoice shows 20 hours but we agreed on a fixed fee. Please correct it.'],
    ['dispute', 'Je ne suis pas d’accord avec le montant facturé, le devis indiquait 800 €.'],
    ['dispute', 'Die Arbeiten sind noch nicht abgeschlossen, deshalb zahlen wir die Rechnung noch nicht.'],
    ['dispute', 'We were double charged for the same work. Happy to pay once a corrected invoice arrives.'],
  ],
  lost_invoice: [
    ['lost_invoice', "Hi, I can't find this invoice anywhere, could you send it again?"],
    ['lost_invoice', "Bonjour, nous n'avons pas reçu votre facture. Pouvez-vous nous l'envoyer à nouveau ?"],
    ['lost_invoice', 'Uns liegt keine Rechnung vor. Bitte senden Sie sie erneut zu.'],
    ['lost_invoice', 'We have NOT received the invoice.'],
  ],
  other_company: [
    ['other_company', 'Please invoice our UK entity instead, Acme Europe Ltd.'],
    ['other_company', "Merci d'établir la facture au nom de notre filiale, Dupont Services SAS."],
    ['other_company', 'Bitte stellen Sie die Rechnung künftig auf die Schmidt & Partner GmbH aus.'],
  ],
  acknowledgement: [
    ['acknowledgement', 'Thanks, received.'],
    ['acknowledgement', 'Bien reçu, merci. Je transmets au service comptable.'],
    ['acknowledgement', 'Vielen Dank, die Rechnung ist eingegangen.'],
    ['acknowledgement', 'Got it, passing it to our AP team.'],
  ],
  none: [
    ['none', 'Thanks! Do you have time for a call on Thursday about the next project?'],
    ['none', 'Merci ! Pourriez-vous aussi me faire un devis pour les affiches ?'],
  ],
};

describe('classifyReply: intents per language', () => {
  for (const [intent, rows] of Object.entries(byIntent)) {
    describe(intent, () => {
      it.each(rows)('%s: %s', (expected, text, promisedDate) => {
        const r = classifyReply({ text, date: DATE });
        expect(r.intent).toBe(expected);
        if (promisedDate !== undefined) expect(r.promisedDate).toBe(promisedDate);
        if (expected !== 'none') expect(r.evidence.length).toBeGreaterThan(0);
      });
    });
  }
});

describe('classifyReply: traps', () => {
  it('ignores "paid" that only appears in the quoted reminder', () => {
    const text =
      'Can we talk on Friday?\n\nOn Mon, Mar 3, 2025 at 9:00 AM Ann <ann@studio.example> wrote:\n> Has the invoice been paid? It was due on 28 February.\n';
    const r = classifyReply({ text, subject: 'Re: Invoice 12 – reminder', date: DATE });
    expect(r.intent).toBe('none');
    expect(r.promisedDate).toBeNull();
    expect(r.reply).toBe('Can we talk on Friday?');
  });

  it('ignores a promise inside an Outlook quote', () => {
    const text =
      'Bien reçu.\n\nDe : Ann <ann@studio.example>\nEnvoyé : lundi 3 mars 2025 09:00\nÀ : Client <c@client.example>\nObjet : Facture\n\nMerci de régler vendredi.';
    expect(classifyReply({ text, date: DATE }).intent).toBe('acknowledgement');
  });

  it.each([
    ['Automatic reply: Invoice 12', "I'm out of the office until March 17 with limited access to email."],
    ['Réponse automatique : Facture', "Je suis absente jusqu'au 17 mars. En cas d'urgence, contactez le standard."],
    ['Abwesenheitsnotiz', 'Ich bin bis zum 17.03. nicht im Büro. In dringenden Fällen wenden Sie sich an info@x.example.'],
  ])('reads an out-of-office reply as none (%s)', (subject, text) => {
    const r = classifyReply({ subject, text, date: DATE });
    expect(r.intent).toBe('none');
    expect(r.promisedDate).toBeNull();
  });

  it('resolves "vendredi" from the reply date, not from dates in the quote', () => {
    const text = 'Je règle vendredi.\n\nLe lun. 3 févr. 2025 à 10:00, Ann <ann@x.example> a écrit :\n> Échéance le 28/02, merci de payer le 10/03.';
    const r = classifyReply({ text, date: '2025-03-11T08:00:00Z' });
    expect(r).toMatchObject({ intent: 'promise', promisedDate: '2025-03-14' });
  });

  it('does not take a meeting date for a payment date', () => {
    const r = classifyReply({ text: 'We will pay, but first can we meet on Thursday to go over the numbers?', date: DATE });
    expect(r.intent).toBe('promise');
    expect(r.promisedDate).toBeNull();
  });

  it.each([
    ['not yet paid', 'The invoice is not yet paid, we will pay it on Monday.', 'promise'],
    ['n’a pas encore été réglée', "La facture n'a pas encore été réglée, je m'en occupe demain.", 'promise'],
    ['je n’ai pas reçu', "Je n'ai pas reçu la facture.", 'lost_invoice'],
    ['noch nicht überwiesen', 'Wir haben noch nicht überwiesen, weil die Rechnung nie angekommen ist.', 'lost_invoice'],
    ['not received', 'We have not received any invoice from you.', 'lost_invoice'],
  ])('handles negation: %s', (_name, text, intent) => {
    expect(classifyReply({ text, date: DATE }).intent).toBe(intent);
  });

  it('reads the subject only when the client wrote it', () => {
    const fwd = 'Envoyé de mon iPhone\n\nDébut du message transféré :\n\nExpéditeur: c@client.example\nObjet: Demande\n\nVoici la preuve de paiement.';
    expect(classifyReply({ subject: 'Preuve de paiement', text: fwd, date: DATE }).intent).toBe('paid');
    expect(classifyReply({ subject: 'Re: Payé ?', text: 'Merci, je regarde.', date: DATE }).intent).toBe('none');
  });

  it('reports the language and the stripped reply', () => {
    const r = classifyReply({ text: 'Bonjour, le virement est parti ce matin.\n\nCordialement,\nMarc', date: DATE });
    expect(r).toMatchObject({ intent: 'paid', language: 'fr', reply: 'Bonjour, le virement est parti ce matin.' });
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('uses the UTC calendar day of the reply instant', () => {
    const r = classifyReply({ text: "I'll send the e-transfer tomorrow morning.", date: '2025-02-26T23:40:00Z' });
    expect(r.promisedDate).toBe('2025-02-27');
  });
});

describe('classifyReply: robustness', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 30 }), (text, subject, date) => {
        const r = classifyReply({ text, subject, date });
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on malformed input objects', () => {
    expect(classifyReply({ text: null as unknown as string, date: 'x' }).intent).toBe('none');
    expect(classifyReply(undefined as unknown as { text: string; date: string }).intent).toBe('none');
  });

  it('handles a huge quoted thread quickly', () => {
    const quoted = Array.from({ length: 10_000 }, (_, i) => `> paid on 3 March ${i}, pay by Friday`).join('\n');
    const text = `Bien reçu.\n\nLe lun. 3 mars 2025 à 10:00, Ann <a@x.example> a écrit :\n${quoted}`;
    const t0 = performance.now();
    expect(classifyReply({ text, date: DATE }).intent).toBe('acknowledgement');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
