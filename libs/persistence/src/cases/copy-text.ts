const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Text as a COPY field: escaped, so it can neither end its field or row nor read as `\.` or `\N`. */
function escapeCopyText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}

/**
 * A value as one field of PostgreSQL's COPY text format (docs: COPY, "Text Format"): `\N` is
 * NULL; the column's own input function reads the rest, so dates stay `YYYY-MM-DD`, a timestamp
 * is its ISO string (UTC, milliseconds, as the journal hash covers it) and a json(b) column gets
 * the value's JSON. An object for any other column is refused rather than guessed at (an array
 * column would need PostgreSQL's array syntax).
 */
export function copyField(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return escapeCopyText(JSON.stringify(value));
  switch (typeof value) {
    case 'string':
      return escapeCopyText(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`COPY: ${value} is not a column value`);
      return String(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
  }
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`COPY: a ${typeof value} is only written to a json or jsonb column`);
}
