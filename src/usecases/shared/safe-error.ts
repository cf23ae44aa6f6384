// What of an error may be kept or logged: its name and code, never its message. A failed query's
// message carries the query's parameters — a client's phone number, their words.
export const safeError = (e: unknown): string => {
  if (!(e instanceof Error)) return 'error';
  const code = (e as { code?: unknown }).code ?? (e.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' || typeof code === 'number' ? `${e.name} ${code}` : e.name;
};
