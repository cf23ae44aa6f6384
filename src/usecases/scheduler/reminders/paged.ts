// A reminder job reads what may be due page by page (keyset order), queueing each page before
// reading the next: its memory stays bounded however many reminders come due in one minute.
import type { ScanPage } from '../../../ports/reminder-scan.ts';

export const SCAN_PAGE = 1000;

export const forEachPage = async <R>(
  scan: (page: ScanPage) => Promise<R[]>,
  cursorOf: (last: R) => NonNullable<ScanPage['after']>,
  each: (rows: R[]) => Promise<number>,
  pageSize = SCAN_PAGE,
): Promise<number> => {
  let after: ScanPage['after'];
  let total = 0;
  for (;;) {
    const rows = await scan({ limit: pageSize, after });
    if (rows.length > 0) total += await each(rows);
    if (rows.length < pageSize) return total;
    after = cursorOf(rows[rows.length - 1]!);
  }
};
