import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EmailRecordSchema, type AttachmentContent, type EmailRecord } from '../mail/record';
import { understandEmail, type Understanding } from '../domain/understand';
import { classifyReply } from '../domain/replies';
import { formatMinor } from '../domain/money';

/**
 * `npm run --silent cli -- extract FILE.jsonl`: one prediction per record, in input order (formats in the
 * evaluation README). Sent mail gets its kind and invoice fields; received mail gets the reply intent.
 * Exit 0 when every line was answered, 1 when some lines were bad, 2 on usage errors or a missing file.
 */

/** PDFs are parsed a few at a time: enough to keep both cores busy, bounded memory. */
const CONCURRENCY = 4;

type Prediction = Record<string, unknown>;

function sentPrediction(id: string, u: Understanding): Prediction {
  const kind = u.classification.kind;
  const inv = u.invoice;
  const cur = inv?.currency ?? null;
  const money = (minor: number | null | undefined): string | null =>
    minor === null || minor === undefined ? null : formatMinor(minor, cur ?? 'EUR');
  const isInvoice = kind === 'invoice' || kind === 'credit_note';
  return {
    id,
    kind,
    invoiceNumber: isInvoice ? (inv?.invoiceNumber ?? null) : (u.referencedInvoiceNumber ?? null),
    total: isInvoice ? money(inv?.totalMinor) : null,
    amountDue: isInvoice ? money(inv?.amountDueMinor) : null,
    currency: isInvoice ? cur : null,
    issueDate: isInvoice ? (inv?.issueDate ?? null) : null,
    dueDate: isInvoice ? (inv?.dueDate ?? null) : null,
    client: isInvoice ? (inv?.client ?? null) : null,
    confidence: u.classification.confidence,
  };
}

function replyPrediction(record: EmailRecord): Prediction {
  const r = classifyReply({ subject: record.subject, text: record.text, date: record.date });
  return { id: record.id, kind: 'reply', intent: r.intent, promisedDate: r.promisedDate };
}

async function loadAttachments(record: EmailRecord, baseDir: string): Promise<AttachmentContent[]> {
  const out: AttachmentContent[] = [];
  for (const a of record.attachments) {
    const rel = (a as { path?: string | null }).path;
    if (!rel) {
      out.push({ filename: a.filename, bytes: null, unreadable: 'content not available (path is null)' });
      continue;
    }
    try {
      const buf = await readFile(path.resolve(baseDir, rel));
      out.push({ filename: a.filename, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) });
    } catch (err) {
      out.push({ filename: a.filename, bytes: null, unreadable: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

interface Job {
  lineNo: number;
  line: string;
}

/** Answers one input line: a prediction, or an error message naming the line. */
async function answer(job: Job, file: string, baseDir: string): Promise<{ out?: string; err?: string }> {
  let json: unknown;
  try {
    json = JSON.parse(job.line);
  } catch {
    return { err: `extract: ${file} line ${job.lineNo}: invalid JSON` };
  }
  const parsed = EmailRecordSchema.safeParse(json);
  if (!parsed.success) {
    const why = parsed.error.issues.map((e) => `${e.path.join('.') || 'record'}: ${e.message}`).join('; ');
    return { err: `extract: ${file} line ${job.lineNo}: ${why}` };
  }
  const record = parsed.data;
  try {
    if (record.direction === 'received') return { out: JSON.stringify(replyPrediction(record)) };
    const contents = await loadAttachments(record, baseDir);
    const u = await understandEmail(record, contents);
    const unreadable = u.attachmentsRead.filter((a) => a.status === 'unreadable' && a.message && !/path is null/.test(a.message));
    const warn = unreadable.length > 0
      ? `extract: ${file} line ${job.lineNo}: ${unreadable.map((a) => `${a.filename}: ${a.message}`).join('; ')}`
      : undefined;
    return { out: JSON.stringify(sentPrediction(record.id, u)), ...(warn ? { err: warn } : {}) };
  } catch (err) {
    return { err: `extract: ${file} line ${job.lineNo}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export async function run(args: string[]): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) {
    process.stderr.write('usage: npm run --silent cli -- extract FILE.jsonl\n');
    return 2;
  }
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (err) {
    process.stderr.write(`extract: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const baseDir = path.dirname(path.resolve(file));
  const jobs: Job[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '') jobs.push({ lineNo: i + 1, line });
  });

  // Bounded concurrency; results are written strictly in input order as soon as each prefix is complete.
  const results: Array<{ out?: string; err?: string } | undefined> = new Array(jobs.length);
  let nextToStart = 0;
  let nextToWrite = 0;
  let bad = 0;
  const flush = (): void => {
    while (nextToWrite < jobs.length && results[nextToWrite]) {
      const r = results[nextToWrite]!;
      if (r.err) process.stderr.write(`${r.err}\n`);
      if (r.out) process.stdout.write(`${r.out}\n`);
      else bad++;
      results[nextToWrite] = undefined;
      nextToWrite++;
    }
  };
  const worker = async (): Promise<void> => {
    while (nextToStart < jobs.length) {
      const i = nextToStart++;
      results[i] = await answer(jobs[i]!, file, baseDir);
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
  flush();
  return bad > 0 ? 1 : 0;
}
