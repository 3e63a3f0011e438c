/**
 * Column presets for the CSV exports of invoicing tools freelancers use, and a generic header guesser (fr/en/de).
 *
 * The header names below were modelled from the tools' public documentation and help pages as we know them, not
 * from files exported by each tool: exports change between versions and languages, so a preset may need updating.
 * Nothing depends on a preset being right: the import always shows the mapping it suggests, and the user can change
 * every column before importing. A preset is recognised when all of its `signature` headers are present.
 */

/** What an import needs to know about an invoice; `amountDue` (balance still owed) and `paidDate` are optional. */
export const CSV_FIELDS = ['number', 'client', 'email', 'amount', 'amountDue', 'currency', 'issueDate', 'dueDate', 'status', 'paidDate'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Field -> index of the column (0-based) in the file's header row. */
export type ColumnMapping = Partial<Record<CsvField, number>>;

export interface ImportPreset {
  id: string;
  name: string;
  /** Normalised headers that must all be present for the file to be recognised as this tool's export. */
  signature: readonly string[];
  /** Field -> candidate headers, first present wins (normalised, see normalizeHeader). */
  columns: Partial<Record<CsvField, readonly string[]>>;
  /** Day/month order the tool writes when the values do not prove it (US tools: month first). */
  dateOrder?: 'dmy' | 'mdy';
}

/** Lower case, accents and punctuation removed, spaces collapsed: "Date d'échéance*" -> "date d echeance". */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/n°/g, 'no ')
    .replace(/#/g, ' no ')
    .replace(/[^a-z0-9ß]+/g, ' ')
    .trim();
}

export const PRESETS: readonly ImportPreset[] = [
  {
    // Invoice Ninja (v4/v5) invoice export: "Client Name", "Invoice Number", "Amount", "Balance", "Paid to Date",
    // "Date", "Due Date", "Status"; the client's email comes as "Contact Email" when contacts are included.
    id: 'invoice-ninja',
    name: 'Invoice Ninja',
    signature: ['invoice number', 'paid to date'],
    columns: {
      number: ['invoice number'],
      client: ['client name', 'client'],
      email: ['contact email', 'client email', 'email'],
      amount: ['amount', 'total'],
      amountDue: ['balance'],
      currency: ['currency'],
      issueDate: ['invoice date', 'date'],
      dueDate: ['due date'],
      status: ['status', 'invoice status'],
    },
  },
  {
    // FreshBooks invoice export (one row per line item): "Organization", "Email", "Invoice no" (shown "Invoice #"),
    // "Date Issued", "Due Date", "Invoice Status", "Date Paid", "Invoice Total" / "Amount", "Currency".
    id: 'freshbooks',
    name: 'FreshBooks',
    signature: ['invoice no', 'date issued'],
    columns: {
      number: ['invoice no'],
      client: ['organization', 'client name', 'client'],
      email: ['email', 'client email'],
      amount: ['invoice total', 'total', 'amount'],
      amountDue: ['outstanding', 'amount due', 'balance'],
      currency: ['currency'],
      issueDate: ['date issued'],
      dueDate: ['due date'],
      status: ['invoice status', 'status'],
      paidDate: ['date paid'],
    },
  },
  {
    // Zoho Invoice / Zoho Books invoice export: "Invoice Date", "Invoice Number", "Invoice Status", "Customer Name",
    // "Due Date", "Currency Code", "Total", "Balance", "Email"/"Customer Email"; "Last Payment Date".
    id: 'zoho-invoice',
    name: 'Zoho Invoice',
    signature: ['invoice number', 'invoice status', 'customer name', 'currency code'],
    columns: {
      number: ['invoice number'],
      client: ['customer name'],
      email: ['customer email', 'email id', 'email'],
      amount: ['total'],
      amountDue: ['balance'],
      currency: ['currency code'],
      issueDate: ['invoice date'],
      dueDate: ['due date'],
      status: ['invoice status'],
      paidDate: ['last payment date'],
    },
  },
  {
    // QuickBooks Online, invoice list / open invoices report exported to CSV: "Date", "Transaction Type", "Num",
    // "Customer", "Due Date", "Amount", "Open Balance"; US company files write dates month first.
    id: 'quickbooks-online',
    name: 'QuickBooks Online',
    signature: ['num', 'customer', 'open balance'],
    columns: {
      number: ['num', 'no'],
      client: ['customer', 'name'],
      email: ['email', 'customer email'],
      amount: ['amount', 'total'],
      amountDue: ['open balance', 'balance'],
      currency: ['currency'],
      issueDate: ['date', 'invoice date'],
      dueDate: ['due date'],
      status: ['status'],
    },
    dateOrder: 'mdy',
  },
  {
    // Xero sales invoices export (one row per line item; required headers start with "*" in Xero's template):
    // "ContactName", "EmailAddress", "InvoiceNumber", "InvoiceDate", "DueDate", "Total", "InvoiceAmountPaid",
    // "InvoiceAmountDue", "Currency", "Status".
    id: 'xero',
    name: 'Xero',
    signature: ['contactname', 'invoicenumber', 'invoicedate'],
    columns: {
      number: ['invoicenumber'],
      client: ['contactname'],
      email: ['emailaddress'],
      amount: ['total'],
      amountDue: ['invoiceamountdue'],
      currency: ['currency'],
      issueDate: ['invoicedate'],
      dueDate: ['duedate'],
      status: ['status'],
    },
  },
  {
    // Stripe Dashboard invoices export: "id", "Number", "Customer Name", "Customer Email", "Total", "Amount Due",
    // "Amount Paid", "Amount Remaining", "Currency" (lower case), "Date (UTC)", "Due Date (UTC)", "Status".
    id: 'stripe',
    name: 'Stripe',
    signature: ['customer email', 'amount due', 'date utc'],
    columns: {
      number: ['number'],
      client: ['customer name', 'customer'],
      email: ['customer email'],
      amount: ['total', 'amount due'],
      amountDue: ['amount remaining'],
      currency: ['currency'],
      issueDate: ['date utc', 'finalized at utc'],
      dueDate: ['due date utc'],
      status: ['status'],
    },
  },
  {
    // Wave invoice export: "Invoice Number", "Customer", "Customer Email", "Invoice Date", "Due Date", "Total",
    // "Amount Due", "Currency", "Status".
    id: 'wave',
    name: 'Wave',
    signature: ['invoice number', 'customer', 'invoice date', 'amount due'],
    columns: {
      number: ['invoice number'],
      client: ['customer'],
      email: ['customer email', 'email'],
      amount: ['total', 'invoice total'],
      amountDue: ['amount due'],
      currency: ['currency'],
      issueDate: ['invoice date'],
      dueDate: ['due date'],
      status: ['status'],
    },
  },
  {
    // Pennylane, customer invoices export: "Numéro de facture", "Client", "Email client", "Date de facture",
    // "Date d'échéance", "Montant TTC", "Reste à payer", "Devise", "Statut".
    id: 'pennylane',
    name: 'Pennylane',
    signature: ['numero de facture', 'montant ttc', 'reste a payer'],
    columns: {
      number: ['numero de facture', 'numero'],
      client: ['client', 'tiers', 'nom du client'],
      email: ['email client', 'email du client', 'email'],
      amount: ['montant ttc', 'total ttc'],
      amountDue: ['reste a payer'],
      currency: ['devise'],
      issueDate: ['date de facture', 'date'],
      dueDate: ['date d echeance', 'echeance'],
      status: ['statut'],
      paidDate: ['date de paiement'],
    },
  },
  {
    // Sellsy, invoices list export: "Numéro", "Date", "Tiers", "Email", "Échéance", "Total TTC", "Reste dû",
    // "Devise", "Statut".
    id: 'sellsy',
    name: 'Sellsy',
    signature: ['tiers', 'total ttc'],
    columns: {
      number: ['numero', 'reference'],
      client: ['tiers', 'client'],
      email: ['email', 'email du tiers'],
      amount: ['total ttc', 'montant ttc'],
      amountDue: ['reste du', 'reste a payer'],
      currency: ['devise'],
      issueDate: ['date'],
      dueDate: ['echeance', 'date d echeance'],
      status: ['statut', 'etat'],
    },
  },
  {
    // Henrri, Axonaut and similar French invoicing tools: "Numéro", "Client", "Date", "Échéance", "Montant TTC",
    // "Statut" (sometimes "Email", "Reste à payer", "Date de paiement").
    id: 'fr-invoicing',
    name: 'Henrri / Axonaut',
    signature: ['numero', 'client', 'echeance', 'montant ttc'],
    columns: {
      number: ['numero', 'numero de facture'],
      client: ['client'],
      email: ['email', 'email client', 'e mail'],
      amount: ['montant ttc', 'total ttc'],
      amountDue: ['reste a payer', 'reste du'],
      currency: ['devise'],
      issueDate: ['date', 'date de facture'],
      dueDate: ['echeance', 'date d echeance'],
      status: ['statut', 'etat'],
      paidDate: ['date de paiement', 'date de reglement'],
    },
  },
];

/** Header names a generic export uses, in English, French and German (normalised). */
const GENERIC: Record<CsvField, readonly string[]> = {
  number: ['invoice number', 'invoice no', 'invoice', 'number', 'no', 'num', 'numero', 'numero de facture', 'no facture', 'facture', 'reference', 'ref', 'rechnungsnummer', 'rechnungs nr', 'rechnung nr', 'belegnummer', 'nr'],
  client: ['client', 'client name', 'customer', 'customer name', 'company', 'organization', 'organisation', 'contact', 'contact name', 'name', 'nom', 'nom du client', 'raison sociale', 'societe', 'tiers', 'kunde', 'kundenname', 'firma', 'empfanger'],
  email: ['email', 'e mail', 'client email', 'customer email', 'email address', 'mail', 'courriel', 'adresse email', 'adresse e mail', 'email client', 'e mail adresse'],
  amount: ['total', 'amount', 'invoice total', 'total amount', 'montant', 'montant ttc', 'total ttc', 'ttc', 'betrag', 'gesamtbetrag', 'bruttobetrag', 'brutto', 'summe', 'rechnungsbetrag'],
  amountDue: ['balance', 'balance due', 'amount due', 'open balance', 'outstanding', 'amount remaining', 'remaining', 'reste a payer', 'reste du', 'solde', 'restbetrag', 'offener betrag', 'offen'],
  currency: ['currency', 'currency code', 'devise', 'monnaie', 'wahrung'],
  issueDate: ['invoice date', 'issue date', 'date issued', 'issued', 'issued on', 'date', 'date de facture', 'date facture', 'date d emission', 'date de creation', 'rechnungsdatum', 'datum', 'belegdatum'],
  dueDate: ['due date', 'due', 'payment due', 'due on', 'echeance', 'date d echeance', 'date echeance', 'date limite de paiement', 'falligkeit', 'falligkeitsdatum', 'fallig am', 'zahlungsziel'],
  status: ['status', 'invoice status', 'payment status', 'statut', 'etat', 'statut de paiement', 'zahlungsstatus'],
  paidDate: ['paid date', 'date paid', 'payment date', 'paid on', 'date de paiement', 'date de reglement', 'bezahlt am', 'zahlungsdatum', 'zahlungseingang'],
};

export interface PresetMatch {
  preset: ImportPreset | null;
  mapping: ColumnMapping;
}

function firstPresent(normalized: readonly string[], candidates: readonly string[] | undefined, used: Set<number>): number | undefined {
  for (const c of candidates ?? []) {
    const i = normalized.findIndex((h, idx) => h === c && !used.has(idx));
    if (i >= 0) return i;
  }
  return undefined;
}

/**
 * The tool whose export this is (the preset with the most signature headers, all present), and the suggested
 * mapping: the preset's columns first, then the generic names for the fields still unmapped. A column is used
 * for one field only.
 */
export function suggestMapping(headers: readonly string[]): PresetMatch {
  const normalized = headers.map(normalizeHeader);
  const present = new Set(normalized);
  const preset =
    PRESETS.filter((p) => p.signature.every((s) => present.has(s))).sort((a, b) => b.signature.length - a.signature.length)[0] ?? null;
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const assign = (field: CsvField, idx: number | undefined): void => {
    if (idx === undefined || mapping[field] !== undefined) return;
    mapping[field] = idx;
    used.add(idx);
  };
  if (preset) for (const f of CSV_FIELDS) assign(f, firstPresent(normalized, preset.columns[f], used));
  for (const f of CSV_FIELDS) assign(f, firstPresent(normalized, GENERIC[f], used));
  return { preset, mapping };
}

/**
 * Is this header row written in French or German? Both write dates day first and amounts with a decimal comma:
 * used when the values themselves do not tell.
 */
export function headersLookEuropean(headers: readonly string[]): boolean {
  const words = /\b(numero|echeance|montant|devise|statut|facture|date d|reste|ttc|tiers|rechnung\w*|betrag|kunde|datum|wahrung|falligkeit\w*)\b/;
  return headers.some((h) => words.test(normalizeHeader(h)));
}
