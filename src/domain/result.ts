// Expected failures are values: a code travels to the adapters, which render it in the client's
// language. Unexpected failures throw.
export type Ok<T> = { ok: true; value: T };
export type Fail<C extends string> = { ok: false; code: C; detail?: Record<string, string | number> };
export type Result<T, C extends string> = Ok<T> | Fail<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const fail = <C extends string>(code: C, detail?: Record<string, string | number>): Fail<C> =>
  detail ? { ok: false, code, detail } : { ok: false, code };

/** A bug or a broken invariant: never shown to a user as is. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}
