import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, GENESIS_HASH, journalHash } from './journal-hash';

/** canonicalJson as it was first written: every stored hash was taken with it. */
function reference(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: 'grapheme' }),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('gives exactly the text the journal was hashed with, for any JSON value', () => {
    fc.assert(
      fc.property(json, (v) => canonicalJson(v) === reference(v)),
      { numRuns: 2000 },
    );
  });

  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('journalHash', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 12 });
  const row = fc.record({
    caseId: fc.uuid(),
    seq: fc.integer({ min: 1, max: 500 }),
    type: text,
    machineEvent: fc.boolean(),
    payload: fc.dictionary(fc.string(), json, { maxKeys: 5 }),
    actorId: text,
    actorRole: text,
    occurredOn: text,
    recordedAt: fc.date({ noInvalidDate: true }),
    basis: fc.option(text, { nil: null }),
    stateAfter: text,
    prevHash: fc.constantFrom(GENESIS_HASH, 'a'.repeat(64)),
  });

  it('is SHA-256 of the row as first hashed (canonical JSON), with the instant as a Date or as its ISO text', () => {
    fc.assert(
      fc.property(row, (r) => {
        const expected = createHash('sha256').update(reference(r)).digest('hex');
        return (
          journalHash(r) === expected &&
          journalHash({ ...r, recordedAt: r.recordedAt.toISOString() }) === expected
        );
      }),
      { numRuns: 1000 },
    );
  });
});
