// What the CLI prints: locale keys rendered in English; results on stdout, problems on stderr.
import type { Translate } from '../ports/translator.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo = (): Io => ({
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
});

/** The CLI speaks English: the agency's admins share it with the case-management system. */
export const LANGUAGE = 'en';

export const sayer =
  (t: Translate) =>
  (key: string, vars?: Record<string, string | number>): string =>
    t(LANGUAGE, key, vars);

export type Say = ReturnType<typeof sayer>;
