export const BACKOFF_BASE_MS = 15_000;
export const BACKOFF_CAP_MS = 3_600_000;

/**
 * How long to wait before attempt `attempt + 1`, after `attempt` failed (1 = the first try):
 * exponential with full jitter (a random wait between 0 and min(cap, base · 2^(attempt-1)), so
 * many failed rows do not all come back at once), never less than a second, and never sooner than
 * the provider asked with its Retry-After.
 */
export const backoffMs = (attempt: number, random: () => number, retryAfterMs = 0): number => {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(Math.min(1, Math.max(0, random())) * ceiling);
  return Math.max(1000, jittered, Math.ceil(retryAfterMs));
};
