// What an import takes and gives back, and the row checks shared by every import.
import type { z } from 'zod';
import type { Fail, Ok } from '../../domain/result.ts';

/** One data row of a file: its 1-based row number in the file (the header is row 1). */
export interface InputRow {
  row: number;
  fields: Record<string, string>;
}

/** Why a row is refused: a locale key under `cli.reason.` and its variables. */
export interface Reason {
  key: string;
  vars: Record<string, string | number>;
}

export interface RowError {
  row: number;
  reason: Reason;
}

export interface ImportSummary {
  created: number;
  updated: number;
  /** rows that matched a record already exactly as the file says */
  unchanged: number;
}

export type ImportRefusal = 'forbidden' | 'no_agency' | 'rows_invalid' | 'conflict' | 'duplicate';

/** `rows_invalid` carries every bad row; nothing was written. */
export type ImportResult =
  | Ok<ImportSummary>
  | (Fail<'rows_invalid'> & { errors: RowError[] })
  | Fail<Exclude<ImportRefusal, 'rows_invalid'>>;

export const reason = (name: string, column: string, vars: Record<string, string | number> = {}): Reason => ({
  key: `cli.reason.${name}`,
  vars: { column, ...vars },
});

/** Collects the errors of a whole file, row by row. */
export class RowErrors {
  readonly list: RowError[] = [];
  add(row: number, r: Reason): void {
    this.list.push({ row, reason: r });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
  sorted(): RowError[] {
    return [...this.list].sort((a, b) => a.row - b.row);
  }
}

/**
 * Plans every row (a plan is what the row will change; null when the row is bad, its reasons
 * already in `errors`). Either every row has a plan, or the result is `rows_invalid` with every
 * bad row of the file, in row order.
 */
export const planAll = async <R, P>(
  parsed: R[],
  plan: (row: R) => Promise<P | null>,
  errors: RowErrors,
): Promise<{ ok: true; plans: P[] } | (Fail<'rows_invalid'> & { errors: RowError[] })> => {
  const plans: P[] = [];
  for (const r of parsed) {
    const p = await plan(r);
    if (p) plans.push(p);
  }
  if (errors.empty) return { ok: true, plans };
  const list = errors.sorted();
  return { ok: false, code: 'rows_invalid', detail: { count: new Set(list.map((e) => e.row)).size }, errors: list };
};

/**
 * A parsed row. A row with a bad cell still carries its good cells, so the lookups that depend
 * only on those (an unknown caseworker, say) are reported in the same run.
 */
export type ParsedRow<T> = { row: number; complete: true; data: T } | { row: number; complete: false; data: Partial<T> };

/** Runs a row schema (each cell with its own zod schema) over every row; bad cells are recorded. */
export const parseRows = <S extends z.ZodObject>(
  schema: S,
  rows: InputRow[],
  errors: RowErrors,
): ParsedRow<z.output<S>>[] =>
  rows.map((r) => {
    const data: Record<string, unknown> = {};
    let complete = true;
    for (const [column, cellSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const parsed = cellSchema.safeParse(r.fields[column]);
      if (parsed.success) {
        data[column] = parsed.data;
        continue;
      }
      complete = false;
      for (const issue of parsed.error.issues) {
        const vars = issue.code === 'custom' ? ((issue as { params?: Record<string, string | number> }).params ?? {}) : {};
        errors.add(r.row, reason(issue.code === 'custom' ? issue.message : 'required', column, vars));
      }
    }
    return complete
      ? { row: r.row, complete: true as const, data: data as z.output<S> }
      : { row: r.row, complete: false as const, data: data as Partial<z.output<S>> };
  });

/** Marks every row whose key was already seen in an earlier row of the same file. */
export const markDuplicates = <T>(
  rows: { row: number; data: Partial<T> }[],
  column: string,
  keyOf: (d: Partial<T>) => string | undefined,
  errors: RowErrors,
): Set<number> => {
  const seen = new Map<string, number>();
  const dup = new Set<number>();
  for (const r of rows) {
    const key = keyOf(r.data);
    if (key === undefined) continue;
    if (seen.has(key)) {
      errors.add(r.row, reason('duplicate_in_file', column, { value: key }));
      dup.add(r.row);
    } else seen.set(key, r.row);
  }
  return dup;
};
