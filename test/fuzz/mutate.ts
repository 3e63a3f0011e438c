import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyReply } from '../../lib/domain/replies';
import { understandEmail, understandEmailBody } from '../../lib/domain/understand';
import { EmailRecordSchema, type AttachmentContent } from '../../lib/mail/record';

/**
 * Mutation fuzzing of the extraction path (`npm run fuzz`, and a short run in test/unit/fuzz-extract.test.ts):
 * corpus records are mutated (byte flips, truncation, JSON-valid field changes, huge strings, odd Unicode, damaged
 * PDFs) and run through what `extract` runs for a line: JSON.parse, EmailRecordSchema, then classifyReply or
 * understandEmail. Unlike the CLI, nothing here catches: an exception from the library is a crash, counted.
 */

/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusRecord {
  line: string;
  json: Record<string, unknown>;
  /** PDF bytes by file name, for records whose attachments have a path. */
  pdfs: Map<string, Uint8Array>;
}

export function loadCorpus(files: string[]): CorpusRecord[] {
  const out: CorpusRecord[] = [];
  for (const file of files) {
    const dir = path.dirname(file);
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      if (line.trim() === '') continue;
      const json = JSON.parse(line) as Record<string, unknown>;
      const pdfs = new Map<string, Uint8Array>();
      for (const a of (json.attachments as Array<{ filename?: string; path?: string | null }> | undefined) ?? []) {
        if (a.path && a.filename) {
          try {
            pdfs.set(a.filename, new Uint8Array(readFileSync(path.resolve(dir, a.path))));
          } catch {
            // A corpus record whose file is missing is still fuzzed, body only.
          }
        }
      }
      out.push({ line, json, pdfs });
    }
  }
  return out;
}

const ODD = [
  '\u202E', '\u202D', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u0000', '\uD800', '\uDFFF', '\u0301\u0301\u0301',
  '𝟙𝟚𝟛', '١٢٣٫٤٥', '٬', '\u00A0', '\u2028', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  'раураl.com', '€€€', '1 000 000 000 000 000 000,00 €', '99999999999999999999999', '-0,00', '31/02/2025',
  '+275760-09-13', 'NaN', 'Infinity', '%00', '${x}', '\\u0000', '🧾', 'Facture n° ', 'Invoice #', 'due ', 'fällig am ',
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function hugeString(r: () => number): string {
  const unit = pick(r, ['A', '1 000,00 € ', 'Facture F-1 ', '\u200B', 'é', '<b>', '31/12/2025 ', '9']);
  const size = pick(r, [10_000, 100_000, 1_000_000]);
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function oddValue(r: () => number, current: unknown): unknown {
  // Mostly keep the type, so the record stays valid and the mutation reaches extraction; sometimes break it.
  if (typeof current === 'string' && r() < 0.8) return oddString(r, current);
  switch (Math.floor(r() * 9)) {
    case 0: return hugeString(r);
    case 1: return typeof current === 'string' ? insertAt(r, current, pick(r, ODD)) : pick(r, ODD);
    case 2: return null;
    case 3: return 12345;
    case 4: return [current, current];
    case 5: return { nested: current };
    case 6: return '';
    case 7: return typeof current === 'string' ? current.split('').reverse().join('') : true;
    default: return typeof current === 'string' ? current.repeat(50) : current;
  }
}

function oddString(r: () => number, current: string): string {
  switch (Math.floor(r() * 5)) {
    case 0: return hugeString(r);
    case 1: return current.repeat(20);
    case 2: return [...current].map((c) => (r() < 0.1 ? pick(r, ODD) : c)).join('');
    case 3: return current.slice(0, Math.floor(r() * current.length));
    default: return insertAt(r, current, pick(r, ODD));
  }
}

function insertAt(r: () => number, s: string, piece: string): string {
  const at = Math.floor(r() * (s.length + 1));
  return s.slice(0, at) + piece + s.slice(at);
}

/** A JSON-valid change of one field of a record. */
function mutateField(r: () => number, json: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(json);
  const fields = ['subject', 'text', 'text', 'text', 'date', 'direction', 'id', 'html', 'from', 'to', 'attachments', 'cc'];
  const field = pick(r, fields);
  if (field === 'from' && typeof copy.from === 'object' && copy.from) {
    const from = copy.from as Record<string, unknown>;
    from[pick(r, ['email', 'name'])] = oddValue(r, from.email);
  } else if (field === 'attachments' && Array.isArray(copy.attachments) && copy.attachments.length > 0) {
    const a = copy.attachments[0] as Record<string, unknown>;
    a[pick(r, ['filename', 'contentType', 'size'])] = oddValue(r, a.filename);
  } else if (field === 'text' && typeof copy.text === 'string' && r() < 0.5) {
    // Several splices of tricky tokens into the body: closer to real hostile mail than one replaced field.
    let text = copy.text;
    for (let i = 0; i < 5; i++) text = insertAt(r, text, pick(r, ODD));
    copy.text = text;
  } else {
    copy[field] = oddValue(r, copy[field]);
  }
  return copy;
}

function flipBytes(r: () => number, bytes: Uint8Array, count: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < count && out.length > 0; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  return out;
}

export interface Mutant {
  kind: 'bytes' | 'truncate' | 'field' | 'pdf';
  line: string;
  pdfs: Map<string, Uint8Array>;
}

export function mutate(r: () => number, rec: CorpusRecord): Mutant {
  const roll = r();
  if (roll < 0.2) {
    const bytes = flipBytes(r, new TextEncoder().encode(rec.line), 1 + Math.floor(r() * 8));
    return { kind: 'bytes', line: new TextDecoder().decode(bytes), pdfs: rec.pdfs };
  }
  if (roll < 0.3) return { kind: 'truncate', line: rec.line.slice(0, Math.floor(r() * rec.line.length)), pdfs: rec.pdfs };
  if (roll < (rec.pdfs.size > 0 ? 0.5 : 1)) return { kind: 'field', line: JSON.stringify(mutateField(r, rec.json)), pdfs: rec.pdfs };
  const pdfs = new Map<string, Uint8Array>();
  for (const [name, bytes] of rec.pdfs) {
    pdfs.set(name, r() < 0.5 ? flipBytes(r, bytes, 1 + Math.floor(r() * 50)) : bytes.subarray(0, Math.floor(r() * bytes.length)));
  }
  return { kind: 'pdf', line: rec.line, pdfs };
}

export type Outcome = 'answered' | 'reported' | 'crashed';

/** One line through extract's path, without extract's safety net: a throw from the library is a crash. */
export async function runLine(m: Mutant, opts: { withPdfs: boolean }): Promise<{ outcome: Outcome; error?: string }> {
  let json: unknown;
  try {
    json = JSON.parse(m.line);
  } catch {
    return { outcome: 'reported' };
  }
  const parsed = EmailRecordSchema.safeParse(json);
  if (!parsed.success) return { outcome: 'reported' };
  const record = parsed.data;
  try {
    if (record.direction === 'received') {
      const reply = classifyReply({ subject: record.subject, text: record.text, date: record.date });
      JSON.stringify(reply);
      return { outcome: 'answered' };
    }
    if (!opts.withPdfs) {
      JSON.stringify(understandEmailBody(record));
      return { outcome: 'answered' };
    }
    const contents: AttachmentContent[] = record.attachments.map((a) => ({ filename: a.filename, bytes: m.pdfs.get(a.filename) ?? null }));
    const u = await understandEmail(record, contents, { pdfTimeoutMs: 3000 });
    JSON.stringify(u);
    return { outcome: 'answered' };
  } catch (err) {
    return { outcome: 'crashed', error: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err) };
  }
}

export interface FuzzSummary {
  seed: number;
  runs: number;
  byKind: Record<Mutant['kind'], number>;
  answered: number;
  reported: number;
  crashed: number;
  crashes: Array<{ kind: string; line: string; error: string }>;
  slowestMs: number;
}

export async function fuzz(corpus: CorpusRecord[], runs: number, seed: number, opts: { withPdfs: boolean } = { withPdfs: true }): Promise<FuzzSummary> {
  const r = rng(seed);
  const s: FuzzSummary = { seed, runs, byKind: { bytes: 0, truncate: 0, field: 0, pdf: 0 }, answered: 0, reported: 0, crashed: 0, crashes: [], slowestMs: 0 };
  for (let i = 0; i < runs; i++) {
    const m = mutate(r, pick(r, corpus));
    s.byKind[m.kind]++;
    const start = performance.now();
    const res = await runLine(m, opts);
    s.slowestMs = Math.max(s.slowestMs, performance.now() - start);
    s[res.outcome]++;
    if (res.outcome === 'crashed' && s.crashes.length < 20) s.crashes.push({ kind: m.kind, line: m.line.slice(0, 300), error: res.error ?? '' });
  }
  return s;
}
