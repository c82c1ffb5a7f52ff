// PostgreSQL text and jsonb refuse NUL, and an unpaired UTF-16 surrogate has no UTF-8 form: such
// input must be a 400 before it reaches a query, wherever it comes in.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MAX_DEPTH = 64;

/** True when a string anywhere in the value (keys included) cannot be stored. */
export function containsUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(value)) return value.some((v) => containsUnstorable(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([k, v]) => UNSTORABLE.test(k) || containsUnstorable(v, depth + 1),
    );
  }
  return false;
}

/** The request target decoded as the router will see it; null when it is not valid UTF-8. */
export function decodedTarget(url: string): string | null {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
