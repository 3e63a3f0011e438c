import { addDaysIso } from '../../dates';
import { greetingName, instalmentPlan, signatureLines, type DraftContext, type DraftHistoryItem, type InvoiceView } from '../context';
import { compact, paragraph, prose, type Block, type Composition, type ListBlock } from '../document';
import type { Stage } from '../stage';
import {
  commonDueDate,
  feesTable,
  invoiceTable,
  legalWording,
  numbersText,
  punctuateList,
  sumText,
  type LanguagePack,
  type Medium,
  type TableWords,
} from './common';

/**
 * French drafts. "vous" and "tu" are two registers, not a pronoun swap: the tu drafts are shorter and warmer.
 * The formal notice is always written with "vous": it is a legal document a judge may read.
 * Phrasings avoid past participles agreeing with the reader ("je vous ai relancé(e)") since the gender is unknown.
 */

const pl = (c: DraftContext, one: string, many: string): string => (c.plural ? many : one);
const jours = (n: number): string => `${n} jour${n > 1 ? 's' : ''}`;

const WORDS: TableWords = {
  invoice: 'Facture',
  issued: 'Date',
  due: 'Échéance',
  outstanding: 'Reste dû',
  late: 'Retard',
  total: 'Total',
  principal: 'Principal',
  interest: 'Pénalités de retard',
  fixed: 'Indemnité forfaitaire',
  amountDue: 'Total dû',
  daysLate: jours,
};

/** "d'un montant de 1 200,00 €", or the balance when part of it was paid. */
function amountPhrase(c: DraftContext, i: InvoiceView): string {
  const { w } = c;
  return i.outstandingMinor === i.amountMinor
    ? `d'un montant de ${w.money(i.amountMinor, i.currency)}`
    : `dont il reste ${w.money(i.outstandingMinor, i.currency)} à régler sur ${w.money(i.amountMinor, i.currency)}`;
}

function invoiceLine(c: DraftContext, i: InvoiceView): string {
  const { w } = c;
  const due = i.daysLate > 0 ? `échue le ${w.date(i.dueDate)}` : `à échéance le ${w.date(i.dueDate)}`;
  const amount =
    i.outstandingMinor === i.amountMinor
      ? w.money(i.amountMinor, i.currency)
      : `${w.money(i.outstandingMinor, i.currency)} restant à régler sur ${w.money(i.amountMinor, i.currency)}`;
  const late = i.daysLate > 0 ? ` (${jours(i.daysLate)} de retard)` : '';
  return `– Facture ${i.number} du ${w.date(i.issueDate)}, ${due} : ${amount}${late}`;
}

function invoiceBlock(c: DraftContext): Block {
  return invoiceTable(c, WORDS, (i) => invoiceLine(c, i), (t) => `Total : ${c.w.money(t.outstandingMinor, t.currency)}`);
}

/** Late interest is "pénalités" (feminine) under French law and in contracts, "intérêts" (masculine) otherwise. */
const interestIsMasculine = (c: DraftContext): boolean => c.jurisdiction === 'EU' || c.jurisdiction === 'UK';

function feesBlock(c: DraftContext): Block {
  const { w } = c;
  const line = (i: InvoiceView): string => {
    const parts = [`principal ${w.money(i.outstandingMinor, i.currency)}`];
    if (i.interestMinor > 0) parts.push(`${interestIsMasculine(c) ? 'intérêts' : 'pénalités'} de retard ${w.money(i.interestMinor, i.currency)}`);
    if (i.fixedCompensationMinor > 0) parts.push(`indemnité forfaitaire ${w.money(i.fixedCompensationMinor, i.currency)}`);
    const detail = i.feesMinor > 0 ? `${parts.join(' + ')} = ${w.money(i.totalMinor, i.currency)}` : w.money(i.totalMinor, i.currency);
    return `– Facture ${i.number} du ${w.date(i.issueDate)}, échue le ${w.date(i.dueDate)} : ${detail}`;
  };
  const words = { ...WORDS, interest: interestIsMasculine(c) ? 'Intérêts de retard' : 'Pénalités de retard' };
  return feesTable(c, words, line, (t) => `Total dû : ${w.money(t.totalMinor, t.currency)}`);
}

/** The single invoice described in a sentence: "la facture F-1 du 1er mars 2025, d'un montant de 1 200,00 €". */
function oneInvoice(c: DraftContext): string {
  const i = c.invoices[0]!;
  return `la facture ${i.number} du ${c.w.date(i.issueDate)}, ${amountPhrase(c, i)}`;
}

function paymentBlock(c: DraftContext): Block {
  const { iban, bic, link, instructions } = c.payment;
  const you = c.formal ? 'Vous pouvez' : 'Tu peux';
  const lines: string[] = [];
  if (iban) {
    lines.push(`${you} régler par virement sur le compte suivant :`, `IBAN : ${iban}`);
    if (bic) lines.push(`BIC : ${bic}`);
    if (link) lines.push(`ou directement en ligne : ${link}`);
  } else if (link) {
    lines.push(`${you} régler directement en ligne : ${link}`);
  } else {
    lines.push(`${you} régler par virement aux coordonnées figurant sur la facture.`);
  }
  if (instructions) lines.push(instructions);
  else if (iban || !link) lines.push(`Merci d'indiquer ${pl(c, 'le numéro de facture', 'les numéros de facture')} en référence du virement.`);
  return paragraph(...lines);
}

function attachment(c: DraftContext): string {
  if (c.formal) return pl(c, 'Vous trouverez la facture en pièce jointe.', 'Vous trouverez les factures en pièces jointes.');
  return pl(c, 'Je te remets la facture en pièce jointe.', 'Je te remets les factures en pièces jointes.');
}

const HISTORY: Record<Stage, string> = {
  pre_due: "rappel avant l'échéance, par e-mail",
  first: 'relance par e-mail',
  second: 'deuxième relance par e-mail',
  formal_notice: 'mise en demeure',
  stop_work: 'avis de suspension des travaux, par e-mail',
  handover: 'dernier avis avant recouvrement, par e-mail',
};

function historyLabel(h: DraftHistoryItem): string {
  if (h.kind === 'call') return 'relance téléphonique';
  if (h.kind === 'letter') return h.stage === 'formal_notice' ? 'mise en demeure par lettre recommandée' : 'relance par courrier';
  return h.stage ? HISTORY[h.stage] : 'relance par e-mail';
}

function historyList(c: DraftContext): ListBlock {
  return { kind: 'list', items: punctuateList(c.history.map((h) => `${c.w.date(h.date)} : ${historyLabel(h)}`), ' ;') };
}

/** "malgré ma relance du 5 avril 2025 et notre échange téléphonique du 10 avril 2025", or ''. */
function despite(c: DraftContext): string {
  const parts: string[] = [];
  const r = c.previousReminder;
  if (r) parts.push(`${r.stage === 'pre_due' ? 'mon rappel' : 'ma relance'} du ${c.w.date(r.date)}`);
  if (c.lastCall) parts.push(`notre échange téléphonique du ${c.w.date(c.lastCall.date)}`);
  return parts.length ? `malgré ${parts.join(' et ')}` : '';
}

/** "des pénalités de retard (article L441-10 du Code de commerce) et une indemnité forfaitaire … de 40 €". */
function feesClaim(c: DraftContext): { text: string; verb: string; pronoun: string } {
  const parts: string[] = [];
  if (c.anyInterest) {
    parts.push(
      {
        FR: 'des pénalités de retard (article L441-10 du Code de commerce)',
        EU: 'des intérêts de retard (directive 2011/7/UE)',
        UK: 'des intérêts de retard légaux (Late Payment of Commercial Debts (Interest) Act 1998)',
        US: 'des pénalités de retard prévues par nos conditions de paiement',
      }[c.jurisdiction],
    );
  }
  if (c.invoices.some((i) => i.fixedCompensationMinor > 0)) {
    const each = c.fixedEach ? ` de ${c.w.moneyWhole(c.fixedEach.minor, c.fixedEach.currency)}${pl(c, '', ' par facture')}` : '';
    parts.push(`une indemnité forfaitaire pour frais de recouvrement${each}`);
  }
  const masculine = c.anyInterest && interestIsMasculine(c);
  return {
    text: parts.join(' et '),
    verb: !c.anyInterest ? 'est due' : masculine ? 'sont dus' : 'sont dues',
    pronoun: !c.anyInterest ? "elle s'élève" : masculine ? "ils s'élèvent" : "elles s'élèvent",
  };
}

function feeAmounts(c: DraftContext): string {
  const { w } = c;
  return w.list(
    c.totals
      .filter((t) => t.interestMinor + t.fixedMinor > 0)
      .map((t) => {
        const bits: string[] = [];
        if (t.interestMinor > 0) bits.push(`${w.money(t.interestMinor, t.currency)} ${interestIsMasculine(c) ? "d'intérêts" : 'de pénalités'}`);
        if (t.fixedMinor > 0) bits.push(`${w.money(t.fixedMinor, t.currency)} d'indemnité`);
        return bits.join(' et ');
      }),
  );
}

function greeting(c: DraftContext): string {
  const name = greetingName(c);
  return name ? `Bonjour ${name},` : 'Bonjour,';
}

function closing(c: DraftContext, warm: boolean): string[] {
  if (c.formal) return ['Bien cordialement,'];
  return [warm ? 'À bientôt,' : 'Cordialement,'];
}

function preDue(c: DraftContext): Block[] {
  const { w } = c;
  const i = c.invoices[0]!;
  const v = c.formal;
  if (!c.plural) {
    const opening = v ? 'Je me permets de vous rappeler que' : 'Petit rappel :';
    return compact([
      paragraph(`${opening} ${oneInvoice(c)}, arrive à échéance le ${w.date(i.dueDate)}.`),
      paymentBlock(c),
      paragraph(attachment(c), v ? 'Si vous avez déjà effectué le règlement, merci de ne pas tenir compte de ce message.' : "Si c'est déjà réglé, ne tiens pas compte de ce message."),
      paragraph(v ? 'Je vous remercie par avance et reste à votre disposition pour toute question.' : "Merci d'avance, et n'hésite pas si tu as la moindre question."),
    ]);
  }
  return compact([
    paragraph(v ? 'Je me permets de vous rappeler que les factures suivantes arrivent prochainement à échéance :' : 'Petit rappel : les factures suivantes arrivent bientôt à échéance.'),
    invoiceBlock(c),
    paymentBlock(c),
    paragraph(attachment(c), v ? 'Si vous avez déjà effectué le règlement, merci de ne pas tenir compte de ce message.' : "Si c'est déjà réglé, ne tiens pas compte de ce message."),
    paragraph(v ? 'Je vous remercie par avance et reste à votre disposition pour toute question.' : "Merci d'avance, et n'hésite pas si tu as la moindre question."),
  ]);
}

function first(c: DraftContext): Block[] {
  const { w } = c;
  const i = c.invoices[0]!;
  const v = c.formal;
  const facts = c.plural
    ? [
        paragraph(
          v
            ? "Sauf erreur ou omission de notre part, les factures suivantes, arrivées à échéance, n'ont pas encore été réglées :"
            : "Sauf erreur de ma part, les factures suivantes sont arrivées à échéance et n'ont pas encore été réglées :",
        ),
        invoiceBlock(c),
      ]
    : [
        paragraph(
          v
            ? `Sauf erreur ou omission de notre part, ${oneInvoice(c)}, arrivée à échéance le ${w.date(i.dueDate)}, n'a pas encore été réglée.`
            : `Sauf erreur de ma part, ${oneInvoice(c)}, arrivée à échéance le ${w.date(i.dueDate)}, n'a pas encore été réglée.`,
        ),
      ];
  const ask = v
    ? `Il s'agit sans doute d'un simple oubli : je vous remercie de bien vouloir procéder à ${pl(c, 'son', 'leur')} règlement dans les meilleurs délais.`
    : "C'est sans doute un simple oubli : peux-tu t'en occuper dès que possible ?";
  const ignore = v
    ? `Si vous avez réglé ${pl(c, 'cette facture', 'ces factures')} entre-temps, merci de ne pas tenir compte de ce message.`
    : "Si c'est déjà fait entre-temps, ne tiens pas compte de ce message.";
  return compact([
    ...facts,
    paragraph(ask),
    paymentBlock(c),
    paragraph(attachment(c), ignore),
    paragraph(v ? 'Je reste à votre disposition pour toute question.' : "N'hésite pas à me contacter si besoin. Merci d'avance !"),
  ]);
}

function second(c: DraftContext): Block[] {
  const { w } = c;
  const i = c.invoices[0]!;
  const v = c.formal;
  const d = despite(c);
  const open = v ? 'Je reviens vers vous au sujet' : 'Je reviens vers toi au sujet';
  const facts = c.plural
    ? [
        paragraph(`${open} des factures ci-dessous, qui restent impayées ${d || 'à ce jour'} :`),
        invoiceBlock(c),
      ]
    : [paragraph(`${open} de ${oneInvoice(c)}, échue depuis le ${w.date(i.dueDate)}, qui reste impayée ${d || 'à ce jour'}.`)];
  const fees = feesClaim(c);
  const you = v ? 'vous' : 'te';
  return compact([
    ...facts,
    c.feesShown &&
      paragraph(
        `Je me permets de ${you} rappeler que, depuis l'échéance, ${fees.text} ${fees.verb}${c.jurisdiction === 'US' ? '' : ' de plein droit'} ; à ce jour, ${fees.pronoun} à ${feeAmounts(c)}.`,
      ),
    paragraph(
      v
        ? `Je vous remercie de bien vouloir procéder au règlement au plus tard le ${w.date(c.deadline)}.`
        : `Merci de faire le nécessaire au plus tard le ${w.date(c.deadline)}.`,
    ),
    paymentBlock(c),
    paragraph(
      v
        ? 'Si votre règlement est déjà en cours, merci de ne pas tenir compte de ce message. En cas de difficulté, parlons-en : nous trouverons une solution ensemble.'
        : "Si c'est déjà parti, ne tiens pas compte de ce message. Et si quelque chose bloque, dis-le-moi : on trouvera une solution ensemble.",
    ),
  ]);
}

/** The French statutory basis, each sum with its article. */
function frenchLegalBasis(c: DraftContext): string {
  const fixed = c.invoices.some((i) => i.fixedCompensationMinor > 0);
  const each = c.fixedEach ? ` de ${c.w.moneyWhole(c.fixedEach.minor, c.fixedEach.currency)}${pl(c, '', ' par facture')}` : '';
  const indemnity = `une indemnité forfaitaire pour frais de recouvrement${each}`;
  if (!c.anyInterest) return `Depuis le lendemain de l'échéance, ${indemnity} est due de plein droit (article D441-5 du Code de commerce).`;
  const penalties = "Depuis le lendemain de l'échéance, des pénalités de retard sont dues de plein droit (article L441-10 du Code de commerce)";
  return fixed ? `${penalties}, ainsi qu'${indemnity} (article D441-5 du même code).` : `${penalties}.`;
}

/** "mes relances du 2 avril 2025, du 9 avril 2025 et du 20 avril 2025, puis ma mise en demeure du 2 mai 2025". */
function allAttempts(c: DraftContext): string {
  const { w } = c;
  const reminders = c.history.filter((h) => h.kind !== 'letter' && h.stage !== 'formal_notice');
  let out = reminders.length ? `${reminders.length > 1 ? 'mes relances' : 'ma relance'} ${w.list(reminders.map((h) => `du ${w.date(h.date)}`))}` : '';
  if (c.formalNotice) out += `${out ? ', puis ' : ''}${c.formal ? 'ma' : 'la'} mise en demeure du ${w.date(c.formalNotice.date)}`;
  return out;
}

/** "la facture F-1 reste impayée" / "les factures F-1 et F-2 restent impayées". */
function stillUnpaid(c: DraftContext): string {
  return pl(c, `la facture ${c.invoices[0]!.number} reste impayée`, `les factures ${numbersText(c)} restent impayées`);
}

/** Always "vous" (see the file comment). */
function formalNotice(c: DraftContext, medium: Medium): Block[] {
  const { w } = c;
  const consequence = {
    FR: "j'engagerai sans autre avis une procédure d'injonction de payer devant la juridiction compétente pour obtenir le paiement de ces sommes, augmentées des frais de procédure",
    EU: "j'engagerai sans autre avis une procédure judiciaire de recouvrement, le cas échéant une injonction de payer européenne, pour obtenir le paiement de ces sommes",
    UK: "j'engagerai sans autre avis une action en paiement devant la juridiction compétente",
    US: "je confierai sans autre avis le recouvrement de ces sommes à une société spécialisée ou saisirai la juridiction compétente",
  }[c.jurisdiction];
  const refs = pl(c, `de la facture ${c.invoices[0]!.number}`, `des factures ${numbersText(c)}`);
  const fees = feesClaim(c);
  const legal = !c.feesShown
    ? null
    : c.jurisdiction === 'FR'
      ? frenchLegalBasis(c)
      : `Depuis le lendemain de l'échéance, ${fees.text} ${fees.verb}${c.jurisdiction === 'US' ? '' : ' de plein droit'}.`;
  const consumerInterest =
    !c.b2b && c.jurisdiction === 'FR'
      ? "Conformément à l'article 1344-1 du Code civil, la présente mise en demeure fait courir les intérêts au taux légal sur les sommes dues."
      : null;
  return compact([
    paragraph(
      `Par la présente, je vous mets en demeure de me régler la somme de ${sumText(c, (t) => t.totalMinor)} au titre ${refs}, restée${pl(c, '', 's')} impayée${pl(c, '', 's')} à ce jour.`,
    ),
    paragraph(`Détail des sommes dues au ${w.date(c.today)} :`),
    feesBlock(c),
    prose(legal, consumerInterest),
    c.history.length
      ? paragraph('Mes démarches amiables sont restées sans effet :')
      : paragraph("Aucun règlement ne m'est parvenu à ce jour, malgré l'échéance dépassée."),
    historyList(c),
    paragraph(`Je vous demande de régler l'intégralité de cette somme au plus tard le ${w.date(c.deadline)}. À défaut, ${consequence}.`),
    paymentBlock({ ...c, formal: true }),
    prose(
      medium === 'email' ? 'La présente mise en demeure vous est également adressée par lettre recommandée avec accusé de réception.' : null,
      'Si votre règlement a croisé ce courrier, je vous remercie de ne pas tenir compte de la présente.',
    ),
  ]);
}

function stopWork(c: DraftContext): Block[] {
  const { w } = c;
  const v = c.formal;
  const a = allAttempts(c);
  const lead = a ? `Malgré ${a}, ` : '';
  const facts = c.plural
    ? [paragraph(`${lead}${a ? 'l' : 'L'}es factures ci-dessous restent impayées à ce jour :`), invoiceBlock(c)]
    : [paragraph(`${lead}${oneInvoice(c).replace(/^la/, a ? 'la' : 'La')}, échue le ${w.date(c.invoices[0]!.dueDate)}, reste impayée à ce jour.`)];
  const plan = instalmentPlan(c);
  const planText = plan
    ? ` Par exemple, en trois versements mensuels : ${w.list(plan.parts.map((p) => `${w.money(p.minor, plan.currency)} le ${w.date(p.date)}`))}.`
    : '';
  return compact([
    ...facts,
    paragraph(
      v
        ? "Dans ces conditions, et à regret, je suspends les travaux en cours pour votre compte jusqu'au règlement du solde. Ils reprendront dès réception du paiement, ou dès que nous aurons convenu ensemble d'un échéancier."
        : "Dans ces conditions, et à regret, je mets en pause les travaux en cours pour toi jusqu'au règlement du solde. Je reprendrai dès réception du paiement, ou dès qu'on se sera mis d'accord sur un échéancier.",
    ),
    paragraph(
      v
        ? `Si ce montant est difficile à régler en une seule fois, je vous propose un paiement échelonné.${planText} Il vous suffit de me confirmer cet échéancier, ou de m'en proposer un autre, en réponse à ce message ; je vous le confirmerai par écrit.`
        : `Si c'est compliqué de tout régler d'un coup, je te propose de payer en plusieurs fois.${planText} Confirme-moi simplement cet échéancier, ou propose-m'en un autre, en réponse à ce message ; je te le confirmerai par écrit.`,
    ),
    paymentBlock(c),
    paragraph(
      v
        ? 'Je tiens à poursuivre notre collaboration dans de bonnes conditions et reste à votre disposition pour en parler.'
        : "Je tiens à ce qu'on continue à bien travailler ensemble, et je reste disponible pour en parler.",
    ),
  ]);
}

function handover(c: DraftContext): Block[] {
  const { w } = c;
  const v = c.formal;
  const a = allAttempts(c);
  const facts = `${a ? `Malgré ${a}, ${stillUnpaid(c)}` : `${stillUnpaid(c).replace(/^l/, 'L')} à ce jour`}.`;
  const agent = {
    FR: 'à un commissaire de justice',
    EU: 'à une société de recouvrement',
    UK: 'à un avocat (solicitor) ou à une société de recouvrement',
    US: 'à une société de recouvrement',
  }[c.jurisdiction];
  return compact([
    paragraph(facts, `Détail des sommes dues au ${w.date(c.today)} :`),
    c.feesShown ? feesBlock(c) : invoiceBlock(c),
    paragraph(
      `Sans règlement intégral de ${sumText(c, (t) => t.totalMinor)} au plus tard le ${w.date(c.deadline)}, je transmettrai le dossier ${agent} le ${w.date(addDaysIso(c.deadline, 1))}, avec l'ensemble des pièces (factures, échanges et relances).`,
    ),
    paragraph(
      v
        ? "Je préférerais régler cette situation directement avec vous : si un échéancier peut vous aider, répondez-moi avant cette date."
        : "Je préférerais vraiment qu'on règle ça entre nous : si un échéancier peut t'aider, réponds-moi avant cette date.",
    ),
    paymentBlock(c),
  ]);
}

function subject(c: DraftContext): string {
  const { w } = c;
  const nums = numbersText(c);
  const inv = `${pl(c, 'facture', 'factures')} ${nums}`;
  const due = commonDueDate(c);
  switch (c.stage) {
    case 'pre_due':
      return due ? `Rappel : ${inv} à échéance le ${w.dateShort(due)}` : `Rappel : ${inv} bientôt à échéance`;
    case 'first':
      return `Relance : ${inv} impayée${pl(c, '', 's')}`;
    case 'second':
      return `Deuxième relance : ${inv} en retard de paiement`;
    case 'formal_notice':
      return `Mise en demeure de payer – ${inv}`;
    case 'stop_work':
      return `Suspension des travaux dans l'attente du règlement – ${inv}`;
    case 'handover':
      return `Dernier avis avant recouvrement – ${inv} impayée${pl(c, '', 's')}`;
  }
}

function compose(c0: DraftContext, medium: Medium): Composition {
  const c = c0.stage === 'formal_notice' ? { ...c0, formal: true } : c0;
  const body: Record<Stage, () => Block[]> = {
    pre_due: () => preDue(c),
    first: () => first(c),
    second: () => second(c),
    formal_notice: () => formalNotice(c, medium),
    stop_work: () => stopWork(c),
    handover: () => handover(c),
  };
  const notice = c.stage === 'formal_notice';
  return {
    subject: subject(c),
    greeting: notice ? 'Madame, Monsieur,' : greeting(c),
    blocks: body[c.stage](),
    closing: notice
      ? ["Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."]
      : closing(c, c.stage === 'pre_due' || c.stage === 'first'),
    signature: signatureLines(c),
  };
}

export const fr: LanguagePack = {
  compose,
  notice: (c) =>
    legalWording(c)
      ? "Ce brouillon contient des mentions juridiques (pénalités, mise en demeure) fournies à titre indicatif : il ne constitue pas un conseil juridique. Vérifiez-le, ou faites-le vérifier par un professionnel du droit, avant l'envoi."
      : undefined,
  letter: {
    title: (c) => `Mise en demeure – ${pl(c, 'facture', 'factures')} ${numbersText(c)}`,
    placeDate: (place, date) => (place ? `${place}, le ${date}` : `Le ${date}`),
    subject: (s) => `Objet : ${s}`,
    registered: 'Lettre recommandée avec accusé de réception',
    enclosures: (c) => `Pièces jointes : copie ${pl(c, 'de la facture', 'des factures')} ${numbersText(c)}`,
  },
  dossier: {
    title: 'Dossier de recouvrement',
    generated: (d) => `Établi le ${d}`,
    creditor: 'Créancier',
    debtor: 'Débiteur',
    business: 'professionnel',
    consumer: 'particulier (consommateur)',
    invoices: 'Factures',
    issued: 'émise le',
    due: 'échéance le',
    terms: 'Conditions de paiement',
    amount: 'Montant TTC',
    paid: 'Paiement reçu',
    outstanding: 'Reste dû',
    daysLate: (n) => `${jours(n)} de retard`,
    interest: 'Pénalités de retard',
    fixed: 'Indemnité forfaitaire pour frais de recouvrement',
    total: 'Total dû',
    legalBasis: 'Fondement',
    ratePeriod: (from, to, days, rate) => `du ${from} au ${to} : ${jours(days)} au taux annuel de ${rate}`,
    timeline: 'Chronologie',
    noEvents: 'Aucune démarche enregistrée.',
    totals: 'Totaux par devise',
    event: (type, stage, intent) => frEvent(type, stage, intent),
    invoiceIssued: (n, a) => `Facture ${n} émise (${a})`,
    invoiceDue: (n) => `Échéance de la facture ${n}`,
    paymentReceived: (n, a) => `Paiement reçu : ${a} (facture ${n})`,
    invoiceLabel: 'Facture',
    disclaimer: "Document établi à partir des données saisies dans Relance ; il ne constitue pas un conseil juridique.",
  },
};

const INTENTS: Record<string, string> = {
  promise_to_pay: 'promesse de paiement',
  promise: 'promesse de paiement',
  dispute: 'contestation',
  paid: 'paiement annoncé',
  payment_claimed: 'paiement annoncé',
  request_time: 'demande de délai',
  request_invoice: 'demande de la facture',
  acknowledge: 'accusé de réception',
  out_of_office: "réponse automatique d'absence",
};

function frEvent(type: string, stage: string | undefined, intent: string | undefined): string {
  const known = (s: string | undefined): s is Stage => !!s && s in HISTORY;
  switch (type) {
    case 'reminder':
      return known(stage) ? `Envoi : ${HISTORY[stage]}` : 'Relance envoyée par e-mail';
    case 'call':
      return 'Appel téléphonique';
    case 'letter':
      return stage === 'formal_notice' ? 'Mise en demeure par lettre recommandée' : 'Courrier envoyé';
    case 'reply':
      return intent && INTENTS[intent] ? `Réponse du client : ${INTENTS[intent]}` : 'Réponse du client';
    case 'payment':
      return 'Paiement reçu';
    case 'sent':
    case 'invoice_sent':
      return 'Facture envoyée';
    default:
      return `Événement : ${type.replace(/_/g, ' ')}`;
  }
}
