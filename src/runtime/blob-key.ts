/**
 * Blob keys are made by the core from random ids: lower-case letters, digits, `_`, `-`, `.` and
 * single `/` between parts. Nothing else is accepted, so no key can climb out of its store.
 */
const KEY = /^[a-z0-9_-]+(?:\.[a-z0-9]+)?(?:\/[a-z0-9_-]+(?:\.[a-z0-9]+)?)*$/;

export const isSafeBlobKey = (key: string): boolean => key.length > 0 && key.length <= 200 && KEY.test(key);
