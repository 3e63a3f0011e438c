import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmailRecordSchema, type EmailRecord } from '../../lib/mail/record';
import { understandEmailBody } from '../../lib/domain/understand';
import { readInvoicePdf } from '../../lib/pdf/index';
import type { BenchSection } from './index';

/**
 * The "understanding" budgets of issue 3, measured and reported (never asserted):
 * - body-only classification + extraction (`understandEmailBody`, what the content script runs on every sent
 *   email) over 10,000 emails on one core: >= 2,000 emails/s, with the heap sampled every 1,000 emails to see
 *   that it stays flat (no `--expose-gc`: the series is what the process really holds, garbage included);
 * - `readInvoicePdf` per PDF: median <= 150 ms after a warm-up, plus the cold first call (pdf.js loading).
 *
 * Inputs: the dev split of the evaluation corpus next to the project (../shared/eval/dev) when it is there,
 * else the project's own fixtures, so the bench runs from a clone alone.
 */

const EMAILS_TARGET = 10_000;
const HEAP_SAMPLE_EVERY = 1_000;
const PDF_ROUNDS = 3;
const BUDGETS = { emailsPerSecond: 2000, pdfMedianMs: 150 } as const;
/** Heap growth over the run below which the series counts as flat. */
const HEAP_FLAT_MB = 10;

const mb = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10;
const ms = (n: number): number => Math.round(n * 100) / 100;

/** Valid email records of every .jsonl (one per line) and .json (one per file) file of `dir`. */
function recordsIn(dir: string, names?: readonly string[]): EmailRecord[] {
  if (!existsSync(dir)) return [];
  const files = names ?? readdirSync(dir).filter((f) => /\.jsonl?$/.test(f)).sort();
  const out: EmailRecord[] = [];
  for (const name of files) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const chunks = name.endsWith('.jsonl') ? text.split('\n') : [text];
    for (const chunk of chunks) {
      if (chunk.trim() === '') continue;
      try {
        const parsed = EmailRecordSchema.safeParse(JSON.parse(chunk));
        if (parsed.success) out.push(parsed.data);
      } catch {
        // A line that is not JSON is not an email: skipped, as the CLI would report it.
      }
    }
  }
  return out;
}

function pdfsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.pdf$/i.test(f)).sort().map((f) => join(dir, f));
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface EmailRun {
  source: string;
  distinct: number;
  emails: number;
  emailsPerSecond: number;
  heapMB: number[];
  heapPeakMB: number;
  heapFlat: boolean;
  /** Least-squares trend of the series, in MB per 1,000 emails: the sawtooth of young-generation GC averages out. */
  heapSlopeMBPer1000: number;
}

function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

function benchEmails(records: readonly EmailRecord[], source: string): EmailRun {
  // Warm-up: one pass over the distinct records (JIT, regex compilation, caches), not timed.
  for (const r of records) understandEmailBody(r);
  const heap: number[] = [process.memoryUsage().heapUsed];
  let peak = heap[0]!;
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < EMAILS_TARGET; i++) {
    const u = understandEmailBody(records[i % records.length]!);
    // Keep the result observable so the work cannot be optimised away.
    sink += u.classification.kind.length;
    if ((i + 1) % HEAP_SAMPLE_EVERY === 0) {
      const used = process.memoryUsage().heapUsed;
      heap.push(used);
      if (used > peak) peak = used;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) console.error(sink);
  const heapMB = heap.map(mb);
  return {
    source,
    distinct: records.length,
    emails: EMAILS_TARGET,
    emailsPerSecond: Math.round(EMAILS_TARGET / seconds),
    heapMB,
    heapPeakMB: mb(peak),
    heapFlat: heapMB[heapMB.length - 1]! - heapMB[0]! < HEAP_FLAT_MB,
    heapSlopeMBPer1000: Math.round(slope(heapMB) * 100) / 100,
  };
}

interface PdfRun {
  source: string;
  files: number;
  unreadable: number;
  medianMs: number;
  p95Ms: number;
  coldFirstMs: number;
}

async function benchPdfs(paths: readonly string[], source: string): Promise<PdfRun> {
  const files = paths.map((p) => {
    const buf = readFileSync(p);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  });
  let coldFirstMs = NaN;
  let unreadable = 0;
  // Warm-up round; its first call is the cold one (pdf.js is loaded on first use).
  for (const [i, bytes] of files.entries()) {
    const t0 = performance.now();
    const r = await readInvoicePdf(bytes);
    if (i === 0) coldFirstMs = performance.now() - t0;
    if (!r.pdf.ok) unreadable++;
  }
  const times: number[] = [];
  for (let round = 0; round < PDF_ROUNDS; round++) {
    for (const bytes of files) {
      const t0 = performance.now();
      await readInvoicePdf(bytes);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { source, files: files.length, unreadable, medianMs: ms(median(times)), p95Ms: ms(percentile(times, 95)), coldFirstMs: ms(coldFirstMs) };
}

export const understanding: BenchSection = {
  name: 'understanding',
  description: `understandEmailBody throughput over ${EMAILS_TARGET} emails (heap every ${HEAP_SAMPLE_EVERY}) and readInvoicePdf time per PDF (${PDF_ROUNDS} rounds after a warm-up).`,
  async run({ root }) {
    const dev = resolve(root, '../shared/eval/dev');
    const useDev = existsSync(dev);
    const records = useDev
      ? recordsIn(dev, ['emails.jsonl', 'negatives.jsonl'])
      : [...recordsIn(join(root, 'test/fixtures/mail')), ...recordsIn(join(root, 'test/fixtures/shadow'))];
    if (records.length === 0) throw new Error(`no email records found (looked in ${useDev ? dev : 'test/fixtures/mail and test/fixtures/shadow'})`);
    const pdfDir = useDev && existsSync(join(dev, 'attachments')) ? join(dev, 'attachments') : join(root, 'test/fixtures/pdf');

    // PDFs first: the cold call must be the first use of pdf.js in this process.
    const pdf = await benchPdfs(pdfsIn(pdfDir), relative(root, pdfDir));
    const emails = benchEmails(records, useDev ? '../shared/eval/dev (emails + negatives)' : 'test/fixtures');

    const withinBudget = {
      emailsPerSecond: emails.emailsPerSecond >= BUDGETS.emailsPerSecond,
      pdfMedianMs: pdf.files > 0 && pdf.medianMs <= BUDGETS.pdfMedianMs,
      heapFlat: emails.heapFlat,
    };
    const result = {
      emailsPerSecond: emails.emailsPerSecond,
      emails: emails.emails,
      distinctEmails: emails.distinct,
      emailSource: emails.source,
      heapMB: emails.heapMB,
      heapPeakMB: emails.heapPeakMB,
      heapFlat: emails.heapFlat,
      heapSlopeMBPer1000: emails.heapSlopeMBPer1000,
      pdf: { files: pdf.files, unreadable: pdf.unreadable, medianMs: pdf.medianMs, p95Ms: pdf.p95Ms, coldFirstMs: pdf.coldFirstMs, source: pdf.source },
      budgets: BUDGETS,
      withinBudget,
    };
    const ok = (b: boolean): string => (b ? 'ok' : 'OVER BUDGET');
    const table = [
      `emails/s        ${emails.emailsPerSecond} (${emails.emails} emails, ${emails.distinct} distinct, ${emails.source})  budget >= ${BUDGETS.emailsPerSecond}: ${ok(withinBudget.emailsPerSecond)}`,
      `heap MB         ${emails.heapMB.join(' ')}  (peak ${emails.heapPeakMB}; flat = last - first < ${HEAP_FLAT_MB} MB: ${emails.heapFlat ? 'yes' : 'NO'}; trend ${emails.heapSlopeMBPer1000} MB per 1,000 emails)`,
      `PDF per file    median ${pdf.medianMs} ms, p95 ${pdf.p95Ms} ms over ${pdf.files} PDFs x ${PDF_ROUNDS} rounds (${pdf.source})  budget median <= ${BUDGETS.pdfMedianMs} ms: ${ok(withinBudget.pdfMedianMs)}`,
      `PDF cold call   ${pdf.coldFirstMs} ms (first readInvoicePdf, pdf.js load included)`,
    ].join('\n');
    return { result, table };
  },
};
