import Papa from 'papaparse';

/**
 * Reading a CSV file into a header row and data rows, each with the line of the file it starts on (a quoted field
 * may span lines, so row numbers and line numbers differ). Never throws: a file that is not a CSV table gets a
 * message saying why.
 */

export type CsvDelimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: CsvDelimiter[] = [',', ';', '\t', '|'];

export interface CsvRow {
  /** 1-based line of the file the row starts on (the header is on line 1 unless blank lines precede it). */
  line: number;
  cells: string[];
}

export type CsvTable = { ok: true; headers: string[]; headerLine: number; rows: CsvRow[]; delimiter: CsvDelimiter } | { ok: false; error: string };

export const MAX_CSV_CHARS = 20 * 1024 * 1024;
export const MAX_CSV_ROWS = 50_000;

/**
 * Text from the bytes of a file: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), else
 * Windows-1252, the encoding of CSV files saved by Excel on French and German Windows. For the options page,
 * before the text is sent to the background.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Why this text is not a CSV table at all (a binary file, a spreadsheet, a PDF), or null. */
function notText(text: string): string | null {
  if (text.startsWith('PK\u0003\u0004')) return 'This is a spreadsheet or zip file, not CSV text: export it as CSV first.';
  if (text.startsWith('%PDF')) return 'This is a PDF file, not CSV text.';
  const head = text.slice(0, 65536);
  if (/[\u0000-\u0008\u000e-\u001f]/.test(head)) return 'This file contains binary data, not CSV text: export the list as CSV from your invoicing tool.';
  if (head.includes('\ufffd')) return 'Some characters of this file could not be decoded: save it as "CSV UTF-8" and try again.';
  return null;
}

/** 1-based line of a character offset. */
function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function readCsvTable(input: unknown): CsvTable {
  if (typeof input !== 'string') return { ok: false, error: 'No file text was given.' };
  if (input.length > MAX_CSV_CHARS) return { ok: false, error: 'The file is too large (20 MB at most).' };
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  const binary = notText(text);
  if (binary) return { ok: false, error: binary };

  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  const rows: CsvRow[] = [];
  let unclosedAt: number | null = null;
  let tooMany = false;
  let previousEnd = 0;
  let delimiter: CsvDelimiter = ',';
  try {
    Papa.parse<string[]>(text, {
      delimitersToGuess: DELIMITERS,
      newline: '\n',
      skipEmptyLines: 'greedy',
      step: (res, parser) => {
        let start = previousEnd;
        while (text[start] === '\n') start++;
        previousEnd = res.meta.cursor;
        if (DELIMITERS.includes(res.meta.delimiter as CsvDelimiter)) delimiter = res.meta.delimiter as CsvDelimiter;
        const quote = res.errors.find((e) => e.code === 'MissingQuotes');
        if (quote && unclosedAt === null) unclosedAt = typeof quote.index === 'number' ? quote.index : start;
        if (rows.length >= MAX_CSV_ROWS + 1) {
          tooMany = true;
          parser.abort();
          return;
        }
        rows.push({ line: lineAt(lineStarts, start), cells: res.data.map((c) => (typeof c === 'string' ? c : String(c))) });
      },
    });
  } catch {
    return { ok: false, error: 'The file could not be read as CSV.' };
  }
  if (unclosedAt !== null) {
    return { ok: false, error: `Line ${lineAt(lineStarts, unclosedAt)}: a quoted field is never closed (a " is missing).` };
  }
  if (tooMany) return { ok: false, error: `The file has more than ${MAX_CSV_ROWS} rows.` };
  const [header, ...data] = rows;
  if (!header) return { ok: false, error: 'The file is empty.' };
  const headers = header.cells.map((h) => h.trim());
  if (headers.length < 2) {
    return { ok: false, error: 'Only one column was found: the file should have columns separated by commas, semicolons or tabs.' };
  }
  if (headers.every((h) => h === '')) return { ok: false, error: 'The first line should name the columns, but it is empty.' };
  if (data.length === 0) return { ok: false, error: 'The file has a header line but no rows of invoices.' };
  return { ok: true, headers, headerLine: header.line, rows: data, delimiter };
}
