/** Renders a locale key in a language; the only way the core produces user-facing text. */
export type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;
