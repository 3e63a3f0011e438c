import { addDaysIso } from '../../dates';
import { greetingName, instalmentPlan, signatureLines, type DraftContext, type DraftHistoryItem, type InvoiceView } from '../context';
import { compact, paragraph, prose, type Block, type Composition, type ListBlock } from '../document';
import type { Stage } from '../stage';
import { commonDueDate, feesTable, invoiceTable, legalWording, numbersText, sumText, type LanguagePack, type Medium, type TableWords } from './common';

/**
 * German drafts. "Sie" forms (Sie, Ihnen, Ihr) are capitalised; "du" forms are written in lower case, as current
 * usage prefers. After the comma of the salutation the text starts in lower case, as German letters do. Closings
 * ("Mit freundlichen Grüßen") take no comma. The last demand is always written with "Sie".
 */

const pl = (c: DraftContext, one: string, many: string): string => (c.plural ? many : one);
const tage = (n: number): string => `${n} ${n === 1 ? 'Tag' : 'Tage'}`;

const WORDS: TableWords = {
  invoice: 'Rechnung',
  issued: 'Datum',
  due: 'Fällig am',
  outstanding: 'Offen',
  late: 'Verzug',
  total: 'Summe',
  principal: 'Hauptforderung',
  interest: 'Verzugszinsen',
  fixed: 'Pauschale',
  amountDue: 'Gesamt',
  daysLate: tage,
};

function amountPhrase(c: DraftContext, i: InvoiceView): string {
  const { w } = c;
  return i.outstandingMinor === i.amountMinor
    ? `über ${w.money(i.amountMinor, i.currency)}`
    : `über ${w.money(i.amountMinor, i.currency)} (davon ${w.money(i.outstandingMinor, i.currency)} noch offen)`;
}

function invoiceLine(c: DraftContext, i: InvoiceView): string {
  const { w } = c;
  const amount =
    i.outstandingMinor === i.amountMinor
      ? w.money(i.amountMinor, i.currency)
      : `${w.money(i.outstandingMinor, i.currency)} offen von ${w.money(i.amountMinor, i.currency)}`;
  const late = i.daysLate > 0 ? ` (${tage(i.daysLate)} überfällig)` : '';
  return `– Rechnung ${i.number} vom ${w.date(i.issueDate)}, fällig am ${w.date(i.dueDate)}: ${amount}${late}`;
}

const invoiceBlock = (c: DraftContext): Block =>
  invoiceTable(c, WORDS, (i) => invoiceLine(c, i), (t) => `Summe: ${c.w.money(t.outstandingMinor, t.currency)}`);

function feesBlock(c: DraftContext): Block {
  const { w } = c;
  const line = (i: InvoiceView): string => {
    const parts = [`Hauptforderung ${w.money(i.outstandingMinor, i.currency)}`];
    if (i.interestMinor > 0) parts.push(`Verzugszinsen ${w.money(i.interestMinor, i.currency)}`);
    if (i.fixedCompensationMinor > 0) parts.push(`Pauschale ${w.money(i.fixedCompensationMinor, i.currency)}`);
    const detail = i.feesMinor > 0 ? `${parts.join(' + ')} = ${w.money(i.totalMinor, i.currency)}` : w.money(i.totalMinor, i.currency);
    return `– Rechnung ${i.number} vom ${w.date(i.issueDate)}, fällig am ${w.date(i.dueDate)}: ${detail}`;
  };
  return feesTable(c, WORDS, line, (t) => `Gesamtbetrag: ${w.money(t.totalMinor, t.currency)}`);
}

/** "die Rechnung F-1 vom 1. März 2025 über 1.200,00 €" */
function oneInvoice(c: DraftContext): string {
  const i = c.invoices[0]!;
  return `die Rechnung ${i.number} vom ${c.w.date(i.issueDate)} ${amountPhrase(c, i)}`;
}

function paymentBlock(c: DraftContext): Block {
  const { iban, bic, link, instructions } = c.payment;
  const lines: string[] = [];
  if (iban) {
    lines.push('Meine Bankverbindung:', `IBAN: ${iban}`);
    if (bic) lines.push(`BIC: ${bic}`);
    if (link) lines.push(`Alternativ online bezahlen: ${link}`);
  } else if (link) {
    lines.push(c.formal ? `Sie können bequem online bezahlen: ${link}` : `Du kannst bequem online bezahlen: ${link}`);
  } else {
    lines.push(c.formal ? 'Die Bankverbindung finden Sie auf der Rechnung.' : 'Die Bankverbindung findest du auf der Rechnung.');
  }
  if (instructions) lines.push(instructions);
  else if (iban || !link) lines.push(`Als Verwendungszweck bitte ${pl(c, 'die Rechnungsnummer', 'die Rechnungsnummern')} angeben.`);
  return paragraph(...lines);
}

const HISTORY: Record<Stage, string> = {
  pre_due: 'Erinnerung vor Fälligkeit per E-Mail',
  first: 'Zahlungserinnerung per E-Mail',
  second: 'Mahnung per E-Mail',
  formal_notice: 'letzte Mahnung',
  stop_work: 'Mitteilung über das Pausieren der Arbeiten per E-Mail',
  handover: 'letzte Mitteilung vor dem Forderungseinzug per E-Mail',
};

function historyLabel(h: DraftHistoryItem): string {
  if (h.kind === 'call') return 'Telefonat';
  if (h.kind === 'letter') return h.stage === 'formal_notice' ? 'letzte Mahnung per Einschreiben' : 'Schreiben per Post';
  return h.stage ? HISTORY[h.stage] : 'Zahlungserinnerung per E-Mail';
}

const historyList = (c: DraftContext): ListBlock => ({
  kind: 'list',
  items: c.history.map((h) => `${c.w.date(h.date)}: ${historyLabel(h)}`),
});

/** "trotz meiner Zahlungserinnerung vom 5. April 2025 und unseres Telefonats vom 10. April 2025", or ''. */
function despite(c: DraftContext): string {
  const parts: string[] = [];
  const r = c.previousReminder;
  if (r) parts.push(`meiner ${r.stage === 'pre_due' ? 'Erinnerung' : 'Zahlungserinnerung'} vom ${c.w.date(r.date)}`);
  if (c.lastCall) parts.push(`unseres Telefonats vom ${c.w.date(c.lastCall.date)}`);
  return parts.length ? `trotz ${parts.join(' und ')}` : '';
}

function feesClaim(c: DraftContext): { text: string; verb: string } {
  const parts: string[] = [];
  if (c.anyInterest) {
    parts.push(
      {
        FR: 'Verzugszinsen nach Art. L441-10 des französischen Handelsgesetzbuchs (Code de commerce)',
        EU: 'Verzugszinsen nach der Richtlinie 2011/7/EU',
        UK: 'gesetzliche Verzugszinsen nach dem Late Payment of Commercial Debts (Interest) Act 1998',
        US: 'Verzugszinsen gemäß unseren Zahlungsbedingungen',
      }[c.jurisdiction],
    );
  }
  if (c.invoices.some((i) => i.fixedCompensationMinor > 0)) {
    const each = c.fixedEach ? ` von ${c.w.moneyWhole(c.fixedEach.minor, c.fixedEach.currency)}${pl(c, '', ' je Rechnung')}` : '';
    parts.push(`eine Pauschale für Beitreibungskosten${each}`);
  }
  return { text: parts.join(' sowie '), verb: c.anyInterest ? 'sind' : 'ist' };
}

function feeAmounts(c: DraftContext): string {
  const { w } = c;
  return w.list(
    c.totals
      .filter((t) => t.interestMinor + t.fixedMinor > 0)
      .map((t) => {
        const bits: string[] = [];
        if (t.interestMinor > 0) bits.push(`${w.money(t.interestMinor, t.currency)} Zinsen`);
        if (t.fixedMinor > 0) bits.push(`${w.money(t.fixedMinor, t.currency)} Pauschale`);
        return bits.join(' und ');
      }),
  );
}

function preDue(c: DraftContext): Block[] {
  const i = c.invoices[0]!;
  const f = c.formal;
  const facts = c.plural
    ? [paragraph(f ? 'ich möchte Sie freundlich daran erinnern, dass die folgenden Rechnungen demnächst fällig werden:' : 'kurze Erinnerung: Die folgenden Rechnungen werden demnächst fällig.'), invoiceBlock(c)]
    : [
        paragraph(
          f
            ? `ich möchte Sie freundlich daran erinnern, dass ${oneInvoice(c)} am ${c.w.date(i.dueDate)} fällig wird.`
            : `kurze Erinnerung: ${oneInvoice(c).replace(/^die/, 'Die')} wird am ${c.w.date(i.dueDate)} fällig.`,
        ),
      ];
  return compact([
    ...facts,
    paymentBlock(c),
    paragraph(
      f ? `${pl(c, 'Die Rechnung finden', 'Die Rechnungen finden')} Sie noch einmal im Anhang.` : `${pl(c, 'Die Rechnung hänge', 'Die Rechnungen hänge')} ich dir noch einmal an.`,
      f ? 'Falls die Zahlung bereits unterwegs ist, betrachten Sie diese Nachricht bitte als gegenstandslos.' : 'Falls du schon überwiesen hast, ignoriere diese Nachricht einfach.',
    ),
    paragraph(f ? 'Vielen Dank im Voraus. Bei Fragen stehe ich Ihnen gern zur Verfügung.' : 'Danke dir, und melde dich gern, falls du Fragen hast.'),
  ]);
}

function first(c: DraftContext): Block[] {
  const i = c.invoices[0]!;
  const f = c.formal;
  const facts = c.plural
    ? [paragraph(`bei Durchsicht meiner Unterlagen ist mir aufgefallen, dass die folgenden Rechnungen noch offen sind:`), invoiceBlock(c)]
    : [paragraph(`bei Durchsicht meiner Unterlagen ist mir aufgefallen, dass ${oneInvoice(c)}, fällig am ${c.w.date(i.dueDate)}, noch offen ist.`)];
  return compact([
    ...facts,
    paragraph(
      f
        ? 'Sicher handelt es sich nur um ein Versehen. Ich bitte Sie, den offenen Betrag in den nächsten Tagen zu überweisen.'
        : 'Bestimmt ist das nur untergegangen. Kannst du dich in den nächsten Tagen darum kümmern?',
    ),
    paymentBlock(c),
    paragraph(
      f ? `${pl(c, 'Die Rechnung finden', 'Die Rechnungen finden')} Sie noch einmal im Anhang.` : `${pl(c, 'Die Rechnung hänge', 'Die Rechnungen hänge')} ich dir noch einmal an.`,
      f
        ? 'Sollten Sie die Zahlung inzwischen veranlasst haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.'
        : 'Falls du inzwischen schon überwiesen hast, ignoriere diese Nachricht einfach.',
    ),
    paragraph(f ? 'Bei Fragen stehe ich Ihnen gern zur Verfügung.' : 'Melde dich gern, falls es Fragen gibt.'),
  ]);
}

function second(c: DraftContext): Block[] {
  const { w } = c;
  const i = c.invoices[0]!;
  const f = c.formal;
  const d = despite(c);
  const facts = c.plural
    ? [
        paragraph(`leider sind die folgenden Rechnungen ${d ? `${d} ` : ''}noch immer offen:`),
        invoiceBlock(c),
      ]
    : [paragraph(`leider ist ${oneInvoice(c)}, fällig am ${w.date(i.dueDate)}, ${d ? `${d} ` : ''}noch immer offen.`)];
  const fees = feesClaim(c);
  return compact([
    ...facts,
    c.feesShown &&
      paragraph(
        `${f ? 'Ich weise Sie darauf hin' : 'Ich muss dich darauf hinweisen'}, dass seit Fälligkeit ${fees.text} angefallen ${fees.verb}; derzeit ${c.anyInterest ? 'belaufen sie sich' : 'beläuft sie sich'} auf ${feeAmounts(c)}.`,
      ),
    paragraph(
      f
        ? `Bitte überweisen Sie den offenen Betrag bis spätestens zum ${w.date(c.deadline)}.`
        : `Bitte überweise den offenen Betrag bis spätestens zum ${w.date(c.deadline)}.`,
    ),
    paymentBlock(c),
    paragraph(
      f
        ? 'Sollte sich Ihre Zahlung mit diesem Schreiben überschnitten haben, betrachten Sie es bitte als gegenstandslos. Falls es Schwierigkeiten gibt, sprechen Sie mich gern an – wir finden gemeinsam eine Lösung.'
        : 'Falls sich deine Zahlung mit dieser Nachricht überschnitten hat, ignoriere sie einfach. Und wenn es irgendwo hakt, sag mir Bescheid – wir finden eine Lösung.',
    ),
  ]);
}

function formalNotice(c: DraftContext, medium: Medium): Block[] {
  const { w } = c;
  const refs = pl(c, `aus der Rechnung ${c.invoices[0]!.number}`, `aus den Rechnungen ${numbersText(c)}`);
  // The notice's name under the law that applies, so that it is recognised as such.
  const legalName = {
    FR: 'Dieses Schreiben gilt als förmliche Zahlungsaufforderung (mise en demeure) im Sinne des französischen Rechts.',
    EU: null,
    UK: 'Dieses Schreiben ist ein „Letter before claim“ im Sinne des englischen Prozessrechts.',
    US: null,
  }[c.jurisdiction];
  const consequence = {
    FR: 'beim zuständigen Gericht ein Mahnverfahren (injonction de payer) einleiten und neben der Forderung die Verfahrenskosten geltend machen',
    EU: 'gerichtliche Schritte einleiten, gegebenenfalls im Europäischen Mahnverfahren',
    UK: 'Klage beim zuständigen Gericht erheben',
    US: 'die Forderung an ein Inkassounternehmen übergeben oder gerichtlich geltend machen',
  }[c.jurisdiction];
  const fees = feesClaim(c);
  return compact([
    prose(
      `hiermit fordere ich Sie letztmalig auf, den Betrag von ${sumText(c, (t) => t.totalMinor)} ${refs} zu zahlen, der trotz Fälligkeit noch offen ist.`,
      legalName,
    ),
    paragraph(`Die Forderung setzt sich zum ${w.date(c.today)} wie folgt zusammen:`),
    feesBlock(c),
    prose(
      c.feesShown ? `Seit dem Tag nach Fälligkeit ${fees.verb} ${fees.text} angefallen.` : null,
      c.anyInterest ? 'Die Zinsen laufen bis zum Zahlungseingang weiter.' : null,
      !c.b2b && c.jurisdiction === 'FR'
        ? 'Nach Art. 1344-1 des französischen Code civil setzt diese Mahnung den Lauf der gesetzlichen Zinsen auf die geschuldeten Beträge in Gang.'
        : null,
    ),
    paragraph(c.history.length ? 'Meine bisherigen Bemühungen um eine gütliche Einigung blieben ohne Ergebnis:' : 'Trotz Fälligkeit ist bis heute keine Zahlung bei mir eingegangen.'),
    historyList(c),
    prose(
      `Bitte zahlen Sie den Gesamtbetrag bis spätestens zum ${w.date(c.deadline)}. Sollte bis dahin keine Zahlung eingehen, werde ich ohne weitere Ankündigung ${consequence}.`,
    ),
    paymentBlock(c),
    prose(
      medium === 'email' && c.jurisdiction === 'FR' ? 'Diese Mahnung geht Ihnen zusätzlich per Einschreiben mit Rückschein zu.' : null,
      'Sollte sich Ihre Zahlung mit diesem Schreiben überschnitten haben, betrachten Sie es bitte als gegenstandslos.',
    ),
  ]);
}

/** "meiner Erinnerungen vom 2. April 2025 und vom 9. April 2025 sowie meiner letzten Mahnung vom 2. Mai 2025" (genitive, after "trotz"). */
function allAttempts(c: DraftContext): string {
  const { w } = c;
  const reminders = c.history.filter((h) => h.kind !== 'letter' && h.stage !== 'formal_notice');
  let out = reminders.length ? `meiner ${reminders.length > 1 ? 'Erinnerungen' : 'Erinnerung'} ${w.list(reminders.map((h) => `vom ${w.date(h.date)}`))}` : '';
  if (c.formalNotice) out += `${out ? ' sowie ' : ''}meiner letzten Mahnung vom ${w.date(c.formalNotice.date)}`;
  return out;
}

/** "leider ist die Rechnung … trotz … noch immer offen." */
function unpaidFacts(c: DraftContext, attempts: string, table: Block): Block[] {
  const d = attempts ? `trotz ${attempts} ` : '';
  if (c.plural) return [paragraph(`leider sind die folgenden Rechnungen ${d}noch immer offen:`), table];
  const i = c.invoices[0]!;
  return [paragraph(`leider ist ${oneInvoice(c)}, fällig am ${c.w.date(i.dueDate)}, ${d}noch immer offen.`)];
}

function stopWork(c: DraftContext): Block[] {
  const { w } = c;
  const f = c.formal;
  const plan = instalmentPlan(c);
  const planText = plan
    ? ` Zum Beispiel in drei monatlichen Raten: ${w.list(plan.parts.map((p) => `${w.money(p.minor, plan.currency)} am ${w.date(p.date)}`))}.`
    : '';
  return compact([
    ...unpaidFacts(c, allAttempts(c), invoiceBlock(c)),
    paragraph(
      f
        ? 'Unter diesen Umständen pausiere ich – mit Bedauern – die laufenden Arbeiten für Sie, bis der offene Betrag beglichen ist. Sobald die Zahlung eingeht oder wir uns auf einen Ratenplan geeinigt haben, nehme ich die Arbeit wieder auf.'
        : 'Unter diesen Umständen pausiere ich – leider – die laufenden Arbeiten für dich, bis der offene Betrag beglichen ist. Sobald die Zahlung da ist oder wir uns auf einen Ratenplan geeinigt haben, geht es weiter.',
    ),
    paragraph(
      f
        ? `Falls Ihnen die Zahlung in einer Summe schwerfällt, biete ich Ihnen gern eine Ratenzahlung an.${planText} Bestätigen Sie mir diesen Plan einfach per Antwort oder schlagen Sie einen anderen vor; ich bestätige ihn Ihnen dann schriftlich.`
        : `Falls es dir schwerfällt, alles auf einmal zu zahlen, können wir gern Raten vereinbaren.${planText} Bestätige mir den Plan einfach per Antwort oder schlag einen anderen vor; ich bestätige ihn dir dann schriftlich.`,
    ),
    paymentBlock(c),
    paragraph(
      f
        ? 'Mir liegt viel an einer weiterhin guten Zusammenarbeit, und ich stehe Ihnen für ein Gespräch gern zur Verfügung.'
        : 'Mir liegt viel daran, weiter gut zusammenzuarbeiten – lass uns gern darüber sprechen.',
    ),
  ]);
}

function handover(c: DraftContext): Block[] {
  const { w } = c;
  const f = c.formal;
  const a = allAttempts(c);
  const unpaid = pl(c, `ist die Rechnung ${c.invoices[0]!.number}`, `sind die Rechnungen ${numbersText(c)}`);
  const agent = {
    FR: 'einem Gerichtsvollzieher (commissaire de justice)',
    EU: 'einem Inkassounternehmen',
    UK: 'einem Anwalt (solicitor) oder einem Inkassounternehmen',
    US: 'einem Inkassounternehmen',
  }[c.jurisdiction];
  return compact([
    paragraph(`leider ${unpaid} ${a ? `trotz ${a} ` : ''}noch immer offen.`, `Die Forderung setzt sich zum ${w.date(c.today)} wie folgt zusammen:`),
    c.feesShown ? feesBlock(c) : invoiceBlock(c),
    paragraph(
      `Sollte der Gesamtbetrag von ${sumText(c, (t) => t.totalMinor)} nicht bis spätestens zum ${w.date(c.deadline)} eingehen, übergebe ich die Angelegenheit am ${w.date(addDaysIso(c.deadline, 1))} ${agent}, mit allen Unterlagen (Rechnungen, Korrespondenz und Mahnungen).`,
    ),
    paragraph(
      f
        ? 'Mir wäre es lieber, die Sache direkt mit Ihnen zu klären: Wenn Ihnen ein Ratenplan hilft, melden Sie sich bitte vor diesem Datum.'
        : 'Mir wäre es viel lieber, das direkt mit dir zu klären: Wenn dir ein Ratenplan hilft, melde dich bitte vor diesem Datum.',
    ),
    paymentBlock(c),
  ]);
}

function subject(c: DraftContext): string {
  const inv = `${pl(c, 'Rechnung', 'Rechnungen')} ${numbersText(c)}`;
  const is = pl(c, 'ist', 'sind');
  const due = commonDueDate(c);
  switch (c.stage) {
    case 'pre_due':
      return due ? `Erinnerung: ${inv} ${is} am ${c.w.dateShort(due)} fällig` : `Erinnerung: ${inv} ${pl(c, 'wird', 'werden')} demnächst fällig`;
    case 'first':
      return `Zahlungserinnerung: ${inv} ${is} überfällig`;
    case 'second':
      return `Mahnung: ${inv} ${is} weiterhin offen`;
    case 'formal_notice':
      return `Letzte Mahnung: ${inv}`;
    case 'stop_work':
      return `Arbeiten pausiert bis zum Ausgleich ${pl(c, 'der Rechnung', 'der Rechnungen')} ${numbersText(c)}`;
    case 'handover':
      return `Letzte Mitteilung vor dem Forderungseinzug: ${inv}`;
  }
}

function compose(c0: DraftContext, medium: Medium): Composition {
  const c = c0.stage === 'formal_notice' ? { ...c0, formal: true } : c0;
  const name = greetingName(c);
  const body: Record<Stage, () => Block[]> = {
    pre_due: () => preDue(c),
    first: () => first(c),
    second: () => second(c),
    formal_notice: () => formalNotice(c, medium),
    stop_work: () => stopWork(c),
    handover: () => handover(c),
  };
  const greeting = c.formal ? (name ? `Guten Tag ${name},` : 'Sehr geehrte Damen und Herren,') : name ? `Hallo ${name},` : 'Hallo,';
  return {
    subject: subject(c),
    greeting,
    blocks: body[c.stage](),
    closing: [c.formal ? 'Mit freundlichen Grüßen' : 'Viele Grüße'],
    signature: signatureLines(c),
  };
}

export const de: LanguagePack = {
  compose,
  notice: (c) =>
    legalWording(c)
      ? 'Dieser Entwurf enthält rechtliche Formulierungen (Verzugszinsen, Mahnung) nur zur Orientierung und ist keine Rechtsberatung. Prüfen Sie ihn vor dem Versand oder lassen Sie ihn prüfen.'
      : undefined,
  letter: {
    title: (c) => `Letzte Mahnung: ${pl(c, 'Rechnung', 'Rechnungen')} ${numbersText(c)}`,
    placeDate: (place, date) => (place ? `${place}, ${date}` : date),
    subject: (s) => s,
    registered: 'Per Einschreiben mit Rückschein',
    enclosures: (c) => `Anlage: Kopie ${pl(c, 'der Rechnung', 'der Rechnungen')} ${numbersText(c)}`,
  },
  dossier: {
    title: 'Forderungsakte',
    generated: (d) => `Erstellt am ${d}`,
    creditor: 'Gläubiger',
    debtor: 'Schuldner',
    business: 'Unternehmen',
    consumer: 'Privatperson (Verbraucher)',
    invoices: 'Rechnungen',
    issued: 'ausgestellt am',
    due: 'fällig am',
    terms: 'Zahlungsbedingungen',
    amount: 'Betrag brutto',
    paid: 'Zahlung erhalten',
    outstanding: 'Offen',
    daysLate: (n) => `${tage(n)} überfällig`,
    interest: 'Verzugszinsen',
    fixed: 'Pauschale',
    total: 'Gesamtforderung',
    legalBasis: 'Rechtsgrundlage',
    ratePeriod: (from, to, n, rate) => `${from} bis ${to}: ${tage(n)} zu ${rate} p. a.`,
    timeline: 'Chronologie',
    noEvents: 'Keine Schritte erfasst.',
    totals: 'Summen je Währung',
    event: (type, stage, intent) => deEvent(type, stage, intent),
    invoiceIssued: (n, a) => `Rechnung ${n} ausgestellt (${a})`,
    invoiceDue: (n) => `Rechnung ${n} fällig`,
    paymentReceived: (n, a) => `Zahlung erhalten: ${a} (Rechnung ${n})`,
    invoiceLabel: 'Rechnung',
    disclaimer: 'Erstellt aus den in Relance erfassten Daten; keine Rechtsberatung.',
  },
};

const INTENTS: Record<string, string> = {
  promise_to_pay: 'Zahlungszusage',
  promise: 'Zahlungszusage',
  dispute: 'Einwand gegen die Forderung',
  paid: 'meldet Zahlung',
  payment_claimed: 'meldet Zahlung',
  request_time: 'bittet um Aufschub',
  request_invoice: 'bittet um die Rechnung',
  acknowledge: 'Empfangsbestätigung',
  out_of_office: 'Abwesenheitsnotiz',
};

function deEvent(type: string, stage: string | undefined, intent: string | undefined): string {
  const known = (s: string | undefined): s is Stage => !!s && s in HISTORY;
  switch (type) {
    case 'reminder':
      return known(stage) ? `Versandt: ${HISTORY[stage]}` : 'Zahlungserinnerung per E-Mail versandt';
    case 'call':
      return 'Telefonat';
    case 'letter':
      return stage === 'formal_notice' ? 'Letzte Mahnung per Einschreiben' : 'Schreiben versandt';
    case 'reply':
      return intent && INTENTS[intent] ? `Antwort des Kunden: ${INTENTS[intent]}` : 'Antwort des Kunden';
    case 'payment':
      return 'Zahlung erhalten';
    case 'sent':
    case 'invoice_sent':
      return 'Rechnung versandt';
    default:
      return `Ereignis: ${type.replace(/_/g, ' ')}`;
  }
}
