import { addDaysIso } from '../../dates';
import { greetingName, instalmentPlan, signatureLines, type DraftContext, type DraftHistoryItem, type InvoiceView } from '../context';
import { compact, paragraph, prose, type Block, type Composition, type ListBlock } from '../document';
import type { Stage } from '../stage';
import { commonDueDate, feesTable, invoiceTable, legalWording, numbersText, sumText, type LanguagePack, type Medium, type TableWords } from './common';

/**
 * English drafts. English has no vous/tu, so "informal" only makes the wording warmer and shorter. The formal notice
 * is named for the jurisdiction: "Letter before claim" (UK pre-action practice), "Final demand" (US), "Formal
 * notice" elsewhere.
 */

const pl = (c: DraftContext, one: string, many: string): string => (c.plural ? many : one);
const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

const WORDS: TableWords = {
  invoice: 'Invoice',
  issued: 'Date',
  due: 'Due date',
  outstanding: 'Outstanding',
  late: 'Overdue',
  total: 'Total',
  principal: 'Principal',
  interest: 'Late-payment interest',
  fixed: 'Fixed compensation',
  amountDue: 'Amount due',
  daysLate: days,
};

function amountPhrase(c: DraftContext, i: InvoiceView): string {
  const { w } = c;
  return i.outstandingMinor === i.amountMinor
    ? `for ${w.money(i.amountMinor, i.currency)}`
    : `with ${w.money(i.outstandingMinor, i.currency)} of ${w.money(i.amountMinor, i.currency)} still outstanding`;
}

function invoiceLine(c: DraftContext, i: InvoiceView): string {
  const { w } = c;
  const amount =
    i.outstandingMinor === i.amountMinor
      ? w.money(i.amountMinor, i.currency)
      : `${w.money(i.outstandingMinor, i.currency)} outstanding of ${w.money(i.amountMinor, i.currency)}`;
  const late = i.daysLate > 0 ? ` (${days(i.daysLate)} overdue)` : '';
  return `– Invoice ${i.number} dated ${w.date(i.issueDate)}, due ${w.date(i.dueDate)}: ${amount}${late}`;
}

const invoiceBlock = (c: DraftContext): Block =>
  invoiceTable(c, WORDS, (i) => invoiceLine(c, i), (t) => `Total: ${c.w.money(t.outstandingMinor, t.currency)}`);

function feesBlock(c: DraftContext): Block {
  const { w } = c;
  const line = (i: InvoiceView): string => {
    const parts = [`principal ${w.money(i.outstandingMinor, i.currency)}`];
    if (i.interestMinor > 0) parts.push(`interest ${w.money(i.interestMinor, i.currency)}`);
    if (i.fixedCompensationMinor > 0) parts.push(`fixed compensation ${w.money(i.fixedCompensationMinor, i.currency)}`);
    const detail = i.feesMinor > 0 ? `${parts.join(' + ')} = ${w.money(i.totalMinor, i.currency)}` : w.money(i.totalMinor, i.currency);
    return `– Invoice ${i.number} dated ${w.date(i.issueDate)}, due ${w.date(i.dueDate)}: ${detail}`;
  };
  return feesTable(c, WORDS, line, (t) => `Total due: ${w.money(t.totalMinor, t.currency)}`);
}

function oneInvoice(c: DraftContext): string {
  const i = c.invoices[0]!;
  return `invoice ${i.number} dated ${c.w.date(i.issueDate)}, ${amountPhrase(c, i)},`;
}

function paymentBlock(c: DraftContext): Block {
  const { iban, bic, link, instructions } = c.payment;
  const lines: string[] = [];
  if (iban) {
    lines.push('You can pay by bank transfer to:', `IBAN: ${iban}`);
    if (bic) lines.push(`BIC: ${bic}`);
    if (link) lines.push(`or online: ${link}`);
  } else if (link) {
    lines.push(`You can pay online: ${link}`);
  } else {
    lines.push('You can pay by bank transfer to the bank details on the invoice.');
  }
  if (instructions) lines.push(instructions);
  else if (iban || !link) lines.push(`Please quote the invoice ${pl(c, 'number', 'numbers')} as the payment reference.`);
  return paragraph(...lines);
}

const HISTORY: Record<Stage, string> = {
  pre_due: 'reminder before the due date, by email',
  first: 'payment reminder, by email',
  second: 'second reminder, by email',
  formal_notice: 'formal notice',
  stop_work: 'notice that work was on hold, by email',
  handover: 'final notice before debt collection, by email',
};

function historyLabel(h: DraftHistoryItem): string {
  if (h.kind === 'call') return 'phone call';
  if (h.kind === 'letter') return h.stage === 'formal_notice' ? 'formal notice, by registered post' : 'letter by post';
  return h.stage ? HISTORY[h.stage] : 'reminder by email';
}

const historyList = (c: DraftContext): ListBlock => ({
  kind: 'list',
  items: c.history.map((h) => `${c.w.date(h.date)}: ${historyLabel(h)}`),
});

function despite(c: DraftContext): string {
  const parts: string[] = [];
  const r = c.previousReminder;
  if (r) parts.push(`my reminder of ${c.w.date(r.date)}`);
  if (c.lastCall) parts.push(`our phone call of ${c.w.date(c.lastCall.date)}`);
  return parts.length ? `despite ${parts.join(' and ')}` : '';
}

function feesClaim(c: DraftContext): { text: string; verb: string } {
  const parts: string[] = [];
  if (c.anyInterest) {
    parts.push(
      {
        FR: 'late-payment penalties (article L441-10 of the French Commercial Code)',
        EU: 'late-payment interest (Directive 2011/7/EU)',
        UK: 'statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998',
        US: 'late charges under our payment terms',
      }[c.jurisdiction],
    );
  }
  if (c.invoices.some((i) => i.fixedCompensationMinor > 0)) {
    const each = c.fixedEach ? ` of ${c.w.moneyWhole(c.fixedEach.minor, c.fixedEach.currency)}${pl(c, '', ' per invoice')}` : '';
    parts.push(c.jurisdiction === 'FR' ? `the fixed recovery indemnity${each}` : `fixed compensation${each}`);
  }
  return { text: parts.join(' and '), verb: c.anyInterest ? 'are' : 'is' };
}

function feeAmounts(c: DraftContext): string {
  const { w } = c;
  const interest = c.jurisdiction === 'FR' ? 'in penalties' : 'in interest';
  return w.list(
    c.totals
      .filter((t) => t.interestMinor + t.fixedMinor > 0)
      .map((t) => {
        const bits: string[] = [];
        if (t.interestMinor > 0) bits.push(`${w.money(t.interestMinor, t.currency)} ${interest}`);
        if (t.fixedMinor > 0) bits.push(`${w.money(t.fixedMinor, t.currency)} in fixed compensation`);
        return bits.join(' and ');
      }),
  );
}

const capital = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function preDue(c: DraftContext): Block[] {
  const i = c.invoices[0]!;
  const f = c.formal;
  const facts = c.plural
    ? [paragraph(f ? 'This is a friendly reminder that the following invoices are due shortly:' : 'Just a quick heads-up that the following invoices are due soon:'), invoiceBlock(c)]
    : [paragraph(`${f ? 'This is a friendly reminder that' : 'Just a quick heads-up:'} ${oneInvoice(c)} is due on ${c.w.date(i.dueDate)}.`)];
  return compact([
    ...facts,
    paymentBlock(c),
    paragraph(
      f ? `I have attached the ${pl(c, 'invoice', 'invoices')} again for your convenience.` : `I've attached ${pl(c, 'it', 'them')} again in case that's handy.`,
      f ? 'If payment is already on its way, please disregard this message.' : "If it's already on its way, just ignore this.",
    ),
    paragraph(f ? 'Thank you in advance, and please let me know if you have any questions.' : 'Thanks a lot, and let me know if anything is unclear.'),
  ]);
}

function first(c: DraftContext): Block[] {
  const i = c.invoices[0]!;
  const f = c.formal;
  const facts = c.plural
    ? [paragraph('Our records show that the following invoices are now overdue:'), invoiceBlock(c)]
    : [paragraph(`Our records show that ${oneInvoice(c)} was due on ${c.w.date(i.dueDate)} and has not been paid yet.`)];
  return compact([
    ...facts,
    paragraph(
      f
        ? 'This may simply have been overlooked, so I would be grateful if you could arrange payment at your earliest convenience.'
        : "It's probably just slipped through the net: could you sort it out when you get a chance?",
    ),
    paymentBlock(c),
    paragraph(
      f ? `I have attached the ${pl(c, 'invoice', 'invoices')} again for your convenience.` : `I've attached ${pl(c, 'it', 'them')} again for reference.`,
      f ? `If you have already paid ${pl(c, 'this invoice', 'these invoices')}, please ignore this message.` : "If you've already paid, please ignore this.",
    ),
    paragraph(f ? 'Please do not hesitate to contact me if you have any questions.' : 'Let me know if there is anything I can help with. Thanks!'),
  ]);
}

function second(c: DraftContext): Block[] {
  const { w } = c;
  const i = c.invoices[0]!;
  const f = c.formal;
  const d = despite(c);
  const facts = c.plural
    ? [
        paragraph(`${f ? 'I am' : "I'm"} following up on the invoices below, which remain unpaid${d ? ` ${d}` : ''}:`),
        invoiceBlock(c),
      ]
    : [paragraph(`${f ? 'I am' : "I'm"} following up on ${oneInvoice(c)} which was due on ${w.date(i.dueDate)} and remains unpaid${d ? ` ${d}` : ''}.`)];
  const fees = feesClaim(c);
  return compact([
    ...facts,
    c.feesShown &&
      paragraph(
        `Please note that, since the due date, ${fees.text} ${fees.verb} payable${c.jurisdiction === 'US' ? '' : ' by law'}; to date ${c.anyInterest ? 'they amount' : 'it amounts'} to ${feeAmounts(c)}.`,
      ),
    paragraph(f ? `Please arrange payment by ${w.date(c.deadline)} at the latest.` : `Could you please settle this by ${w.date(c.deadline)}?`),
    paymentBlock(c),
    paragraph(
      f
        ? 'If payment is already in progress, please disregard this message. If something is holding it up, please let me know so that we can find a solution together.'
        : "If it's already on its way, please ignore this. And if something is holding it up, just tell me and we'll work something out.",
    ),
  ]);
}

function formalNotice(c: DraftContext, medium: Medium): Block[] {
  const { w } = c;
  const refs = pl(c, `invoice ${c.invoices[0]!.number}, which remains`, `invoices ${numbersText(c)}, which remain`);
  const amount = sumText(c, (t) => t.totalMinor);
  const opening = {
    FR: `This letter is a formal notice (mise en demeure) requiring payment of ${amount} due under ${refs} unpaid.`,
    EU: `This letter is a formal notice requiring payment of ${amount} due under ${refs} unpaid.`,
    UK: `This is a letter before claim. You owe ${amount} under ${refs} unpaid.`,
    US: `This is a final demand for payment of ${amount} due under ${refs} unpaid.`,
  }[c.jurisdiction];
  const consequence = {
    FR: 'If payment is not received by then, I will apply to the competent court for an order for payment (injonction de payer) without further notice, seeking the sums due plus the costs of the proceedings.',
    EU: 'If payment is not received by then, I will start court proceedings to recover the debt without further notice, where appropriate through a European order for payment.',
    UK: 'If I have not received payment, or a reply proposing how the debt will be paid, by then, I intend to issue a claim in the County Court without further notice. This may add court fees and further interest to the amount you owe.',
    US: 'If payment is not received by then, I will refer this matter to a collection agency or file a claim in small claims court without further notice.',
  }[c.jurisdiction];
  const fees = feesClaim(c);
  const ukIndividual =
    c.jurisdiction === 'UK' && !c.b2b
      ? 'As the Pre-Action Protocol for Debt Claims applies, you have 30 days from the date of this letter to pay or to reply, for example to dispute the debt or propose a repayment plan.'
      : null;
  return compact([
    paragraph(opening),
    paragraph(`The amounts due as of ${w.date(c.today)} are as follows:`),
    feesBlock(c),
    prose(
      c.feesShown ? `Since the day after the due date, ${fees.text} ${fees.verb} payable${c.jurisdiction === 'US' ? '' : ' by law'}.` : null,
      c.anyInterest ? 'Interest continues to accrue until the date of payment.' : null,
      !c.b2b && c.jurisdiction === 'FR'
        ? 'Under article 1344-1 of the French Civil Code, this formal notice causes interest at the statutory rate to run on the sums due.'
        : null,
    ),
    paragraph(c.history.length ? 'My earlier attempts to settle this amicably have not led to payment:' : 'Although the due date has passed, I have not received payment.'),
    historyList(c),
    prose(`Please pay the full amount by ${w.date(c.deadline)}.`, ukIndividual, consequence),
    paymentBlock(c),
    prose(
      medium === 'email' && c.jurisdiction === 'FR' ? 'This formal notice is also being sent by registered post with acknowledgement of receipt.' : null,
      'If your payment has crossed with this letter, please disregard it.',
    ),
  ]);
}

/** "my reminders of 2 April 2025, 9 April 2025 and 20 April 2025, and my formal notice of 2 May 2025", or ''. */
function allAttempts(c: DraftContext): string {
  const { w } = c;
  const reminders = c.history.filter((h) => h.kind !== 'letter' && h.stage !== 'formal_notice');
  let out = reminders.length ? `my ${reminders.length > 1 ? 'reminders' : 'reminder'} of ${w.list(reminders.map((h) => w.date(h.date)))}` : '';
  if (c.formalNotice) out += `${out ? ', and ' : ''}my formal notice of ${w.date(c.formalNotice.date)}`;
  return out;
}

function unpaidFacts(c: DraftContext, attempts: string, table: Block): Block[] {
  const i = c.invoices[0]!;
  const lead = attempts ? `Despite ${attempts}, ` : '';
  if (c.plural) return [paragraph(`${lead}${lead ? 't' : 'T'}he invoices below remain unpaid:`), table];
  return [
    paragraph(
      `${lead}${lead ? 'i' : 'I'}nvoice ${i.number} dated ${c.w.date(i.issueDate)}, ${amountPhrase(c, i)}, due on ${c.w.date(i.dueDate)}, remains unpaid.`,
    ),
  ];
}

function stopWork(c: DraftContext): Block[] {
  const { w } = c;
  const f = c.formal;
  const plan = instalmentPlan(c);
  const planText = plan
    ? ` For example, three monthly instalments: ${w.list(plan.parts.map((p) => `${w.money(p.minor, plan.currency)} on ${w.date(p.date)}`))}.`
    : '';
  return compact([
    ...unpaidFacts(c, allAttempts(c), invoiceBlock(c)),
    paragraph(
      f
        ? 'In the circumstances, and with regret, I am pausing the work currently in progress for you until the account is settled. I will resume as soon as payment is received, or once we have agreed a payment plan.'
        : "I'm sorry to say that I'm putting the current work on hold until the account is settled. I'll pick it back up as soon as payment comes through, or once we've agreed a payment plan.",
    ),
    paragraph(
      f
        ? `If paying the full amount at once is difficult, I am happy to offer a payment plan.${planText} Simply reply to confirm this schedule or to suggest another, and I will confirm it in writing.`
        : `If paying it all at once is tricky, we can split it into instalments.${planText} Just reply to confirm, or suggest something that works better, and I'll confirm it in writing.`,
    ),
    paymentBlock(c),
    paragraph(
      f
        ? 'I value our work together and would like to continue on a good footing; I am available to talk this through.'
        : "I really enjoy working with you and would like to keep things on a good footing, so I'm happy to talk it through.",
    ),
  ]);
}

function handover(c: DraftContext): Block[] {
  const { w } = c;
  const a = allAttempts(c);
  const unpaid = pl(c, `invoice ${c.invoices[0]!.number} remains unpaid`, `invoices ${numbersText(c)} remain unpaid`);
  const agent = {
    FR: 'a commissaire de justice (judicial officer)',
    EU: 'a debt collection agency',
    UK: 'a solicitor or debt recovery agency',
    US: 'a collection agency',
  }[c.jurisdiction];
  return compact([
    paragraph(a ? `Despite ${a}, ${unpaid}.` : `${capital(unpaid)} to date.`, `The amounts due as of ${w.date(c.today)} are:`),
    c.feesShown ? feesBlock(c) : invoiceBlock(c),
    paragraph(
      `Unless the full amount of ${sumText(c, (t) => t.totalMinor)} is paid by ${w.date(c.deadline)}, I will pass the file to ${agent} on ${w.date(addDaysIso(c.deadline, 1))}, together with all supporting documents (invoices, correspondence and reminders).`,
    ),
    paragraph(
      c.formal
        ? 'I would much rather settle this directly with you: if a payment plan would help, please reply before that date.'
        : "I'd much rather sort this out directly with you: if a payment plan would help, just reply before then.",
    ),
    paymentBlock(c),
  ]);
}

function noticeTitle(c: DraftContext): string {
  return { FR: 'Formal notice to pay', EU: 'Formal notice to pay', UK: 'Letter before claim', US: 'Final demand' }[c.jurisdiction];
}

function subject(c: DraftContext): string {
  const inv = `${pl(c, 'invoice', 'invoices')} ${numbersText(c)}`;
  const is = pl(c, 'is', 'are');
  const due = commonDueDate(c);
  switch (c.stage) {
    case 'pre_due':
      return due ? `Reminder: ${inv} ${is} due on ${c.w.dateShort(due)}` : `Reminder: ${inv} ${is} due soon`;
    case 'first':
      return `${capital(inv)} ${is} now overdue`;
    case 'second':
      return `Second reminder: ${inv} ${is} overdue`;
    case 'formal_notice':
      return `${noticeTitle(c)}: ${inv}`;
    case 'stop_work':
      return `Work on hold until ${inv} ${is} settled`;
    case 'handover':
      return `Final notice before debt collection: ${inv}`;
  }
}

function compose(c0: DraftContext, medium: Medium): Composition {
  // A formal notice is a legal document: never the casual register.
  const c = c0.stage === 'formal_notice' ? { ...c0, formal: true } : c0;
  const name = greetingName(c);
  const notice = c.stage === 'formal_notice';
  const body: Record<Stage, () => Block[]> = {
    pre_due: () => preDue(c),
    first: () => first(c),
    second: () => second(c),
    formal_notice: () => formalNotice(c, medium),
    stop_work: () => stopWork(c),
    handover: () => handover(c),
  };
  const greeting = notice ? (name ? `Dear ${name},` : 'Dear Sir or Madam,') : c.formal ? (name ? `Dear ${name},` : 'Hello,') : name ? `Hi ${name},` : 'Hi there,';
  const closing = notice
    ? c.jurisdiction === 'US'
      ? 'Sincerely,'
      : name
        ? 'Yours sincerely,'
        : 'Yours faithfully,'
    : c.formal
      ? 'Kind regards,'
      : 'Best wishes,';
  return { subject: subject(c), greeting, blocks: body[c.stage](), closing: [closing], signature: signatureLines(c) };
}

export const en: LanguagePack = {
  compose,
  notice: (c) =>
    legalWording(c)
      ? 'This draft contains legal wording (late-payment interest, formal notice) for guidance only; it is not legal advice. Check it, or have a lawyer check it, before sending.' +
        (c.stage === 'formal_notice' && c.jurisdiction === 'UK' && !c.b2b
          ? ' For an individual debtor, the Pre-Action Protocol for Debt Claims also requires enclosing its Information Sheet and Reply Form.'
          : '')
      : undefined,
  letter: {
    title: (c) => `${noticeTitle(c)}: ${pl(c, 'invoice', 'invoices')} ${numbersText(c)}`,
    placeDate: (place, date) => (place ? `${place}, ${date}` : date),
    subject: (s) => `Re: ${s}`,
    registered: 'By registered post with acknowledgement of receipt',
    enclosures: (c) => `Enclosed: copy of ${pl(c, 'invoice', 'invoices')} ${numbersText(c)}`,
  },
  dossier: {
    title: 'Debt recovery file',
    generated: (d) => `Prepared on ${d}`,
    creditor: 'Creditor',
    debtor: 'Debtor',
    business: 'business',
    consumer: 'individual (consumer)',
    invoices: 'Invoices',
    issued: 'issued',
    due: 'due',
    terms: 'Payment terms',
    amount: 'Amount incl. tax',
    paid: 'Payment received',
    outstanding: 'Outstanding',
    daysLate: (n) => `${days(n)} overdue`,
    interest: 'Late-payment interest',
    fixed: 'Fixed compensation',
    total: 'Total due',
    legalBasis: 'Legal basis',
    ratePeriod: (from, to, n, rate) => `${from} to ${to}: ${days(n)} at ${rate} a year`,
    timeline: 'Timeline',
    noEvents: 'No recorded steps.',
    totals: 'Totals per currency',
    event: (type, stage, intent) => enEvent(type, stage, intent),
    invoiceIssued: (n, a) => `Invoice ${n} issued (${a})`,
    invoiceDue: (n) => `Invoice ${n} due`,
    paymentReceived: (n, a) => `Payment received: ${a} (invoice ${n})`,
    invoiceLabel: 'Invoice',
    disclaimer: 'Prepared from the data recorded in Relance; not legal advice.',
  },
};

const INTENTS: Record<string, string> = {
  promise_to_pay: 'promise to pay',
  promise: 'promise to pay',
  dispute: 'dispute',
  paid: 'says it has paid',
  payment_claimed: 'says it has paid',
  request_time: 'asks for more time',
  request_invoice: 'asks for the invoice',
  acknowledge: 'acknowledgement',
  out_of_office: 'out-of-office auto-reply',
};

function enEvent(type: string, stage: string | undefined, intent: string | undefined): string {
  const known = (s: string | undefined): s is Stage => !!s && s in HISTORY;
  switch (type) {
    case 'reminder':
      return known(stage) ? `Sent: ${HISTORY[stage]}` : 'Reminder sent by email';
    case 'call':
      return 'Phone call';
    case 'letter':
      return stage === 'formal_notice' ? 'Formal notice sent by registered post' : 'Letter sent';
    case 'reply':
      return intent && INTENTS[intent] ? `Client reply: ${INTENTS[intent]}` : 'Client reply';
    case 'payment':
      return 'Payment received';
    case 'sent':
    case 'invoice_sent':
      return 'Invoice sent';
    default:
      return `Event: ${type.replace(/_/g, ' ')}`;
  }
}
