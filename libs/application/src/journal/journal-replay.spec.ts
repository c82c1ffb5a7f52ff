import fc from 'fast-check';
import { canonicalJson } from '@gongkai/persistence';
import { sameJson } from './journal-replay';

describe('sameJson', () => {
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom('a', 'b', '1'),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }),
    ),
  })).value;

  it('agrees with comparing canonical JSON, whatever the key order', () => {
    fc.assert(
      fc.property(json, json, (a, b) => sameJson(a, b) === (canonicalJson(a) === canonicalJson(b))),
      { numRuns: 5000 },
    );
  });

  it('ignores key order and undefined members, not values', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1, d: undefined })).toBe(
      true,
    );
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});
