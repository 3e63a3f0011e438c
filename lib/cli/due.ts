import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { IsoDateSchema, LangSchema } from '../domain/types';
import { detectLanguage } from '../domain/language';
import { computeDueDate, parsePaymentTerms } from '../domain/terms';

/**
 * `npm run --silent cli -- due FILE.jsonl`: one due date per payment-terms record (format in the evaluation
 * README, "Terms record format"; a `gold` field is ignored). Output: one JSON line per valid input line, in order.
 * Exit code 0 when every line was answered, 1 when some line was bad, 2 on usage errors.
 */
const TermsRecordSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  issueDate: IsoDateSchema,
  language: z.string().optional(),
});

export async function run(args: string[]): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) {
    process.stderr.write('usage: npm run --silent cli -- due FILE.jsonl\n');
    return 2;
  }
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (err) {
    process.stderr.write(`due: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  let bad = 0;
  const out: string[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      process.stderr.write(`due: ${file} line ${i + 1}: invalid JSON\n`);
      bad++;
      continue;
    }
    const parsed = TermsRecordSchema.safeParse(json);
    if (!parsed.success) {
      const why = parsed.error.issues.map((e) => `${e.path.join('.') || 'record'}: ${e.message}`).join('; ');
      process.stderr.write(`due: ${file} line ${i + 1}: ${why}\n`);
      bad++;
      continue;
    }
    const rec = parsed.data;
    const known = LangSchema.safeParse(rec.language);
    const lang = known.success ? known.data : detectLanguage(rec.text);
    const terms = parsePaymentTerms(rec.text, { lang, issueDate: rec.issueDate });
    const due = computeDueDate(terms, rec.issueDate);
    out.push(JSON.stringify({ id: rec.id, dueDate: due.dueDate, kind: terms.kind }));
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  return bad > 0 ? 1 : 0;
}
