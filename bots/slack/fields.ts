// Reading Slack's loosely shaped JSON: an object or {}, a string or ''.
export const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const str = (v: unknown) => (typeof v === 'string' ? v : '');
