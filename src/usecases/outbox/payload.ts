/** An outbox row's payload as an object: `{}` when it is not a JSON object (it never throws). */
export const parsePayload = (json: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
