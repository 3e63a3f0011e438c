import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The UI's words live in public/_locales/<lang>/messages.json. These checks keep the locales in step with each
 * other and with the code: a key used in code must exist in every locale, with the placeholders the code fills.
 */
const ROOT = join(import.meta.dirname, '../..');
const LOCALES = ['en', 'fr'] as const;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const catalogs = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(join(ROOT, 'public/_locales', l, 'messages.json'), 'utf8')) as Record<string, Message>]),
) as Record<(typeof LOCALES)[number], Record<string, Message>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Items of an array literal's inside, ignoring commas nested in calls: "a, f(b, c)" -> 2. */
function countTopLevelItems(inside: string): number {
  let depth = 0;
  let items = inside.trim() === '' ? 0 : 1;
  for (const ch of inside) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) items++;
  }
  return items;
}

/** Every literal message key used in code, with the number of substitutions passed when it is an array literal. */
function usedKeys(): { key: string; file: string; subs: number | null }[] {
  const out: { key: string; file: string; subs: number | null }[] = [];
  for (const file of [...sourceFiles(join(ROOT, 'components')), ...sourceFiles(join(ROOT, 'entrypoints'))]) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(ROOT, file);
    for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*'([^']+)'\s*(?:,\s*(\[(?:[^\]()]|\([^()]*\))*\]|[^)]+))?\)/g)) {
      const subs = m[2] === undefined ? 0 : m[2].startsWith('[') ? countTopLevelItems(m[2].slice(1, -1)) : null;
      out.push({ key: m[1]!, file: rel, subs });
    }
    // Error keys travel as data (form errors) before reaching t(): every 'errXxx' literal is a key too.
    for (const m of text.matchAll(/'(err[A-Z]\w*)'/g)) out.push({ key: m[1]!, file: rel, subs: 0 });
  }
  return out;
}

const placeholderNames = (m: Message) => Object.keys(m.placeholders ?? {}).sort();
const referenced = (m: Message) => [...new Set([...m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()))].sort();

describe('locales', () => {
  it('have the same keys in every locale', () => {
    const en = Object.keys(catalogs.en).sort();
    for (const l of LOCALES) expect(Object.keys(catalogs[l]).sort(), l).toEqual(en);
  });

  it.each(Object.keys(catalogs.en))('%s: same placeholders everywhere, each defined and used', (key) => {
    const expected = placeholderNames(catalogs.en[key]!);
    for (const l of LOCALES) {
      const msg = catalogs[l][key]!;
      expect(msg.message.trim(), `${l}.${key} is empty`).not.toBe('');
      expect(placeholderNames(msg), `${l}.${key} placeholders`).toEqual(expected);
      expect(referenced(msg), `${l}.${key} uses exactly its placeholders`).toEqual(expected);
    }
  });

  it('keys are valid Chrome message names', () => {
    for (const key of Object.keys(catalogs.en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('keys used in code', () => {
  const used = usedKeys();

  it('finds the UI’s keys (the scan itself works)', () => {
    expect(used.length).toBeGreaterThan(40);
    expect(used.map((u) => u.key)).toEqual(expect.arrayContaining(['addInvoice', 'markPaid', 'popupEmpty', 'importWarning']));
  });

  it('every key used exists in every locale', () => {
    const missing = used.filter((u) => LOCALES.some((l) => !catalogs[l][u.key] && !u.key.startsWith('@@')));
    expect(missing.map((u) => `${u.file}: ${u.key}`)).toEqual([]);
  });

  it('every call passes as many substitutions as the message has placeholders', () => {
    const wrong = used.filter((u) => u.subs !== null && catalogs.en[u.key] && placeholderNames(catalogs.en[u.key]!).length !== u.subs);
    expect(wrong.map((u) => `${u.file}: ${u.key} gets ${u.subs}`)).toEqual([]);
  });
});
