// Reads an import file: UTF-8 with or without a BOM, CRLF or LF, quoted fields, cells trimmed.
// Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { InputRow } from '../usecases/admin/rows.ts';

export interface CsvColumns {
  known: readonly string[];
  required: readonly string[];
}

export type CsvRead =
  | { ok: true; rows: InputRow[] }
  | { ok: false; key: string; vars: Record<string, string>; detail?: string };

const parseRecords = (text: string): string[][] =>
  parse(text, { bom: true, trim: true, skip_empty_lines: true }) as string[][];

export const readCsv = async (file: string, columns: CsvColumns): Promise<CsvRead> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { ok: false, key: 'cli.file_unreadable', vars: { file } };
  }
  let records: string[][];
  try {
    records = parseRecords(text);
  } catch (e) {
    // csv-parse names the line and the fault, e.g. "Quote Not Closed: … at line 4"
    return { ok: false, key: 'cli.file_unreadable', vars: { file }, detail: e instanceof Error ? e.message : String(e) };
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = columns.required.filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, key: 'cli.missing_columns', vars: { columns: missing.join(', ') } };
  // A misspelt column (say "sensitve") must not be ignored silently: it may carry a safety setting.
  const unknown = header.filter((h) => h !== '' && !columns.known.includes(h));
  if (unknown.length > 0)
    return { ok: false, key: 'cli.unknown_columns', vars: { columns: unknown.join(', '), known: columns.known.join(', ') } };
  const rows: InputRow[] = [];
  records.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    const fields: Record<string, string> = {};
    header.forEach((h, j) => {
      if (h !== '' && !(h in fields)) fields[h] = cells[j] ?? '';
    });
    rows.push({ row: i + 2, fields });
  });
  return { ok: true, rows };
};
